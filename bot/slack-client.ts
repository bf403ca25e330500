/**
 * Bolt's WebClient seen through the bot's `SlackClient` port. The blocks the bot posts are core's plain Block
 * Kit objects; Slack's own types describe the same wire format in more detail, so the one conversion between
 * the two lives here.
 */
import type { webApi } from '@slack/bolt';
import type { SlackClient } from './ports.ts';

type WebClient = webApi.WebClient;

/** The port over a WebClient. */
export function slackClientOf(client: WebClient): SlackClient {
  return {
    views: {
      open: (args) => client.views.open(args as unknown as webApi.ViewsOpenArguments),
    },
    chat: {
      postMessage: (args) => client.chat.postMessage(args as unknown as webApi.ChatPostMessageArguments),
    },
    filesUploadV2: (args) => client.filesUploadV2(args as unknown as webApi.FilesUploadV2Arguments),
  };
}

/** The port over whatever Bolt passes a listener as `client` (always a WebClient). */
export function listenerClient(client: unknown): SlackClient {
  return slackClientOf(client as WebClient);
}
