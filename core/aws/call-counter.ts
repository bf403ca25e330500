import type { Pluggable } from '@smithy/types';

/** Per-operation call statistics for one scan. */
export interface OperationStats {
  /** Logical calls made by Axiom code. */
  calls: number;
  /** HTTP requests sent, retries included. */
  attempts: number;
}

/** Counts calls per `Service:Operation`, shared by every client of a scan. */
export class CallCounter {
  readonly #stats = new Map<string, OperationStats>();

  /** Records one logical call or one attempt of `operation` (e.g. 'EC2:DescribeInstances'). */
  record(operation: string, kind: 'call' | 'attempt'): void {
    const stats = this.#stats.get(operation) ?? { calls: 0, attempts: 0 };
    if (kind === 'call') stats.calls += 1;
    else stats.attempts += 1;
    this.#stats.set(operation, stats);
  }

  /** Total logical calls. */
  get totalCalls(): number {
    let total = 0;
    for (const stats of this.#stats.values()) total += stats.calls;
    return total;
  }

  /** A plain, sorted copy for reports and the inventory; later calls do not change it. */
  snapshot(): Record<string, OperationStats> {
    return Object.fromEntries(
      [...this.#stats.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, stats]) => [name, { ...stats }]),
    );
  }
}

function operationName(context: { clientName?: unknown; commandName?: unknown }): string {
  const service = String(context.clientName ?? 'Unknown').replace(/Client$/, '');
  const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
  return `${service}:${operation}`;
}

/** Middleware counting logical calls (initialize step) and HTTP attempts (after the retry middleware). */
export function callCounting(counter: CallCounter): Pluggable<object, object> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          counter.record(operationName(context), 'call');
          return next(args);
        },
        { step: 'initialize', name: 'axiomCallCounter', priority: 'low', override: true },
      );
      stack.add(
        (next, context) => async (args) => {
          counter.record(operationName(context), 'attempt');
          return next(args);
        },
        { step: 'finalizeRequest', name: 'axiomAttemptCounter', priority: 'low', override: true },
      );
    },
  };
}
