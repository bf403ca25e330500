import type { DailySeries, MetricsRegionInventory } from '../../scan/inventory.ts';

/**
 * Helpers over the collected CloudWatch daily series (MetricsRegionInventory), shared by the idle and
 * rightsizing rules of every service. A series is one value per UTC day, oldest first, null for a day without
 * datapoints.
 *
 * Two readings of "no datapoint" matter, and each rule picks the right one:
 * - for a gauge (CPUUtilization:Average) a null day means "not measured" (e.g. the instance was stopped), so
 *   count only the days that have a value (`daysAtOrBelow`, `daysWithData`);
 * - for a counter that AWS publishes only when non-zero (ALB RequestCount, NAT bytes) a null day means zero
 *   (`seriesTotal`, `valueOrZero`).
 *
 * A resource id that is absent from `series` was not measured at all: `dailySeries` returns undefined and rules
 * do not guess.
 */

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/** The daily series of `metric` (e.g. 'CPUUtilization:Average') for `resourceId`; undefined when not measured. */
export function dailySeries(
  metrics: MetricsRegionInventory | undefined,
  resourceId: string,
  metric: string,
): DailySeries | undefined {
  return metrics?.series[resourceId]?.[metric];
}

/** The last `n` days of `series` (all of it when shorter). */
export function lastNDays(series: DailySeries, n: number): DailySeries {
  return n <= 0 ? [] : series.slice(-n);
}

/** How many days have a value at or below `threshold` (null days are not counted: nothing was measured). */
export function daysAtOrBelow(series: DailySeries, threshold: number): number {
  return series.filter((value) => value !== null && value <= threshold).length;
}

/** How many days have a value. */
export function daysWithData(series: DailySeries): number {
  return series.filter((value) => value !== null).length;
}

/** A day's value of a counter AWS publishes only when non-zero: null (no datapoint) is 0. */
export function valueOrZero(value: number | null | undefined): number {
  return value ?? 0;
}

/** The total of a counter over `series`, null days counting as 0. */
export function seriesTotal(series: DailySeries): number {
  return series.reduce<number>((total, value) => total + valueOrZero(value), 0);
}

/** The largest value of `series`, or undefined when no day has a value. */
export function seriesMax(series: DailySeries): number | undefined {
  let max: number | undefined;
  for (const value of series) if (value !== null && (max === undefined || value > max)) max = value;
  return max;
}

/**
 * Day-by-day sum of two series of the same window (e.g. NetworkIn + NetworkOut): a day is null only when both
 * are null, otherwise a missing side counts as 0.
 */
export function addSeries(a: DailySeries, b: DailySeries): DailySeries {
  const length = Math.max(a.length, b.length);
  const sum: DailySeries = [];
  for (let day = 0; day < length; day++) {
    const left = a[day] ?? null;
    const right = b[day] ?? null;
    sum.push(left === null && right === null ? null : valueOrZero(left) + valueOrZero(right));
  }
  return sum;
}

/** The UTC start of day `index` of the window (0 = `windowStart`), as a Date. */
export function windowDay(metrics: MetricsRegionInventory, index: number): Date {
  return new Date(Date.parse(`${metrics.windowStart}T00:00:00Z`) + index * DAY_MS);
}

/** The UTC end of the metric window (exclusive): `windowStart` plus `days`. */
export function windowEnd(metrics: MetricsRegionInventory): Date {
  return windowDay(metrics, metrics.days);
}

/**
 * Whether a resource created at `createdAt` (ISO time; undefined when unknown) existed for the whole of the last
 * `lastDays` days of the window, so a quiet series means "idle" and not "just created". Unknown creation times
 * count as old enough: AWS reports them for every resource the rules look at.
 */
export function existedForLastDays(
  metrics: MetricsRegionInventory,
  createdAt: string | undefined,
  lastDays: number,
): boolean {
  if (createdAt === undefined) return true;
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) return true;
  const from = windowDay(metrics, Math.max(0, metrics.days - lastDays));
  return created <= from.getTime();
}

/** The UTC dates (YYYY-MM-DD) of the last `n` days of the window, oldest first, to label evidence. */
export function lastNDates(metrics: MetricsRegionInventory, n: number): string[] {
  const count = Math.min(Math.max(n, 0), metrics.days);
  const dates: string[] = [];
  for (let index = metrics.days - count; index < metrics.days; index++)
    dates.push(windowDay(metrics, index).toISOString().slice(0, 10));
  return dates;
}
