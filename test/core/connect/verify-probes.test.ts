import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assumeRole } from '../../../core/connect/assume-role.ts';
import { type VerifyOptions, type VerifyReport, verifyConnection } from '../../../core/connect/verify.ts';
import { loadIamCatalog } from '../../../core/policy/catalog/iam-catalog.ts';
import {
  answerHealthyAccount,
  denialMessage,
  deniedReply,
  EXTERNAL_ID,
  PROBES,
  type ProbeEndpoint,
  ROLE_ARN,
} from '../../cli/fake-account.ts';
import {
  FAKE_CREDENTIALS,
  type FakeAws,
  jsonError,
  queryError,
  startFakeAws,
} from '../../helpers/fake-aws.ts';

const catalog = loadIamCatalog();
const ORDER = ['blocker', 'warning', 'info'];

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

function verify(overrides: Partial<VerifyOptions> = {}): Promise<VerifyReport> {
  return verifyConnection({
    roleArn: ROLE_ARN,
    regions: ['us-east-1'],
    endpoint: aws.url,
    resolver: catalog,
    now: () => new Date('2025-06-15T12:00:00Z'),
    maxAttempts: 1,
    connect: () =>
      assumeRole({
        roleArn: ROLE_ARN,
        externalId: EXTERNAL_ID,
        region: 'us-east-1',
        endpoint: aws.url,
        maxAttempts: 1,
        sourceCredentials: FAKE_CREDENTIALS,
      }),
    ...overrides,
  });
}

function probe(service: ProbeEndpoint['service']): ProbeEndpoint {
  const found = PROBES.find((candidate) => candidate.service === service);
  if (!found) throw new Error(`no probe for ${service}`);
  return found;
}

function deny(endpoint: ProbeEndpoint, why: Parameters<typeof denialMessage>[1] = 'missing'): void {
  aws.on(endpoint.service, endpoint.operation, () =>
    deniedReply(endpoint, denialMessage(endpoint.action, why)),
  );
}

function statusOf(report: VerifyReport, action: string): string | undefined {
  return report.probes.find((candidate) => candidate.action === action)?.status;
}

describe('verifyConnection: denied reads', () => {
  it.each(PROBES.map((endpoint) => [endpoint.action, endpoint] as const))(
    'an SCP denying %s is a warning and the connection is degraded',
    async (_action, endpoint) => {
      answerHealthyAccount(aws);
      deny(endpoint, 'scp');
      const report = await verify();
      expect(report.health).toBe('degraded');
      expect(statusOf(report, endpoint.action)).toBe('denied');
      const problems = report.diagnoses.filter((diagnosis) => diagnosis.level !== 'info');
      expect(problems.map((diagnosis) => diagnosis.code)).toEqual(['scp-denied']);
      expect(problems[0]?.title).toContain(endpoint.action);
      expect(problems[0]?.explanation).toMatch(/service control policy/);
      expect(problems[0]?.fix).toMatch(/Organizations administrator/);
      // The other services still answered.
      expect(report.probes.filter((result) => result.status === 'ok')).toHaveLength(PROBES.length - 1);
    },
  );

  it.each([
    ['EC2 (UnauthorizedOperation, EC2 envelope)', 'EC2'],
    ['IAM (AccessDenied, Query)', 'IAM'],
    ['S3 (AccessDenied, REST-XML)', 'S3'],
    ['CloudWatch Logs (AccessDeniedException, JSON 1.1, HTTP 400)', 'CloudWatchLogs'],
    ['Tagging (AccessDeniedException, JSON 1.1, HTTP 400)', 'ResourceGroupsTaggingAPI'],
    ['CloudWatch (AccessDenied, JSON 1.0 query-compatible)', 'CloudWatch'],
  ] as const)('a missing permission in %s is a permission gap', async (_name, service) => {
    answerHealthyAccount(aws);
    const endpoint = probe(service);
    deny(endpoint, 'missing');
    const report = await verify();
    expect(report.health).toBe('degraded');
    expect(statusOf(report, endpoint.action)).toBe('denied');
    const gap = report.diagnoses.find((diagnosis) => diagnosis.code === 'permission-gap');
    expect(gap?.title).toContain(endpoint.action);
    expect(gap?.fix).toMatch(/axiom onboard --format permissions/);
  });

  it.each([
    ['boundary', 'boundary-denied', /permissions boundary/],
    ['explicit', 'explicit-deny', /Deny statement/],
    ['session', 'session-policy-denied', /session policy/],
    ['resource-control', 'rcp-denied', /resource control polic/],
  ] as const)('names the source of a %s denial', async (why, code, wording) => {
    answerHealthyAccount(aws);
    deny(probe('RDS'), why);
    const report = await verify();
    expect(report.health).toBe('degraded');
    const diagnosis = report.diagnoses.find((candidate) => candidate.level === 'warning');
    expect(diagnosis?.code).toBe(code);
    expect(`${diagnosis?.explanation} ${diagnosis?.fix}`).toMatch(wording);
  });

  it('lists the diagnoses in catalogue order, whichever service answers first', async () => {
    answerHealthyAccount(aws);
    const ec2 = probe('EC2');
    const logs = probe('CloudWatchLogs');
    let logsAnswered: () => void = () => undefined;
    const afterLogs = new Promise<void>((resolve) => {
      logsAnswered = resolve;
    });
    aws.on(logs.service, logs.operation, () => {
      logsAnswered();
      return deniedReply(logs, denialMessage(logs.action, 'boundary'));
    });
    // EC2 answers only once Logs has: the slower service comes first in the catalogue.
    aws.on(ec2.service, ec2.operation, async () => {
      await afterLogs;
      return deniedReply(ec2, denialMessage(ec2.action, 'scp'));
    });
    const report = await verify();
    expect(report.diagnoses.filter((d) => d.level === 'warning').map((d) => d.code)).toEqual([
      'scp-denied',
      'boundary-denied',
    ]);
    const levels = report.diagnoses.map((diagnosis) => diagnosis.level);
    expect(levels).toEqual([...levels].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
  });

  it('every read denied: no access, with one blocker saying permission is missing (not resources)', async () => {
    answerHealthyAccount(aws);
    for (const endpoint of PROBES) deny(endpoint, 'missing');
    const report = await verify();
    expect(report.health).toBe('no-access');
    expect(report.diagnoses[0]?.code).toBe('no-permission');
    expect(report.diagnoses[0]?.level).toBe('blocker');
    expect(report.diagnoses[0]?.explanation).toMatch(/lack of permission, not for lack of resources/);
    expect(report.diagnoses[0]?.fix).toMatch(/axiom onboard --format permissions/);
    expect(report.diagnoses.filter((diagnosis) => diagnosis.level === 'blocker')).toHaveLength(1);
    expect(report.diagnoses.some((diagnosis) => diagnosis.code === 'empty-account')).toBe(false);
  });

  it('every read works and finds nothing: an empty account, not a permission problem', async () => {
    answerHealthyAccount(aws, { resources: 'none' });
    const report = await verify({ regions: ['eu-west-3'] });
    expect(report.health).toBe('healthy');
    expect(report.probes.filter((result) => result.status === 'ok')).toHaveLength(PROBES.length);
    // Account settings (IAM's summary, the public access block) are never empty, and do not count.
    expect(report.probes.find((result) => result.client === 'IAM')?.items).toBeGreaterThan(0);
    const empty = report.diagnoses.find((diagnosis) => diagnosis.code === 'empty-account');
    expect(empty?.level).toBe('info');
    expect(empty?.explanation).toMatch(/no resources, not missing permissions/);
    expect(empty?.explanation).toContain('eu-west-3');
    expect(report.diagnoses.some((diagnosis) => diagnosis.code === 'no-permission')).toBe(false);
  });

  it('runs the regional reads in the first selected region', async () => {
    answerHealthyAccount(aws);
    await verify({ regions: ['eu-west-2', 'us-east-1'] });
    const ec2 = aws.calls('EC2', 'DescribeInstances')[0];
    expect(ec2?.headers.authorization).toMatch(/\/eu-west-2\/ec2\/aws4_request/);
  });

  it('an API the endpoint lacks is n/a, not a gap, and does not degrade the connection', async () => {
    answerHealthyAccount(aws);
    aws.on('ResourceGroupsTaggingAPI', 'GetResources', () =>
      jsonError('UnknownOperationException', 'Operation is not supported', 400),
    );
    const report = await verify();
    expect(statusOf(report, 'tag:GetResources')).toBe('unimplemented');
    expect(report.health).toBe('healthy');
    expect(report.diagnoses.find((diagnosis) => diagnosis.code === 'api-unavailable')?.level).toBe('info');
  });

  it('a throttled or failing read is an error, reported with AWS’s code', async () => {
    answerHealthyAccount(aws);
    aws.on('RDS', 'DescribeDBInstances', () => queryError('Throttling', 'Rate exceeded', 400));
    const report = await verify();
    expect(statusOf(report, 'rds:DescribeDBInstances')).toBe('error');
    expect(report.probes.find((result) => result.client === 'RDS')?.detail).toBe('Throttling: Rate exceeded');
    expect(report.health).toBe('degraded');
    expect(report.diagnoses.find((diagnosis) => diagnosis.level === 'warning')?.code).toBe('probe-error');
  });
});
