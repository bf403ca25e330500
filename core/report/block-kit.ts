/**
 * A scan's result as a Slack message: the verdict, counts by severity and category, estimated monthly savings,
 * the worst findings with their fix, coverage gaps and the run's counters. Slack rejects a whole message that
 * breaks a limit (50 blocks, 3,000 characters of section text, ten fields), so every part is bounded here and
 * whatever does not fit is counted and left to the full report the adapter attaches.
 */
import { type Finding, SEVERITIES } from '../findings/finding.ts';
import { sortFindings } from '../findings/sort.ts';
import { CATEGORIES, summarizeFindings } from '../findings/summary.ts';
import {
  DIVIDER,
  escapedWithin,
  escapeMrkdwn,
  linesWithin,
  mrkdwn,
  plainText,
  section,
} from './block-kit-text.ts';
import { type MessageBlock, SLACK_LIMITS, type SlackMessage } from './block-kit-types.ts';
import type { CoverageGap, ReportContext } from './context.ts';
import { countOf, findingPlace, formatUsd } from './format.ts';
import { CATEGORY_LABEL, SEVERITY_STYLE } from './labels.ts';

/** How the scan message is built. */
export interface ScanBlocksOptions {
  /** What was scanned, for the header: a connection name such as 'prod'. */
  title: string;
  /** Most findings shown in full (default 8, at most 30); the rest are counted. */
  maxFindings?: number;
  /** Where the rest is, e.g. 'the attached report'; shown when findings or gaps are left out. */
  fullReport?: string;
}

/** Most characters of a finding's message and of its fix in the message: enough to act, short enough to scan. */
const MESSAGE_CHARS = 700;
const FIX_CHARS = 900;

function findingText(finding: Finding): string {
  const style = SEVERITY_STYLE[finding.severity];
  const lines = [`${style.icon} *${style.label}* · ${escapedWithin(finding.title, 300)}`];
  const place = findingPlace(finding);
  lines.push(
    `\`${escapedWithin(finding.ruleId, 120)}\`${place === '' ? '' : ` · _${escapedWithin(place, 300)}_`}`,
  );
  lines.push(escapedWithin(finding.message, MESSAGE_CHARS));
  const saving = finding.estimatedMonthlySavingsUsd;
  if (saving !== undefined && saving > 0) lines.push(`Estimated saving: *${formatUsd(saving)}/month*`);
  lines.push(`*Fix:* ${escapedWithin(finding.remediation, FIX_CHARS)}`);
  return lines.join('\n');
}

/** Gaps grouped by what failed, so a denied operation in 17 regions is one line, not 17. */
function gapLines(gaps: readonly CoverageGap[]): string[] {
  const groups = new Map<string, { gap: CoverageGap; places: string[] }>();
  for (const gap of gaps) {
    const key = `${gap.status}\u0000${gap.service}\u0000${gap.operation}\u0000${gap.detail}`;
    const place = [gap.account, gap.region].filter((part) => part !== undefined && part !== '').join('/');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { gap, places: place === '' ? [] : [place] });
    else if (place !== '' && !group.places.includes(place)) group.places.push(place);
  }
  return [...groups.values()].map(({ gap, places }) => {
    const operation = gap.operation === '*' ? gap.service : `${gap.service}:${gap.operation}`;
    const where =
      places.length === 0
        ? ''
        : ` in ${places.slice(0, 3).join(', ')}${places.length > 3 ? ` and ${places.length - 3} more` : ''}`;
    return `• \`${escapeMrkdwn(operation)}\` ${gap.status}${escapeMrkdwn(where)}: ${escapedWithin(gap.detail, 300)}`;
  });
}

function countsBlock(findings: readonly Finding[]): MessageBlock {
  const summary = summarizeFindings(findings);
  const severities = SEVERITIES.map((severity) => {
    const style = SEVERITY_STYLE[severity];
    return mrkdwn(`${style.icon} *${style.label}*: ${summary.bySeverity[severity]}`, SLACK_LIMITS.fieldText);
  });
  const categories = CATEGORIES.map((category) =>
    mrkdwn(`*${CATEGORY_LABEL[category]}*: ${summary.byCategory[category]}`, SLACK_LIMITS.fieldText),
  );
  return { type: 'section', fields: [...severities, ...categories].slice(0, SLACK_LIMITS.sectionFields) };
}

function statsLine(context: ReportContext): string {
  const parts = [`${escapeMrkdwn(context.tool.name)} ${escapeMrkdwn(context.tool.version)}`];
  const stats = context.stats;
  if (stats?.resources !== undefined) parts.push(countOf(stats.resources, 'resource'));
  if (stats?.apiCalls !== undefined) parts.push(countOf(stats.apiCalls, 'API call'));
  if (stats?.durationMs !== undefined) parts.push(`${(stats.durationMs / 1000).toFixed(1)} s`);
  if (context.finishedAt !== undefined) parts.push(`finished ${escapeMrkdwn(context.finishedAt)}`);
  return parts.join(' · ');
}

/** The fallback text: one sentence a notification can show. */
function fallbackText(findings: readonly Finding[], title: string): string {
  const summary = summarizeFindings(findings);
  const worst = SEVERITIES.filter((severity) => summary.bySeverity[severity] > 0)
    .slice(0, 2)
    .map((severity) => `${summary.bySeverity[severity]} ${severity}`);
  const saving =
    summary.estimatedMonthlySavingsUsd > 0
      ? `, estimated savings ${formatUsd(summary.estimatedMonthlySavingsUsd)}/month`
      : '';
  const counts =
    summary.active === 0 ? 'no findings' : `${countOf(summary.active, 'finding')} (${worst.join(', ')})`;
  return `Axiom scan of ${escapedWithin(title, 100)}: ${counts}${saving}.`;
}

/** Renders a scan as a Slack message within Slack's limits (see the file comment). */
export function renderScanBlocks(
  findings: readonly Finding[],
  context: ReportContext,
  options: ScanBlocksOptions,
): SlackMessage {
  const maxFindings = Math.min(Math.max(Math.trunc(options.maxFindings ?? 8), 0), 30);
  const active = sortFindings(findings).filter((finding) => !finding.suppressed);
  const summary = summarizeFindings(findings);
  const gaps = context.coverage ?? [];
  const fullReport = options.fullReport === undefined ? 'the full report' : escapeMrkdwn(options.fullReport);

  const targets = (context.targets ?? []).map((target) => {
    const regions = target.regions && target.regions.length > 0 ? ` · ${target.regions.join(', ')}` : '';
    return `${target.description}${regions}`;
  });
  const verdict =
    summary.active === 0
      ? '*No findings.*'
      : `*${countOf(summary.active, 'finding')}*${summary.suppressed > 0 ? ` (${summary.suppressed} suppressed)` : ''}`;
  const blocks: MessageBlock[] = [
    { type: 'header', text: plainText(`Axiom scan: ${options.title}`, SLACK_LIMITS.headerText) },
    section(`${verdict}${targets.length > 0 ? ` in ${escapedWithin(targets.join('; '), 1500)}` : ''}`),
    countsBlock(findings),
  ];
  if (summary.estimatedMonthlySavingsUsd > 0) {
    const costFindings = active.filter((finding) => (finding.estimatedMonthlySavingsUsd ?? 0) > 0).length;
    blocks.push(
      section(
        `:moneybag: *Estimated monthly savings: ${formatUsd(summary.estimatedMonthlySavingsUsd)}* from ${countOf(costFindings, 'finding')}`,
      ),
    );
  }

  if (active.length > 0) {
    blocks.push(DIVIDER, section(`*Top findings*`));
    for (const finding of active.slice(0, maxFindings)) blocks.push(section(findingText(finding)));
    const left = active.length - Math.min(active.length, maxFindings);
    if (left > 0)
      blocks.push({
        type: 'context',
        elements: [mrkdwn(`${countOf(left, 'more finding')} in ${fullReport}.`)],
      });
  }

  if (gaps.length > 0) {
    const heading = `*Coverage gaps (${gaps.length})*: parts Axiom could not read, so no finding there is not a pass.`;
    const body = linesWithin(
      gapLines(gaps),
      SLACK_LIMITS.sectionText - heading.length - 1,
      (left) => `…and ${countOf(left, 'more gap')} in ${fullReport}.`,
    );
    blocks.push(DIVIDER, section(`${heading}\n${body}`));
  }
  const notEvaluated = context.notEvaluated?.length ?? 0;
  if (notEvaluated > 0)
    blocks.push({
      type: 'context',
      elements: [
        mrkdwn(
          `${countOf(notEvaluated, 'rule check')} could not run because an input was missing (listed in ${fullReport}).`,
        ),
      ],
    });
  blocks.push({ type: 'context', elements: [mrkdwn(statsLine(context))] });
  return {
    text: fallbackText(findings, options.title),
    blocks: blocks.slice(0, SLACK_LIMITS.messageBlocks),
  };
}
