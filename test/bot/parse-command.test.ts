import { describe, expect, it } from 'vitest';
import {
  COMMAND_TABLE,
  type ParsedCommand,
  parseCommand,
  renderHelp,
  usageOf,
} from '../../bot/parse-command.ts';

const ACCEPTED: [string, ParsedCommand][] = [
  ['', { name: 'help' }],
  ['   ', { name: 'help' }],
  ['help', { name: 'help' }],
  ['HELP', { name: 'help' }],
  ['list', { name: 'list' }],
  ['connect', { name: 'connect', connection: undefined }],
  ['connect Prod', { name: 'connect', connection: 'prod' }],
  ['scan prod', { name: 'scan', connection: 'prod', regions: [], services: [] }],
  [
    'scan prod us-east-1 eu-west-1',
    { name: 'scan', connection: 'prod', regions: ['us-east-1', 'eu-west-1'], services: [] },
  ],
  [
    'scan prod us-east-1,EU-WEST-1 us-east-1',
    { name: 'scan', connection: 'prod', regions: ['us-east-1', 'eu-west-1'], services: [] },
  ],
  ['scan prod --services s3,ec2', { name: 'scan', connection: 'prod', regions: [], services: ['s3', 'ec2'] }],
  [
    'scan prod --services=elb us-west-2',
    { name: 'scan', connection: 'prod', regions: ['us-west-2'], services: ['elbv2'] },
  ],
  [
    'scan prod --services s3 --services iam,s3',
    { name: 'scan', connection: 'prod', regions: [], services: ['s3', 'iam'] },
  ],
  ['  scan   staging_eu  ', { name: 'scan', connection: 'staging_eu', regions: [], services: [] }],
  ['revoke-status', { name: 'revoke-status', connection: undefined }],
  ['revoke-status prod', { name: 'revoke-status', connection: 'prod' }],
  ['disconnect prod', { name: 'disconnect', connection: 'prod' }],
  ['rotate-external-id prod', { name: 'rotate-external-id', connection: 'prod' }],
  ['audit', { name: 'audit', connection: undefined }],
  ['audit prod', { name: 'audit', connection: 'prod' }],
];

const REFUSED: [string, RegExp][] = [
  ['scna prod', /^`scna` is not an Axiom command\. Did you mean `scan`\? Try `\/axiom help`\.$/],
  ['frobnicate', /^`frobnicate` is not an Axiom command\. Try `\/axiom help`\.$/],
  [
    'scan',
    /^`scan` needs the connection’s name\.\nUsage: `\/axiom scan <name> \[regions\.\.\.\] \[--services s3,ec2,\.\.\.\]`$/,
  ],
  ['scan prod us-east-99x', /region/],
  ['scan prod --services', /`--services` needs a list/],
  ['scan prod --services dynamodb', /"dynamodb" is not a service Axiom scans/],
  ['scan prod --fast', /^Unknown option `--fast`\./],
  ['scan -prod', /^Unknown option `-prod`\./],
  ['scan pr*d', /"pr\*d" is not a connection name/],
  ['disconnect', /^`disconnect` needs the connection's name\.\nUsage: `\/axiom disconnect <name>`$/],
  ['disconnect a b', /takes one connection name/],
  ['rotate-external-id', /needs the connection's name/],
  ['revoke-status a b', /takes at most one connection name/],
  ['list everything', /^`list` takes no arguments\.\nUsage: `\/axiom list`$/],
  ['connect <@U123>', /is not a connection name/],
];

describe('parseCommand', () => {
  it.each(ACCEPTED)('accepts %j', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each(REFUSED)('refuses %j with a helpful message', (text, message) => {
    const result = parseCommand(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('the help comes from the command table', () => {
  it('lists every command with its usage; admin commands only for admins', () => {
    const admin = renderHelp(true);
    for (const spec of COMMAND_TABLE) expect(admin).toContain(`\`${usageOf(spec)}\`  ${spec.summary}`);
    const member = renderHelp(false);
    for (const spec of COMMAND_TABLE) expect(member.includes(usageOf(spec))).toBe(!spec.adminOnly);
    expect(member).toContain('Admins can also connect');
  });

  it('every command in the table parses with the arguments its usage shows', () => {
    const examples: Record<string, string> = {
      help: 'help',
      scan: 'scan prod us-east-1 --services s3',
      list: 'list',
      'revoke-status': 'revoke-status prod',
      connect: 'connect prod',
      disconnect: 'disconnect prod',
      'rotate-external-id': 'rotate-external-id prod',
      audit: 'audit prod',
    };
    for (const spec of COMMAND_TABLE) {
      const parsed = parseCommand(examples[spec.name] ?? '');
      expect(parsed.ok && parsed.command.name).toBe(spec.name);
    }
  });
});
