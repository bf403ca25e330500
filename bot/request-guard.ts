/**
 * Slack request authenticity, checked before Bolt sees a request: the v0 signature (HMAC-SHA256 of
 * `v0:<timestamp>:<body>` with the signing secret), a timestamp within five minutes in the past and not in the
 * future (beyond a minute of clock skew), and no replay: a (timestamp, signature) pair seen in the last five
 * minutes is refused, so a captured request cannot be sent again while its timestamp is still fresh. Bolt
 * checks the signature and the age again; it does not check the future or replays.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Oldest request accepted, in seconds (Slack's recommendation). */
export const MAX_REQUEST_AGE_SECONDS = 300;
/** How far ahead of our clock a timestamp may be, in seconds: clock skew, not more. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

/** Why a request was refused. */
export type RequestRejection =
  | 'missing_headers'
  | 'bad_timestamp'
  | 'stale'
  | 'future'
  | 'bad_signature'
  | 'replay';

/** Result of checking one request. */
export type RequestCheck = { ok: true } | { ok: false; reason: RequestRejection; message: string };

/** What a request carries for the check. */
export interface SignedRequest {
  /** The `X-Slack-Request-Timestamp` header. */
  timestamp: string | undefined;
  /** The `X-Slack-Signature` header (`v0=<hex>`). */
  signature: string | undefined;
  /** The raw body, exactly as received. */
  body: string;
}

/** The signature Slack sends for `body` at `timestamp`: `v0=` and the hex HMAC. */
export function slackSignature(signingSecret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Checks the signature and the timestamp of one request at `nowMs` (pure). */
export function checkSignature(signingSecret: string, request: SignedRequest, nowMs: number): RequestCheck {
  const { timestamp, signature } = request;
  if (timestamp === undefined || signature === undefined)
    return {
      ok: false,
      reason: 'missing_headers',
      message: 'the X-Slack-Signature or X-Slack-Request-Timestamp header is missing',
    };
  if (!/^\d{1,12}$/.test(timestamp))
    return {
      ok: false,
      reason: 'bad_timestamp',
      message: 'X-Slack-Request-Timestamp is not a Unix time in seconds',
    };
  const age = Math.floor(nowMs / 1000) - Number(timestamp);
  if (age > MAX_REQUEST_AGE_SECONDS)
    return {
      ok: false,
      reason: 'stale',
      message: `the request is ${age} s old; at most ${MAX_REQUEST_AGE_SECONDS} s is accepted`,
    };
  if (-age > MAX_CLOCK_SKEW_SECONDS)
    return { ok: false, reason: 'future', message: `the request is dated ${-age} s in the future` };
  const expected = Buffer.from(slackSignature(signingSecret, timestamp, request.body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature', message: 'the signature does not match the signing secret' };
  return { ok: true };
}

/**
 * Remembers (timestamp, signature) pairs for as long as their timestamp is acceptable. Bounded: past
 * `maxEntries` the oldest are dropped first (they are also the first to expire).
 */
export class ReplayCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  /** Key to expiry, in insertion order (which is also expiry order, give or take the skew allowance). */
  readonly #seen = new Map<string, number>();

  constructor(options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? (MAX_REQUEST_AGE_SECONDS + MAX_CLOCK_SKEW_SECONDS) * 1000;
    this.#maxEntries = options.maxEntries ?? 100_000;
  }

  /** Records `key` at `nowMs`; true when it was already there (a replay). */
  seen(key: string, nowMs: number): boolean {
    for (const [old, expires] of this.#seen) {
      if (expires > nowMs && this.#seen.size < this.#maxEntries) break;
      this.#seen.delete(old);
    }
    const expires = this.#seen.get(key);
    if (expires !== undefined && expires > nowMs) return true;
    // Deleted first so that the key moves to the end: the map stays in expiry order.
    this.#seen.delete(key);
    this.#seen.set(key, nowMs + this.#ttlMs);
    return false;
  }

  /** How many pairs are remembered. */
  get size(): number {
    return this.#seen.size;
  }
}

/** Checks requests: signature, timestamp, then replay. */
export interface RequestGuard {
  /** Checks one request now. */
  check(request: SignedRequest): RequestCheck;
}

/** A guard for one signing secret, with its own replay memory. */
export function createRequestGuard(options: {
  signingSecret: string;
  now?: () => number;
  replayCache?: ReplayCache;
}): RequestGuard {
  const now = options.now ?? Date.now;
  const cache = options.replayCache ?? new ReplayCache();
  return {
    check(request) {
      const at = now();
      const result = checkSignature(options.signingSecret, request, at);
      if (!result.ok) return result;
      // Only authentic requests are remembered, so nobody can fill the memory with made-up pairs.
      if (cache.seen(`${request.timestamp}:${request.signature}`, at))
        return { ok: false, reason: 'replay', message: 'this exact request was already received' };
      return { ok: true };
    },
  };
}
