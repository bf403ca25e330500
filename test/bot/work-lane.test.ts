import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTrafficMeter, createWorkLane } from '../../bot/work-lane.ts';

describe('createWorkLane', () => {
  let clock = 0;
  const now = () => clock;
  const advance = async (ms: number) => {
    clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };
  beforeEach(() => {
    clock = 0;
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('grants at most `slots` at once, the next when one is given back', async () => {
    const lane = createWorkLane({ slots: 2, now });
    const granted: number[] = [];
    const releases: (() => void)[] = [];
    for (const id of [1, 2, 3])
      void lane.acquire().then((release) => {
        granted.push(id);
        releases.push(release);
      });
    await advance(1);
    expect(granted).toEqual([1, 2]);
    releases[0]?.();
    releases[0]?.(); // a second release of the same slot changes nothing
    await advance(1);
    expect(granted).toEqual([1, 2, 3]);
  });

  it('holds work back while requests keep arriving, and grants once they stop', async () => {
    const traffic = createTrafficMeter(now);
    const lane = createWorkLane({ traffic, now, quietMs: 10, maxDeferMs: 500 });
    let granted = false;
    traffic.mark();
    void lane.acquire().then(() => {
      granted = true;
    });
    for (let step = 0; step < 5; step++) {
      await advance(5);
      traffic.mark();
    }
    expect(granted).toBe(false);
    await advance(30);
    expect(granted).toBe(true);
  });

  it('never holds work back longer than maxDeferMs, however busy', async () => {
    const traffic = createTrafficMeter(now);
    const lane = createWorkLane({ traffic, now, quietMs: 10, maxDeferMs: 100 });
    let granted = false;
    void lane.acquire().then(() => {
      granted = true;
    });
    for (let step = 0; step < 30 && !granted; step++) {
      traffic.mark();
      await advance(5);
    }
    expect(granted).toBe(true);
    expect(clock).toBeLessThanOrEqual(120);
  });
});
