import type { CostInventory } from '../../scan/inventory.ts';
import type { Rule, RuleHit } from '../rule.ts';

/** A rise above this fraction, month over month, is reported. */
const INCREASE_THRESHOLD = 0.1;
/** Services that cost less than this in the last month are noise, whatever their growth. */
const NOISE_FLOOR = 10;
/** Rises smaller than this amount are reported as info rather than low. */
const MINOR_INCREASE = 10;
/** Not a service anyone can act on: it follows the others. */
const IGNORED_SERVICES: ReadonlySet<string> = new Set(['Tax']);

/** Days in the month starting at `start` (YYYY-MM-DD). */
function daysInMonth(start: string): number {
  const [year, month] = start.split('-').map(Number);
  if (year === undefined || month === undefined || Number.isNaN(year) || Number.isNaN(month)) return 30;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "$1,234.56" for USD, "1,234.56 EUR" otherwise. */
function formatAmount(amount: number, unit: string): string {
  const figure = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return unit === 'USD' ? `$${figure}` : `${figure} ${unit}`;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** The remediation for one service: the Cost Explorer query that shows which usage type grew. */
function drillDown(service: string, previousStart: string, latestStart: string): string {
  const [year, month] = latestStart.split('-').map(Number);
  const end =
    year === undefined || month === undefined
      ? latestStart
      : new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  const filter = JSON.stringify({ Dimensions: { Key: 'SERVICE', Values: [service] } });
  return (
    `See which usage types of ${service} grew: Cost Explorer filtered on the service, grouped by Usage type, or ` +
    `\`aws ce get-cost-and-usage --time-period Start=${previousStart},End=${end} --granularity MONTHLY --metrics ` +
    `UnblendedCost --filter '${filter}' --group-by Type=DIMENSION,Key=USAGE_TYPE\` (AWS bills $0.01 a request). ` +
    'If the growth is not intended, fix or delete the resources behind it; either way, set an AWS Budget or a ' +
    'Cost Anomaly Detection monitor on the service.'
  );
}

/** The last two months Cost Explorer returned, oldest first, or undefined when there are fewer than two. */
function lastTwoMonths(
  costs: CostInventory,
): [CostInventory['months'][number], CostInventory['months'][number]] | undefined {
  const months = [...costs.months].sort((a, b) => a.start.localeCompare(b.start));
  const previous = months[months.length - 2];
  const latest = months[months.length - 1];
  return previous && latest ? [previous, latest] : undefined;
}

/**
 * A service whose cost in the last full month rose more than 10% over the month before, among services that
 * cost at least 10 (in the bill's currency) last month. Months differ in length (February to March alone is
 * +10.7%), so the rise must show both in the monthly total and in the cost per day. One finding per service;
 * new services (nothing the month before) are included. Evaluated only when Cost Explorer data was collected.
 */
export const serviceCostIncrease = {
  id: 'aws.ce.service-cost-increase',
  service: 'ce',
  category: 'cost',
  severity: 'low',
  title: 'Service cost up month over month',
  rationale:
    'A service whose bill grows by more than a tenth from one month to the next is either growing on purpose or ' +
    'leaking: a forgotten test environment, a log or data-transfer spike, a new resource left running. Catching ' +
    'it a month in costs one month of surprise instead of a year.',
  remediation:
    'Open Cost Explorer (Billing console > Cost Explorer), filter on the service and group by Usage type, then by ' +
    'resource or tag, for the two months to see what grew (or `aws ce get-cost-and-usage --granularity MONTHLY ' +
    '--metrics UnblendedCost --group-by Type=DIMENSION,Key=USAGE_TYPE ...`, which AWS bills at $0.01 a request). If ' +
    'the growth is not intended, fix or delete the resources behind it; either way, set an AWS Budget or a Cost ' +
    'Anomaly Detection monitor on the service.',
  scope: 'global',
  requires: [{ service: 'ce', operation: 'GetCostAndUsage' }],
  evaluate(scope) {
    if (scope.kind !== 'global') return [];
    const costs = scope.account.costs;
    const months = costs ? lastTwoMonths(costs) : undefined;
    if (!costs || !months) return [];
    const [previous, latest] = months;
    const previousDays = daysInMonth(previous.start);
    const latestDays = daysInMonth(latest.start);
    const hits: RuleHit[] = [];
    for (const [service, latestCost] of Object.entries(latest.byService)) {
      if (IGNORED_SERVICES.has(service) || latestCost < NOISE_FLOOR) continue;
      const previousCost = previous.byService[service] ?? 0;
      const rise = previousCost > 0 ? latestCost / previousCost - 1 : Number.POSITIVE_INFINITY;
      const dailyRise =
        previousCost > 0
          ? latestCost / latestDays / (previousCost / previousDays) - 1
          : Number.POSITIVE_INFINITY;
      if (rise <= INCREASE_THRESHOLD || dailyRise <= INCREASE_THRESHOLD) continue;
      const increase = latestCost - previousCost;
      const latestMonth = latest.start.slice(0, 7);
      const previousMonth = previous.start.slice(0, 7);
      hits.push({
        resource: { type: 'AWS::CE::Service', id: service },
        message:
          previousCost > 0
            ? `${service} cost ${formatAmount(latestCost, costs.unit)} in ${latestMonth}, up ${percent(rise)} from ` +
              `${formatAmount(previousCost, costs.unit)} in ${previousMonth} (+${formatAmount(increase, costs.unit)}; ` +
              `${percent(dailyRise)} more per day).`
            : `${service} cost ${formatAmount(latestCost, costs.unit)} in ${latestMonth} and nothing in ${previousMonth}: ` +
              'a new cost.',
        evidence: {
          service,
          unit: costs.unit,
          previousMonth: previous.start,
          previousCost,
          latestMonth: latest.start,
          latestCost,
          increase: Math.round(increase * 100) / 100,
          increasePercent: Number.isFinite(rise) ? Math.round(rise * 1000) / 10 : null,
          dailyIncreasePercent: Number.isFinite(dailyRise) ? Math.round(dailyRise * 1000) / 10 : null,
          thresholdPercent: INCREASE_THRESHOLD * 100,
          noiseFloor: NOISE_FLOOR,
        },
        severity: increase < MINOR_INCREASE ? 'info' : 'low',
        remediation: drillDown(service, previous.start, latest.start),
      });
    }
    return hits;
  },
} satisfies Rule;
