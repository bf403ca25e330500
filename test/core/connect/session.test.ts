import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../core/aws/client-factory.ts';
import {
  type AssumeRoleOptions,
  ambientSession,
  assumeRole,
  assumeRoleWithWebIdentity,
  sanitizeSessionName,
} from '../../../core/connect/assume-role.ts';
import { REFRESH_WINDOW_MS, Session } from '../../../core/connect/session.ts';
import { AxiomError } from '../../../core/errors.ts';
import {
  FAKE_CREDENTIALS,
  type FakeAws,
  queryError,
  startFakeAws,
  stsAssumeRoleResponse,
  stsCallerIdentityResponse,
  stsWebIdentityResponse,
} from '../../helpers/fake-aws.ts';

const ROLE = 'arn:aws:iam::111122223333:role/axiom-readonly';
const EXTERNAL_ID = 'axm-Secret_External_Id-0123456789abcdef';
// Far in the future on purpose: an SDK client that cached credentials by its own (real) clock would keep them
// for decades, so the refresh and drop tests pass only if clients really ask the session on every request.
const START = new Date('2095-06-01T12:00:00Z');
const HOUR = 3600_000;
const MINUTE = 60_000;

/** A clock the test moves by hand. */
function fakeClock(start = START) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Distinct credentials for the n-th AssumeRole, so a test can tell which set signed a request. */
function credentialsNo(n: number) {
  return {
    accessKeyId: `ASIAASSUMED0000000${n}`,
    secretAccessKey: `assumedSecretKey/number-${n}-xxxxxxxxxxxxxxxxxx`,
    sessionToken: `IQoJb3JpZ2luX2VjEAssumedSessionToken-${n}-yyyyyyyyyyyy`,
  };
}

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

/** Answers AssumeRole with credentials no. 1, 2, ... each valid for an hour from `clock`. */
function answerAssumeRole(clock: { now: () => Date }): void {
  let issued = 0;
  aws.on('STS', 'AssumeRole', () => {
    issued += 1;
    return stsAssumeRoleResponse({
      ...credentialsNo(issued),
      expiration: new Date(clock.now().getTime() + HOUR),
      arn: 'arn:aws:sts::111122223333:assumed-role/axiom-readonly/axiom-test',
    });
  });
}

function options(clock: { now: () => Date }, extra: Partial<AssumeRoleOptions> = {}): AssumeRoleOptions {
  return {
    roleArn: ROLE,
    externalId: EXTERNAL_ID,
    region: 'us-east-1',
    endpoint: aws.url,
    sourceCredentials: { ...FAKE_CREDENTIALS },
    clock: clock.now,
    maxAttempts: 1,
    ...extra,
  };
}

async function failure(promise: Promise<unknown>): Promise<AxiomError & { awsCode?: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AxiomError);
    return error as AxiomError & { awsCode?: string };
  }
  throw new Error('expected a failure');
}

async function callerIdentity(session: Session) {
  const sts = createClient(STSClient, {
    region: 'us-east-1',
    endpoint: aws.url,
    credentials: session.credentials,
    maxAttempts: 1,
  });
  return sts.send(new GetCallerIdentityCommand({}));
}

describe('assumeRole: success', () => {
  it('assumes the role with the External ID and the next client signs with the assumed credentials', async () => {
    const clock = fakeClock();
    answerAssumeRole(clock);
    aws.on('STS', 'GetCallerIdentity', () => stsCallerIdentityResponse({ account: '111122223333' }));

    const session = await assumeRole(options(clock));

    const [assume] = aws.calls('STS', 'AssumeRole');
    expect(assume?.params).toEqual({
      RoleArn: ROLE,
      RoleSessionName: 'axiom-20950601T120000Z',
      ExternalId: EXTERNAL_ID,
      DurationSeconds: '3600',
    });
    expect(assume?.headers.authorization).toContain(`Credential=${FAKE_CREDENTIALS.accessKeyId}/`);
    expect(session.expiresAt).toEqual(new Date(START.getTime() + HOUR));
    expect(await session.credentials()).toEqual({
      ...credentialsNo(1),
      expiration: new Date(START.getTime() + HOUR),
    });
    expect(session.credentials.memoized).toBe(true);
    expect(session.assumedRoleArn).toBe('arn:aws:sts::111122223333:assumed-role/axiom-readonly/axiom-test');
    expect(session.kind).toBe('assumed-role');
    expect(session.roleArn).toBe(ROLE);

    const identity = await callerIdentity(session);
    expect(identity.Account).toBe('111122223333');
    const [next] = aws.calls('STS', 'GetCallerIdentity');
    expect(next?.headers.authorization).toContain(`Credential=${credentialsNo(1).accessKeyId}/`);
    expect(next?.headers['x-amz-security-token']).toBe(credentialsNo(1).sessionToken);
  });

  it('sends no ExternalId when none is given, and the session name asked for', async () => {
    const clock = fakeClock();
    answerAssumeRole(clock);
    const { externalId: _, ...withoutExternalId } = options(clock, { sessionName: 'nightly scan: prod/eu' });
    await assumeRole(withoutExternalId);
    const params = aws.calls('STS', 'AssumeRole')[0]?.params;
    expect(params).not.toHaveProperty('ExternalId');
    expect(params?.RoleSessionName).toBe('nightly-scan--prod-eu');
  });

  it('caps the lifetime at the duration asked for, whatever Expiration STS reports', async () => {
    const clock = fakeClock();
    aws.on('STS', 'AssumeRole', () =>
      stsAssumeRoleResponse({ ...credentialsNo(1), expiration: new Date(START.getTime() + 12 * HOUR) }),
    );
    const session = await assumeRole(options(clock, { durationSeconds: 900 }));
    expect(aws.calls('STS', 'AssumeRole')[0]?.params.DurationSeconds).toBe('900');
    expect(session.expiresAt).toEqual(new Date(START.getTime() + 900_000));
  });
});

describe('assumeRole: input checked before any call', () => {
  it.each([899, 3601, 0, -1, 1800.5, Number.NaN])(
    'refuses a duration of %s seconds',
    async (durationSeconds) => {
      const error = await failure(assumeRole(options(fakeClock(), { durationSeconds })));
      expect(error.code).toBe('session_duration_invalid');
      expect(error.message).toContain('900 to 3600 seconds');
      expect(aws.requests).toEqual([]);
    },
  );

  it.each([900, 3600])('accepts a duration of %s seconds', async (durationSeconds) => {
    const clock = fakeClock();
    answerAssumeRole(clock);
    await assumeRole(options(clock, { durationSeconds }));
    expect(aws.calls('STS', 'AssumeRole')[0]?.params.DurationSeconds).toBe(String(durationSeconds));
  });

  it('refuses a role ARN that is not one, saying what is wrong', async () => {
    const error = await failure(
      assumeRole(options(fakeClock(), { roleArn: 'arn:aws:iam::12345678901:role/x' })),
    );
    expect(error.code).toBe('invalid_role_arn');
    expect(error.message).toContain('the account id must be 12 digits');
    expect(aws.requests).toEqual([]);
  });

  it('refuses an External ID STS would reject, without echoing it', async () => {
    const error = await failure(
      assumeRole(options(fakeClock(), { externalId: 'not valid because of spaces' })),
    );
    expect(error.code).toBe('invalid_external_id');
    expect(error.message).not.toContain('not valid because of spaces');
    expect(aws.requests).toEqual([]);
  });
});

describe('sanitizeSessionName', () => {
  it.each([
    { name: undefined, expected: 'axiom-20950601T120000Z' },
    { name: 'axiom-ci', expected: 'axiom-ci' },
    { name: 'user@example.com,team=ops+1', expected: 'user@example.com,team=ops+1' },
    { name: 'scan of prod (eu)', expected: 'scan-of-prod--eu-' },
    { name: 'x'.repeat(80), expected: 'x'.repeat(64) },
    { name: 'x', expected: 'axiom-20950601T120000Z' },
    { name: '', expected: 'axiom-20950601T120000Z' },
  ])('$name -> $expected', ({ name, expected }) => {
    const sanitized = sanitizeSessionName(name, START);
    expect(sanitized).toBe(expected);
    expect(sanitized).toMatch(/^[\w+=,.@-]{2,64}$/);
  });
});

describe('assumeRole: STS errors in plain language, with the AWS code kept', () => {
  const cases: {
    name: string;
    wire: [code: string, message: string, status: number];
    code: string;
    says: string[];
    hint?: string;
  }[] = [
    {
      name: 'AccessDenied names every likely cause',
      wire: [
        'AccessDenied',
        `User: arn:aws:iam::999999999999:user/axiom is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`,
        403,
      ],
      code: 'assume_role_denied',
      says: [
        'does not exist',
        'wrong account id',
        'trust policy is missing',
        'External ID',
        'sts:ExternalId',
        'not authorized to perform',
      ],
      hint: 'recopy the trust policy',
    },
    {
      name: 'RegionDisabledException',
      wire: ['RegionDisabledException', 'STS is not activated in this region for account:111122223333.', 403],
      code: 'sts_region_disabled',
      says: ['STS is not activated for us-east-1'],
      hint: 'IAM > Account settings > Security Token Service (STS) endpoints, or use a region where STS is active',
    },
    {
      name: 'ExpiredToken (the caller credentials)',
      wire: ['ExpiredToken', 'The security token included in the request is expired', 403],
      code: 'source_credentials_expired',
      says: ['credentials Axiom calls STS with have expired'],
    },
    {
      name: 'InvalidClientTokenId',
      wire: ['InvalidClientTokenId', 'The security token included in the request is invalid.', 403],
      code: 'source_credentials_invalid',
      says: ['credentials Axiom calls STS with are not valid'],
    },
    {
      name: 'SignatureDoesNotMatch',
      wire: ['SignatureDoesNotMatch', 'The request signature we calculated does not match.', 403],
      code: 'source_credentials_invalid',
      says: ['are not valid'],
    },
    {
      name: 'MalformedPolicyDocument',
      wire: ['MalformedPolicyDocument', 'The policy is not in the valid JSON format.', 400],
      code: 'sts_policy_rejected',
      says: ['rejected a policy document', 'Axiom sends no session policy'],
    },
    {
      name: 'PackedPolicyTooLarge',
      wire: ['PackedPolicyTooLarge', 'Packed policy too large.', 400],
      code: 'sts_policy_rejected',
      says: ['PackedPolicyTooLarge'],
    },
    {
      name: "ValidationError for a duration beyond the role's MaxSessionDuration",
      wire: [
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
        400,
      ],
      code: 'session_duration_too_long',
      says: ['(3600 seconds) is longer than the role allows', 'maximum session duration'],
    },
    {
      name: 'ValidationError for a role-chaining limit',
      wire: [
        'ValidationError',
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
        400,
      ],
      code: 'session_duration_too_long',
      says: ['1-hour limit'],
    },
    {
      name: 'another ValidationError',
      wire: [
        'ValidationError',
        "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint",
        400,
      ],
      code: 'sts_request_invalid',
      says: ['rejected the request as invalid'],
    },
    {
      name: 'an unexpected code',
      wire: ['InternalFailureOfSomeKind', 'Something odd.', 400],
      code: 'assume_role_failed',
      says: ['STS answered InternalFailureOfSomeKind', 'Something odd.'],
    },
  ];

  it.each(cases)('$name', async ({ wire, code, says, hint }) => {
    const [awsCode, message, status] = wire;
    aws.on('STS', 'AssumeRole', () => queryError(awsCode, message, status));
    const error = await failure(assumeRole(options(fakeClock())));
    expect(error.code).toBe(code);
    expect(error.awsCode).toBe(awsCode);
    expect(error.message).toContain(`AWS said: "${message}"`);
    expect(error.message).toContain(`Could not assume ${ROLE} (sts:AssumeRole in us-east-1)`);
    for (const phrase of says) expect(error.message).toContain(phrase);
    if (hint) expect(error.hint).toContain(hint);
    expect(inspect(error, { depth: 10 })).not.toContain(EXTERNAL_ID);
  });

  it('removes the External ID from what AWS said', async () => {
    aws.on('STS', 'AssumeRole', () =>
      queryError('AccessDenied', `ExternalId ${EXTERNAL_ID} does not match`, 403),
    );
    const error = await failure(assumeRole(options(fakeClock())));
    expect(error.message).not.toContain(EXTERNAL_ID);
    expect(error.message).toContain('ExternalId [redacted] does not match');
  });

  it('reports missing caller credentials without calling STS', async () => {
    const noCredentials = async (): Promise<AwsCredentialIdentity> => {
      throw Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError',
      });
    };
    const error = await failure(assumeRole(options(fakeClock(), { sourceCredentials: noCredentials })));
    expect(error.code).toBe('source_credentials_missing');
    expect(error.awsCode).toBe('CredentialsProviderError');
    expect(aws.requests).toEqual([]);
  });

  it('reports an endpoint that does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(assumeRole(options(fakeClock(), { endpoint: `http://127.0.0.1:${port}` })));
    expect(error.code).toBe('sts_unreachable');
    expect(error.awsCode).toBe('ECONNREFUSED');
    expect(error.message).toContain('no answer from STS (ECONNREFUSED). Details: "connect ECONNREFUSED');
  });
});

describe('session refresh and drop', () => {
  it('re-assumes the role within five minutes of expiry, once for concurrent callers', async () => {
    const clock = fakeClock();
    answerAssumeRole(clock);
    aws.on('STS', 'GetCallerIdentity', () => stsCallerIdentityResponse());
    const session = await assumeRole(options(clock));
    const sts = createClient(STSClient, {
      region: 'us-east-1',
      endpoint: aws.url,
      credentials: session.credentials,
      maxAttempts: 1,
    });
    await sts.send(new GetCallerIdentityCommand({}));

    clock.advance(54 * MINUTE); // six minutes left: still the first credentials
    expect((await session.credentials()).accessKeyId).toBe(credentialsNo(1).accessKeyId);
    expect(aws.calls('STS', 'AssumeRole')).toHaveLength(1);

    clock.advance(MINUTE); // five minutes left: due
    const [first, second] = await Promise.all([session.credentials(), session.credentials()]);
    expect(first.accessKeyId).toBe(credentialsNo(2).accessKeyId);
    expect(second.accessKeyId).toBe(credentialsNo(2).accessKeyId);
    expect(aws.calls('STS', 'AssumeRole')).toHaveLength(2);
    expect(session.expiresAt).toEqual(new Date(START.getTime() + 55 * MINUTE + HOUR));

    // The client built before the refresh asks the session on every request, so it now signs with the new keys.
    await sts.send(new GetCallerIdentityCommand({}));
    const signedWith = aws
      .calls('STS', 'GetCallerIdentity')
      .map((call) => /Credential=(\w+)\//.exec(call.headers.authorization ?? '')?.[1]);
    expect(signedWith).toEqual([credentialsNo(1).accessKeyId, credentialsNo(2).accessKeyId]);
  });

  it('surfaces a failed refresh as the mapped error', async () => {
    const clock = fakeClock();
    answerAssumeRole(clock);
    const session = await assumeRole(options(clock));
    aws.on('STS', 'AssumeRole', () => queryError('AccessDenied', 'role deleted', 403));
    clock.advance(HOUR);
    const error = await failure(session.credentials());
    expect(error.code).toBe('assume_role_denied');
  });

  it('forgets the credentials on drop: the provider and clients built before both refuse, nothing is sent', async () => {
    const clock = fakeClock();
    answerAssumeRole(clock);
    aws.on('STS', 'GetCallerIdentity', () => stsCallerIdentityResponse());
    const session = await assumeRole(options(clock));
    const sts = createClient(STSClient, {
      region: 'us-east-1',
      endpoint: aws.url,
      credentials: session.credentials,
      maxAttempts: 1,
    });
    await sts.send(new GetCallerIdentityCommand({}));

    session.drop();
    expect(session.dropped).toBe(true);
    expect(session.expiresAt).toBeUndefined();
    expect((await failure(session.credentials())).code).toBe('session_dropped');
    expect((await failure(sts.send(new GetCallerIdentityCommand({})))).code).toBe('session_dropped');
    expect(aws.calls('STS', 'GetCallerIdentity')).toHaveLength(1);
  });

  it('discards credentials that arrive after a drop', async () => {
    const clock = fakeClock();
    answerAssumeRole(clock);
    const session = await assumeRole(options(clock));
    clock.advance(HOUR);
    const refreshing = session.credentials();
    session.drop();
    expect((await failure(refreshing)).code).toBe('session_dropped');
    expect(session.expiresAt).toBeUndefined();
  });
});

describe('session credentials between refreshes', () => {
  it('answers from memory until due by the injected clock, then obtains once; a drop stops it at once', async () => {
    const clock = fakeClock();
    let obtained = 0;
    const session = new Session({
      kind: 'assumed-role',
      roleArn: ROLE,
      clock: clock.now,
      obtain: async () => {
        obtained += 1;
        return { identity: credentialsNo(obtained), expiresAt: new Date(clock.now().getTime() + HOUR) };
      },
    });
    const first = await session.credentials();
    const again = await Promise.all(Array.from({ length: 50 }, () => session.credentials()));
    expect(obtained).toBe(1);
    expect(again.every((identity) => identity.accessKeyId === credentialsNo(1).accessKeyId)).toBe(true);
    expect(first).toMatchObject({ ...credentialsNo(1), expiration: new Date(START.getTime() + HOUR) });

    clock.advance(HOUR - REFRESH_WINDOW_MS - 1); // one millisecond before due
    expect((await session.credentials()).accessKeyId).toBe(credentialsNo(1).accessKeyId);
    clock.advance(1); // due
    expect((await session.credentials()).accessKeyId).toBe(credentialsNo(2).accessKeyId);
    expect((await session.credentials()).accessKeyId).toBe(credentialsNo(2).accessKeyId);
    expect(obtained).toBe(2);

    session.drop();
    expect((await failure(session.credentials())).code).toBe('session_dropped');
    expect(obtained).toBe(2);
  });

  it('rejects, never throws, when the clock fails', async () => {
    let broken = false;
    const session = new Session({
      kind: 'ambient',
      clock: () => {
        if (broken) throw new Error('clock failed');
        return START;
      },
      obtain: async () => ({ identity: credentialsNo(1), expiresAt: new Date(START.getTime() + HOUR) }),
    });
    await session.credentials();
    broken = true;
    const answer = session.credentials();
    await expect(answer).rejects.toThrow('clock failed');
  });
});

describe('a session never shows its secrets', () => {
  it('JSON.stringify, util.inspect and String show the summary only', async () => {
    const clock = fakeClock();
    answerAssumeRole(clock);
    const session = await assumeRole(options(clock));
    const secrets = [...Object.values(credentialsNo(1)), EXTERNAL_ID];
    const outputs = [
      JSON.stringify(session),
      JSON.stringify({ nested: { session } }),
      inspect(session),
      inspect(session, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
      inspect({ nested: [session] }, { depth: Number.POSITIVE_INFINITY }),
      String(session),
      `${session}`,
    ];
    for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret);
    expect(JSON.parse(JSON.stringify(session))).toEqual({
      kind: 'assumed-role',
      roleArn: ROLE,
      assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/axiom-readonly/axiom-test',
      expiresAt: '2095-06-01T13:00:00.000Z',
      dropped: false,
    });
    expect(inspect(session)).toContain("kind: 'assumed-role'");
  });
});

describe('assumeRoleWithWebIdentity', () => {
  const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vcjpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c2lnbmF0dXJl';

  it('sends the token unsigned, and fetches a fresh token on refresh', async () => {
    const clock = fakeClock();
    let issued = 0;
    aws.on('STS', 'AssumeRoleWithWebIdentity', () => {
      issued += 1;
      return stsWebIdentityResponse({
        ...credentialsNo(issued),
        expiration: new Date(clock.now().getTime() + HOUR),
      });
    });
    let fetched = 0;
    const session = await assumeRoleWithWebIdentity({
      roleArn: ROLE,
      webIdentityToken: async () => {
        fetched += 1;
        return `${TOKEN}${fetched}`;
      },
      region: 'eu-west-2',
      endpoint: aws.url,
      clock: clock.now,
      maxAttempts: 1,
    });
    const [call] = aws.calls('STS', 'AssumeRoleWithWebIdentity');
    expect(call?.params).toMatchObject({
      RoleArn: ROLE,
      WebIdentityToken: `${TOKEN}1`,
      DurationSeconds: '3600',
    });
    expect(call?.headers.authorization).toBeUndefined();
    expect(session.kind).toBe('web-identity');

    clock.advance(56 * MINUTE);
    expect((await session.credentials()).accessKeyId).toBe(credentialsNo(2).accessKeyId);
    expect(aws.calls('STS', 'AssumeRoleWithWebIdentity')[1]?.params.WebIdentityToken).toBe(`${TOKEN}2`);
    for (const output of [JSON.stringify(session), inspect(session)]) expect(output).not.toContain(TOKEN);
  });

  it('says so when fetching the token fails, instead of blaming STS', async () => {
    const error = await failure(
      assumeRoleWithWebIdentity({
        roleArn: ROLE,
        webIdentityToken: async () => {
          throw new Error('ACTIONS_ID_TOKEN_REQUEST_URL is not set');
        },
        region: 'us-east-1',
        endpoint: aws.url,
        maxAttempts: 1,
      }),
    );
    expect(error.code).toBe('web_identity_token_unavailable');
    expect(error.message).toContain(
      'fetching the OIDC token failed (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
    );
    expect(aws.requests).toEqual([]);
  });

  it.each([
    { wire: 'InvalidIdentityToken', code: 'web_identity_rejected', says: 'no IAM OIDC identity provider' },
    {
      wire: 'IDPRejectedClaim',
      code: 'web_identity_rejected',
      says: "the token's sub or aud does not match",
    },
    { wire: 'ExpiredTokenException', code: 'web_identity_token_expired', says: 'the OIDC token has expired' },
    {
      wire: 'IDPCommunicationError',
      code: 'web_identity_provider_unreachable',
      says: 'could not reach the OIDC provider',
    },
    { wire: 'AccessDenied', code: 'assume_role_denied', says: 'conditions on the token' },
  ])('maps $wire to $code', async ({ wire, code, says }) => {
    aws.on('STS', 'AssumeRoleWithWebIdentity', () => queryError(wire, `Rejected token ${TOKEN}`, 400));
    const error = await failure(
      assumeRoleWithWebIdentity({
        roleArn: ROLE,
        webIdentityToken: TOKEN,
        region: 'us-east-1',
        endpoint: aws.url,
        clock: fakeClock().now,
        maxAttempts: 1,
      }),
    );
    expect(error.code).toBe(code);
    expect(error.awsCode).toBe(wire);
    expect(error.message).toContain(says);
    expect(error.message).toContain('with the OIDC web identity token');
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('ambientSession', () => {
  it('is lazy: nothing is asked until the credentials are used, then they refresh near expiry', async () => {
    const clock = fakeClock();
    let asked = 0;
    const session = ambientSession({
      region: 'us-east-1',
      clock: clock.now,
      chain: async () => {
        asked += 1;
        return { ...credentialsNo(asked), expiration: new Date(clock.now().getTime() + HOUR) };
      },
    });
    expect(asked).toBe(0);
    expect(session.expiresAt).toBeUndefined();
    expect(session.kind).toBe('ambient');

    expect((await session.credentials()).accessKeyId).toBe(credentialsNo(1).accessKeyId);
    expect(await session.credentials()).toMatchObject({ accessKeyId: credentialsNo(1).accessKeyId });
    expect(asked).toBe(1);
    expect(session.expiresAt).toEqual(new Date(START.getTime() + HOUR));

    clock.advance(HOUR - 4 * MINUTE);
    expect((await session.credentials()).accessKeyId).toBe(credentialsNo(2).accessKeyId);
    expect(inspect(session)).not.toContain(credentialsNo(2).secretAccessKey);
  });

  it('keeps long-lived keys without refreshing', async () => {
    let asked = 0;
    const session = ambientSession({
      region: 'us-east-1',
      chain: async () => {
        asked += 1;
        return { ...FAKE_CREDENTIALS };
      },
    });
    await session.credentials();
    await session.credentials();
    expect(asked).toBe(1);
    expect(session.expiresAt).toBeUndefined();
  });

  it('reports a chain with no credentials in plain language', async () => {
    const session = ambientSession({
      region: 'us-east-1',
      chain: async () => {
        throw Object.assign(new Error('Could not load credentials from any providers'), {
          name: 'CredentialsProviderError',
        });
      },
    });
    const error = await failure(session.credentials());
    expect(error.code).toBe('source_credentials_missing');
    expect(error.message).toContain(
      'Could not load the AWS credentials Axiom runs with: no AWS credentials were found (',
    );
  });

  it('builds the SDK default chain without touching it', async () => {
    const session = ambientSession({ region: 'us-east-1', endpoint: aws.url });
    session.drop();
    expect((await failure(session.credentials())).code).toBe('session_dropped');
    expect(aws.requests).toEqual([]);
  });
});
