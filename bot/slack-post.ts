/**
 * Posting outside a listener's `respond`: to a channel with chat.postMessage, falling back to the command's
 * response_url when the bot cannot post there (not invited to a private channel, say), and saying which
 * happened so the caller can record it.
 */
import type { PostMessage, SlackClient, SlackReply } from './ports.ts';

/** Slack's error code in a Web API failure (`not_in_channel`), or the client's own (`slack_webapi_request_error`). */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  if (typeof data?.error === 'string') return data.error;
  return typeof code === 'string' ? code : undefined;
}

/** A Slack failure in one line, for the channel, the log and the audit log. */
export function describeSlackError(error: unknown): string {
  const code = slackErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined || message.includes(code) ? message : `${code}: ${message}`;
}

/** Slack answered with an error that retrying will not change (as opposed to a network failure or a 5xx). */
export function isPermanentSlackError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'slack_webapi_platform_error'
  );
}

/** Sends a reply to a response_url (valid for 30 minutes, five uses). */
export async function postToResponseUrl(
  fetchFn: typeof fetch,
  url: string,
  reply: SlackReply,
): Promise<void> {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reply),
  });
  if (!response.ok) throw new Error(`Slack's response_url answered HTTP ${response.status}`);
}

/** Where a message ended up. */
export type Delivery =
  | { delivered: 'channel'; ts: string | undefined }
  | { delivered: 'response_url'; reason: string }
  | { delivered: 'nowhere'; reason: string };

/**
 * Posts `message`; on a permanent Slack error, sends it through `responseUrl` when there is one. Network
 * failures and Slack outages are thrown, so a job can be retried.
 */
export async function postMessage(
  client: SlackClient,
  message: PostMessage,
  fallback: { responseUrl: string | undefined; fetch: typeof fetch },
): Promise<Delivery> {
  try {
    const posted = await client.chat.postMessage(message);
    return { delivered: 'channel', ts: posted.ts };
  } catch (error) {
    if (!isPermanentSlackError(error)) throw error;
    const reason = describeSlackError(error);
    if (fallback.responseUrl === undefined) return { delivered: 'nowhere', reason };
    const reply: SlackReply = { text: message.text, response_type: 'in_channel' };
    if (message.blocks !== undefined) reply.blocks = message.blocks;
    try {
      await postToResponseUrl(fallback.fetch, fallback.responseUrl, reply);
      return { delivered: 'response_url', reason };
    } catch (second) {
      return {
        delivered: 'nowhere',
        reason: `${reason}; the response URL failed too: ${describeSlackError(second)}`,
      };
    }
  }
}
