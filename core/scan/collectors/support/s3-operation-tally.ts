import type { CollectorContext } from '../../collector.ts';
import type { CoverageStatus } from '../../inventory.ts';
import { coverageStatusOf } from '../../run-unit.ts';

/** The outcome of one call counted by a tally: its value, or nothing when it failed (and was counted). */
export type TalliedResult<T> = { ok: true; value: T } | { ok: false };

/** How one operation went over every resource it was called for. */
interface OperationCount {
  /** Resources the operation was due for. */
  total: number;
  /** Resources it failed (or could not be attempted) for. */
  failed: number;
  /** The first failure, which names the status and the example in the coverage entry. */
  first?: { status: CoverageStatus; detail: string };
  /** Whether later failures had another status than the first (then the detail says 'failed'). */
  mixed: boolean;
}

/**
 * Counts the outcome of a per-resource operation (an S3 call per bucket, a GetMetricData call per batch) and
 * reports it as one coverage entry per operation: 'ok' when every call succeeded, otherwise the first failure's
 * status with how many resources it hit ("denied for 3 of 40 buckets"). A scan of 300 buckets thus records
 * 9 entries, not 2,700, and still says exactly which reads were missing. Like `context.attempt`, it never
 * throws: whatever stops a call (AWS, the deadline, a guard refusal) is counted and named in the detail.
 */
export class OperationTally {
  /** What the resources are called in details, plural (e.g. 'buckets'). */
  readonly #noun: string;
  readonly #counts = new Map<string, OperationCount>();

  constructor(noun: string) {
    this.#noun = noun;
  }

  /** Runs one call of `operation` and counts it; a failure is counted and returned as `{ ok: false }`. */
  async run<T>(operation: string, call: () => Promise<T>): Promise<TalliedResult<T>> {
    const count = this.#count(operation);
    count.total += 1;
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      // The same status and detail the scan engine's `attempt` gives a failure of any kind.
      const { status, detail } = coverageStatusOf(error);
      this.#fail(count, status, detail);
      return { ok: false };
    }
  }

  /** Counts a call that could not be made at all (e.g. the bucket's region is unknown), with why. */
  notAttempted(operation: string, reason: string): void {
    const count = this.#count(operation);
    count.total += 1;
    this.#fail(count, 'error', reason);
  }

  /** Records one coverage entry per operation counted, in the order operations were first seen. */
  report(context: Pick<CollectorContext, 'cover'>): void {
    for (const [operation, count] of this.#counts) {
      if (count.failed === 0 || count.first === undefined) {
        context.cover(operation, 'ok');
        continue;
      }
      const { status, detail } = count.first;
      const verdict = count.mixed
        ? 'failed'
        : status === 'skipped'
          ? 'unavailable'
          : status === 'denied'
            ? 'denied'
            : 'failed';
      context.cover(
        operation,
        status,
        `${detail} (${verdict} for ${count.failed} of ${count.total} ${this.#noun})`,
      );
    }
  }

  #fail(count: OperationCount, status: CoverageStatus, detail: string): void {
    count.failed += 1;
    if (count.first === undefined) count.first = { status, detail };
    else if (count.first.status !== status) count.mixed = true;
  }

  #count(operation: string): OperationCount {
    let count = this.#counts.get(operation);
    if (!count) {
      count = { total: 0, failed: 0, mixed: false };
      this.#counts.set(operation, count);
    }
    return count;
  }
}
