/** An SDK timestamp (a Date) or epoch milliseconds (JSON services such as Logs) as ISO 8601, if present. */
export function isoTime(value: Date | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = typeof value === 'number' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
