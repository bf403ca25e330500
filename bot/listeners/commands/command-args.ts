/**
 * What every `/axiom` sub-command handler receives: the slash command's payload, the parsed command, and
 * Bolt's `ack`, `respond` and `client` (or test fakes of them). Each handler calls `ack()` first.
 */
import type { ParsedCommand } from '../../parse-command.ts';
import type { Ack, Respond, SlackClient } from '../../ports.ts';
import type { BotServices } from '../../services.ts';

/** The fields of Slack's slash-command payload the handlers use. */
export interface SlashCommandPayload {
  /** Who ran it. */
  user_id: string;
  /** Where. */
  channel_id: string;
  /** The text after `/axiom`. */
  text: string;
  /** Opens a modal within 3 seconds. */
  trigger_id: string;
  /** Replies for 30 minutes. */
  response_url: string;
}

/** A handler's arguments for the command `C`. */
export interface CommandArgs<C extends ParsedCommand = ParsedCommand> {
  /** The slash command. */
  command: SlashCommandPayload;
  /** What it asks for. */
  parsed: C;
  /** Acknowledges within 3 seconds. */
  ack: Ack;
  /** Replies through the response URL (ephemeral unless told otherwise). */
  respond: Respond;
  /** The Web API. */
  client: SlackClient;
}

/** Handles one sub-command. */
export type CommandHandler<C extends ParsedCommand> = (
  args: CommandArgs<C>,
  services: BotServices,
) => Promise<void>;

/** The ephemeral refusal for a command only admins may run. */
export function adminOnlyReply(command: string): string {
  return `Only Axiom admins may run \`/axiom ${command}\`. Ask one of them, or an operator to add you to AXIOM_ADMINS.`;
}
