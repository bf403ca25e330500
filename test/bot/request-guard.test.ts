import { describe, expect, it } from 'vitest';
import { checkSignature, createRequestGuard, ReplayCache, slackSignature } from '../../bot/request-guard.ts';
import { sign } from './slack-requests.ts';

const SECRET = 'signing-secret';
const NOW = 1_800_000_000_000;
const T = String(NOW / 1000);
const BODY = 'command=%2Faxiom&text=help';

describe('checkSignature', () => {
  it('computes the signature exactly as the test helper (written from Slack’s documentation) does', () => {
    expect(slackSignature(SECRET, T, BODY)).toBe(sign(BODY, Number(T), SECRET));
  });

  it.each([
    ['a good request', { timestamp: T, signature: sign(BODY, Number(T), SECRET), body: BODY }, 'ok'],
    ['no signature', { timestamp: T, signature: undefined, body: BODY }, 'missing_headers'],
    ['no timestamp', { timestamp: undefined, signature: 'v0=1', body: BODY }, 'missing_headers'],
    ['a non-numeric timestamp', { timestamp: '12ab', signature: 'v0=1', body: BODY }, 'bad_timestamp'],
    [
      '5 minutes and 1 second old',
      { timestamp: String(Number(T) - 301), signature: sign(BODY, Number(T) - 301, SECRET), body: BODY },
      'stale',
    ],
    [
      'exactly 5 minutes old',
      { timestamp: String(Number(T) - 300), signature: sign(BODY, Number(T) - 300, SECRET), body: BODY },
      'ok',
    ],
    [
      '2 minutes in the future',
      { timestamp: String(Number(T) + 120), signature: sign(BODY, Number(T) + 120, SECRET), body: BODY },
      'future',
    ],
    [
      '30 seconds ahead (clock skew)',
      { timestamp: String(Number(T) + 30), signature: sign(BODY, Number(T) + 30, SECRET), body: BODY },
      'ok',
    ],
    [
      'another secret',
      { timestamp: T, signature: sign(BODY, Number(T), 'other'), body: BODY },
      'bad_signature',
    ],
    [
      'a changed body',
      { timestamp: T, signature: sign(BODY, Number(T), SECRET), body: `${BODY}&x=1` },
      'bad_signature',
    ],
    [
      'a v1 signature',
      { timestamp: T, signature: sign(BODY, Number(T), SECRET).replace('v0=', 'v1='), body: BODY },
      'bad_signature',
    ],
    [
      'a truncated signature',
      { timestamp: T, signature: sign(BODY, Number(T), SECRET).slice(0, 20), body: BODY },
      'bad_signature',
    ],
  ] as const)('%s', (_name, request, expected) => {
    const result = checkSignature(SECRET, request, NOW);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });
});

describe('replay protection', () => {
  it('refuses the same (timestamp, signature) again within five minutes', () => {
    let now = NOW;
    const guard = createRequestGuard({ signingSecret: SECRET, now: () => now });
    const request = { timestamp: T, signature: sign(BODY, Number(T), SECRET), body: BODY };
    expect(guard.check(request)).toEqual({ ok: true });
    now += 1000;
    expect(guard.check(request)).toMatchObject({ ok: false, reason: 'replay' });
    // Once the timestamp is stale the age check refuses it anyway.
    now = NOW + 301_000;
    expect(guard.check(request)).toMatchObject({ ok: false, reason: 'stale' });
  });

  it('does not remember requests that failed verification', () => {
    const cache = new ReplayCache();
    const guard = createRequestGuard({ signingSecret: SECRET, now: () => NOW, replayCache: cache });
    guard.check({ timestamp: T, signature: 'v0=bad', body: BODY });
    expect(cache.size).toBe(0);
  });

  it('forgets pairs once they expire and stays within its bound', () => {
    const cache = new ReplayCache({ ttlMs: 1000, maxEntries: 3 });
    expect(cache.seen('a', 0)).toBe(false);
    expect(cache.seen('a', 500)).toBe(true);
    expect(cache.seen('a', 1500)).toBe(false);
    for (const key of ['b', 'c', 'd', 'e']) cache.seen(key, 1600);
    expect(cache.size).toBeLessThanOrEqual(3);
  });
});
