/**
 * A local Slack for the bot's tests: the Web API (`SLACK_API_URL` / `slackApiUrl` points here), the upload URLs
 * of the files.uploadV2 flow, and command response URLs, all on 127.0.0.1. It records every call with its
 * decoded arguments and answers in Slack's JSON shapes; a test can make any method fail with a Slack error.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the fake received. */
export interface SlackCall {
  /** The Web API method (`chat.postMessage`), `upload` for a file upload, `response` for a response_url post. */
  method: string;
  /** Decoded arguments: form fields (JSON-looking values parsed) or the JSON body; `body` for uploads. */
  args: Record<string, unknown>;
  /** The Authorization header. */
  authorization: string | undefined;
  /** When it arrived (performance.now()). */
  at: number;
  /** What the fake answered (Web API methods only). */
  reply?: Record<string, unknown>;
}

/** A running fake Slack. */
export interface FakeSlack {
  /** The Web API base, ending in `/`: `http://127.0.0.1:PORT/api/`. */
  apiUrl: string;
  /** The server's base URL. */
  url: string;
  /** Every call in arrival order. */
  calls: SlackCall[];
  /** The calls of one method. */
  callsOf(method: string): SlackCall[];
  /** A fresh response_url for a command. */
  responseUrl(): string;
  /** Makes `method` answer `{ ok: false, error }` until `clear()`. */
  fail(method: string, error: string): void;
  /** Makes `method` wait `ms` before answering. */
  delay(method: string, ms: number): void;
  /** Waits until `predicate` holds over the calls (polling; fails after `timeoutMs`). */
  waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Forgets calls and failures. */
  clear(): void;
  /** Stops the server. */
  close(): Promise<void>;
}

/** The bot user the fake's auth.test reports. */
export const BOT_IDENTITY = { botId: 'B0AXIOMBOT', botUserId: 'U0AXIOMBOT', teamId: 'T0AXIOM' } as const;

function decode(contentType: string, body: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return { body };
    }
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const args: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(body)) {
      const looksJson = /^[[{]/.test(value);
      try {
        args[key] = looksJson ? JSON.parse(value) : value;
      } catch {
        args[key] = value;
      }
    }
    return args;
  }
  return { body };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts a fake Slack on 127.0.0.1. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const failures = new Map<string, string>();
  const delays = new Map<string, number>();
  let ts = 1_700_000_000;
  let files = 0;
  let responses = 0;
  let base = '';

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const failure = failures.get(method);
    if (failure !== undefined) return { ok: false, error: failure };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://axiom-test.slack.com/',
          team: 'Axiom test',
          user: 'axiom',
          team_id: BOT_IDENTITY.teamId,
          user_id: BOT_IDENTITY.botUserId,
          bot_id: BOT_IDENTITY.botId,
        };
      case 'views.open':
        return { ok: true, view: { id: 'V0VIEW1', ...(args.view as object) } };
      case 'chat.postMessage':
        ts += 1;
        return { ok: true, channel: args.channel, ts: `${ts}.000100`, message: { text: args.text } };
      case 'files.getUploadURLExternal':
        files += 1;
        return { ok: true, upload_url: `${base}/upload/F0FILE${files}`, file_id: `F0FILE${files}` };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F0FILE', title: 'report' }] };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake-slack');
    const body = await readBody(request);
    const contentType = request.headers['content-type'] ?? '';
    const authorization = request.headers.authorization;
    const at = performance.now();
    if (url.pathname.startsWith('/upload/')) {
      calls.push({
        method: 'upload',
        args: { file: url.pathname.slice('/upload/'.length), body },
        authorization,
        at,
      });
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('OK - 1');
      return;
    }
    if (url.pathname.startsWith('/response/')) {
      calls.push({
        method: 'response',
        args: { ...decode(contentType, body), url: url.pathname },
        authorization,
        at,
      });
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = decode(contentType, body);
    const reply = answer(method, args);
    calls.push({ method, args, authorization, at, reply });
    const wait = delays.get(method);
    if (wait !== undefined) await new Promise((resolve) => setTimeout(resolve, wait));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(reply));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    url: base,
    calls,
    callsOf: (method) => calls.filter((call) => call.method === method),
    responseUrl: () => `${base}/response/${++responses}`,
    fail: (method, error) => failures.set(method, error),
    delay: (method, ms) => delays.set(method, ms),
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline)
          throw new Error(
            `fake Slack: condition not met; calls so far: ${calls.map((call) => call.method).join(', ')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    clear() {
      calls.length = 0;
      failures.clear();
      delays.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
