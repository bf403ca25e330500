/** Days of metrics the rules look at. */
export const METRIC_WINDOW_DAYS = 14;
/** One datapoint per day. */
export const METRIC_PERIOD_SECONDS = 86_400;
const DAY_MS = METRIC_PERIOD_SECONDS * 1000;

/** The metric window: whole UTC days, ending at the start of `now`'s day, so every day in it is complete. */
export interface MetricWindow {
  /** First instant (00:00 UTC of the first day). */
  start: Date;
  /** End, exclusive (00:00 UTC today). */
  end: Date;
  /** Number of days. */
  days: number;
}

/** The 14 whole days before `now`'s UTC day. */
export function metricWindow(now: Date): MetricWindow {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { start: new Date(end.getTime() - METRIC_WINDOW_DAYS * DAY_MS), end, days: METRIC_WINDOW_DAYS };
}

/** The day index (0 = first day) of a datapoint's timestamp, or undefined when it lies outside the window. */
export function dayIndex(window: MetricWindow, timestamp: Date): number | undefined {
  const index = Math.floor((timestamp.getTime() - window.start.getTime()) / DAY_MS);
  return index >= 0 && index < window.days ? index : undefined;
}
