/**
 * `/axiom ...` text to a command, purely. One table lists every command with its usage and who may run it;
 * the parser and `help` both read it, so the help can never drift from what is accepted. Mistakes come back as
 * a message that says what was wrong and shows the usage.
 */
import { parseScanServices, regionProblem } from '../core/index.ts';

/** The commands. */
export type CommandName =
  | 'help'
  | 'connect'
  | 'scan'
  | 'revoke-status'
  | 'list'
  | 'disconnect'
  | 'rotate-external-id'
  | 'audit';

/** One line of the command table. */
export interface CommandSpec {
  /** The word after `/axiom`. */
  name: CommandName;
  /** Arguments, as the help shows them. */
  args: string;
  /** What it does, one line. */
  summary: string;
  /** Only Axiom admins may run it. */
  adminOnly: boolean;
}

/** Every command, in help order. */
export const COMMAND_TABLE: readonly CommandSpec[] = [
  { name: 'help', args: '', summary: 'Show this help.', adminOnly: false },
  {
    name: 'scan',
    args: '<name> [regions...] [--services s3,ec2,...]',
    summary: 'Scan a connected account; the report is posted here when done.',
    adminOnly: false,
  },
  { name: 'list', args: '', summary: 'List the connections you may use in this channel.', adminOnly: false },
  {
    name: 'revoke-status',
    args: '[name]',
    summary: 'Try the role now: connected or disconnected, since when, and the last error.',
    adminOnly: false,
  },
  {
    name: 'connect',
    args: '[name]',
    summary: 'Connect an AWS account: opens a form with the read-only role to create.',
    adminOnly: true,
  },
  {
    name: 'disconnect',
    args: '<name>',
    summary: 'Forget a connection (its role ARN and External ID); you then delete the IAM role.',
    adminOnly: true,
  },
  {
    name: 'rotate-external-id',
    args: '<name>',
    summary: 'Give a connection a new External ID, switching once the role accepts it.',
    adminOnly: true,
  },
  { name: 'audit', args: '[name]', summary: 'Show the latest audit log entries.', adminOnly: true },
];

/** A parsed command. */
export type ParsedCommand =
  | { name: 'help' }
  | { name: 'list' }
  | { name: 'connect'; connection: string | undefined }
  | { name: 'scan'; connection: string; regions: string[]; services: string[] }
  | { name: 'revoke-status'; connection: string | undefined }
  | { name: 'disconnect'; connection: string }
  | { name: 'rotate-external-id'; connection: string }
  | { name: 'audit'; connection: string | undefined };

/** Result of `parseCommand`. */
export type ParseCommandResult =
  | { ok: true; command: ParsedCommand }
  | {
      /** Not a command. */
      ok: false;
      /** What is wrong, for the user, with the usage to follow. */
      message: string;
    };

const CONNECTION_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** `/axiom scan <name> ...`: one command's usage line. */
export function usageOf(spec: CommandSpec, slashCommand = '/axiom'): string {
  return `${slashCommand} ${spec.name}${spec.args === '' ? '' : ` ${spec.args}`}`;
}

/** The help text, generated from the table. */
export function renderHelp(isAdmin: boolean, slashCommand = '/axiom'): string {
  const lines = COMMAND_TABLE.filter((spec) => isAdmin || !spec.adminOnly).map(
    (spec) => `\`${usageOf(spec, slashCommand)}\`  ${spec.summary}${spec.adminOnly ? ' _(admins)_' : ''}`,
  );
  return [
    '*Axiom: read-only AWS posture scans*',
    ...lines,
    isAdmin ? '' : '_Admins can also connect, disconnect and rotate accounts, and read the audit log._',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

function fail(message: string, spec?: CommandSpec): ParseCommandResult {
  return { ok: false, message: spec === undefined ? message : `${message}\nUsage: \`${usageOf(spec)}\`` };
}

function connectionName(text: string, spec: CommandSpec): string | ParseCommandResult {
  const name = text.toLowerCase();
  if (CONNECTION_NAME.test(name)) return name;
  return fail(
    `"${text}" is not a connection name: use up to 63 letters, digits, "-" or "_", starting with a letter or digit.`,
    spec,
  );
}

function optionalName(args: string[], spec: CommandSpec): string | undefined | ParseCommandResult {
  if (args.length > 1) return fail(`\`${spec.name}\` takes at most one connection name.`, spec);
  return args[0] === undefined ? undefined : connectionName(args[0], spec);
}

function requiredName(args: string[], spec: CommandSpec): string | ParseCommandResult {
  if (args.length === 0) return fail(`\`${spec.name}\` needs the connection's name.`, spec);
  if (args.length > 1) return fail(`\`${spec.name}\` takes one connection name.`, spec);
  return connectionName(args[0] ?? '', spec);
}

function parseScan(args: string[], spec: CommandSpec): ParseCommandResult {
  const positional: string[] = [];
  const services: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--services' || arg.startsWith('--services=')) {
      const list = arg === '--services' ? args[++index] : arg.slice('--services='.length);
      if (list === undefined || list === '')
        return fail('`--services` needs a list, e.g. `--services s3,ec2`.', spec);
      const parsed = parseScanServices(list);
      if (!parsed.ok) return fail(`${parsed.errors.join('; ')}.`, spec);
      services.push(...parsed.services.filter((service) => !services.includes(service)));
    } else if (arg.startsWith('-')) return fail(`Unknown option \`${arg}\`.`, spec);
    else positional.push(arg);
  }
  const [name, ...regions] = positional;
  if (name === undefined) return fail('`scan` needs the connection’s name.', spec);
  const connection = connectionName(name, spec);
  if (typeof connection !== 'string') return connection;
  const normalised = regions.flatMap((region) => region.split(',')).filter((region) => region !== '');
  for (const region of normalised) {
    const problem = regionProblem(region.toLowerCase());
    if (problem !== undefined) return fail(`${problem}.`, spec);
  }
  return {
    ok: true,
    command: {
      name: 'scan',
      connection,
      regions: [...new Set(normalised.map((region) => region.toLowerCase()))],
      services,
    },
  };
}

function specOf(name: CommandName): CommandSpec {
  const spec = COMMAND_TABLE.find((candidate) => candidate.name === name);
  if (spec === undefined) throw new Error(`command ${name} is missing from COMMAND_TABLE`);
  return spec;
}

/** Parses the text after `/axiom`. Empty text is `help`. */
export function parseCommand(text: string): ParseCommandResult {
  const [word, ...args] = text
    .trim()
    .split(/\s+/)
    .filter((token) => token !== '');
  if (word === undefined) return { ok: true, command: { name: 'help' } };
  const name = word.toLowerCase();
  const spec = COMMAND_TABLE.find((candidate) => candidate.name === name);
  if (spec === undefined) {
    const closest = COMMAND_TABLE.map((candidate) => ({
      candidate,
      score: distance(name, candidate.name),
    })).sort((a, b) => a.score - b.score)[0];
    const hint =
      closest !== undefined && closest.score <= 2 ? ` Did you mean \`${closest.candidate.name}\`?` : '';
    return fail(`\`${word}\` is not an Axiom command.${hint} Try \`/axiom help\`.`);
  }
  switch (spec.name) {
    case 'help':
    case 'list':
      return args.length > 0
        ? fail(`\`${spec.name}\` takes no arguments.`, spec)
        : { ok: true, command: { name: spec.name } };
    case 'scan':
      return parseScan(args, spec);
    case 'connect':
    case 'revoke-status':
    case 'audit': {
      const connection = optionalName(args, spec);
      if (typeof connection === 'object') return connection;
      return { ok: true, command: { name: spec.name, connection } };
    }
    case 'disconnect':
    case 'rotate-external-id': {
      const connection = requiredName(args, spec);
      if (typeof connection !== 'string') return connection;
      return { ok: true, command: { name: spec.name, connection } };
    }
  }
}

/** The spec of a parsed command. */
export function commandSpec(command: ParsedCommand): CommandSpec {
  return specOf(command.name);
}
