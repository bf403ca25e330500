/**
 * A connection test (`verifyConnection`) as a Slack message: the verdict, each service read, the privilege
 * check and every diagnosis with its fix. An over-privileged role is shown as onboarding halted, naming the
 * policy to remove (seed 003: ReadOnlyAccess reads customer data, so onboarding stops until it is detached).
 */
import type { Diagnosis } from '../connect/diagnosis.ts';
import { describePrivilegeSource } from '../connect/privilege-check.ts';
import type { ConnectionHealth, ProbeResult, VerifyReport } from '../connect/verify.ts';
import {
  DIVIDER,
  escapedWithin,
  escapeMrkdwn,
  linesWithin,
  mrkdwn,
  plainText,
  section,
  truncate,
} from './block-kit-text.ts';
import { type MessageBlock, type SectionBlock, SLACK_LIMITS, type SlackMessage } from './block-kit-types.ts';

/** How the verify message is built. */
export interface VerifyBlocksOptions {
  /** The connection's name, e.g. 'prod'. */
  connection: string;
  /** What happens next, in one sentence of mrkdwn the caller has escaped (channel links stay links); shown when connected. */
  next?: string;
}

const HEADLINE: Record<ConnectionHealth, (name: string) => string> = {
  healthy: (name) => `✅ ${name} is connected`,
  degraded: (name) => `⚠️ ${name} is connected, with gaps`,
  'no-access': (name) => `⚠️ ${name} is connected but cannot read anything`,
  'cannot-connect': (name) => `❌ ${name} is not connected`,
  'over-privileged': (name) => `🛑 Onboarding halted: ${name}`,
};

const VERDICT: Record<ConnectionHealth, string> = {
  healthy: 'The role is read-only and every service answered.',
  degraded:
    'Axiom can use the role, but some reads or checks did not work; scans will show them as coverage gaps.',
  'no-access':
    'The role was assumed, but every read was denied: a scan would find nothing for lack of permission.',
  'cannot-connect': 'Axiom could not use the role.',
  'over-privileged':
    'The role can do more than read. Axiom stops onboarding until the role is read-only: remove what is listed below, then test again.',
};

const PROBE_MARK: Record<ProbeResult['status'], string> = {
  ok: '✅ ok',
  denied: '⛔ denied',
  unimplemented: '➖ not available here',
  error: '❌ error',
  skipped: '⏭️ skipped',
};

const LEVEL_MARK: Record<Diagnosis['level'], string> = { blocker: '🛑', warning: '⚠️', info: 'ℹ️' };

/** Most diagnoses shown; the rest are counted (a role with every read denied has one per service). */
const MAX_DIAGNOSES = 20;

function probeSections(probes: readonly ProbeResult[]): SectionBlock[] {
  const fields = probes.map((probe) => {
    const items = probe.status === 'ok' && probe.items !== undefined ? ` (${probe.items} sampled)` : '';
    const detail = probe.status !== 'ok' && probe.detail ? `\n${escapedWithin(probe.detail, 300)}` : '';
    return mrkdwn(
      `\`${escapeMrkdwn(probe.action)}\`\n${PROBE_MARK[probe.status]}${items}${detail}`,
      SLACK_LIMITS.fieldText,
    );
  });
  const sections: SectionBlock[] = [];
  for (let start = 0; start < fields.length; start += SLACK_LIMITS.sectionFields)
    sections.push({ type: 'section', fields: fields.slice(start, start + SLACK_LIMITS.sectionFields) });
  return sections;
}

function diagnosisText(diagnosis: Diagnosis): string {
  const lines = [
    `${LEVEL_MARK[diagnosis.level]} *${escapedWithin(diagnosis.title, 300)}*`,
    escapedWithin(diagnosis.explanation, 1500),
  ];
  if (diagnosis.fix !== '') lines.push(`*Fix:* ${escapedWithin(diagnosis.fix, 1000)}`);
  return lines.join('\n');
}

/** Renders a verify report as a Slack message within Slack's limits. */
export function renderVerifyBlocks(report: VerifyReport, options: VerifyBlocksOptions): SlackMessage {
  const name = options.connection;
  const blocks: MessageBlock[] = [
    { type: 'header', text: plainText(HEADLINE[report.health](name), SLACK_LIMITS.headerText) },
  ];
  const account = report.identity ? ` Account ${escapeMrkdwn(report.identity.account)}.` : '';
  const next =
    options.next !== undefined && (report.health === 'healthy' || report.health === 'degraded')
      ? `\n${truncate(options.next, 1000)}`
      : '';
  blocks.push(section(`${VERDICT[report.health]}${account}${next}`));

  // The notes appear with the privilege line; their diagnosis copies would repeat them.
  const diagnoses = report.diagnoses.filter((diagnosis) => diagnosis.code !== 'privilege-check-note');
  const problems = report.privilege?.problems ?? [];
  if (report.health === 'over-privileged' && problems.length > 0) {
    const remove = problems.map((problem) => {
      const described = describePrivilegeSource(problem.source);
      const arn =
        problem.source.startsWith('arn:') && !described.includes(problem.source)
          ? ` (\`${escapeMrkdwn(problem.source)}\`)`
          : '';
      return `• *${escapeMrkdwn(described)}*${arn}: ${escapedWithin(problem.fix, 600)}`;
    });
    const heading = '*What to remove before onboarding continues:*';
    blocks.push(
      section(
        `${heading}\n${linesWithin(remove, SLACK_LIMITS.sectionText - heading.length - 1, (left) => `…and ${left} more.`)}`,
      ),
    );
  }

  if (report.probes.length > 0)
    blocks.push(DIVIDER, section('*Service reads*'), ...probeSections(report.probes));
  if (report.privilege) {
    const notes = report.privilege.notes.map((note) => `\n• ${escapedWithin(note, 400)}`).join('');
    blocks.push(
      section(
        `*Read-only check:* ${escapeMrkdwn(report.privilege.status)}; policy simulation: ${escapeMrkdwn(report.privilege.simulation)}.${notes}`,
      ),
    );
  }
  if (diagnoses.length > 0) {
    blocks.push(DIVIDER, section('*Diagnosis*'));
    // Leave room for the closing context block.
    const room = SLACK_LIMITS.messageBlocks - blocks.length - 1;
    const shown = diagnoses.slice(0, Math.min(MAX_DIAGNOSES, room));
    for (const diagnosis of shown) blocks.push(section(diagnosisText(diagnosis)));
    if (shown.length < diagnoses.length)
      blocks.push({
        type: 'context',
        elements: [
          mrkdwn(`${diagnoses.length - shown.length} more; run \`axiom verify\` for the full list.`),
        ],
      });
  }
  const text = `${HEADLINE[report.health](name)}. ${VERDICT[report.health]}`;
  return { text: escapedWithin(text, 1000), blocks: blocks.slice(0, SLACK_LIMITS.messageBlocks) };
}
