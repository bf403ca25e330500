/**
 * How severities and categories look in every renderer: one table each, so the terminal, Markdown and SARIF
 * never disagree about what "high" means. The order comes from `SEVERITIES` and `CATEGORIES`.
 */
import type { FindingCategory, Severity } from '../findings/finding.ts';

/** SARIF's result levels. */
export type SarifLevel = 'error' | 'warning' | 'note';

/** The presentation of one severity. */
export interface SeverityStyle {
  /** Capitalised, e.g. 'High'. */
  label: string;
  /** A coloured circle for Markdown, e.g. '🟠'. */
  icon: string;
  /** The ANSI SGR parameters for the terminal, e.g. '31' (red). */
  ansi: string;
  /** The SARIF level: critical and high are errors, medium warnings, low and info notes. */
  sarifLevel: SarifLevel;
  /**
   * GitHub code scanning's `security-severity` (a CVSS-like score as a string) for security rules; absent for
   * info, which is not a vulnerability.
   */
  securitySeverity?: string;
}

/** Presentation of each severity. */
export const SEVERITY_STYLE: Readonly<Record<Severity, SeverityStyle>> = {
  critical: { label: 'Critical', icon: '🔴', ansi: '1;31', sarifLevel: 'error', securitySeverity: '9.5' },
  high: { label: 'High', icon: '🟠', ansi: '31', sarifLevel: 'error', securitySeverity: '8.0' },
  medium: { label: 'Medium', icon: '🟡', ansi: '33', sarifLevel: 'warning', securitySeverity: '5.5' },
  low: { label: 'Low', icon: '🔵', ansi: '36', sarifLevel: 'note', securitySeverity: '3.0' },
  info: { label: 'Info', icon: '⚪', ansi: '2', sarifLevel: 'note' },
};

/** Capitalised name of each category. */
export const CATEGORY_LABEL: Readonly<Record<FindingCategory, string>> = {
  security: 'Security',
  correctness: 'Correctness',
  hygiene: 'Hygiene',
  cost: 'Cost',
};
