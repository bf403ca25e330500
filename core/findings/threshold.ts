import { AxiomError } from '../errors.ts';
import { atOrAbove, type Finding, SEVERITIES, type Severity } from './finding.ts';

/** The severity at or above which a run fails, or 'none' to never fail on findings. */
export type SeverityThreshold = Severity | 'none';

/** Every accepted threshold, worst first, 'none' last. */
export const SEVERITY_THRESHOLDS: readonly SeverityThreshold[] = [...SEVERITIES, 'none'];

/** Parses a threshold as a person types it (`High`, ` medium `); throws `invalid_severity` listing the valid values. */
export function parseSeverity(text: string): SeverityThreshold {
  const wanted = text.trim().toLowerCase();
  const found = SEVERITY_THRESHOLDS.find((threshold) => threshold === wanted);
  if (found) return found;
  throw new AxiomError(
    'invalid_severity',
    `Could not read the severity threshold '${text}': it is not one of ${SEVERITY_THRESHOLDS.join(', ')}.`,
    { hint: "Use one of those values; 'none' never fails on findings." },
  );
}

/** True when `finding` counts against `threshold`: not suppressed, and at or above it. */
export function failsThreshold(finding: Finding, threshold: SeverityThreshold): boolean {
  return threshold !== 'none' && !finding.suppressed && atOrAbove(finding.severity, threshold);
}

/** True when any finding that is not suppressed is at or above `failOn`; never for 'none'. */
export function exceedsThreshold(findings: readonly Finding[], failOn: SeverityThreshold): boolean {
  return findings.some((finding) => failsThreshold(finding, failOn));
}
