/**
 * The shortest wall time a plan of calls allows, whatever the client does: the longer of
 * - the latency chain: for every call group, (round trips before it + its own sequential pages) x latency;
 * - the rate terms: for every token bucket, the round trips before its first call x latency, plus
 *   max(0, calls - burst) / refill rate (a full bucket serves `burst` calls at once, then `rate` a second), plus one
 *   latency for the last call.
 * Client CPU, connection set-up and the server's own work are not in it: on loopback with a 30 ms latency they are
 * what separates a good client from the bound.
 */
import { apiFamilyOf, type RateLimit } from '../../core/scan/rate-limits.ts';
import type { CallGroup } from './call-plan.ts';
import { throttleKey, throttleOf } from './fake-aws/aws-throttles.ts';

/** One token bucket's share of a plan. */
interface BucketLoad {
  calls: number;
  after: number;
  perSecond: number;
  burst: number;
}

/** The bound and what sets it. */
export interface LowerBound {
  /** Milliseconds. */
  ms: number;
  /** The term that sets it, e.g. 'latency chain: ResourceGroupsTaggingAPI:GetResources in us-east-1 (10 round trips)'. */
  binding: string;
}

/** Which token bucket a call group draws from under a rate model, its shape, and the group's calls in it. */
export type RateModel = (group: CallGroup) => {
  key: string;
  perSecond: number;
  burst: number;
  calls: number;
};

/** AWS's throttles, as the fake AWS enforces them (fake-aws/aws-throttles.ts). */
export const awsRateModel: RateModel = (group) => {
  const throttle = throttleOf(group.service, group.operation);
  // A group spread over many buckets (S3 throttles per bucket) is represented by one of them, with its share.
  const spread = throttle.scope === 'bucket' ? group.spreadOver : 1;
  return {
    key: throttleKey(group.service, group.operation, group.region, 'any'),
    perSecond: throttle.perSecond,
    burst: throttle.burst,
    calls: group.calls / spread,
  };
};

/** Axiom's own client-side limits (core/scan/rate-limits.ts), one bucket per account, region and API family. */
export function axiomRateModel(limits: Readonly<Record<string, RateLimit>>): RateModel {
  return (group) => {
    const family = apiFamilyOf(`${group.service}:${group.operation}`);
    const limit = limits[family];
    if (limit === undefined) throw new Error(`bench: no Axiom rate limit for ${family}`);
    return {
      key: `${limit.scope === 'account' ? '*' : group.region}/${family}`,
      perSecond: limit.perSecond,
      burst: limit.burst,
      calls: group.calls,
    };
  };
}

/** A rate model with the name the binding term gives it. */
export interface NamedRateModel {
  /** E.g. 'AWS throttle'. */
  label: string;
  /** The model. */
  of: RateModel;
}

/** The lower bound of `plan` at `latencyMs` per call under the rate models given (all apply at once). */
export function lowerBound(
  plan: readonly CallGroup[],
  latencyMs: number,
  models: readonly NamedRateModel[],
): LowerBound {
  let best: LowerBound = { ms: 0, binding: 'nothing to do' };
  const consider = (ms: number, binding: string) => {
    if (ms > best.ms) best = { ms, binding };
  };
  for (const group of plan)
    consider(
      (group.after + group.chain) * latencyMs,
      `latency chain: ${group.service}:${group.operation} in ${group.region} (${group.after + group.chain} round trips)`,
    );
  for (const model of models) {
    const loads = new Map<string, BucketLoad>();
    for (const group of plan) {
      const { key, perSecond, burst, calls } = model.of(group);
      const load = loads.get(key) ?? { calls: 0, after: group.after, perSecond, burst };
      load.calls += calls;
      load.after = Math.min(load.after, group.after);
      loads.set(key, load);
    }
    for (const [key, load] of loads) {
      const waitMs = (Math.max(0, load.calls - load.burst) / load.perSecond) * 1000;
      consider(
        load.after * latencyMs + waitMs + latencyMs,
        `${model.label}: ${Math.round(load.calls)} calls through ${key} (burst ${load.burst}, ${load.perSecond}/s)`,
      );
    }
  }
  return best;
}
