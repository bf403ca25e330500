/** Runs tasks with at most a fixed number in flight; the rest wait in the order they came. */
export interface ConcurrencyLimit {
  /** Runs `task` once a slot is free; settles as the task does. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** A limit of `max` tasks in flight (a whole number of at least 1). */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let active = 0;
  const waiting: (() => void)[] = [];

  async function acquire(): Promise<void> {
    if (active < max) {
      active += 1;
      return;
    }
    // The releasing task hands its slot straight to the first waiter, so a newcomer cannot jump the queue.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
