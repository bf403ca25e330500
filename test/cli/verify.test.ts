import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VERSION } from '../../cli/version.ts';
import { buildPermissionPolicy } from '../../core/connect/permission-policy.ts';
import { parseRoleArn } from '../../core/connect/role-arn.ts';
import { type FakeAws, queryError, startFakeAws } from '../helpers/fake-aws.ts';
import { axiom, hasStackTrace } from './cli-harness.ts';
import {
  ASSUMED,
  AXIOM_POLICY_ARN,
  answerHealthyAccount,
  denialMessage,
  deniedReply,
  EXTERNAL_ID,
  PROBES,
  ROLE_ARN,
} from './fake-account.ts';

/** The keys the CLI runs with, given through its context's environment only. */
const CLI_KEYS = {
  AWS_ACCESS_KEY_ID: 'AKIACLITESTSOURCE001',
  AWS_SECRET_ACCESS_KEY: 'cliTestSourceSecret/00000000000000000000',
};

let aws: FakeAws;
let env: Record<string, string>;
beforeAll(async () => {
  aws = await startFakeAws();
  env = { AWS_ENDPOINT_URL: aws.url, AWS_REGION: 'us-east-1', ...CLI_KEYS };
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

const verify = (...args: string[]) =>
  axiom(['verify', '--role-arn', ROLE_ARN, '--external-id', EXTERNAL_ID, ...args], env);

/** Every value that must never be printed. */
const SECRETS = [
  EXTERNAL_ID,
  CLI_KEYS.AWS_ACCESS_KEY_ID,
  CLI_KEYS.AWS_SECRET_ACCESS_KEY,
  ASSUMED.accessKeyId,
  ASSUMED.secretAccessKey,
  ASSUMED.sessionToken,
];

describe('axiom verify: exit codes follow the verdict', () => {
  it('healthy: exit 0, the verdict first, nothing on stderr', async () => {
    answerHealthyAccount(aws);
    const run = await verify();
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('Connected: the role is read-only and every service answered.');
    expect(run.stdout).toContain('ec2:DescribeInstances');
    for (const secret of SECRETS) expect(run.stdout).not.toContain(secret);
  });

  it('calls STS with the keys from its context, the External ID and a session name naming the version', async () => {
    answerHealthyAccount(aws);
    await verify();
    const [assume] = aws.calls('STS', 'AssumeRole');
    expect(assume?.headers.authorization).toContain(`Credential=${CLI_KEYS.AWS_ACCESS_KEY_ID}/`);
    expect(assume?.params).toMatchObject({
      RoleArn: ROLE_ARN,
      ExternalId: EXTERNAL_ID,
      RoleSessionName: `axiom-verify-${VERSION}`,
      DurationSeconds: '3600',
    });
    // Everything after AssumeRole went out with the role's keys.
    const later = aws.requests.slice(1);
    expect(
      later.every((request) => request.headers.authorization?.includes(`Credential=${ASSUMED.accessKeyId}/`)),
    ).toBe(true);
  });

  it('passes AWS_SESSION_TOKEN along with temporary source keys', async () => {
    answerHealthyAccount(aws);
    await axiom(['verify', '--role-arn', ROLE_ARN, '--external-id', EXTERNAL_ID], {
      ...env,
      AWS_SESSION_TOKEN: 'FwoGZXIvYXdzECliSessionToken',
    });
    expect(aws.calls('STS', 'AssumeRole')[0]?.headers['x-amz-security-token']).toBe(
      'FwoGZXIvYXdzECliSessionToken',
    );
  });

  it('degraded (an SCP hides one service): still exit 0, with the gap explained', async () => {
    answerHealthyAccount(aws);
    const [ec2] = PROBES;
    if (!ec2) throw new Error('no probes');
    aws.on(ec2.service, ec2.operation, () => deniedReply(ec2, denialMessage(ec2.action, 'scp')));
    const run = await verify();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Connected with gaps/);
    expect(run.stdout).toContain('[warning] ec2:DescribeInstances is blocked by a service control policy');
  });

  it('over-privileged (ReadOnlyAccess attached): exit 4, says to detach it', async () => {
    answerHealthyAccount(aws, {
      policies: {
        attached: {
          [AXIOM_POLICY_ARN]: buildPermissionPolicy(),
          'arn:aws:iam::aws:policy/ReadOnlyAccess': undefined,
        },
        inline: {},
      },
    });
    const run = await verify();
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(/^Onboarding halted: the role can do more than read\./);
    expect(run.stdout).toContain(
      '[blocker] The role can do more than read: the AWS managed policy ReadOnlyAccess',
    );
    expect(run.stdout).toContain(
      'Fix: Detach ReadOnlyAccess from the role; attach only the Axiom permission policy.',
    );
  });

  it('cannot connect (AssumeRole denied): exit 3, with the trust policy diagnosis', async () => {
    aws.on('STS', 'AssumeRole', () =>
      queryError(
        'AccessDenied',
        `User: arn:aws:sts::999988887777:assumed-role/scanner/s is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`,
        403,
      ),
    );
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^Not connected: Axiom could not use the role\./);
    expect(run.stdout).toContain('trust policy');
    expect(run.stdout).toContain('axiom onboard --format trust');
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
  });

  it('no access (every read denied): exit 3', async () => {
    answerHealthyAccount(aws);
    for (const probe of PROBES)
      aws.on(probe.service, probe.operation, () => deniedReply(probe, denialMessage(probe.action)));
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^Connected, but the role cannot read anything\./);
    expect(run.stdout).toContain('[blocker] Every read was denied');
  });

  it('--format json: stdout is the report as JSON, without secrets', async () => {
    answerHealthyAccount(aws);
    const run = await verify('--format', 'json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      roleArn: ROLE_ARN,
      health: 'healthy',
      privilege: { status: 'read-only' },
    });
    expect(report.probes.length).toBeGreaterThan(5);
    for (const secret of SECRETS) expect(run.stdout).not.toContain(secret);
  });

  it('--format json when the connection fails: still JSON, exit 3', async () => {
    aws.on('STS', 'AssumeRole', () =>
      queryError('ExpiredToken', 'The security token included in the request is expired', 400),
    );
    const run = await verify('--format', 'json');
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).diagnoses[0].code).toBe('caller-credentials');
  });

  it('--include-cost runs the billed Cost Explorer probe', async () => {
    answerHealthyAccount(aws);
    aws.on('CostExplorer', 'GetCostAndUsage', () => ({
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ ResultsByTime: [] }),
    }));
    const run = await verify('--include-cost', '--format', 'json');
    expect(run.code).toBe(0);
    expect(aws.calls('CostExplorer', 'GetCostAndUsage')).toHaveLength(1);
  });

  it('without --external-id: says so on stderr and assumes without one', async () => {
    answerHealthyAccount(aws);
    const run = await axiom(['verify', '--role-arn', ROLE_ARN], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/no --external-id given/);
    expect(aws.calls('STS', 'AssumeRole')[0]?.params).not.toHaveProperty('ExternalId');
  });

  it('--regions: reads run in the first region', async () => {
    answerHealthyAccount(aws);
    const run = await verify('--regions', 'eu-central-1,us-east-1');
    expect(run.code).toBe(0);
    expect(aws.calls('EC2', 'DescribeInstances')[0]?.headers.authorization).toMatch(/\/eu-central-1\/ec2\//);
  });
});

describe('axiom verify: usage errors exit 2 before any call', () => {
  const bad = 'arn:aws:iam::12345678901:role/axiom-readonly';
  const parsed = parseRoleArn(bad);
  const parserMessage = parsed.ok ? '' : parsed.error;

  it.each([
    ['missing --role-arn', ['verify', '--external-id', EXTERNAL_ID], {}, /--role-arn is required/],
    [
      'a malformed ARN, with the parser’s message',
      ['verify', '--role-arn', bad],
      {},
      `--role-arn: ${parserMessage}.`,
    ],
    [
      'a user ARN',
      ['verify', '--role-arn', 'arn:aws:iam::111122223333:user/alice'],
      {},
      /is an IAM user ARN/,
    ],
    [
      'an availability zone in --regions',
      ['verify', '--role-arn', ROLE_ARN, '--regions', 'us-east-1a'],
      {},
      /availability zone/,
    ],
    [
      'a made-up region',
      ['verify', '--role-arn', ROLE_ARN, '--regions', 'moon-1'],
      {},
      /--regions: "moon-1" is not a region name/,
    ],
    ['an empty --regions', ['verify', '--role-arn', ROLE_ARN, '--regions', ','], {}, /--regions is empty/],
    [
      'a region of another partition',
      ['verify', '--role-arn', ROLE_ARN, '--regions', 'cn-north-1'],
      {},
      /aws-cn partition, but the role is in aws/,
    ],
    [
      'a bad AWS_REGION',
      ['verify', '--role-arn', ROLE_ARN],
      { AWS_REGION: 'US-EAST-1' },
      /^axiom verify: AWS_REGION: "US-EAST-1" must be written in lower case/,
    ],
    [
      'a bad --format',
      ['verify', '--role-arn', ROLE_ARN, '--format', 'yaml'],
      {},
      /--format must be text or json, not 'yaml'/,
    ],
    [
      'a bad --external-id',
      ['verify', '--role-arn', ROLE_ARN, '--external-id', 'has spaces in it'],
      {},
      /--external-id is not a value STS accepts/,
    ],
    [
      'a bad AWS_ENDPOINT_URL',
      ['verify', '--role-arn', ROLE_ARN],
      { AWS_ENDPOINT_URL: 'localhost:4566' },
      /AWS_ENDPOINT_URL: Could not use the endpoint override/,
    ],
  ] as const)('%s', async (_name, argv, extraEnv, message) => {
    const run = await axiom(argv, { ...env, ...extraEnv });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof message === 'string') expect(run.stderr).toContain(message);
    else expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(aws.requests).toEqual([]);
  });

  it('never echoes a rejected --external-id', async () => {
    const run = await axiom(['verify', '--role-arn', ROLE_ARN, '--external-id', 'bad secret value'], env);
    expect(run.stderr).not.toContain('bad secret value');
  });
});
