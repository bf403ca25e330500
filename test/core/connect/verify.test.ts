import { createServer } from 'node:net';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CredentialSource, createClient } from '../../../core/aws/client-factory.ts';
import { assumeRole } from '../../../core/connect/assume-role.ts';
import { type VerifyOptions, type VerifyReport, verifyConnection } from '../../../core/connect/verify.ts';
import { loadIamCatalog } from '../../../core/policy/catalog/iam-catalog.ts';
import {
  ACCOUNT,
  ASSUMED,
  answerHealthyAccount,
  EXTERNAL_ID,
  PROBES,
  ROLE_ARN,
  signedWith,
} from '../../cli/fake-account.ts';
import {
  FAKE_CREDENTIALS,
  type FakeAws,
  queryError,
  startFakeAws,
  stsAssumeRoleResponse,
} from '../../helpers/fake-aws.ts';

const catalog = loadIamCatalog();
const NOW = new Date('2025-06-15T12:00:00Z');

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

/** Verify options that assume the role through the fake with the External ID, like the CLI does. */
function options(overrides: Partial<VerifyOptions> = {}, endpoint = aws.url): VerifyOptions {
  return {
    roleArn: ROLE_ARN,
    regions: ['us-east-1'],
    endpoint,
    resolver: catalog,
    now: () => NOW,
    maxAttempts: 1,
    connect: () =>
      assumeRole({
        roleArn: ROLE_ARN,
        externalId: EXTERNAL_ID,
        region: 'us-east-1',
        endpoint,
        maxAttempts: 1,
        sourceCredentials: FAKE_CREDENTIALS,
        sessionName: 'axiom-verify',
      }),
    ...overrides,
  };
}

function codes(report: VerifyReport): string[] {
  return report.diagnoses.map((diagnosis) => diagnosis.code);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('verifyConnection: a healthy read-only role', () => {
  it('assumes with the External ID, reads every service with the assumed keys and finds the role read-only', async () => {
    answerHealthyAccount(aws);
    const report = await verifyConnection(options());

    expect(report.health).toBe('healthy');
    expect(report.identity).toEqual({
      account: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/axiom-readonly/axiom-verify`,
    });
    expect(report.diagnoses.filter((diagnosis) => diagnosis.level !== 'info')).toEqual([]);
    expect(report.privilege).toMatchObject({ status: 'read-only', simulation: 'done', problems: [] });

    // Every probe answered with the sample the fake holds.
    const byAction = Object.fromEntries(report.probes.map((probe) => [probe.action, probe]));
    for (const probe of PROBES) expect(byAction[probe.action]?.status, probe.action).toBe('ok');
    expect(byAction['ec2:DescribeInstances']?.items).toBe(1);
    expect(byAction['iam:GetAccountSummary']?.items).toBe(4);
    expect(byAction['cloudwatch:GetMetricData']?.items).toBe(1);
    expect(byAction['s3:GetAccountPublicAccessBlock']?.items).toBe(1);

    // Cost Explorer bills each request: skipped, and never called.
    expect(byAction['ce:GetCostAndUsage']).toMatchObject({ status: 'skipped' });
    expect(byAction['ce:GetCostAndUsage']?.detail).toMatch(/bills/);
    expect(aws.calls('CostExplorer')).toEqual([]);

    // The External ID reached STS, signed with the source credentials.
    const [assume] = aws.calls('STS', 'AssumeRole');
    expect(assume?.params).toMatchObject({ RoleArn: ROLE_ARN, ExternalId: EXTERNAL_ID });
    expect(assume?.headers.authorization).toContain(`Credential=${FAKE_CREDENTIALS.accessKeyId}/`);

    // Everything after AssumeRole was signed with the role's temporary keys, never the source keys.
    const afterAssume = aws.requests.filter((request) => request.operation !== 'AssumeRole');
    expect(afterAssume.length).toBeGreaterThan(PROBES.length);
    expect(signedWith(aws, ASSUMED.accessKeyId)).toHaveLength(afterAssume.length);
    for (const request of afterAssume)
      expect(request.headers['x-amz-security-token'], request.operation).toBe(ASSUMED.sessionToken);
    expect(signedWith(aws, FAKE_CREDENTIALS.accessKeyId)).toEqual(['STS:AssumeRole']);

    // The privilege check read the default version of the one policy and simulated every forbidden action.
    expect(aws.calls('IAM', 'GetPolicyVersion')[0]?.params.VersionId).toBe('v3');
    expect(aws.calls('IAM', 'SimulatePrincipalPolicy')).toHaveLength(1);
    expect(aws.requests.every((request) => request.handled)).toBe(true);
  });

  it('runs the Cost Explorer probe only when asked', async () => {
    answerHealthyAccount(aws);
    aws.on('CostExplorer', 'GetCostAndUsage', (request) => {
      expect(request.params).toMatchObject({
        TimePeriod: { Start: '2025-05-01', End: '2025-06-01' },
        Granularity: 'MONTHLY',
      });
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({
          ResultsByTime: [
            {
              TimePeriod: { Start: '2025-05-01', End: '2025-06-01' },
              Total: { UnblendedCost: { Amount: '12.34', Unit: 'USD' } },
              Estimated: false,
            },
          ],
          DimensionValueAttributes: [],
        }),
      };
    });
    const report = await verifyConnection(options({ includeBilledProbes: true }));
    expect(report.probes.find((probe) => probe.client === 'CostExplorer')).toMatchObject({
      status: 'ok',
      items: 1,
    });
    expect(report.health).toBe('healthy');
  });

  it('drops the session at the end: its credentials no longer sign anything', async () => {
    answerHealthyAccount(aws);
    let credentials: CredentialSource | undefined;
    const report = await verifyConnection(
      options({
        connect: async () => {
          const session = await assumeRole({
            roleArn: ROLE_ARN,
            externalId: EXTERNAL_ID,
            region: 'us-east-1',
            endpoint: aws.url,
            maxAttempts: 1,
            sourceCredentials: FAKE_CREDENTIALS,
          });
          credentials = session.credentials;
          return session;
        },
      }),
    );
    expect(report.health).toBe('healthy');
    const before = aws.requests.length;
    const sts = createClient(STSClient, {
      region: 'us-east-1',
      endpoint: aws.url,
      maxAttempts: 1,
      ...(credentials === undefined ? {} : { credentials }),
    });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      code: 'session_dropped',
    });
    expect(aws.requests.length).toBe(before);
  });

  it('drops the session even when a later step fails', async () => {
    answerHealthyAccount(aws, { callerAccount: '999988887777' });
    let dropped = false;
    await verifyConnection(
      options({
        connect: async () => {
          const session = await assumeRole({
            roleArn: ROLE_ARN,
            externalId: EXTERNAL_ID,
            region: 'us-east-1',
            endpoint: aws.url,
            maxAttempts: 1,
            sourceCredentials: FAKE_CREDENTIALS,
          });
          return {
            credentials: session.credentials,
            drop: () => {
              dropped = true;
              session.drop();
            },
          };
        },
      }),
    );
    expect(dropped).toBe(true);
  });
});

describe('verifyConnection: cannot connect', () => {
  it('diagnoses AccessDenied on AssumeRole (trust policy, account, External ID)', async () => {
    aws.on('STS', 'AssumeRole', () =>
      queryError(
        'AccessDenied',
        `User: arn:aws:sts::999988887777:assumed-role/axiom-scanner/i-0abc is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`,
        403,
      ),
    );
    const report = await verifyConnection(options());
    expect(report.health).toBe('cannot-connect');
    expect(report.probes).toEqual([]);
    expect(codes(report)).toEqual(['assume-denied']);
    const [diagnosis] = report.diagnoses;
    expect(diagnosis?.level).toBe('blocker');
    expect(diagnosis?.explanation).toMatch(/trust policy/);
    expect(diagnosis?.explanation).toMatch(/account/);
    expect(diagnosis?.explanation).toMatch(/External ID/);
    expect(diagnosis?.explanation).toContain('is not authorized to perform: sts:AssumeRole');
    expect(diagnosis?.fix).toMatch(/axiom onboard --format trust/);
    // Nothing was attempted with a role that was never assumed.
    expect(aws.requests.map((request) => request.operation)).toEqual(['AssumeRole']);
  });

  it.each([
    ['ExpiredToken', 'The security token included in the request is expired'],
    ['InvalidClientTokenId', 'The security token included in the request is invalid.'],
    [
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    ],
  ])('blames the caller credentials for %s, not the role', async (code, message) => {
    aws.on('STS', 'AssumeRole', () => queryError(code, message, 403));
    const report = await verifyConnection(options());
    expect(report.health).toBe('cannot-connect');
    expect(codes(report)).toEqual(['caller-credentials']);
    expect(report.diagnoses[0]?.explanation).toContain(message);
    expect(report.diagnoses[0]?.fix).toMatch(/[Rr]efresh the credentials/);
  });

  it('diagnoses a deactivated STS region', async () => {
    aws.on('STS', 'AssumeRole', () =>
      queryError(
        'RegionDisabledException',
        'STS is not activated in this region for account:111122223333. Your account administrator can activate STS in this region using the IAM Console.',
        403,
      ),
    );
    const report = await verifyConnection(options());
    expect(codes(report)).toEqual(['sts-region-disabled']);
    expect(report.diagnoses[0]?.fix).toMatch(/Security Token Service/);
  });

  it('diagnoses a malformed policy document', async () => {
    aws.on('STS', 'AssumeRole', () =>
      queryError('MalformedPolicyDocument', 'The policy is not in the valid JSON format.', 400),
    );
    const report = await verifyConnection(options());
    expect(report.health).toBe('cannot-connect');
    expect(codes(report)).toEqual(['malformed-policy']);
    expect(report.diagnoses[0]?.fix).toMatch(/validate/);
  });

  it('diagnoses an External ID mismatch reported by name', async () => {
    aws.on('STS', 'AssumeRole', () =>
      queryError('InvalidExternalId', 'The External ID does not match the trust policy.', 400),
    );
    const report = await verifyConnection(options());
    expect(codes(report)).toEqual(['external-id-mismatch']);
  });

  it('diagnoses an unreachable endpoint (connection refused)', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const report = await verifyConnection(options({}, endpoint));
    expect(report.health).toBe('cannot-connect');
    expect(codes(report)).toEqual(['endpoint-unreachable']);
    expect(report.diagnoses[0]?.fix).toMatch(/AWS_ENDPOINT_URL/);
  });

  it('never puts the External ID in the report, even when an endpoint echoes it', async () => {
    aws.on('STS', 'AssumeRole', () =>
      queryError(
        'AccessDenied',
        `ExternalId ${EXTERNAL_ID} does not match the trust policy of ${ROLE_ARN}`,
        403,
      ),
    );
    const report = await verifyConnection(options());
    expect(codes(report)).toEqual(['assume-denied']);
    expect(JSON.stringify(report)).not.toContain(EXTERNAL_ID);
    expect(JSON.stringify(report)).toContain('does not match the trust policy');
  });

  it('refuses an ARN that is not a role without calling AWS', async () => {
    const report = await verifyConnection(options({ roleArn: `arn:aws:iam::${ACCOUNT}:user/alice` }));
    expect(report.health).toBe('cannot-connect');
    expect(codes(report)).toEqual(['bad-role-arn']);
    expect(report.diagnoses[0]?.explanation).toMatch(/is an IAM user ARN; Axiom needs the ARN of a role/);
    expect(aws.requests).toEqual([]);
  });

  it('stops when the session belongs to another account', async () => {
    answerHealthyAccount(aws, { callerAccount: '999988887777' });
    const report = await verifyConnection(options());
    expect(report.health).toBe('cannot-connect');
    expect(codes(report)).toEqual(['account-mismatch']);
    expect(report.diagnoses[0]?.explanation).toContain(ACCOUNT);
    expect(report.diagnoses[0]?.explanation).toContain('999988887777');
    // No service was read on behalf of the wrong account.
    expect(aws.requests.map((request) => request.operation)).toEqual(['AssumeRole', 'GetCallerIdentity']);
  });

  it('diagnoses assumed credentials that STS refuses right away', async () => {
    aws.on('STS', 'AssumeRole', () => stsAssumeRoleResponse({ ...ASSUMED }));
    aws.on('STS', 'GetCallerIdentity', () =>
      queryError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
    );
    const report = await verifyConnection(options());
    expect(report.health).toBe('cannot-connect');
    expect(codes(report)).toEqual(['identity-check-failed']);
    expect(report.diagnoses[0]?.explanation).toContain('InvalidClientTokenId');
    expect(report.diagnoses[0]?.fix).toMatch(/clock and AWS_ENDPOINT_URL/);
  });
});
