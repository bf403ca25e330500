import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assumeRole } from '../../../core/connect/assume-role.ts';
import { buildPermissionPolicy } from '../../../core/connect/permission-policy.ts';
import { type VerifyReport, verifyConnection } from '../../../core/connect/verify.ts';
import { loadIamCatalog } from '../../../core/policy/catalog/iam-catalog.ts';
import {
  ACCOUNT,
  AXIOM_POLICY_ARN,
  answerHealthyAccount,
  answerSimulation,
  EXTERNAL_ID,
  ROLE_ARN,
  type RolePolicies,
} from '../../cli/fake-account.ts';
import { FAKE_CREDENTIALS, type FakeAws, queryError, startFakeAws } from '../../helpers/fake-aws.ts';

const catalog = loadIamCatalog();

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

function verify(): Promise<VerifyReport> {
  return verifyConnection({
    roleArn: ROLE_ARN,
    regions: ['us-east-1'],
    endpoint: aws.url,
    resolver: catalog,
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
  });
}

function withAxiom(extra: Partial<RolePolicies>): RolePolicies {
  return {
    attached: { [AXIOM_POLICY_ARN]: buildPermissionPolicy(), ...extra.attached },
    inline: { ...extra.inline },
  };
}

function overPrivileged(report: VerifyReport) {
  return report.diagnoses.filter((diagnosis) => diagnosis.code === 'over-privileged');
}

describe('verifyConnection: a role that can do more than read halts onboarding', () => {
  it.each([
    ['ReadOnlyAccess', /customer data/],
    ['AdministratorAccess', /every action/],
    ['PowerUserAccess', /every action except IAM/],
  ])('the AWS managed policy %s', async (name, why) => {
    const arn = `arn:aws:iam::aws:policy/${name}`;
    answerHealthyAccount(aws, { policies: withAxiom({ attached: { [arn]: undefined } }) });
    const report = await verify();
    expect(report.health).toBe('over-privileged');
    const [diagnosis, ...others] = overPrivileged(report);
    expect(others).toEqual([]);
    expect(diagnosis?.level).toBe('blocker');
    expect(diagnosis?.title).toContain(name);
    expect(diagnosis?.explanation).toMatch(why);
    expect(diagnosis?.explanation).toMatch(/Onboarding stops until the role is read-only/);
    expect(diagnosis?.fix).toBe(`Detach ${name} from the role; attach only the Axiom permission policy.`);
    // The managed policy is recognised by its ARN; its (huge) document is never fetched.
    expect(aws.calls('IAM', 'GetPolicy').map((call) => call.params.PolicyArn)).toEqual([AXIOM_POLICY_ARN]);
    // Blockers come first, so the verdict's reason is the first thing a reader sees.
    expect(report.diagnoses[0]?.code).toBe('over-privileged');
  });

  it('reads as a sentence, and lists every problem in the order the role holds them', async () => {
    answerHealthyAccount(aws, {
      policies: withAxiom({
        attached: {
          'arn:aws:iam::aws:policy/ReadOnlyAccess': undefined,
          'arn:aws:iam::aws:policy/AdministratorAccess': undefined,
        },
        inline: {
          'all-but-iam': {
            Version: '2012-10-17',
            Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
          },
        },
      }),
    });
    answerSimulation(aws, (action) => (action === 's3:PutObject' ? 'allowed' : 'implicitDeny'));
    const report = await verify();
    expect(overPrivileged(report).map((diagnosis) => diagnosis.explanation)).toEqual([
      'The AWS managed policy ReadOnlyAccess (arn:aws:iam::aws:policy/ReadOnlyAccess) is attached; it reads customer data: S3 objects, DynamoDB items, log events and more (Axiom needs only the actions in its own policy). Onboarding stops until the role is read-only.',
      'The AWS managed policy AdministratorAccess (arn:aws:iam::aws:policy/AdministratorAccess) is attached; it grants every action on every resource. Onboarding stops until the role is read-only.',
      'The inline policy all-but-iam allows every action except iam:* (Allow with NotAction). Onboarding stops until the role is read-only.',
      "IAM's policy simulator says the role may call 1 write or data-read action(s) (e.g. s3:PutObject). Onboarding stops until the role is read-only.",
    ]);
  });

  it('reads an AWS managed policy under a path (service-role/...) by its name', async () => {
    const arn = 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess';
    answerHealthyAccount(aws, {
      policies: withAxiom({
        attached: {
          [arn]: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: '*' }],
          },
        },
      }),
    });
    const report = await verify();
    expect(report.health).toBe('healthy');
    expect(aws.calls('IAM', 'GetPolicy').map((call) => call.params.PolicyArn)).toContain(arn);
  });

  it('a customer policy with s3:* lists the write actions it grants', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/s3-admin`;
    answerHealthyAccount(aws, {
      policies: withAxiom({
        attached: {
          [arn]: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } },
        },
      }),
    });
    const report = await verify();
    expect(report.health).toBe('over-privileged');
    const diagnoses = overPrivileged(report);
    const writes = diagnoses.find((diagnosis) => /change resources/.test(diagnosis.explanation));
    expect(writes?.title).toContain(arn);
    expect(writes?.explanation).toMatch(/s3:[A-Z]\w+/);
    const reads = diagnoses.find((diagnosis) => /read customer data/.test(diagnosis.explanation));
    expect(reads?.explanation).toContain('s3:GetObject');
  });

  it('logs:Get* grants GetLogEvents, a read of customer data', async () => {
    answerHealthyAccount(aws, {
      policies: withAxiom({
        inline: {
          'extra-logs': {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['logs:Get*'], Resource: '*' }],
          },
        },
      }),
    });
    const report = await verify();
    expect(report.health).toBe('over-privileged');
    const [diagnosis] = overPrivileged(report);
    expect(diagnosis?.title).toContain('extra-logs');
    expect(diagnosis?.explanation).toMatch(/read customer data/);
    expect(diagnosis?.explanation).toContain('logs:GetLogEvents');
    expect(diagnosis?.fix).toMatch(/Remove these actions/);
  });

  it('an inline policy with Allow + NotAction', async () => {
    answerHealthyAccount(aws, {
      policies: withAxiom({
        inline: {
          'all-but-iam': {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }],
          },
        },
      }),
    });
    const report = await verify();
    expect(report.health).toBe('over-privileged');
    const [diagnosis] = overPrivileged(report);
    expect(diagnosis?.title).toContain('all-but-iam');
    expect(diagnosis?.explanation).toMatch(/every action except iam:\*, organizations:\*/);
    expect(diagnosis?.fix).toMatch(/NotAction/);
  });

  it('a Deny statement or a read-only customer policy is not a problem', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/guardrails`;
    answerHealthyAccount(aws, {
      policies: withAxiom({
        attached: {
          [arn]: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Deny',
                Action: '*',
                Resource: '*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
              { Effect: 'Allow', Action: ['ec2:Describe*', 'logs:Describe*'], Resource: '*' },
            ],
          },
        },
      }),
    });
    const report = await verify();
    expect(report.health).toBe('healthy');
    expect(report.privilege?.status).toBe('read-only');
  });

  it('the policy simulator allowing s3:PutObject', async () => {
    answerHealthyAccount(aws);
    answerSimulation(aws, (action) => (action === 's3:PutObject' ? 'allowed' : 'implicitDeny'));
    const report = await verify();
    expect(report.health).toBe('over-privileged');
    const [diagnosis] = overPrivileged(report);
    expect(diagnosis?.explanation).toContain('s3:PutObject');
    expect(diagnosis?.explanation).toMatch(/policy simulator/);
  });

  it('an explicit deny from the simulator is read-only', async () => {
    answerHealthyAccount(aws);
    answerSimulation(aws, () => 'explicitDeny');
    const report = await verify();
    expect(report.health).toBe('healthy');
  });
});

describe('verifyConnection: what the privilege check cannot see', () => {
  it('a simulator the endpoint does not implement (501): noted, skipped, verify goes on', async () => {
    answerHealthyAccount(aws);
    aws.on('IAM', 'SimulatePrincipalPolicy', () =>
      queryError('NotImplemented', 'SimulatePrincipalPolicy is not yet implemented', 501),
    );
    const report = await verify();
    expect(report.privilege?.simulation).toBe('unavailable');
    expect(report.privilege?.status).toBe('read-only');
    expect(report.privilege?.notes.join(' ')).toMatch(/does not implement iam:SimulatePrincipalPolicy/);
    expect(report.health).toBe('healthy');
    expect(report.probes.filter((probe) => probe.status === 'ok').length).toBeGreaterThan(5);
  });

  it('denied reads of its own policies: status unknown, never "read-only"', async () => {
    answerHealthyAccount(aws);
    aws.on('IAM', 'ListAttachedRolePolicies', () =>
      queryError('AccessDenied', 'User: x is not authorized to perform: iam:ListAttachedRolePolicies', 403),
    );
    const report = await verify();
    expect(report.privilege?.status).toBe('unknown');
    expect(report.privilege?.notes.join(' ')).toMatch(/Could not read the role's own policies/);
    // A role whose policies could not be read is not reported as proven read-only.
    expect(report.health).not.toBe('healthy');
    expect(report.diagnoses.some((diagnosis) => diagnosis.code === 'privilege-unverified')).toBe(true);
  });
});
