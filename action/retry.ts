/** Retries with "full jitter" exponential backoff: each wait is random up to base x 2^n, capped. */

/** How to retry. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The cap of the first wait, in milliseconds; doubled after each failure. */
  baseMs: number;
  /** The most any one wait may be, in milliseconds. */
  maxMs: number;
  /** Waits; injected so tests run instantly. */
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1). */
  random: () => number;
  /** Whether a failure is worth another attempt (a transient one). */
  isRetryable: (error: unknown) => boolean;
  /** Told before each wait, e.g. to log it. */
  onRetry?: (error: unknown, attempt: number, waitMs: number) => void;
}

/** Runs `task` until it succeeds, fails for good, or the attempts run out (then its last error is thrown). */
export async function retryWithJitter<T>(
  task: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt >= options.attempts || !options.isRetryable(error)) throw error;
      const cap = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
      const wait = Math.floor(options.random() * cap);
      options.onRetry?.(error, attempt, wait);
      await options.sleep(wait);
    }
  }
}
