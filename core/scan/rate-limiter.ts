import { type ApiFamily, apiFamilyOf, type RateLimit } from './rate-limits.ts';
import type { ScanClock, Sleep } from './scan-time.ts';
import { TokenBucket } from './token-bucket.ts';

/** Who is calling what, for choosing a bucket. */
export interface RateLimitKey {
  /** The account the call is made in. */
  accountId: string;
  /** The region the client talks to. */
  region: string;
  /** The operation as the client factory names it, e.g. 'EC2:DescribeInstances'. */
  operation: string;
}

/** How a RateLimiter is built. */
export interface RateLimiterOptions {
  /** The limit of every family (see `resolveRateLimits`). */
  limits: Readonly<Record<ApiFamily, RateLimit>>;
  /** The clock. */
  clock: ScanClock;
  /** Waits; rejects when the signal aborts. */
  sleep: Sleep;
}

/**
 * The scan's rate limiter: one token bucket per account, region (unless the family is account-wide) and API
 * family, created on first use. `take` is what the client factory's `beforeSend` hook awaits.
 */
export class RateLimiter {
  readonly #options: RateLimiterOptions;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(options: RateLimiterOptions) {
    this.#options = options;
  }

  /** The bucket a call draws from: `account/region/family`, with region `*` for account-wide families. */
  bucketOf(key: RateLimitKey): string {
    const family = apiFamilyOf(key.operation);
    const scope = this.#options.limits[family].scope === 'account' ? '*' : key.region;
    return `${key.accountId}/${scope}/${family}`;
  }

  /**
   * Waits until the call may go. Rejects with the signal's reason when it aborts first (at once if it already
   * has), and then gives the token back.
   */
  async take(key: RateLimitKey, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const name = this.bucketOf(key);
    const now = this.#options.clock().getTime();
    let bucket = this.#buckets.get(name);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.#options.limits[apiFamilyOf(key.operation)], now);
      this.#buckets.set(name, bucket);
    }
    const wait = bucket.reserve(now);
    if (wait <= 0) return;
    try {
      await this.#options.sleep(wait, signal);
    } catch (error) {
      bucket.release();
      throw error;
    }
  }
}
