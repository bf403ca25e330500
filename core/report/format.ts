/** Small phrases every renderer writes the same way: where a finding is, money, counts. */
import type { Finding, FindingResource } from '../findings/finding.ts';

/** `file:line:col` for a source location. */
export function locationText(location: NonNullable<Finding['location']>): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** The resource's ARN, or `type id (account, region)` when it has none. */
export function resourceText(resource: FindingResource): string {
  return (
    resource.arn ?? `${resource.type} ${resource.id} (account ${resource.accountId}, ${resource.region})`
  );
}

/** Where a finding is, for a person: its file position, its resource, or both; empty when it has neither. */
export function findingPlace(finding: Finding): string {
  const parts: string[] = [];
  if (finding.location) parts.push(locationText(finding.location));
  if (finding.resource) parts.push(resourceText(finding.resource));
  return parts.join(' · ');
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** US dollars with cents and thousands separators: `$1,234.50`. */
export function formatUsd(amount: number): string {
  return usd.format(amount);
}

/** `1 finding`, `3 findings`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
