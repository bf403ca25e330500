import type { Finding } from './finding.ts';

/** How the current findings compare with a baseline (the fingerprints of an earlier run, e.g. the base branch). */
export interface BaselineDiff {
  /** Findings whose fingerprint is not in the baseline: introduced since. */
  new: Finding[];
  /** Findings whose fingerprint is in the baseline: already there. */
  existing: Finding[];
  /** Baseline fingerprints no current finding has: fixed (or no longer scanned), in baseline order. */
  fixed: string[];
}

/**
 * Splits `findings` into new and existing by fingerprint, and lists the baseline fingerprints that are gone.
 * Suppressed findings are classified like any other; callers decide whether to show them.
 */
export function diffAgainstBaseline(
  findings: readonly Finding[],
  baselineFingerprints: Iterable<string>,
): BaselineDiff {
  const baseline = new Set(baselineFingerprints);
  const current = new Set(findings.map((finding) => finding.fingerprint));
  const diff: BaselineDiff = { new: [], existing: [], fixed: [] };
  for (const finding of findings)
    (baseline.has(finding.fingerprint) ? diff.existing : diff.new).push(finding);
  for (const fingerprint of baseline) if (!current.has(fingerprint)) diff.fixed.push(fingerprint);
  return diff;
}
