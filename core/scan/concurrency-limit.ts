/** Runs tasks with at most a fixed number in flight; the rest wait, by priority and then in the order they came. */
export interface ConcurrencyLimit {
  /**
   * Runs `task` once a slot is free; settles as the task does. Waiting tasks with a higher `priority` (default 0)
   * take the next free slot before those with a lower one; tasks of equal priority go in the order they came.
   */
  run<T>(task: () => Promise<T>, priority?: number): Promise<T>;
}

/** A task waiting for a slot. */
interface Waiter {
  priority: number;
  start: () => void;
}

/** A limit of `max` tasks in flight (a whole number of at least 1). */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let active = 0;
  // Kept sorted: highest priority first, first come first within a priority.
  const waiting: Waiter[] = [];

  async function acquire(priority: number): Promise<void> {
    if (active < max) {
      active += 1;
      return;
    }
    // The releasing task hands its slot straight to the first waiter, so a newcomer cannot jump the queue
    // (except by a higher priority).
    await new Promise<void>((start) => {
      let at = waiting.length;
      while (at > 0 && (waiting[at - 1]?.priority ?? priority) < priority) at -= 1;
      waiting.splice(at, 0, { priority, start });
    });
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next.start();
    else active -= 1;
  }

  return {
    async run(task, priority = 0) {
      await acquire(priority);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
