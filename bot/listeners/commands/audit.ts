/** `/axiom audit [name]` (admins): the latest audit log entries, newest first. */
import { escapeMrkdwn, linesWithin } from '../../../core/index.ts';
import { formatTime } from '../../connection-view.ts';
import type { AuditEntry } from '../../ports.ts';
import { isAdmin, record } from '../../services.ts';
import { adminOnlyReply, type CommandHandler } from './command-args.ts';

/** Entries shown. */
const AUDIT_LINES = 30;

const RESULT_MARK: Record<AuditEntry['result'], string> = {
  ok: '✅',
  denied: '⛔',
  invalid: '⚠️',
  error: '❌',
};

function auditLine(entry: AuditEntry): string {
  const who = /^[UW][A-Z0-9]+$/.test(entry.actor) ? `<@${entry.actor}>` : escapeMrkdwn(entry.actor);
  const on = entry.connection === undefined ? '' : ` *${escapeMrkdwn(entry.connection)}*`;
  const detail =
    entry.detail === ''
      ? ''
      : `: ${escapeMrkdwn(entry.detail.length > 200 ? `${entry.detail.slice(0, 199)}…` : entry.detail)}`;
  return `\`${formatTime(entry.at)}\` ${RESULT_MARK[entry.result]} ${who} ${escapeMrkdwn(entry.command)}${on}${detail}`;
}

/** Shows the audit log. */
export const auditCommand: CommandHandler<{ name: 'audit'; connection: string | undefined }> = async (
  { command, parsed, ack, respond },
  services,
) => {
  const actor = command.user_id;
  const on = parsed.connection === undefined ? {} : { connection: parsed.connection };
  if (!isAdmin(services, actor)) {
    await ack({ text: adminOnlyReply('audit'), response_type: 'ephemeral' });
    await record(services, { actor, command: 'audit', ...on, result: 'denied', detail: 'not an admin' });
    return;
  }
  await ack();
  // The newest by numeric id, whatever order the store returns them in.
  const entries = (await services.audit.listAudit({ limit: 500, ...on }))
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0))
    .slice(0, AUDIT_LINES);
  const title = `*Audit log${parsed.connection === undefined ? '' : ` for ${escapeMrkdwn(parsed.connection)}`}*, newest first`;
  await respond({
    text:
      entries.length === 0
        ? `${title}: nothing recorded yet.`
        : `${title}\n${linesWithin(entries.map(auditLine), 3800, (left) => `…and ${left} more.`)}`,
  });
  await record(services, {
    actor,
    command: 'audit',
    ...on,
    result: 'ok',
    detail: `${entries.length} entries shown`,
  });
};
