import { type Finding, type FindingCategory, SEVERITIES, type Severity } from './finding.ts';

/** Every category, in the order reports list them. */
export const CATEGORIES: readonly FindingCategory[] = ['security', 'correctness', 'hygiene', 'cost'];

/** Counts over a set of findings; suppressed findings are counted apart and nowhere else. */
export interface FindingSummary {
  /** Findings that are not suppressed, per severity (every severity present, zero when none). */
  bySeverity: Record<Severity, number>;
  /** Findings that are not suppressed, per category (every category present, zero when none). */
  byCategory: Record<FindingCategory, number>;
  /** Every finding, suppressed or not. */
  total: number;
  /** Findings that are not suppressed: the ones that count against a threshold. */
  active: number;
  /** Findings a suppression matched. */
  suppressed: number;
  /** Sum of the estimated monthly savings of the findings that are not suppressed, in USD, rounded to cents. */
  estimatedMonthlySavingsUsd: number;
}

/** Counts `findings` by severity and category, and sums their savings. */
export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<
    Severity,
    number
  >;
  const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<
    FindingCategory,
    number
  >;
  let suppressed = 0;
  let cents = 0;
  for (const finding of findings) {
    if (finding.suppressed) {
      suppressed++;
      continue;
    }
    bySeverity[finding.severity]++;
    byCategory[finding.category]++;
    const saving = finding.estimatedMonthlySavingsUsd;
    // Summed in cents so that many small savings do not drift in floating point.
    if (saving !== undefined && Number.isFinite(saving) && saving > 0) cents += Math.round(saving * 100);
  }
  return {
    bySeverity,
    byCategory,
    total: findings.length,
    active: findings.length - suppressed,
    suppressed,
    estimatedMonthlySavingsUsd: cents / 100,
  };
}
