/** Registers the `/axiom` slash command. */
import type { App } from '@slack/bolt';
import type { SlackClient } from '../../ports.ts';
import type { BotServices } from '../../services.ts';
import type { WorkLane } from '../../work-lane.ts';
import { dispatchCommand } from './dispatch.ts';

/** The slash command, as declared in the app manifest. */
export const SLASH_COMMAND = '/axiom';

/** Registers the command listener on `app`. */
export function registerCommands(
  app: App,
  services: BotServices,
  slackClient: (client: unknown) => SlackClient,
  lane: WorkLane,
): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await dispatchCommand({ command, ack, respond, client: slackClient(client) }, services, lane);
  });
}
