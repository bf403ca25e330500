/**
 * Markdown for a pull-request comment or a job summary: a verdict, a counts table, then the findings by severity
 * in collapsible sections, coverage gaps and suppressed findings. When the text would pass `maxLength`, whole rows
 * are dropped from the least important end (suppressed findings, then coverage gaps, then info up to critical) and
 * a last line points to the full report, so the output never ends inside a table row or a tag.
 */
import { AxiomError } from '../errors.ts';
import { type Finding, SEVERITIES, type Severity, type SourceLocation } from '../findings/finding.ts';
import { sortFindings } from '../findings/sort.ts';
import { CATEGORIES, summarizeFindings } from '../findings/summary.ts';
import { failsThreshold, type SeverityThreshold } from '../findings/threshold.ts';
import type { CoverageGap, ReportContext, ReportStats } from './context.ts';
import { countOf, formatUsd, resourceText } from './format.ts';
import { CATEGORY_LABEL, SEVERITY_STYLE } from './labels.ts';
import { codeOrEscaped, escapeMarkdown, markdownLink } from './markdown-escape.ts';

/** GitHub's limit on an issue or pull-request comment body. */
export const GITHUB_COMMENT_MAX_LENGTH = 65_536;
/** GitHub's limit on a job summary (1 MiB). */
export const JOB_SUMMARY_MAX_LENGTH = 1_048_576;

/** How the Markdown report is built. */
export interface MarkdownOptions {
  /** The failure threshold, for the verdict; without it the verdict only counts. */
  failOn?: SeverityThreshold;
  /** A URL for a source location (e.g. the file at the head commit, `#L12-L14`); only http(s) URLs are linked. */
  linkForLocation?: (location: SourceLocation) => string | undefined;
  /** Where the full report is (a workflow run's artifacts, a SARIF upload), named when rows are left out. */
  fullReportUrl?: string;
  /**
   * The most the output may hold, in UTF-8 bytes (never fewer than characters, so it is safe for limits in
   * either): `GITHUB_COMMENT_MAX_LENGTH` or `JOB_SUMMARY_MAX_LENGTH`. Absent means no limit.
   */
  maxLength?: number;
}

/** One row that may be left out when the output is too long; rows are kept in array order. */
interface DetailRow {
  section: Severity | 'coverage' | 'suppressed';
  /** True when the row is a finding (counted in "N more findings"); false for a coverage gap. */
  isFinding: boolean;
  text: string;
}

const FINDING_HEADER = ['Rule', 'Where', 'Finding', 'Remediation'];
const COVERAGE_HEADER = ['Status', 'Account', 'Region', 'Operation', 'Detail'];
const SUPPRESSED_HEADER = ['Rule', 'Where', 'Reason', 'Until'];

/** Renders the Markdown report (see the module comment for its layout and how it shrinks). */
export function renderMarkdown(
  findings: readonly Finding[],
  context: ReportContext,
  options: MarkdownOptions = {},
): string {
  const sorted = sortFindings(findings);
  const gaps = context.coverage ?? [];
  const head = headSection(findings, context, options);
  const rows: DetailRow[] = [
    ...sorted
      .filter((finding) => !finding.suppressed)
      .map((finding) => ({ section: finding.severity, isFinding: true, text: findingRow(finding, options) })),
    ...gaps.map((gap) => ({ section: 'coverage' as const, isFinding: false, text: coverageRow(gap) })),
    ...sorted
      .filter((finding) => finding.suppressed)
      .map((finding) => ({
        section: 'suppressed' as const,
        isFinding: true,
        text: suppressedRow(finding, options),
      })),
  ];
  const compose = (keep: number): string => composeReport(head, rows, keep, options.fullReportUrl);

  const full = compose(rows.length);
  const limit = options.maxLength;
  if (limit === undefined || byteLength(full) <= limit) return full;

  // Rows only add text, so the longest prefix that fits is found by bisection over the number kept.
  let low = 0;
  let high = rows.length - 1;
  let best = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (byteLength(compose(middle)) <= limit) {
      best = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (best >= 0) return compose(best);

  const minimal = `${head.verdict}\n\n${omittedLine(rows, 0, options.fullReportUrl)}\n`;
  if (byteLength(minimal) <= limit) return minimal;
  throw new AxiomError(
    'markdown_limit_too_small',
    `Could not fit the Markdown report into ${limit} bytes: even the verdict alone needs ${byteLength(minimal)}.`,
    { hint: 'Raise maxLength; GitHub allows 65,536 characters in a comment.' },
  );
}

interface HeadSection {
  /** The headline alone, the last thing kept. */
  verdict: string;
  /** Headline, run line, counts table, savings and coverage lines. */
  text: string;
}

function headSection(
  findings: readonly Finding[],
  context: ReportContext,
  options: MarkdownOptions,
): HeadSection {
  const summary = summarizeFindings(findings);
  const gaps = context.coverage ?? [];
  const verdict = `### ${verdictText(findings, summary.active, options.failOn, context.tool.name)}${
    gaps.length > 0 ? ' (coverage incomplete)' : ''
  }`;
  const runLine = [
    `${context.tool.name} ${context.tool.version}`,
    ...(context.targets ?? []).map((t) => t.description),
  ]
    .map(escapeMarkdown)
    .join(' · ');
  const lines = [verdict, '', `<sub>${runLine}</sub>`, ''];
  lines.push(
    tableRow([
      ...SEVERITIES.map((severity) => `${SEVERITY_STYLE[severity].icon} ${SEVERITY_STYLE[severity].label}`),
      'Suppressed',
    ]),
    tableRow([...SEVERITIES.map(() => '---:'), '---:']),
    tableRow([
      ...SEVERITIES.map((severity) => String(summary.bySeverity[severity])),
      String(summary.suppressed),
    ]),
    '',
  );
  const byCategory = CATEGORIES.filter((category) => summary.byCategory[category] > 0).map(
    (category) => `${CATEGORY_LABEL[category]} ${summary.byCategory[category]}`,
  );
  if (byCategory.length > 0) lines.push(`By category: ${byCategory.join(' · ')}`, '');
  if (summary.estimatedMonthlySavingsUsd > 0)
    lines.push(`**Estimated savings:** ${formatUsd(summary.estimatedMonthlySavingsUsd)}/month`, '');
  if (gaps.length > 0) {
    const byStatus = (['denied', 'error', 'skipped'] as const)
      .map((status) => [status, gaps.filter((gap) => gap.status === status).length] as const)
      .filter(([, count]) => count > 0)
      .map(([status, count]) => `${count} ${status}`);
    lines.push(
      `⚠️ **Coverage incomplete:** ${countOf(gaps.length, 'read')} could not be made (${byStatus.join(', ')}); findings in what was not read cannot be ruled out.`,
      '',
    );
  }
  const stats = statsText(context.stats);
  if (stats) lines.push(`<sub>${stats}</sub>`, '');
  return { verdict, text: lines.join('\n') };
}

function verdictText(
  findings: readonly Finding[],
  active: number,
  failOn: SeverityThreshold | undefined,
  tool: string,
): string {
  const name = escapeMarkdown(tool);
  if (failOn !== undefined && failOn !== 'none') {
    const failing = findings.filter((finding) => failsThreshold(finding, failOn)).length;
    if (failing > 0) return `❌ ${name}: ${countOf(failing, 'finding')} at or above ${failOn}`;
    if (active > 0) return `✅ ${name}: no findings at or above ${failOn} (${active} below)`;
  }
  if (active === 0) return `✅ ${name}: no findings`;
  return `⚠️ ${name}: ${countOf(active, 'finding')}`;
}

function statsText(stats: ReportStats | undefined): string {
  if (!stats) return '';
  const number = (value: number): string => value.toLocaleString('en-US');
  const parts: string[] = [];
  if (stats.files !== undefined) parts.push(countOf(stats.files, 'file'));
  if (stats.policyDocuments !== undefined) parts.push(countOf(stats.policyDocuments, 'policy document'));
  if (stats.resources !== undefined)
    parts.push(`${number(stats.resources)} resource${stats.resources === 1 ? '' : 's'}`);
  if (stats.apiCalls !== undefined)
    parts.push(`${number(stats.apiCalls)} API call${stats.apiCalls === 1 ? '' : 's'}`);
  if (stats.durationMs !== undefined) parts.push(`${(stats.durationMs / 1000).toFixed(1)} s`);
  return parts.join(' · ');
}

function composeReport(
  head: HeadSection,
  rows: readonly DetailRow[],
  keep: number,
  fullReportUrl?: string,
): string {
  const kept = rows.slice(0, keep);
  const parts = [head.text];
  for (const severity of SEVERITIES) {
    const style = SEVERITY_STYLE[severity];
    const open = severity === 'critical' || severity === 'high';
    parts.push(section(rows, kept, severity, `${style.icon} ${style.label}`, FINDING_HEADER, open));
  }
  parts.push(section(rows, kept, 'coverage', 'Coverage gaps', COVERAGE_HEADER, false));
  parts.push(section(rows, kept, 'suppressed', 'Suppressed findings', SUPPRESSED_HEADER, false));
  if (keep < rows.length) parts.push(`${omittedLine(rows, keep, fullReportUrl)}\n`);
  return parts.filter((part) => part !== '').join('\n');
}

/** A collapsible section with a table of the kept rows of `name`; empty when none is kept. */
function section(
  rows: readonly DetailRow[],
  kept: readonly DetailRow[],
  name: DetailRow['section'],
  label: string,
  header: readonly string[],
  open: boolean,
): string {
  const shown = kept.filter((row) => row.section === name);
  if (shown.length === 0) return '';
  const total = rows.filter((row) => row.section === name).length;
  const count = shown.length === total ? `${total}` : `${shown.length} of ${total} shown`;
  return [
    `<details${open ? ' open' : ''}>`,
    `<summary><b>${label} (${count})</b></summary>`,
    '',
    tableRow(header),
    tableRow(header.map(() => '---')),
    ...shown.map((row) => row.text),
    '',
    '</details>',
    '',
  ].join('\n');
}

function omittedLine(rows: readonly DetailRow[], keep: number, fullReportUrl?: string): string {
  const left = rows.slice(keep);
  const findings = left.filter((row) => row.isFinding).length;
  const gaps = left.length - findings;
  const counts = [
    ...(findings > 0 ? [countOf(findings, 'more finding')] : []),
    ...(gaps > 0 ? [countOf(gaps, 'more coverage gap')] : []),
  ].join(' and ');
  const where =
    fullReportUrl === undefined
      ? 'see the full report (the JSON or SARIF output of this run)'
      : `see the full report ${markdownLink(fullReportUrl, fullReportUrl)}`;
  return `**${counts}:** ${where}.`;
}

function findingRow(finding: Finding, options: MarkdownOptions): string {
  const saving =
    finding.estimatedMonthlySavingsUsd !== undefined && finding.estimatedMonthlySavingsUsd > 0
      ? `<br>Estimated saving: ${formatUsd(finding.estimatedMonthlySavingsUsd)}/month`
      : '';
  return tableRow([
    codeOrEscaped(finding.ruleId),
    whereCell(finding, options),
    `**${escapeMarkdown(finding.title)}**<br>${escapeMarkdown(finding.message)}${saving}`,
    escapeMarkdown(finding.remediation),
  ]);
}

function suppressedRow(finding: Finding, options: MarkdownOptions): string {
  return tableRow([
    codeOrEscaped(finding.ruleId),
    whereCell(finding, options) || escapeMarkdown(finding.title),
    escapeMarkdown(finding.suppressed?.reason ?? ''),
    finding.suppressed?.until ?? '',
  ]);
}

function coverageRow(gap: CoverageGap): string {
  return tableRow([
    gap.status,
    escapeMarkdown(gap.account ?? ''),
    escapeMarkdown(gap.region ?? ''),
    codeOrEscaped(`${gap.service}:${gap.operation}`),
    escapeMarkdown(gap.detail),
  ]);
}

function whereCell(finding: Finding, options: MarkdownOptions): string {
  const parts: string[] = [];
  if (finding.location) {
    const { file, line } = finding.location;
    parts.push(markdownLink(`${file}:${line}`, options.linkForLocation?.(finding.location)));
  }
  if (finding.resource) parts.push(codeOrEscaped(resourceText(finding.resource)));
  return parts.join('<br>');
}

/** One table row; cells are already escaped (no raw `|` or line break). */
function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
