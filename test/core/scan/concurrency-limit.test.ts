import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from '../../../core/scan/concurrency-limit.ts';

/** A task that records when it starts and finishes when the test opens it. */
function heldTask(name: string, started: string[]) {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    open,
    run: async () => {
      started.push(name);
      await opened;
      return name;
    },
  };
}

/** Lets queued promise callbacks run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await Promise.resolve();
}

describe('createConcurrencyLimit', () => {
  it('runs at most max at once; waiters go in order, a higher priority first', async () => {
    const limit = createConcurrencyLimit(2);
    const started: string[] = [];
    const tasks = {
      a: heldTask('a', started),
      b: heldTask('b', started),
      c: heldTask('c', started),
      d: heldTask('d', started),
      urgent: heldTask('urgent', started),
      e: heldTask('e', started),
    };
    const results = [
      limit.run(tasks.a.run),
      limit.run(tasks.b.run),
      limit.run(tasks.c.run),
      limit.run(tasks.d.run),
      limit.run(tasks.urgent.run, 1),
      limit.run(tasks.e.run),
    ];
    await settle();
    expect(started).toEqual(['a', 'b']);

    tasks.a.open();
    await settle();
    expect(started).toEqual(['a', 'b', 'urgent']);

    tasks.b.open();
    tasks.urgent.open();
    await settle();
    expect(started).toEqual(['a', 'b', 'urgent', 'c', 'd']);

    tasks.c.open();
    tasks.d.open();
    tasks.e.open();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'urgent', 'e']);
    expect(started).toEqual(['a', 'b', 'urgent', 'c', 'd', 'e']);
  });

  it('keeps first-come order among equal priorities, and frees the slot of a task that fails', async () => {
    const limit = createConcurrencyLimit(1);
    const started: string[] = [];
    const first = heldTask('first', started);
    const failing = limit.run(async () => {
      started.push('failing');
      throw new Error('task failed');
    });
    const after = [limit.run(first.run, 1), limit.run(async () => started.push('second'), 1)];
    await expect(failing).rejects.toThrow('task failed');
    await settle();
    expect(started).toEqual(['failing', 'first']);
    first.open();
    await Promise.all(after);
    expect(started).toEqual(['failing', 'first', 'second']);
  });
});
