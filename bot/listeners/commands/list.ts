/** `/axiom list`: the connections usable in this channel (every connection, for admins). */
import { linesWithin } from '../../../core/index.ts';
import { listLine, visibleConnections } from '../../connection-view.ts';
import { isAdmin, record } from '../../services.ts';
import type { CommandHandler } from './command-args.ts';

/** Longest reply: Slack shows up to 4,000 characters of a message's text before folding it. */
const MAX_REPLY_CHARS = 3900;

/** Lists connections. */
export const listCommand: CommandHandler<{ name: 'list' }> = async ({ command, ack, respond }, services) => {
  await ack();
  const admin = isAdmin(services, command.user_id);
  const shown = visibleConnections(await services.connections.listConnections(), command.channel_id, admin);
  const text =
    shown.length === 0
      ? admin
        ? 'No AWS account is connected yet. `/axiom connect` starts one.'
        : 'No connection may be scanned in this channel. An Axiom admin can connect one, or allow this channel.'
      : `*Connections${admin ? '' : ' usable here'}* (${shown.length})\n${linesWithin(shown.map(listLine), MAX_REPLY_CHARS, (left) => `…and ${left} more.`)}`;
  await respond({ text, response_type: 'ephemeral' });
  await record(services, {
    actor: command.user_id,
    command: 'list',
    result: 'ok',
    detail: `${shown.length} shown`,
  });
};
