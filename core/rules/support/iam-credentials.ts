import type { CredentialReportRow } from '../../scan/inventory.ts';

/** The credential report's name for the root user. */
export const ROOT_USER = '<root_account>';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days from `iso` to `now` (rounded down), or undefined when the date does not parse. The credential report
 * gives ISO 8601 times; a credential 90.6 days old is "90 days old".
 */
export function daysSince(iso: string | undefined, now: Date): number | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  return Math.floor((now.getTime() - time) / DAY_MS);
}

/** The UTC date of an ISO time, for messages: '2026-03-01'; the text itself when it does not parse. */
export function dayOf(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 10);
}

/** The later of two ISO times (either may be missing or unparsable). */
export function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || Number.isNaN(Date.parse(a))) return b;
  if (b === undefined || Number.isNaN(Date.parse(b))) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** One of the two access key slots of a credential report row. */
export interface AccessKeySlot {
  /** 1 or 2, as the report numbers them. */
  slot: 1 | 2;
  /** The report's column prefix, e.g. 'access_key_1': the discriminator between a user's two keys. */
  column: 'access_key_1' | 'access_key_2';
  /** Whether the key exists and is Active. */
  active: boolean;
  /** When the key was created (keys are never changed in place, so "last rotated" is the creation time). */
  lastRotated?: string;
  /** When the key last signed a request; absent when never used. */
  lastUsed?: string;
}

/** A row's two access keys. */
export function accessKeys(row: CredentialReportRow): AccessKeySlot[] {
  const slot = (n: 1 | 2, active: boolean, lastRotated?: string, lastUsed?: string): AccessKeySlot => ({
    slot: n,
    column: n === 1 ? 'access_key_1' : 'access_key_2',
    active,
    ...(lastRotated === undefined ? {} : { lastRotated }),
    ...(lastUsed === undefined ? {} : { lastUsed }),
  });
  return [
    slot(1, row.accessKey1Active, row.accessKey1LastRotated, row.accessKey1LastUsed),
    slot(2, row.accessKey2Active, row.accessKey2LastRotated, row.accessKey2LastUsed),
  ];
}

/** The report's rows for IAM users, without the root user's row. */
export function iamUserRows(report: readonly CredentialReportRow[]): CredentialReportRow[] {
  return report.filter((row) => row.user !== ROOT_USER);
}

/** The root user's row, when the report has one. */
export function rootRow(report: readonly CredentialReportRow[] | undefined): CredentialReportRow | undefined {
  return report?.find((row) => row.user === ROOT_USER);
}
