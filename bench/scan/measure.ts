/** Measuring one scan strategy: calls, requests, throttles, wall and CPU time, peak RSS. */
import type { CallCounter } from '../../core/aws/call-counter.ts';
import type { ServedStats } from './fake-aws/server.ts';

/** What one run of a strategy cost. */
export interface Measured {
  /** Wall time, milliseconds. */
  wallMs: number;
  /** CPU time (user + system) of this process, milliseconds. */
  cpuMs: number;
  /** Peak RSS of this process at the end of the run (it never goes down), MB. */
  peakRssMb: number;
  /** Logical API calls. */
  calls: number;
  /** HTTP attempts, retries included. */
  attempts: number;
  /** Calls and attempts by 'Service:Operation'. */
  byOperation: Record<string, { calls: number; attempts: number }>;
  /** What the fake AWS saw (requests, throttles, most in flight). */
  served: ServedStats;
}

/** Runs `run` and measures it; `counter` is the one its clients count into, `served` asks the fake AWS. */
export async function measure(
  run: () => Promise<void>,
  counter: CallCounter,
  served: () => Promise<ServedStats>,
): Promise<Measured> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const byOperation = counter.snapshot();
  return {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    calls: counter.totalCalls,
    attempts: Object.values(byOperation).reduce((sum, stats) => sum + stats.attempts, 0),
    byOperation,
    served: await served(),
  };
}

/** Requests the fake AWS answered with a throttling error. */
export function totalThrottled(served: ServedStats): number {
  return Object.values(served.byOperation).reduce((sum, operation) => sum + operation.throttled, 0);
}
