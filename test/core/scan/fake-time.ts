/**
 * Time for scan-engine tests: a clock that moves only when told, and sleeps that either advance it at once
 * (rate-limit tests) or wait until the test fires them (deadline tests). Nothing here waits for real.
 */
import type { ScanClock, Sleep } from '../../../core/scan/scan-time.ts';

/** A clock that moves only when told. */
export interface FakeClock {
  clock: ScanClock;
  /** Milliseconds since the epoch, now. */
  readonly nowMs: number;
  /** Moves the clock forward. */
  advance(ms: number): void;
}

/** A fake clock starting at `start`. */
export function fakeClock(start = '2026-01-15T00:00:00Z'): FakeClock {
  let now = new Date(start).getTime();
  return {
    clock: () => new Date(now),
    get nowMs() {
      return now;
    },
    advance(ms) {
      now += ms;
    },
  };
}

/** A sleep that advances `time` by the requested milliseconds and resolves, recording each request. */
export function advancingSleep(time: FakeClock): { sleep: Sleep; slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      slept.push(ms);
      time.advance(ms);
    },
  };
}

/** A sleep the test fires by hand. */
export interface ManualSleep {
  sleep: Sleep;
  /** Sleeps not yet fired or cancelled. */
  readonly pending: { ms: number }[];
  /** Resolves the pending sleeps for which `which` is true (all by default); returns how many. */
  fire(which?: (sleep: { ms: number }) => boolean): number;
}

/** Sleeps that wait until `fire`, and reject when their signal aborts. */
export function manualSleep(): ManualSleep {
  const pending: { ms: number; resolve: () => void }[] = [];
  return {
    pending,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        signal?.throwIfAborted();
        const entry = { ms, resolve };
        pending.push(entry);
        signal?.addEventListener(
          'abort',
          () => {
            pending.splice(pending.indexOf(entry), 1);
            reject(signal.reason);
          },
          { once: true },
        );
      }),
    fire(which = () => true) {
      const firing = pending.filter(which);
      for (const entry of firing) {
        pending.splice(pending.indexOf(entry), 1);
        entry.resolve();
      }
      return firing.length;
    },
  };
}
