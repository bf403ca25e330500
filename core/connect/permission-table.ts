/**
 * The permission table for the README and `axiom onboard --format table`: one row per catalogue entry, in
 * catalogue order, so the documentation is generated from the same table as the policy and cannot drift from it.
 */
import { PERMISSIONS } from './permissions.ts';

/** A Markdown table cell: pipes escaped, line breaks flattened, so one value cannot break the row. */
function cell(value: string): string {
  return value.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
}

/** The Markdown table `| Action | Capability | Why |`, one row per catalogue entry. */
export function renderPermissionTable(): string {
  const rows = PERMISSIONS.map(
    (entry) => `| \`${cell(entry.action)}\` | ${cell(entry.capability)} | ${cell(entry.reason)} |`,
  );
  return ['| Action | Capability | Why |', '| --- | --- | --- |', ...rows].join('\n').concat('\n');
}
