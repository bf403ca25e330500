import type { RateLimit } from './rate-limits.ts';

/**
 * A token bucket that hands out reservations: each call takes a token now, and when the bucket is empty the
 * balance goes negative and the caller is told how long to wait for its token. Waiters are therefore served in
 * the order they asked, with no polling and no thundering herd when tokens come back.
 */
export class TokenBucket {
  readonly #perMs: number;
  readonly #burst: number;
  #tokens: number;
  #updatedAt: number;

  /** A full bucket at time `nowMs`. */
  constructor(limit: Pick<RateLimit, 'perSecond' | 'burst'>, nowMs: number) {
    this.#perMs = limit.perSecond / 1000;
    this.#burst = limit.burst;
    this.#tokens = limit.burst;
    this.#updatedAt = nowMs;
  }

  /** Tokens available at `nowMs` (negative while reservations wait). */
  available(nowMs: number): number {
    this.#refill(nowMs);
    return this.#tokens;
  }

  /** Takes one token; returns the milliseconds to wait before using it (0 when one was there). */
  reserve(nowMs: number): number {
    this.#refill(nowMs);
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : -this.#tokens / this.#perMs;
  }

  /** Returns a reserved token that will not be used (its caller gave up waiting). */
  release(): void {
    this.#tokens = Math.min(this.#burst, this.#tokens + 1);
  }

  #refill(nowMs: number): void {
    // A clock that steps back must not mint tokens (or take them away).
    if (nowMs <= this.#updatedAt) return;
    this.#tokens = Math.min(this.#burst, this.#tokens + (nowMs - this.#updatedAt) * this.#perMs);
    this.#updatedAt = nowMs;
  }
}
