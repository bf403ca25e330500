/**
 * Work after an acknowledgement runs in a bounded lane, behind the acks. Slack waits for the ack, not for the
 * work; but the embedded database runs on the event loop, so in a burst of commands the follow-up work of the
 * first ones would delay reading (and acknowledging) the later ones. The lane grants a slot only once requests
 * have stopped arriving for a moment (or after a bounded wait, so work always progresses), and always from a
 * fresh turn of the event loop, which lets waiting requests be read first.
 */

/** When requests last arrived, by the lane's clock. */
export interface Traffic {
  /** Time of the last request, in `now()` milliseconds; -Infinity before the first. */
  lastArrival(): number;
}

/** Traffic the HTTP front marks on every request. */
export interface TrafficMeter extends Traffic {
  /** Records a request arriving now. */
  mark(): void;
}

/** A meter on `now` (default `performance.now`). */
export function createTrafficMeter(now: () => number = () => performance.now()): TrafficMeter {
  let last = Number.NEGATIVE_INFINITY;
  return {
    mark: () => {
      last = now();
    },
    lastArrival: () => last,
  };
}

/** A bounded lane: `acquire` resolves with the function that gives the slot back. */
export interface WorkLane {
  /** Waits for a slot. */
  acquire(): Promise<() => void>;
}

/** A lane that never waits (tests that call handlers directly). */
export const UNBOUNDED_LANE: WorkLane = { acquire: async () => () => {} };

/** How a lane behaves. */
export interface WorkLaneOptions {
  /** Pieces of follow-up work at once (default 8). */
  slots?: number;
  /** Request arrivals; without it slots are granted on the next turn of the event loop. */
  traffic?: Traffic;
  /** How long requests must have stopped arriving before a slot is granted (default 10 ms). */
  quietMs?: number;
  /** The longest a slot is held back for arriving requests (default 500 ms). */
  maxDeferMs?: number;
  /** The clock of `traffic` (default `performance.now`). */
  now?: () => number;
}

/** A lane for one bot process (see the file comment). */
export function createWorkLane(options: WorkLaneOptions = {}): WorkLane {
  const slots = options.slots ?? 8;
  const quietMs = options.quietMs ?? 10;
  const maxDeferMs = options.maxDeferMs ?? 500;
  const now = options.now ?? (() => performance.now());
  let active = 0;
  const waiting: (() => void)[] = [];

  const whenQuiet = (fn: () => void): void => {
    const since = now();
    const check = (): void => {
      const at = now();
      const busy = options.traffic !== undefined && at - options.traffic.lastArrival() < quietMs;
      if (busy && at - since < maxDeferMs) setTimeout(check, quietMs);
      else setImmediate(fn);
    };
    check();
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) active -= 1;
    else whenQuiet(next);
  };
  return {
    acquire: () =>
      new Promise((resolve) => {
        const grant = (): void => {
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            release();
          });
        };
        if (active < slots) {
          active += 1;
          whenQuiet(grant);
        } else waiting.push(grant);
      }),
  };
}
