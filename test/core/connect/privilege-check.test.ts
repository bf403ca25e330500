import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPermissionPolicy } from '../../../core/connect/permission-policy.ts';
import {
  analyseRolePolicy,
  checkRolePrivileges,
  describePrivilegeSource,
  SIMULATED_FORBIDDEN_ACTIONS,
} from '../../../core/connect/privilege-check.ts';
import { loadIamCatalog } from '../../../core/policy/catalog/iam-catalog.ts';
import {
  ACCOUNT,
  AXIOM_POLICY_ARN,
  answerRolePolicies,
  answerSimulation,
  axiomOnly,
  ROLE_ARN,
  ROLE_NAME,
  simulatedActions,
} from '../../cli/fake-account.ts';
import { escapeXml, type FakeAws, queryError, queryResponse, startFakeAws } from '../../helpers/fake-aws.ts';

const catalog = loadIamCatalog();

function allow(action: string | string[], extra: Record<string, unknown> = {}) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*', ...extra }] };
}

describe('analyseRolePolicy', () => {
  it("finds nothing beyond reading in Axiom's own permission policy, with or without regions", () => {
    expect(analyseRolePolicy('axiom', buildPermissionPolicy(), catalog)).toEqual([]);
    expect(
      analyseRolePolicy('axiom', buildPermissionPolicy({ regions: ['eu-west-1', 'us-east-1'] }), catalog),
    ).toEqual([]);
  });

  it.each([
    ['s3:PutObject', 'change resources', 's3:PutObject'],
    ['iam:PassRole', 'change resources', 'iam:PassRole'],
    ['ec2:CreateTags', 'change resources', 'ec2:CreateTags'],
    ['s3:GetObject', 'read customer data', 's3:GetObject'],
    ['logs:GetLogEvents', 'read customer data', 'logs:GetLogEvents'],
    ['logs:Get*', 'read customer data', 'logs:GetLogEvents'],
    ['secretsmanager:GetSecretValue', 'read customer data', 'secretsmanager:GetSecretValue'],
    ['KMS:decrypt', 'read customer data', 'kms:Decrypt'],
    ['kms:GenerateDataKey', 'read customer data', 'kms:GenerateDataKey'],
    ['dynamodb:Scan', 'read customer data', 'dynamodb:Scan'],
  ])('%s: grants actions that %s', (action, kind, example) => {
    const problems = analyseRolePolicy('p', allow(action), catalog);
    const problem = problems.find((candidate) => candidate.reason.includes(kind));
    expect(problem?.actions).toContain(example);
  });

  it.each([
    ['ec2:Describe*'],
    ['s3:GetBucketPolicy'],
    ['s3:ListBucket'],
    ['iam:Get*'],
    ['cloudwatch:GetMetricData'],
    ['logs:DescribeLogGroups'],
    ['tag:GetResources'],
  ])('%s is read-only metadata', (action) => {
    expect(analyseRolePolicy('p', allow(action), catalog)).toEqual([]);
  });

  it('counts each action once across statements and samples a few, sorted', () => {
    const problems = analyseRolePolicy(
      'p',
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 's3:*', Resource: '*' },
          { Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::b/*' },
        ],
      },
      catalog,
    );
    const writes = problems.find((problem) => problem.reason.includes('change resources'));
    const count = Number(/grants (\d+) action/.exec(writes?.reason ?? '')?.[1]);
    const expected = catalog
      .expandActionPattern('s3:*')
      .actions.filter((action) =>
        [...action.accessLevels].some((level) => level !== 'List' && level !== 'Read'),
      );
    expect(count).toBe(expected.length);
    expect(writes?.actions).toHaveLength(5);
    expect(writes?.actions).toEqual([...(writes?.actions ?? [])].sort());
  });

  it('Allow with NotAction grants nearly everything', () => {
    const problems = analyseRolePolicy(
      'inline:x',
      { Version: '2012-10-17', Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } },
      catalog,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toBe('allows every action except iam:* (Allow with NotAction)');
  });

  it('ignores Deny statements and tolerates odd documents', () => {
    expect(
      analyseRolePolicy(
        'p',
        { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] },
        catalog,
      ),
    ).toEqual([]);
    expect(analyseRolePolicy('p', undefined, catalog)).toEqual([]);
    expect(analyseRolePolicy('p', { Statement: 'nonsense' }, catalog)).toEqual([]);
    expect(analyseRolePolicy('p', allow('nosuchservice:DoThing'), catalog)).toEqual([]);
  });
});

describe('describePrivilegeSource', () => {
  it.each([
    ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'the AWS managed policy ReadOnlyAccess'],
    ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'the AWS managed policy ViewOnlyAccess'],
    ['arn:aws-us-gov:iam::aws:policy/AdministratorAccess', 'the AWS managed policy AdministratorAccess'],
    [`arn:aws:iam::${ACCOUNT}:policy/x`, `the policy arn:aws:iam::${ACCOUNT}:policy/x`],
    ['inline:extra-logs', 'the inline policy extra-logs'],
    ['simulation', "IAM's policy simulator"],
  ])('%s', (source, expected) => {
    expect(describePrivilegeSource(source)).toBe(expected);
  });
});

describe('checkRolePrivileges against IAM', () => {
  let aws: FakeAws;
  beforeAll(async () => {
    aws = await startFakeAws();
  });
  afterAll(async () => {
    await aws.close();
  });
  beforeEach(() => aws.reset());

  const check = () =>
    checkRolePrivileges({
      roleArn: ROLE_ARN,
      roleName: ROLE_NAME,
      settings: { ...aws.settings },
      resolver: catalog,
    });

  it("reads every attached policy's default version, pages through the lists, and simulates the forbidden actions", async () => {
    const extra = `arn:aws:iam::${ACCOUNT}:policy/page-two`;
    answerRolePolicies(aws, {
      attached: { [AXIOM_POLICY_ARN]: buildPermissionPolicy(), [extra]: allow('s3:PutObject') },
      inline: { second: allow('rds:DeleteDBInstance') },
    });
    // Page the attached list: one policy per page.
    aws.on('IAM', 'ListAttachedRolePolicies', (request) => {
      const arn = request.params.Marker === 'p2' ? extra : AXIOM_POLICY_ARN;
      const more =
        request.params.Marker === 'p2'
          ? '<IsTruncated>false</IsTruncated>'
          : '<IsTruncated>true</IsTruncated><Marker>p2</Marker>';
      return queryResponse(
        'ListAttachedRolePolicies',
        `${more}<AttachedPolicies><member><PolicyName>n</PolicyName><PolicyArn>${escapeXml(arn)}</PolicyArn></member></AttachedPolicies>`,
      );
    });
    aws.on('IAM', 'ListRolePolicies', (request) =>
      queryResponse(
        'ListRolePolicies',
        request.params.Marker === 'm2'
          ? '<IsTruncated>false</IsTruncated><PolicyNames><member>second</member></PolicyNames>'
          : '<IsTruncated>true</IsTruncated><Marker>m2</Marker><PolicyNames/>',
      ),
    );
    answerSimulation(aws);

    const report = await check();
    expect(report.status).toBe('over-privileged');
    expect(report.problems.map((problem) => [problem.source, problem.actions])).toEqual([
      [extra, ['s3:PutObject']],
      ['inline:second', ['rds:DeleteDBInstance']],
    ]);
    expect(aws.calls('IAM', 'GetPolicyVersion').map((call) => call.params)).toEqual([
      { PolicyArn: AXIOM_POLICY_ARN, VersionId: 'v3' },
      { PolicyArn: extra, VersionId: 'v3' },
    ]);
    const [simulation] = aws.calls('IAM', 'SimulatePrincipalPolicy');
    expect(simulation?.params.PolicySourceArn).toBe(ROLE_ARN);
    expect(simulatedActions(simulation?.params ?? {})).toEqual([...SIMULATED_FORBIDDEN_ACTIONS]);
    expect(report.simulation).toBe('done');
  });

  it('a read-only role: status read-only, no notes', async () => {
    answerRolePolicies(aws, axiomOnly());
    answerSimulation(aws);
    expect(await check()).toEqual({ status: 'read-only', problems: [], simulation: 'done', notes: [] });
  });

  it('a simulator that answers allowed for write actions is a problem, whatever the policies say', async () => {
    answerRolePolicies(aws, axiomOnly());
    answerSimulation(aws, (action) =>
      action === 'iam:PassRole' || action === 'kms:Decrypt' ? 'allowed' : 'implicitDeny',
    );
    const report = await check();
    expect(report.status).toBe('over-privileged');
    expect(report.problems).toEqual([
      expect.objectContaining({ source: 'simulation', actions: ['iam:PassRole', 'kms:Decrypt'] }),
    ]);
  });

  it.each([
    ['unavailable', () => queryError('NotImplemented', 'not implemented', 501), /does not implement/],
    [
      'unavailable',
      () =>
        queryError(
          'InvalidAction',
          'The action SimulatePrincipalPolicy is not valid for this web service.',
          400,
        ),
      /does not implement/,
    ],
    [
      'denied',
      () =>
        queryError('AccessDenied', 'User: x is not authorized to perform: iam:SimulatePrincipalPolicy', 403),
      /was denied/,
    ],
    ['error', () => queryError('ServiceFailure', 'internal', 400), /ServiceFailure/],
  ] as const)('a simulation that fails: %s', async (simulation, reply, note) => {
    answerRolePolicies(aws, axiomOnly());
    aws.on('IAM', 'SimulatePrincipalPolicy', reply);
    const report = await check();
    expect(report.simulation).toBe(simulation);
    expect(report.status).toBe('read-only');
    expect(report.notes.join(' ')).toMatch(note);
  });

  it('a policy document that cannot be read is not taken for read-only', async () => {
    answerRolePolicies(aws, axiomOnly());
    answerSimulation(aws);
    aws.on('IAM', 'GetPolicyVersion', () =>
      queryResponse(
        'GetPolicyVersion',
        // A broken percent-escape: decodeURIComponent cannot read it.
        '<PolicyVersion><Document>%7B%22Version%22%3A%E0%A4%A</Document><VersionId>v3</VersionId></PolicyVersion>',
      ),
    );
    const report = await check();
    expect(report.status).toBe('unknown');
    expect(report.notes.join(' ')).toContain(AXIOM_POLICY_ARN);
  });

  it('denied policy reads: status unknown with a note naming the actions needed', async () => {
    aws.on('IAM', 'ListAttachedRolePolicies', () =>
      queryError('AccessDenied', 'User: x is not authorized to perform: iam:ListAttachedRolePolicies', 403),
    );
    answerSimulation(aws);
    const report = await check();
    expect(report.status).toBe('unknown');
    expect(report.notes[0]).toMatch(/iam:ListAttachedRolePolicies/);
  });
});
