/**
 * The HTTP front of the bot: requests to Slack's endpoint are read whole, checked by the request guard
 * (signature, age, future timestamps, replays) and only then handed to Bolt's receiver, which finds the body
 * already read. Anything refused gets a bare 401, as Bolt answers a bad signature.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RequestGuard } from './request-guard.ts';

/** Largest body read (Slack's payloads are far smaller; Bolt's own limit is 10 MB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Where refusals are reported. */
export interface GuardLogger {
  /** A refused request, with why. */
  warn(message: string): void;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function refuse(response: ServerResponse, status: number): void {
  response.writeHead(status);
  response.end();
}

/** Slack's SSL check: a form body with ssl_check=1, sent unsigned; answered here with an empty 200. */
function isSslCheck(request: IncomingMessage, body: string): boolean {
  return (
    (header(request, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded') &&
    new URLSearchParams(body).get('ssl_check') === '1'
  );
}

/**
 * Wraps Bolt's request listener: POSTs to `endpoints` are checked first; other requests go straight through
 * (Bolt answers them, or throws and they get a 404). `onRequest` hears of every request as it arrives.
 */
export function guardedListener(options: {
  inner: RequestListener;
  guard: RequestGuard;
  endpoints: readonly string[];
  logger: GuardLogger;
  onRequest?: () => void;
}): RequestListener {
  const passOn = (request: IncomingMessage, response: ServerResponse): void => {
    try {
      options.inner(request, response);
    } catch {
      // Bolt throws for paths it does not serve.
      if (!response.headersSent) refuse(response, 404);
    }
  };
  return (request, response) => {
    options.onRequest?.();
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'POST' || !options.endpoints.includes(path)) {
      passOn(request, response);
      return;
    }
    readBody(request).then(
      (raw) => {
        if (raw === undefined) {
          options.logger.warn('Refused a Slack request: the body is larger than 1 MB.');
          refuse(response, 413);
          return;
        }
        const body = raw.toString('utf8');
        if (isSslCheck(request, body)) {
          refuse(response, 200);
          return;
        }
        const check = options.guard.check({
          timestamp: header(request, 'x-slack-request-timestamp'),
          signature: header(request, 'x-slack-signature'),
          body,
        });
        if (!check.ok) {
          options.logger.warn(`Refused a Slack request (${check.reason}): ${check.message}.`);
          refuse(response, 401);
          return;
        }
        // Bolt reads `rawBody` when it is already there instead of the (consumed) stream.
        passOn(Object.assign(request, { rawBody: raw }), response);
      },
      () => {
        if (!response.headersSent) refuse(response, 400);
      },
    );
  };
}
