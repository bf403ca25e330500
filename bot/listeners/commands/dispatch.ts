/**
 * Routes one `/axiom` request to its handler: the text is parsed (purely), a mistake is answered at once with
 * what was wrong and the usage, and a handler that fails unexpectedly still gets the user a clear reply and
 * the audit log an entry.
 */
import { describeError } from '../../../core/index.ts';
import { type ParsedCommand, parseCommand } from '../../parse-command.ts';
import { type BotServices, record } from '../../services.ts';
import { UNBOUNDED_LANE, type WorkLane } from '../../work-lane.ts';
import { auditCommand } from './audit.ts';
import type { CommandArgs } from './command-args.ts';
import { connectCommand } from './connect.ts';
import { disconnectCommand } from './disconnect.ts';
import { helpCommand } from './help.ts';
import { listCommand } from './list.ts';
import { revokeStatusCommand } from './revoke-status.ts';
import { rotateExternalIdCommand } from './rotate-external-id.ts';
import { scanCommand } from './scan.ts';

function run(args: CommandArgs, parsed: ParsedCommand, services: BotServices): Promise<void> {
  switch (parsed.name) {
    case 'help':
      return helpCommand({ ...args, parsed }, services);
    case 'list':
      return listCommand({ ...args, parsed }, services);
    case 'connect':
      return connectCommand({ ...args, parsed }, services);
    case 'scan':
      return scanCommand({ ...args, parsed }, services);
    case 'revoke-status':
      return revokeStatusCommand({ ...args, parsed }, services);
    case 'disconnect':
      return disconnectCommand({ ...args, parsed }, services);
    case 'rotate-external-id':
      return rotateExternalIdCommand({ ...args, parsed }, services);
    case 'audit':
      return auditCommand({ ...args, parsed }, services);
  }
}

/**
 * Handles `/axiom <text>`. Whatever a handler does after its ack runs in `lane`, so that acks are never queued
 * behind other commands' follow-up work.
 */
export async function dispatchCommand(
  args: Omit<CommandArgs, 'parsed'>,
  services: BotServices,
  lane: WorkLane = UNBOUNDED_LANE,
): Promise<void> {
  const { command } = args;
  const parsed = parseCommand(command.text);
  if (!parsed.ok) {
    await args.ack({ text: parsed.message, response_type: 'ephemeral' });
    await record(services, {
      actor: command.user_id,
      command: command.text.trim().split(/\s+/)[0] || 'help',
      result: 'invalid',
      detail: parsed.message,
    });
    return;
  }
  // The handler acks before anything can fail; a second ack would throw, so only the reply is attempted here.
  let acked = false;
  let release: (() => void) | undefined;
  const ack: CommandArgs['ack'] = async (reply) => {
    acked = true;
    await args.ack(reply);
    release = await lane.acquire();
  };
  try {
    await run({ ...args, ack, parsed: parsed.command }, parsed.command, services);
  } catch (error) {
    const message = describeError(error);
    services.logger.error(`/axiom ${parsed.command.name} by ${command.user_id} failed: ${message}`);
    const text = `\`/axiom ${parsed.command.name}\` failed: ${message}`;
    try {
      if (acked) await args.respond({ text });
      else await args.ack({ text, response_type: 'ephemeral' });
    } catch {}
    await record(services, {
      actor: command.user_id,
      command: parsed.command.name,
      ...('connection' in parsed.command && parsed.command.connection !== undefined
        ? { connection: parsed.command.connection }
        : {}),
      result: 'error',
      detail: message,
    });
  } finally {
    release?.();
  }
}
