import { type Finding, SEVERITIES } from '../findings/finding.ts';
import { sortFindings } from '../findings/sort.ts';
import { summarizeFindings } from '../findings/summary.ts';
import type { ReportContext } from './context.ts';
import { countOf, findingPlace, formatUsd } from './format.ts';
import { SEVERITY_STYLE } from './labels.ts';

/** How the terminal report looks. */
export interface TextOptions {
  /** Colour with ANSI escapes; only when the caller knows the output is a terminal that wants it. */
  color?: boolean;
  /** List suppressed findings (one line each, with the reason); default true. */
  showSuppressed?: boolean;
}

/**
 * The terminal report: findings grouped by severity, worst first, each with where it is, what is wrong and the
 * fix; then suppressed findings, coverage gaps, and a summary line with counts and estimated monthly savings.
 */
export function renderText(
  findings: readonly Finding[],
  context: ReportContext,
  options: TextOptions = {},
): string {
  const paint = (code: string, text: string): string =>
    options.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  const sorted = sortFindings(findings);
  const active = sorted.filter((finding) => !finding.suppressed);
  const suppressed = sorted.filter((finding) => finding.suppressed);
  const coverage = context.coverage ?? [];
  const targets = (context.targets ?? []).map((target) => clean(target.description));
  const lines: string[] = [
    paint('1', [`${context.tool.name} ${context.tool.version}`, ...targets].join(' · ')),
  ];

  for (const severity of SEVERITIES) {
    const group = active.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    const style = SEVERITY_STYLE[severity];
    lines.push('', paint(style.ansi, `${style.label.toUpperCase()} (${group.length})`));
    for (const finding of group) {
      lines.push(`  ${paint(style.ansi, clean(finding.ruleId))}  ${clean(finding.title)}`);
      const place = findingPlace(finding);
      if (place) lines.push(`    at ${clean(place)}`);
      lines.push(...indented(finding.message, '    '));
      if (finding.estimatedMonthlySavingsUsd !== undefined && finding.estimatedMonthlySavingsUsd > 0)
        lines.push(`    Estimated saving: ${formatUsd(finding.estimatedMonthlySavingsUsd)}/month`);
      lines.push(...indented(`Fix: ${finding.remediation}`, '    '));
    }
  }

  if (suppressed.length > 0 && options.showSuppressed !== false) {
    lines.push('', paint('2', `SUPPRESSED (${suppressed.length})`));
    for (const finding of suppressed) {
      const until = finding.suppressed?.until ? `; until ${finding.suppressed.until}` : '';
      const place = findingPlace(finding);
      lines.push(
        `  ${clean(finding.ruleId)}  ${clean(place || finding.title)}  (${clean(finding.suppressed?.reason ?? '')}${until})`,
      );
    }
  }

  if (coverage.length > 0) {
    lines.push('', paint('33', `COVERAGE GAPS (${coverage.length}): these parts were not checked`));
    for (const gap of coverage) {
      const where = [gap.account, gap.region].filter((part) => part !== undefined).join(' ');
      const scope = where ? `${where} ` : '';
      lines.push(
        `  ${gap.status.padEnd(7)} ${clean(`${scope}${gap.service}:${gap.operation}`)}  ${clean(gap.detail)}`,
      );
    }
  }

  lines.push('', summaryLine(findings, coverage.length));
  return `${lines.join('\n')}\n`;
}

function summaryLine(findings: readonly Finding[], gaps: number): string {
  const summary = summarizeFindings(findings);
  const bySeverity = SEVERITIES.filter((severity) => summary.bySeverity[severity] > 0).map(
    (severity) => `${summary.bySeverity[severity]} ${severity}`,
  );
  const parts = [
    summary.active === 0 ? 'No findings' : `${countOf(summary.active, 'finding')} (${bySeverity.join(', ')})`,
  ];
  if (summary.suppressed > 0) parts.push(`${summary.suppressed} suppressed`);
  if (gaps > 0) parts.push(countOf(gaps, 'coverage gap'));
  if (summary.estimatedMonthlySavingsUsd > 0)
    parts.push(`estimated savings ${formatUsd(summary.estimatedMonthlySavingsUsd)}/month`);
  return `Summary: ${parts.join(' · ')}`;
}

/** Control characters (an ANSI escape in a tag value, say) would let scanned data repaint the terminal. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return text.replace(/[\t\n]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}

function indented(text: string, indent: string): string[] {
  return text.split('\n').map((line) => `${indent}${clean(line)}`);
}
