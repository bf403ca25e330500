import type { Finding } from '../findings/finding.ts';
import { sortFindings } from '../findings/sort.ts';
import { type FindingSummary, summarizeFindings } from '../findings/summary.ts';
import type {
  CoverageGap,
  NotEvaluatedRule,
  ReportContext,
  ReportStats,
  ReportTarget,
  ReportTool,
} from './context.ts';

/** The JSON report; its schema is `REPORT_SCHEMA` (report-schema.ts), which documents every field. */
export interface JsonReport {
  /** Version of the report's schema. */
  schemaVersion: 1;
  /** The tool that produced it. */
  tool: ReportTool;
  /** When the run started (ISO 8601), or null when not given. */
  startedAt: string | null;
  /** When the run finished (ISO 8601), or null when not given. */
  finishedAt: string | null;
  /** What was analysed. */
  targets: ReportTarget[];
  /** What was not covered; empty when nothing is missing. */
  coverage: CoverageGap[];
  /** Rules that could not run where their input was missing; present for live scans only. */
  notEvaluated?: NotEvaluatedRule[];
  /** Counters of the run. */
  stats: ReportStats;
  /** Counts and savings over the findings. */
  summary: FindingSummary;
  /** Every finding, suppressed ones included, in report order. */
  findings: Finding[];
}

/** The JSON report as an object. */
export function buildJsonReport(findings: readonly Finding[], context: ReportContext): JsonReport {
  return {
    schemaVersion: 1,
    tool: context.tool,
    startedAt: context.startedAt ?? null,
    finishedAt: context.finishedAt ?? null,
    targets: context.targets ?? [],
    coverage: context.coverage ?? [],
    // Only runs that evaluate rules know what they could not evaluate; a policy analysis leaves it out.
    ...(context.notEvaluated === undefined ? {} : { notEvaluated: context.notEvaluated }),
    stats: context.stats ?? {},
    summary: summarizeFindings(findings),
    findings: sortFindings(findings),
  };
}

/** The JSON report as text: two-space indented, with a final newline. */
export function renderJson(findings: readonly Finding[], context: ReportContext): string {
  return `${JSON.stringify(buildJsonReport(findings, context), null, 2)}\n`;
}
