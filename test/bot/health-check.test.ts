import { describe, expect, it } from 'vitest';
import { type HealthCheckServices, startHealthCheck } from '../../bot/health-check.ts';
import type { SlackClient } from '../../bot/ports.ts';

describe('startHealthCheck', () => {
  it('runs a pass every interval, one at a time, until stopped', async () => {
    let passes = 0;
    let inFlight = 0;
    let overlap = false;
    let release: () => void = () => {};
    const reachedTwo = new Promise<void>((resolve) => {
      release = resolve;
    });
    const services = {
      connections: {
        async listConnections() {
          inFlight += 1;
          overlap ||= inFlight > 1;
          passes += 1;
          if (passes === 2) release();
          await new Promise((resolve) => setTimeout(resolve, 15));
          inFlight -= 1;
          return [];
        },
      },
      logger: { info() {}, warn() {}, error() {} },
    } as unknown as HealthCheckServices;
    const timer = startHealthCheck(services, {} as SlackClient, 5);
    await reachedTwo;
    await timer.stop();
    const stoppedAt = passes;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(passes).toBe(stoppedAt);
    expect(overlap).toBe(false);
  });
});
