/** Registers the modal submission listeners. */
import type { App } from '@slack/bolt';
import { CONNECT_CALLBACK_ID } from '../../connect-form.ts';
import type { SlackClient } from '../../ports.ts';
import type { BotServices } from '../../services.ts';
import { connectSubmission } from './connect-submission.ts';

/** Registers the view listeners on `app`. */
export function registerViews(
  app: App,
  services: BotServices,
  slackClient: (client: unknown) => SlackClient,
): void {
  app.view(CONNECT_CALLBACK_ID, async ({ ack, body, view, client }) => {
    await connectSubmission(
      {
        ack: async (response) => {
          await (response === undefined ? ack() : ack(response));
        },
        body,
        view: { private_metadata: view.private_metadata, state: { values: view.state.values } },
        client: slackClient(client),
      },
      services,
    );
  });
}
