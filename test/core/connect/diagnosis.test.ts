import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClassifiedAwsError } from '../../../core/aws/aws-error.ts';
import { assumeRole, assumeRoleWithWebIdentity } from '../../../core/connect/assume-role.ts';
import {
  awsCodeOf,
  type Diagnosis,
  diagnoseAssumeFailure,
  diagnoseIdentityFailure,
  diagnoseProbeFailure,
} from '../../../core/connect/diagnosis.ts';
import { AxiomError } from '../../../core/errors.ts';
import { EXTERNAL_ID, ROLE_ARN } from '../../cli/fake-account.ts';
import { FAKE_CREDENTIALS, type FakeAws, queryError, startFakeAws } from '../../helpers/fake-aws.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** What assumeRole throws when STS answers with `code`. */
function assumeError(code: string, message: string, status: number): Promise<unknown> {
  aws.on('STS', 'AssumeRole', () => queryError(code, message, status));
  return failure(
    assumeRole({
      roleArn: ROLE_ARN,
      externalId: EXTERNAL_ID,
      region: 'us-east-1',
      endpoint: aws.url,
      maxAttempts: 1,
      sourceCredentials: FAKE_CREDENTIALS,
    }),
  );
}

/** The words a person reads. */
function text(diagnosis: Diagnosis): string {
  return `${diagnosis.title} ${diagnosis.explanation} ${diagnosis.fix}`;
}

describe('diagnoseAssumeFailure over what assumeRole throws', () => {
  it.each([
    [
      'AccessDenied',
      `User: arn:aws:sts::999988887777:assumed-role/scanner/s is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`,
      403,
      'assume-denied',
      /trust policy.*External ID/s,
    ],
    ['InvalidExternalId', 'External ID mismatch', 400, 'external-id-mismatch', /Re-paste the External ID/],
    ['MalformedPolicyDocument', 'Syntax errors in policy.', 400, 'malformed-policy', /validate/],
    ['MalformedPolicyDocumentException', 'bad', 400, 'malformed-policy', /policy editor/],
    [
      'RegionDisabledException',
      'STS is not activated in this region',
      403,
      'sts-region-disabled',
      /Activate the region/,
    ],
    [
      'ExpiredToken',
      'The security token included in the request is expired',
      400,
      'caller-credentials',
      /Refresh/,
    ],
    [
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
      403,
      'caller-credentials',
      /Refresh/,
    ],
    [
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      400,
      'duration-too-long',
      /1 hour/,
    ],
    ['ServiceUnavailable', 'try later', 400, 'assume-failed', /STS answered ServiceUnavailable/],
  ])('%s -> %s', async (code, message, status, expected, wording) => {
    const diagnosis = diagnoseAssumeFailure(await assumeError(code, message, status), ROLE_ARN);
    expect(diagnosis.code).toBe(expected);
    expect(diagnosis.level).toBe('blocker');
    expect(text(diagnosis)).toMatch(wording);
    expect(diagnosis.explanation).toContain(message);
  });

  it.each([
    [
      'InvalidIdentityToken',
      'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
    ],
    ['IDPRejectedClaim', 'Incorrect token audience'],
  ])('web identity %s -> oidc-rejected', async (code, message) => {
    aws.on('STS', 'AssumeRoleWithWebIdentity', () => queryError(code, message, 400));
    const error = await failure(
      assumeRoleWithWebIdentity({
        roleArn: ROLE_ARN,
        webIdentityToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvaW5mcmEifQ.sig',
        region: 'us-east-1',
        endpoint: aws.url,
        maxAttempts: 1,
      }),
    );
    const diagnosis = diagnoseAssumeFailure(error, ROLE_ARN);
    expect(diagnosis.code).toBe('oidc-rejected');
    expect(diagnosis.fix).toMatch(/--github-repo/);
  });

  it('keeps the redaction assumeRole made: the External ID never reaches the diagnosis', async () => {
    const error = await assumeError('AccessDenied', `bad ExternalId ${EXTERNAL_ID}`, 403);
    const diagnosis = diagnoseAssumeFailure(error, ROLE_ARN);
    expect(JSON.stringify(diagnosis)).not.toContain(EXTERNAL_ID);
    expect(diagnosis.explanation).toContain('bad ExternalId [redacted]');
    expect(awsCodeOf(error)).toMatchObject({ kind: 'denied', code: 'AccessDenied', httpStatus: 403 });
  });

  it('a refusal before any call says what Axiom refused, not "STS answered"', async () => {
    const error = await failure(
      assumeRole({ roleArn: ROLE_ARN, externalId: 'x', region: 'us-east-1', endpoint: aws.url }),
    );
    expect(error).toBeInstanceOf(AxiomError);
    const diagnosis = diagnoseAssumeFailure(error, ROLE_ARN);
    expect(diagnosis.code).toBe('assume-failed');
    expect(diagnosis.explanation).toMatch(/External ID is not one STS accepts/);
    expect(diagnosis.explanation).not.toMatch(/STS answered/);
    expect(aws.requests).toEqual([]);
  });

  it('a raw SDK error (no ConnectError around it) is diagnosed too', async () => {
    const raw = Object.assign(new Error('The security token included in the request is expired'), {
      name: 'ExpiredToken',
      $metadata: { httpStatusCode: 400 },
    });
    expect(diagnoseAssumeFailure(raw, ROLE_ARN).code).toBe('caller-credentials');
  });
});

describe('diagnoseIdentityFailure', () => {
  it('credentials refused after the role was assumed: not the caller’s credentials, not the trust policy', () => {
    const diagnosis = diagnoseIdentityFailure(
      Object.assign(new Error('The security token included in the request is invalid.'), {
        name: 'InvalidClientTokenId',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    expect(diagnosis.code).toBe('identity-check-failed');
    expect(diagnosis.explanation).not.toMatch(/trust policy/);
  });

  it('no answer at all', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(diagnoseIdentityFailure(refused).code).toBe('endpoint-unreachable');
  });
});

describe('diagnoseProbeFailure', () => {
  const denied = (denialSource: ClassifiedAwsError['denialSource']): ClassifiedAwsError => ({
    kind: 'denied',
    code: 'AccessDenied',
    message: 'User: x is not authorized',
    httpStatus: 403,
    ...(denialSource === undefined ? {} : { denialSource }),
  });

  it.each([
    ['service-control-policy', 'scp-denied', 'warning', /Organizations administrator/],
    ['resource-control-policy', 'rcp-denied', 'warning', /RCP/],
    ['vpc-endpoint-policy', 'vpc-endpoint-denied', 'warning', /VPC endpoint/],
    ['permissions-boundary', 'boundary-denied', 'warning', /permissions boundary/],
    ['explicit-deny', 'explicit-deny', 'warning', /Deny statement/],
    ['session-policy', 'session-policy-denied', 'warning', /session policy/],
    ['resource-policy', 'resource-policy-denied', 'warning', /resource's policy/],
    ['missing-permission', 'permission-gap', 'warning', /axiom onboard --format permissions/],
    [undefined, 'permission-gap', 'warning', /axiom onboard --format permissions/],
  ] as const)('denied by %s -> %s', (source, code, level, wording) => {
    const diagnosis = diagnoseProbeFailure('ec2:DescribeInstances', denied(source));
    expect(diagnosis).toMatchObject({ code, level });
    expect(diagnosis.title).toContain('ec2:DescribeInstances');
    expect(text(diagnosis)).toMatch(wording);
    expect(diagnosis.explanation).toContain('AWS said: "User: x is not authorized"');
  });

  it.each([
    ['unimplemented', 'api-unavailable', 'info'],
    ['throttled', 'probe-error', 'warning'],
    ['error', 'probe-error', 'warning'],
    ['not-found', 'probe-error', 'warning'],
  ] as const)('%s -> %s', (kind, code, level) => {
    expect(diagnoseProbeFailure('tag:GetResources', { kind, code: 'X', message: '' })).toMatchObject({
      code,
      level,
    });
  });
});
