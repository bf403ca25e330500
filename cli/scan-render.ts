/**
 * The scan report in the format asked for. JSON carries the rules not evaluated in its `notEvaluated` field and
 * SARIF describes findings only; for text and Markdown a "not evaluated" section is added here, so that a rule
 * whose input was denied never reads as a pass in any format a person looks at.
 */
import {
  type Finding,
  type NotEvaluated,
  type ReportContext,
  renderJson,
  renderMarkdown,
  renderSarif,
  renderText,
  type SeverityThreshold,
} from '../core/index.ts';

/** The report formats of `axiom scan`. */
export const SCAN_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;

/** One of SCAN_FORMATS. */
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** How the report is rendered. */
export interface ScanRenderOptions {
  /** The format. */
  format: ScanFormat;
  /** The failure threshold, for Markdown's verdict. */
  failOn: SeverityThreshold;
  /** ANSI colours in the text format (a terminal that wants them). */
  color?: boolean;
}

/** Rules not evaluated for the same reason in the same scope, listed together. */
interface NotEvaluatedGroup {
  accountId: string;
  region: string;
  reason: string;
  ruleIds: string[];
}

function groupNotEvaluated(items: readonly NotEvaluated[]): NotEvaluatedGroup[] {
  const groups = new Map<string, NotEvaluatedGroup>();
  for (const item of items) {
    const key = JSON.stringify([item.accountId, item.region, item.reason]);
    const group = groups.get(key) ?? {
      accountId: item.accountId,
      region: item.region,
      reason: item.reason,
      ruleIds: [],
    };
    if (!group.ruleIds.includes(item.ruleId)) group.ruleIds.push(item.ruleId);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Distinct rules among `items`. */
function ruleCount(items: readonly NotEvaluated[]): number {
  return new Set(items.map((item) => item.ruleId)).size;
}

/** Scanned data (an AWS message) must not carry control characters into the terminal. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return text.replace(/[\t\n]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}

/** The text report's "not evaluated" section, one block per scope and reason. */
function notEvaluatedText(items: readonly NotEvaluated[], color: boolean): string[] {
  if (items.length === 0) return [];
  const count = ruleCount(items);
  const heading = `NOT EVALUATED (${count} rule${count === 1 ? '' : 's'}): these could not run where an input they need is missing, so they did not pass there`;
  const lines = ['', color ? `\u001b[33m${heading}\u001b[0m` : heading];
  for (const group of groupNotEvaluated(items)) {
    lines.push(`  ${clean(`${group.accountId} ${group.region}`)}  ${clean(group.reason)}`);
    lines.push(`    ${group.ruleIds.map(clean).join(', ')}`);
  }
  return lines;
}

/**
 * The text report with the "not evaluated" section before the summary line, and the summary counting them.
 * renderText ends with a blank line and the summary line; everything before stays as it rendered it.
 */
export function renderScanText(
  findings: readonly Finding[],
  context: ReportContext,
  options: { color?: boolean } = {},
): string {
  const text = renderText(findings, context, options.color === undefined ? {} : { color: options.color });
  const items = context.notEvaluated ?? [];
  if (items.length === 0) return text;
  const lines = text.replace(/\n$/, '').split('\n');
  const summary = lines.pop() ?? '';
  const count = ruleCount(items);
  return `${[
    ...lines.slice(0, -1),
    ...notEvaluatedText(items, options.color === true),
    '',
    `${summary} · ${count} rule${count === 1 ? '' : 's'} not evaluated`,
  ].join('\n')}\n`;
}

/** Text safe in a Markdown table cell. */
function cell(text: string): string {
  return clean(text)
    .replace(/[\\`*_[\]<>|]/g, (char) => `\\${char}`)
    .trim();
}

/** The Markdown report's "not evaluated" section, appended after the report. */
function notEvaluatedMarkdown(items: readonly NotEvaluated[]): string {
  if (items.length === 0) return '';
  const count = ruleCount(items);
  const rows = groupNotEvaluated(items).map(
    (group) =>
      `| ${cell(group.accountId)} | ${cell(group.region)} | ${cell(group.reason)} | ${group.ruleIds
        .map((id) => `\`${id.replace(/`/g, '')}\``)
        .join(', ')} |`,
  );
  return [
    '',
    `### Not evaluated (${count} rule${count === 1 ? '' : 's'})`,
    '',
    'These rules could not run where their input was missing, so the absence of their findings there is not a pass.',
    '',
    '| Account | Region | Missing input | Rules |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Renders the scan report; see the file comment. */
export function renderScanReport(
  findings: readonly Finding[],
  context: ReportContext,
  options: ScanRenderOptions,
): string {
  switch (options.format) {
    case 'json':
      return renderJson(findings, context);
    case 'sarif':
      return renderSarif(findings, context, { automationId: 'axiom/scan/' });
    case 'markdown': {
      const markdown = renderMarkdown(findings, context, { failOn: options.failOn });
      const section = notEvaluatedMarkdown(context.notEvaluated ?? []);
      return section === '' ? markdown : `${markdown.replace(/\n*$/, '\n')}${section}`;
    }
    case 'text':
      return renderScanText(findings, context, options.color === undefined ? {} : { color: options.color });
  }
}
