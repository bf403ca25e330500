/** GitHub OIDC into AWS: the token source, which failures are retried, and the retry against the fake STS. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assumeRoleWithGithubOidc,
  githubTokenSource,
  isTransientAssumeFailure,
  TOKEN_REUSE_MS,
} from '../../action/oidc.ts';
import { retryWithJitter } from '../../action/retry.ts';
import { AxiomError, ConnectError } from '../../core/index.ts';
import { type FakeAws, queryError, startFakeAws, stsWebIdentityResponse } from '../helpers/fake-aws.ts';

const ROLE = 'arn:aws:iam::111122223333:role/axiom-readonly';

function toolkit(tokens: string[] = ['token-1', 'token-2', 'token-3']) {
  const masked: string[] = [];
  const audiences: string[] = [];
  return {
    masked,
    audiences,
    setSecret: (secret: string) => void masked.push(secret),
    getIDToken: async (audience: string) => {
      audiences.push(audience);
      const token = tokens.shift();
      if (!token) throw new Error('Failed to get ID Token. Error Code : 500');
      return token;
    },
  };
}

describe('githubTokenSource', () => {
  it('fetches for the audience, masks, and reuses a token for a minute', async () => {
    let now = 0;
    const kit = toolkit();
    const source = githubTokenSource({
      audience: 'sts.amazonaws.com',
      available: true,
      roleArn: ROLE,
      toolkit: kit,
      now: () => now,
    });
    expect(await source.token()).toBe('token-1');
    now = TOKEN_REUSE_MS - 1;
    expect(await source.token()).toBe('token-1');
    now = TOKEN_REUSE_MS;
    expect(await source.token()).toBe('token-2');
    source.invalidate();
    expect(await source.token()).toBe('token-3');
    expect(kit.audiences).toEqual(['sts.amazonaws.com', 'sts.amazonaws.com', 'sts.amazonaws.com']);
    expect(kit.masked).toEqual(['token-1', 'token-2', 'token-3']);
  });

  it("without ACTIONS_ID_TOKEN_REQUEST_URL: names 'permissions: id-token: write', asks nothing", async () => {
    const kit = toolkit();
    const source = githubTokenSource({
      audience: 'sts.amazonaws.com',
      available: false,
      roleArn: ROLE,
      toolkit: kit,
      now: () => 0,
    });
    const error = await source.token().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'oidc_unavailable' });
    expect((error as Error).message).toContain('`permissions: id-token: write`');
    expect((error as AxiomError).hint).toContain('forks');
    expect(kit.audiences).toEqual([]);
  });

  it("a failed token request is a retryable 'web_identity_token_unavailable'", async () => {
    const source = githubTokenSource({
      audience: 'a',
      available: true,
      roleArn: ROLE,
      toolkit: toolkit([]),
      now: () => 0,
    });
    const error = await source.token().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'web_identity_token_unavailable' });
    expect(isTransientAssumeFailure(error)).toBe(true);
  });
});

describe('isTransientAssumeFailure', () => {
  const cases: [string, unknown, boolean][] = [
    [
      'AWS cannot reach GitHub',
      new ConnectError('web_identity_provider_unreachable', 'x', { awsCode: 'IDPCommunicationError' }),
      true,
    ],
    [
      "AWS could not fetch GitHub's keys",
      new ConnectError('web_identity_rejected', 'x', { awsCode: 'InvalidIdentityToken' }),
      true,
    ],
    [
      'an expired token',
      new ConnectError('web_identity_token_expired', 'x', { awsCode: 'ExpiredTokenException' }),
      true,
    ],
    ['no answer from STS', new ConnectError('sts_unreachable', 'x', { awsCode: 'ECONNRESET' }), true],
    [
      'a trust policy that refuses',
      new ConnectError('assume_role_denied', 'x', { awsCode: 'AccessDenied' }),
      false,
    ],
    [
      'a claim the trust policy rejects',
      new ConnectError('web_identity_rejected', 'x', { awsCode: 'IDPRejectedClaim' }),
      false,
    ],
    ['a missing permission', new AxiomError('oidc_unavailable', 'x'), false],
    ['a bug', new TypeError('x'), false],
  ];
  for (const [name, error, expected] of cases)
    it(`${expected ? 'retries' : 'does not retry'} ${name}`, () => {
      expect(isTransientAssumeFailure(error)).toBe(expected);
    });
});

describe('retryWithJitter', () => {
  it('waits a random part of a doubling, capped window between attempts', async () => {
    const waits: number[] = [];
    let attempts = 0;
    const result = await retryWithJitter(
      async () => {
        attempts += 1;
        if (attempts < 5) throw new Error('transient');
        return 'ok';
      },
      {
        attempts: 5,
        baseMs: 1000,
        maxMs: 5000,
        random: () => 0.999,
        sleep: async (ms) => void waits.push(ms),
        isRetryable: () => true,
      },
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([999, 1998, 3996, 4995]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const error = await retryWithJitter(
      async (attempt) => {
        throw new Error(`failure ${attempt}`);
      },
      { attempts: 3, baseMs: 10, maxMs: 10, random: () => 0, sleep: async () => {}, isRetryable: () => true },
    ).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('failure 3');
  });
});

describe('assumeRoleWithGithubOidc against STS', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws();
  });
  afterEach(async () => {
    await aws.close();
  });

  it('retries IDPCommunicationError with a fresh token, then hands out the session', async () => {
    let calls = 0;
    aws.on('STS', 'AssumeRoleWithWebIdentity', () => {
      calls += 1;
      return calls < 3
        ? queryError('IDPCommunicationError', 'Could not reach the identity provider', 400)
        : stsWebIdentityResponse({ accessKeyId: 'ASIAOIDC000000000001' });
    });
    const kit = toolkit();
    const waits: number[] = [];
    const retries: string[] = [];
    const session = await assumeRoleWithGithubOidc({
      roleArn: ROLE,
      region: 'us-east-1',
      endpoint: aws.url,
      maxAttempts: 1,
      sessionName: 'axiom-1-1',
      tokens: githubTokenSource({
        audience: 'sts.amazonaws.com',
        available: true,
        roleArn: ROLE,
        toolkit: kit,
        now: () => 0,
      }),
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      onRetry: (message) => retries.push(message),
    });
    expect((await session.credentials()).accessKeyId).toBe('ASIAOIDC000000000001');
    expect(waits).toEqual([500, 1000]);
    expect(retries[0]).toMatch(
      /^Attempt 1 to assume arn:aws:iam::111122223333:role\/axiom-readonly failed, retrying in 500 ms/,
    );
    // Each attempt used a fresh token: a rejected one is not offered again.
    const sent = aws
      .calls('STS', 'AssumeRoleWithWebIdentity')
      .map((request) => new URLSearchParams(request.body).get('WebIdentityToken'));
    expect(sent).toEqual(['token-1', 'token-2', 'token-3']);
    session.drop();
  });
});
