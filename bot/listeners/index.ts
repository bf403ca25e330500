/** Registers every listener: the slash command, the connect form's submission and the rotation button. */
import type { App } from '@slack/bolt';
import type { BotServices } from '../services.ts';
import { listenerClient } from '../slack-client.ts';
import { createWorkLane, type WorkLane } from '../work-lane.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import { registerViews } from './views/index.ts';

/** Registers the bot's listeners on `app`. */
export function registerListeners(app: App, services: BotServices, lane: WorkLane = createWorkLane()): void {
  registerCommands(app, services, listenerClient, lane);
  registerViews(app, services, listenerClient);
  registerActions(app, services);
}
