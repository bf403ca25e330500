/**
 * How context moves a permission finding's severity, decided once here so every check grades alike:
 * a narrowing condition lowers by one level, a grant scoped to named resources lowers by one level, and
 * a grant on every resource of a sensitive kind raises by one. Severities never go below 'low' by lowering:
 * a finding that is worth reporting at all is worth more than 'info'.
 */
import { SEVERITIES, type Severity } from '../../../findings/finding.ts';
import type { AccessLevel } from '../../catalog/action-info.ts';

/** `severity` moved `steps` levels less severe (positive) or more severe (negative), kept within critical..low. */
export function shiftSeverity(severity: Severity, steps: number): Severity {
  const floor = SEVERITIES.indexOf('low');
  const index = Math.min(floor, Math.max(0, SEVERITIES.indexOf(severity) + steps));
  return SEVERITIES[index]!;
}

/** One level less severe, not below 'low'. */
export function lowerSeverity(severity: Severity, steps = 1): Severity {
  return shiftSeverity(severity, steps);
}

/** One level more severe, not above 'critical'. */
export function raiseSeverity(severity: Severity, steps = 1): Severity {
  return shiftSeverity(severity, -steps);
}

/** The worse of several severities; `fallback` when there are none. */
export function worstSeverity(severities: Iterable<Severity>, fallback: Severity = 'low'): Severity {
  let worst = SEVERITIES.length;
  for (const severity of severities) worst = Math.min(worst, SEVERITIES.indexOf(severity));
  return SEVERITIES[worst] ?? fallback;
}

/** Access levels from most to least sensitive, for "the worst level among these actions". */
export const LEVELS_BY_SENSITIVITY: readonly AccessLevel[] = [
  'Permissions management',
  'Write',
  'Tagging',
  'Read',
  'List',
];

/** The most sensitive level of a set of levels. */
export function worstLevel(levels: Iterable<AccessLevel>): AccessLevel | undefined {
  let worst: number | undefined;
  for (const level of levels) {
    const index = LEVELS_BY_SENSITIVITY.indexOf(level);
    if (worst === undefined || index < worst) worst = index;
  }
  return worst === undefined ? undefined : LEVELS_BY_SENSITIVITY[worst];
}

/**
 * What the grant's context does to a severity: `constrained` (a narrowing condition applies) lowers one level;
 * `scoped` (the grant names resources rather than "*") lowers one level.
 */
export function contextSeverity(
  base: Severity,
  context: { constrained: boolean; scoped?: boolean },
): Severity {
  return lowerSeverity(base, (context.constrained ? 1 : 0) + (context.scoped ? 1 : 0));
}
