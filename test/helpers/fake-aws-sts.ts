import { escapeXml, type FakeResponse, queryResponse } from './fake-aws-responses.ts';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Temporary credentials and the assumed-role user, as STS returns them. All fields have test defaults. */
export interface StsCredentialsFields {
  /** Temporary access key id (ASIA...). */
  accessKeyId?: string;
  /** Temporary secret access key. */
  secretAccessKey?: string;
  /** Session token. */
  sessionToken?: string;
  /** When the credentials expire. */
  expiration?: Date | string;
  /** The assumed-role ARN (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`). */
  arn?: string;
  /** `ROLEID:SESSION`. */
  assumedRoleId?: string;
}

/** The `Expiration` format STS uses: ISO 8601 in UTC, whole seconds. */
function stsTime(value: Date | string): string {
  return typeof value === 'string' ? value : value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function credentialsXml(fields: StsCredentialsFields): string {
  const arn = fields.arn ?? 'arn:aws:sts::123456789012:assumed-role/axiom-readonly/axiom-test';
  const assumedRoleId = fields.assumedRoleId ?? 'AROAEXAMPLEROLEID1234:axiom-test';
  return (
    `<AssumedRoleUser><Arn>${escapeXml(arn)}</Arn><AssumedRoleId>${escapeXml(assumedRoleId)}</AssumedRoleId>` +
    `</AssumedRoleUser><Credentials>` +
    `<AccessKeyId>${escapeXml(fields.accessKeyId ?? 'ASIAFAKEASSUMED00001')}</AccessKeyId>` +
    `<SecretAccessKey>${escapeXml(fields.secretAccessKey ?? 'fakeAssumedSecret/0000000000000000000000')}</SecretAccessKey>` +
    `<SessionToken>${escapeXml(fields.sessionToken ?? 'FwoGZXIvYXdzEFakeSessionToken0000')}</SessionToken>` +
    `<Expiration>${stsTime(fields.expiration ?? new Date(Date.UTC(2030, 0, 1)))}</Expiration></Credentials>`
  );
}

/** A real `AssumeRoleResponse` document. */
export function stsAssumeRoleResponse(fields: StsCredentialsFields = {}): FakeResponse {
  return queryResponse('AssumeRole', credentialsXml(fields), STS_NAMESPACE);
}

/** A real `AssumeRoleWithWebIdentityResponse` document. */
export function stsWebIdentityResponse(
  fields: StsCredentialsFields & {
    /** The token's `sub` claim. */
    subject?: string;
    /** The token's `aud` claim. */
    audience?: string;
    /** The issuer host. */
    provider?: string;
  } = {},
): FakeResponse {
  const subject = fields.subject ?? 'repo:example/axiom:ref:refs/heads/main';
  const audience = fields.audience ?? 'sts.amazonaws.com';
  const provider = fields.provider ?? 'token.actions.githubusercontent.com';
  return queryResponse(
    'AssumeRoleWithWebIdentity',
    `<SubjectFromWebIdentityToken>${escapeXml(subject)}</SubjectFromWebIdentityToken>` +
      `<Audience>${escapeXml(audience)}</Audience>${credentialsXml(fields)}` +
      `<Provider>${escapeXml(provider)}</Provider>`,
    STS_NAMESPACE,
  );
}

/** A real `GetCallerIdentityResponse` document. */
export function stsCallerIdentityResponse(
  fields: {
    /** The 12-digit account id. */
    account?: string;
    /** The caller's ARN. */
    arn?: string;
    /** The caller's unique id. */
    userId?: string;
  } = {},
): FakeResponse {
  const account = fields.account ?? '123456789012';
  const arn = fields.arn ?? `arn:aws:sts::${account}:assumed-role/axiom-readonly/axiom-test`;
  const userId = fields.userId ?? 'AROAEXAMPLEROLEID1234:axiom-test';
  return queryResponse(
    'GetCallerIdentity',
    `<Arn>${escapeXml(arn)}</Arn><UserId>${escapeXml(userId)}</UserId><Account>${escapeXml(account)}</Account>`,
    STS_NAMESPACE,
  );
}
