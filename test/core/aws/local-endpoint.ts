import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the local endpoint received, as the SDK sent it. */
export interface ReceivedRequest {
  /** HTTP method. */
  method: string;
  /** Path and query, e.g. '/axiom-bucket?policy'. */
  url: string;
  /** Request headers (lower-case names), including `host` as the SDK set it. */
  headers: IncomingHttpHeaders;
  /** Request body as text (Query-protocol form data, JSON or XML). */
  body: string;
}

/** The reply to one request: status, headers and a body in the service's wire format. */
export interface WireReply {
  /** HTTP status code. */
  status: number;
  /** Response headers; content-type and x-amzn-requestid are set when missing. */
  headers?: Record<string, string>;
  /** Response body. */
  body?: string;
}

/** Answers each request (`index` counts from 0); `'silence'` never answers, to exercise timeouts. */
export type Replier = (request: ReceivedRequest, index: number) => WireReply | 'silence';

/** A running local endpoint. */
export interface LocalEndpoint {
  /** Base URL to pass as the client's endpoint override, e.g. 'http://127.0.0.1:40123'. */
  url: string;
  /** Every request received so far, in arrival order. */
  requests: ReceivedRequest[];
  /** Stops the server and drops keep-alive sockets. */
  close(): Promise<void>;
}

/**
 * A loopback HTTP server the SDK really talks to: it records every request and answers with `reply`. Tests
 * write the replies in each service's wire format, so the SDK's real parsing, signing and retries run.
 */
export async function startLocalEndpoint(reply: Replier): Promise<LocalEndpoint> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = requests.push(received) - 1;
      const answer = reply(received, index);
      if (answer === 'silence') return;
      res.writeHead(answer.status, {
        'content-type': 'text/xml',
        'x-amzn-requestid': `axiom-test-${index}`,
        ...answer.headers,
      });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
