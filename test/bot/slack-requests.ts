/**
 * Requests as Slack sends them to the bot: slash commands and interactivity payloads, form-encoded, signed with
 * Slack's v0 scheme (HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret), written out here rather
 * than with the bot's own code so the tests check the bot against Slack's documented format.
 */
import { createHmac } from 'node:crypto';

/** The signing secret the test bots use. */
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/** Slack's slash-command fields. */
export interface SlashCommandFields {
  /** The text after the command. */
  text: string;
  /** Who ran it. */
  user: string;
  /** Where. */
  channel: string;
  /** The response URL (the fake Slack's). */
  responseUrl: string;
  /** The trigger id. */
  triggerId?: string;
}

/** A slash command's form body. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0AXIOM',
    team_domain: 'axiom-test',
    channel_id: fields.channel,
    channel_name: 'channel',
    user_id: fields.user,
    user_name: 'someone',
    command: '/axiom',
    text: fields.text,
    api_app_id: 'A0AXIOM',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? '13345224609.738474920.8088930838d88f008e0',
  }).toString();
}

/** An interactivity payload's form body (`payload=<json>`). */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A view_submission payload for the connect form. */
export function viewSubmission(input: {
  user: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
}): object {
  return {
    type: 'view_submission',
    team: { id: 'T0AXIOM', domain: 'axiom-test' },
    user: { id: input.user, username: 'someone', name: 'someone', team_id: 'T0AXIOM' },
    api_app_id: 'A0AXIOM',
    token: 'deprecated-verification-token',
    trigger_id: '12345.98765.abcd2358fdea',
    view: {
      id: 'V0VIEW1',
      team_id: 'T0AXIOM',
      type: 'modal',
      callback_id: 'axiom_connect',
      private_metadata: input.privateMetadata,
      state: { values: input.values },
      hash: '156663117.cd33ad1f',
      title: { type: 'plain_text', text: 'Connect AWS account' },
      blocks: [],
      app_id: 'A0AXIOM',
      bot_id: 'B0AXIOMBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** The v0 signature of `body` at `timestamp`. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** How to send one request. */
export interface SendOptions {
  /** Unix seconds (default now). */
  timestamp?: number;
  /** Overrides the signature. */
  signature?: string;
  /** Signs with another secret. */
  secret?: string;
}

/** What the bot answered. */
export interface BotAnswer {
  /** HTTP status. */
  status: number;
  /** The body (Bolt answers an ack with JSON or nothing). */
  body: string;
  /** The request's timestamp and signature, to replay it. */
  sent: { timestamp: number; signature: string; body: string };
}

/** POSTs a signed form body to the bot's `/slack/events`. */
export async function sendToBot(botUrl: string, body: string, options: SendOptions = {}): Promise<BotAnswer> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature ?? sign(body, timestamp, options.secret);
  const response = await fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  return { status: response.status, body: await response.text(), sent: { timestamp, signature, body } };
}
