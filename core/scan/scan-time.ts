/**
 * Time as the scan engine sees it: a clock and a sleep, both injected so tests drive rate limits and deadlines
 * without waiting. The system versions are the defaults.
 */

/** The current time. */
export type ScanClock = () => Date;

/**
 * Waits `ms` milliseconds; rejects with `signal.reason` as soon as `signal` aborts (at once if it already has).
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The system clock. */
export const systemClock: ScanClock = () => new Date();

/** A real timer, cancelled (and its promise rejected with the abort reason) when `signal` aborts. */
export const systemSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
