/** Registers the button listeners. */
import type { App } from '@slack/bolt';
import { CONFIRM_ROTATION_ACTION } from '../../rotation.ts';
import type { BotServices } from '../../services.ts';
import { confirmRotation } from './confirm-rotation.ts';

/** Registers the action listeners on `app`. */
export function registerActions(app: App, services: BotServices): void {
  app.action(CONFIRM_ROTATION_ACTION, async ({ ack, body, action, respond }) => {
    const value = action.type === 'button' ? action.value : undefined;
    await confirmRotation(
      { ack: () => ack(), body, action: value === undefined ? {} : { value }, respond },
      services,
    );
  });
  // The quick-create link button opens a URL; Slack still sends the click, which only needs acknowledging.
  app.action('open_quick_create', async ({ ack }) => {
    await ack();
  });
}
