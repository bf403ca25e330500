/** `/axiom help`: the usage, generated from the command table; admins also see the admin commands. */
import { renderHelp } from '../../parse-command.ts';
import { isAdmin, record } from '../../services.ts';
import type { CommandHandler } from './command-args.ts';

/** Shows the help. */
export const helpCommand: CommandHandler<{ name: 'help' }> = async ({ command, ack }, services) => {
  await ack({ text: renderHelp(isAdmin(services, command.user_id)), response_type: 'ephemeral' });
  await record(services, { actor: command.user_id, command: 'help', result: 'ok' });
};
