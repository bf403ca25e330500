/**
 * A local AWS that real SDK v3 clients talk to (through `endpoint`), answering in each service's real wire
 * format. Tests register one handler per operation; anything unregistered gets a 501 naming what to register.
 *
 *   const aws = await startFakeAws();
 *   aws.on('STS', 'AssumeRole', (req) => stsAssumeRoleResponse({ accessKeyId: 'ASIA...' }));
 *   const sts = createClient(STSClient, { ...aws.settings });
 *   ...
 *   await aws.close();
 *
 * Services are named as in the permission catalogue (`SdkClientName`: 'STS', 'EC2', 'CloudWatchLogs', ...).
 * Protocols, as the installed SDK sends them: AWS Query (STS, IAM, RDS, ELBv2), EC2 Query, AWS JSON 1.0
 * (CloudWatch, query-compatible) and 1.1 (Logs, Cost Explorer, Tagging), REST-XML (S3, S3 Control).
 */
import { Agent, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SdkClientName } from '../../core/connect/permissions.ts';
import {
  ec2Error,
  type FakeResponse,
  jsonError,
  queryError,
  requestId,
  s3Error,
} from './fake-aws-responses.ts';
import { matchRestRoute } from './fake-aws-rest-routes.ts';

export * from './fake-aws-responses.ts';
export * from './fake-aws-sts.ts';

/** The wire protocol a request arrived in. */
export type WireProtocol = 'query' | 'ec2' | 'json' | 'rest-xml';

/** A request as a handler sees it. */
export interface FakeRequest {
  /** The service, named as in the permission catalogue. */
  service: SdkClientName;
  /** The operation, e.g. 'AssumeRole'. */
  operation: string;
  /** The wire protocol. */
  protocol: WireProtocol;
  /**
   * Parsed parameters: Query form fields without Action and Version (flat, e.g. `Filter.1.Name`); the JSON body;
   * for REST-XML the query string plus path labels (`Bucket`, `Key`, ...) and `AccountId` for S3 Control.
   */
  params: Record<string, unknown>;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  /** The raw request body. */
  body: string;
  /** HTTP method. */
  method: string;
  /** URL path, undecoded. */
  path: string;
  /** URL query parameters. */
  query: Record<string, string>;
}

/** A request as the fake recorded it. */
export interface RecordedRequest extends FakeRequest {
  /** Whether a registered handler answered it. */
  handled: boolean;
}

/** Answers one operation. */
export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/** Credentials the fake accepts from anyone; it never checks signatures. */
export const FAKE_CREDENTIALS = {
  accessKeyId: 'AKIAFAKESOURCE000001',
  secretAccessKey: 'fakeSourceSecret/000000000000000000000000',
} as const;

/** A running fake. */
export interface FakeAws {
  /** Base URL, `http://127.0.0.1:PORT`: pass as `endpoint`. */
  url: string;
  /**
   * Base URL as `http://localhost:PORT`, for clients that prefix a host label (S3 Control puts the account id in
   * front of the host); pair it with `loopbackRequestHandler`.
   */
  localhostUrl: string;
  /** A request handler option that resolves every host name to 127.0.0.1 (pass as `requestHandler`). */
  loopbackRequestHandler: { httpAgent: Agent };
  /** Client settings for `createClient` or an SDK client: region, endpoint, fake credentials, one attempt. */
  settings: {
    region: string;
    endpoint: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    maxAttempts: number;
  };
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Registers (or replaces) the handler of `service`:`operation`. */
  on(service: SdkClientName, operation: string, handler: FakeHandler): void;
  /** The recorded requests for one service, optionally one operation. */
  calls(service: SdkClientName, operation?: string): RecordedRequest[];
  /** Forgets handlers and recorded requests. */
  reset(): void;
  /** Stops the server and closes open connections. */
  close(): Promise<void>;
}

/** Query `Version` field to service. */
const QUERY_VERSIONS: Record<string, SdkClientName> = {
  '2011-06-15': 'STS',
  '2010-05-08': 'IAM',
  '2016-11-15': 'EC2',
  '2014-10-31': 'RDS',
  '2015-12-01': 'ElasticLoadBalancingV2',
  '2010-08-01': 'CloudWatch',
};

/** `X-Amz-Target` prefix to service. */
const JSON_TARGETS: Record<string, SdkClientName> = {
  Logs_20140328: 'CloudWatchLogs',
  AWSInsightsIndexService: 'CostExplorer',
  ResourceGroupsTaggingAPI_20170126: 'ResourceGroupsTaggingAPI',
  GraniteServiceVersion20100801: 'CloudWatch',
};

function headerRecord(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function plain(status: number, text: string): FakeResponse {
  return { status, headers: { 'content-type': 'text/plain' }, body: text };
}

/** An error in the protocol the request used, so the SDK surfaces its code and message. */
function protocolError(protocol: WireProtocol, code: string, message: string, status: number): FakeResponse {
  switch (protocol) {
    case 'query':
      return queryError(code, message, status);
    case 'ec2':
      return ec2Error(code, message, status);
    case 'json':
      return jsonError(code, message, status);
    case 'rest-xml':
      return s3Error(code, message, status);
  }
}

type Routed = Omit<FakeRequest, 'headers' | 'body' | 'method' | 'path' | 'query'>;

/** Works out service, operation and parameters from the wire format. */
async function route(
  method: string,
  path: string,
  query: Record<string, string>,
  headers: Record<string, string>,
  body: string,
): Promise<Routed | string> {
  const target = headers['x-amz-target'];
  if (target !== undefined) {
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, dot);
    const service = JSON_TARGETS[prefix];
    if (!service)
      return `unknown X-Amz-Target prefix '${prefix}' (known: ${Object.keys(JSON_TARGETS).join(', ')})`;
    let params: unknown;
    try {
      params = body === '' ? {} : JSON.parse(body);
    } catch {
      return `request body for ${target} is not JSON`;
    }
    const record = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
    return { service, operation: target.slice(dot + 1), protocol: 'json', params: record };
  }
  if (headers['smithy-protocol'] !== undefined) {
    return `Smithy RPC v2 (${headers['smithy-protocol']}) at ${path} is not supported by the fake; extend test/helpers/fake-aws.ts`;
  }
  if ((headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    const action = form.get('Action');
    const version = form.get('Version') ?? '';
    if (action !== null) {
      const service = QUERY_VERSIONS[version];
      if (!service) return `unknown Query API version '${version}' for Action=${action}`;
      const params: Record<string, unknown> = {};
      for (const [key, value] of form) if (key !== 'Action' && key !== 'Version') params[key] = value;
      return { service, operation: action, protocol: service === 'EC2' ? 'ec2' : 'query', params };
    }
  }
  const service = path.startsWith('/v20180820/') ? 'S3Control' : 'S3';
  const match = await matchRestRoute(service, method, path, query);
  const params: Record<string, unknown> = { ...query, ...(match?.labels ?? {}) };
  if (service === 'S3Control' && headers['x-amz-account-id'] !== undefined)
    params.AccountId = headers['x-amz-account-id'];
  return {
    service,
    operation: match?.operation ?? `${method} ${path}`,
    protocol: 'rest-xml',
    params,
  };
}

/** Starts a fake AWS on 127.0.0.1 at a free port. */
export async function startFakeAws(options: { region?: string } = {}): Promise<FakeAws> {
  const handlers = new Map<string, FakeHandler>();
  const requests: RecordedRequest[] = [];

  async function answer(incoming: IncomingMessage): Promise<FakeResponse> {
    const url = new URL(incoming.url ?? '/', 'http://fake-aws');
    const query = Object.fromEntries(url.searchParams);
    const headers = headerRecord(incoming);
    const body = await readBody(incoming);
    const method = incoming.method ?? 'GET';
    const routed = await route(method, url.pathname, query, headers, body);
    if (typeof routed === 'string') return plain(501, `fake-aws: ${routed}`);
    const request: FakeRequest = { ...routed, headers, body, method, path: url.pathname, query };
    const handler = handlers.get(`${routed.service}:${routed.operation}`);
    requests.push({ ...request, handled: handler !== undefined });
    if (!handler) {
      return protocolError(
        routed.protocol,
        'FakeAwsNotImplemented',
        `fake-aws has no handler for ${routed.service}:${routed.operation}; register one with aws.on('${routed.service}', '${routed.operation}', handler)`,
        501,
      );
    }
    try {
      return await handler(request);
    } catch (error) {
      // 400, not 5xx: the SDK would retry a 500 and hide the failing handler behind back-off.
      const message = error instanceof Error ? error.message : String(error);
      return protocolError(
        routed.protocol,
        'FakeAwsHandlerFailed',
        `fake-aws handler for ${routed.service}:${routed.operation} threw: ${message}`,
        400,
      );
    }
  }

  function send(response: ServerResponse, reply: FakeResponse): void {
    const headers: Record<string, string> = { 'x-amzn-requestid': requestId(), ...reply.headers };
    response.writeHead(reply.status, headers);
    response.end(reply.body);
  }

  const server = createServer((incoming, response) => {
    answer(incoming).then(
      (reply) => send(response, reply),
      (error: unknown) => send(response, plain(501, `fake-aws failed: ${String(error)}`)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const httpAgent = new Agent({
    // Every name (e.g. S3 Control's `123456789012.localhost`) resolves to loopback: tests never leave the host.
    lookup: (_hostname, lookupOptions, callback) => {
      if (lookupOptions.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    },
  });

  return {
    url,
    localhostUrl: `http://localhost:${port}`,
    loopbackRequestHandler: { httpAgent },
    settings: {
      region: options.region ?? 'us-east-1',
      endpoint: url,
      credentials: { ...FAKE_CREDENTIALS },
      maxAttempts: 1,
    },
    requests,
    on(service, operation, handler) {
      handlers.set(`${service}:${operation}`, handler);
    },
    calls(service, operation) {
      return requests.filter(
        (request) =>
          request.service === service && (operation === undefined || request.operation === operation),
      );
    },
    reset() {
      handlers.clear();
      requests.length = 0;
    },
    async close() {
      httpAgent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
