import { type Finding, SEVERITIES } from './finding.ts';

/**
 * The one order every report uses: worst severity first; then policy findings by file, line and column; then
 * live findings by account, region, resource type and id; then rule id; then fingerprint, title and message, so
 * that equal-looking findings still come out the same way on every run (a total order). Strings compare by code
 * unit, not locale, for the same reason.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    comparePlace(a, b) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint) ||
    compareText(a.title, b.title) ||
    compareText(a.message, b.message)
  );
}

/** A severity's place in SEVERITIES, worst first (a switch: this runs for every comparison of a sort). */
function severityRank(severity: Finding['severity']): number {
  switch (severity) {
    case 'critical':
      return 0;
    case 'high':
      return 1;
    case 'medium':
      return 2;
    case 'low':
      return 3;
    default:
      return SEVERITIES.indexOf(severity);
  }
}

/** A sorted copy of `findings` (see `compareFindings`). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Findings with a file come before findings with only a resource; those before findings with neither. */
function placeRank(finding: Finding): number {
  return finding.location ? 0 : finding.resource ? 1 : 2;
}

function comparePlace(a: Finding, b: Finding): number {
  return (
    placeRank(a) - placeRank(b) ||
    compareLocation(a.location, b.location) ||
    compareResource(a.resource, b.resource)
  );
}

function compareLocation(a: Finding['location'], b: Finding['location']): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn
  );
}

function compareResource(a: Finding['resource'], b: Finding['resource']): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return (
    compareText(a.accountId, b.accountId) ||
    compareText(a.region, b.region) ||
    compareText(a.type, b.type) ||
    compareText(a.id, b.id)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
