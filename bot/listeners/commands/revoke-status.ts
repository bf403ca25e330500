/**
 * `/axiom revoke-status [name]`: tries each role now (AssumeRole, or the full verification for a halted
 * connection) and shows connected or disconnected, since when, and the last error in plain words. A change
 * found here is announced and recorded like the health check's.
 */
import { escapeMrkdwn, linesWithin } from '../../../core/index.ts';
import { checkConnection, recordCheck } from '../../connection-check.ts';
import { mayScanIn, statusLine, visibleConnections } from '../../connection-view.ts';
import { mapLimit } from '../../map-limit.ts';
import type { ConnectionSummary } from '../../ports.ts';
import { isAdmin, record } from '../../services.ts';
import type { CommandHandler } from './command-args.ts';

/** Roles tried at once when checking every connection. */
const CHECKS_AT_ONCE = 4;

/** Checks one or all connections now. */
export const revokeStatusCommand: CommandHandler<{
  name: 'revoke-status';
  connection: string | undefined;
}> = async ({ command, parsed, ack, respond, client }, services) => {
  await ack({ text: 'Trying the role now…', response_type: 'ephemeral' });
  const actor = command.user_id;
  const admin = isAdmin(services, actor);
  let names: string[];
  if (parsed.connection !== undefined) {
    const summary = (await services.connections.listConnections()).find(
      (item) => item.name === parsed.connection,
    );
    if (summary === undefined || !(admin || mayScanIn(summary, command.channel_id))) {
      await respond({
        text: `There is no connection named *${escapeMrkdwn(parsed.connection)}* that you may check in this channel.`,
      });
      await record(services, {
        actor,
        command: 'revoke-status',
        connection: parsed.connection,
        result: summary === undefined ? 'invalid' : 'denied',
        detail: summary === undefined ? 'no such connection' : `not allowed in ${command.channel_id}`,
      });
      return;
    }
    names = [summary.name];
  } else {
    names = visibleConnections(await services.connections.listConnections(), command.channel_id, admin).map(
      (item) => item.name,
    );
  }
  const checked = await mapLimit(
    names,
    CHECKS_AT_ONCE,
    async (name): Promise<ConnectionSummary | undefined> => {
      const connection = await services.connections.getConnection(name);
      if (connection === undefined) return undefined;
      const outcome = await checkConnection(services, connection);
      return recordCheck(services, client, connection, outcome, {
        actor,
        command: 'revoke-status',
        announce: true,
      });
    },
  );
  const lines = checked.filter((item) => item !== undefined).map(statusLine);
  await respond({
    text:
      lines.length === 0
        ? 'No connection may be checked in this channel.'
        : linesWithin(lines, 3900, (left) => `…and ${left} more.`),
  });
  await record(services, {
    actor,
    command: 'revoke-status',
    ...(parsed.connection === undefined ? {} : { connection: parsed.connection }),
    result: 'ok',
    detail: checked
      .filter((item) => item !== undefined)
      .map((item) => `${item.name}: ${item.status}`)
      .join(', '),
  });
};
