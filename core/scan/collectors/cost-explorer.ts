import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandOutput,
} from '@aws-sdk/client-cost-explorer';
import type { Collector, CollectorContext } from '../collector.ts';
import type { CostInventory } from '../inventory.ts';

/** Cost Explorer answers from us-east-1 only. */
const COST_EXPLORER_REGION = 'us-east-1';
/** The metric summed: what the bill shows before credits and discounts are spread. */
const METRIC = 'UnblendedCost';

/** A UTC date as Cost Explorer's `YYYY-MM-DD`. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last two full months before `now`'s month: [start of the month before last, start of this month). */
export function lastTwoFullMonths(now: Date): { Start: string; End: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { Start: isoDay(start), End: isoDay(end) };
}

/** All pages (more pages only when an account has very many services), merged per month. */
async function readCosts(context: CollectorContext): Promise<CostInventory> {
  const client = context.client(CostExplorerClient, COST_EXPLORER_REGION);
  const months = new Map<string, Record<string, number>>();
  let unit: string | undefined;
  let token: string | undefined;
  do {
    const page: GetCostAndUsageCommandOutput = await client.send(
      new GetCostAndUsageCommand({
        TimePeriod: lastTwoFullMonths(context.now),
        Granularity: 'MONTHLY',
        Metrics: [METRIC],
        GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
        ...(token === undefined ? {} : { NextPageToken: token }),
      }),
      { abortSignal: context.signal },
    );
    for (const period of page.ResultsByTime ?? []) {
      const start = period.TimePeriod?.Start;
      if (start === undefined) continue;
      const byService = months.get(start) ?? {};
      months.set(start, byService);
      for (const group of period.Groups ?? []) {
        const service = group.Keys?.[0];
        const amount = group.Metrics?.[METRIC];
        if (service === undefined || amount?.Amount === undefined) continue;
        byService[service] = (byService[service] ?? 0) + Number(amount.Amount);
        unit ??= amount.Unit;
      }
    }
    token = page.NextPageToken || undefined;
  } while (token !== undefined);
  return {
    unit: unit ?? 'USD',
    months: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([start, byService]) => ({ start, byService })),
  };
}

/**
 * Cost Explorer, once per account and only when asked: cost by service for the last two full months in one
 * GetCostAndUsage request (AWS bills each request, so the default is to make none and say so in coverage).
 */
export const costExplorerCollector: Collector = {
  service: 'ce',
  scope: 'global',
  operations: [{ client: 'CostExplorer', operation: 'GetCostAndUsage' }],
  async collect(context, target) {
    if (!context.options.includeCostExplorer) {
      context.cover('GetCostAndUsage', 'skipped', 'not requested: AWS bills each Cost Explorer request');
      return;
    }
    const costs = await context.attempt('GetCostAndUsage', () => readCosts(context));
    if (costs) target.account.costs = costs;
  },
};
