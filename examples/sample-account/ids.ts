/**
 * Small helpers for the sample account: stable AWS-shaped ids (the same name always gives the same id, so the
 * generated file does not change between runs), the scan's clock, and daily metric series.
 */
import { createHash } from 'node:crypto';
import type { DailySeries } from '../../core/index.ts';

/** The sample account (AWS's documentation account id). */
export const ACCOUNT = '123456789012';
/** When the recorded scan started; every date in the account is relative to it. */
export const SCAN_STARTED_AT = '2026-11-16T09:12:04.310Z';
/** When it finished. */
export const SCAN_FINISHED_AT = '2026-11-16T09:12:41.872Z';
/** The scanned regions: the main one, the EU one, and a legacy region nobody looks at. */
export const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2'] as const;
/** One of REGIONS. */
export type SampleRegion = (typeof REGIONS)[number];
/** Days of metrics the collector reads. */
export const METRIC_DAYS = 14;
/** The first day of the metric window: the 14 whole days before the scan's day. */
export const WINDOW_START = '2026-11-02';

/** Hex digits derived from `name`: stable, and different for every name. */
export function hex(name: string, length: number): string {
  return createHash('sha256').update(name).digest('hex').slice(0, length);
}

/** An EC2-style id: `i-0` + 16 hex digits, `vol-0...`, `sg-0...`. */
export function ec2Id(prefix: string, name: string): string {
  return `${prefix}-0${hex(`${prefix}:${name}`, 16)}`;
}

/** An ISO time `days` days before the scan started (fractions allowed), to the second. */
export function daysAgo(days: number): string {
  const time = Date.parse(SCAN_STARTED_AT) - days * 86_400_000;
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The credential report's time format: `2026-11-02T10:15:00+00:00`. */
export function reportTime(days: number): string {
  return daysAgo(days).replace('Z', '+00:00');
}

/** EC2's StateTransitionReason for an instance a user stopped `days` days before the scan. */
export function stoppedReason(days: number): string {
  const time = daysAgo(days);
  return `User initiated (${time.slice(0, 10)} ${time.slice(11, 19)} GMT)`;
}

/** A 14-day series from a function of the day (0 = oldest); numbers are rounded to 3 decimals. */
export function series(value: (day: number) => number | null): DailySeries {
  return Array.from({ length: METRIC_DAYS }, (_, day) => {
    const raw = value(day);
    return raw === null ? null : Math.round(raw * 1000) / 1000;
  });
}

/** A gentle weekly wave around `base` (weekends lower), so busy series do not look flat. */
export function weekly(base: number, swing: number): (day: number) => number {
  // The window starts on a Monday (2026-11-02): days 5, 6, 12 and 13 are weekends.
  return (day) => {
    const weekend = day % 7 >= 5;
    return base * (weekend ? 1 - swing : 1 + swing * Math.sin(day));
  };
}
