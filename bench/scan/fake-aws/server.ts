/**
 * The benchmark's fake AWS: one HTTP server on 127.0.0.1 answering every operation the collectors (and the
 * per-entity baseline) call, in each service's real wire format, from a synthetic account. Each request waits the
 * injected latency, and draws a token from AWS-like buckets (aws-throttles.ts): an empty bucket answers the
 * service's real throttling error. Routing follows the wire format: X-Amz-Target (JSON), Action and Version (Query
 * and EC2), else path and sub-resource (S3 REST); the region comes from the SigV4 credential scope, which is the only
 * thing read from the Authorization header: signatures are never verified, so a recorded request can be replayed as
 * it was (the benchmark's transport floor, transport-floor.ts). On request, it records every request it receives
 * (method, path, headers, body) with the answer it sent (status, content type, body), for the transport floor and
 * for timing what any client must do beyond it: sign the requests and parse the answers (client-work.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenBucket } from '../../../core/scan/token-bucket.ts';
import type { AccountData, BucketData } from '../synthetic-account.ts';
import { throttleKey, throttleOf } from './aws-throttles.ts';
import { answerEc2 } from './ec2.ts';
import { answerElbv2, answerRds } from './elbv2-rds.ts';
import { answerIam } from './iam.ts';
import { answerCloudWatch, answerLogs, answerTagging } from './json-services.ts';
import { answerS3, routeS3 } from './s3.ts';
import { protocolError, type Reply, throttlingError, type WireRequest } from './wire.ts';

/** Query API `Version` to service. */
const QUERY_VERSIONS: Record<string, string> = {
  '2016-11-15': 'EC2',
  '2010-05-08': 'IAM',
  '2014-10-31': 'RDS',
  '2015-12-01': 'ElasticLoadBalancingV2',
  '2010-08-01': 'CloudWatch',
};

/** `X-Amz-Target` prefix to service. */
const JSON_TARGETS: Record<string, string> = {
  Logs_20140328: 'CloudWatchLogs',
  ResourceGroupsTaggingAPI_20170126: 'ResourceGroupsTaggingAPI',
  GraniteServiceVersion20100801: 'CloudWatch',
};

/** Requests and throttles of one operation. */
export interface OperationServed {
  /** HTTP requests received. */
  requests: number;
  /** Of those, answered with a throttling error. */
  throttled: number;
}

/** What the server saw since the last reset. */
export interface ServedStats {
  /** By 'Service:Operation'. */
  byOperation: Record<string, OperationServed>;
  /** Most requests in flight at once. */
  peakInFlight: number;
  /** TCP connections accepted. */
  connections: number;
  /** CPU time (user + system) of the process serving, milliseconds. */
  cpuMs: number;
}

/** One request as received, for replaying it (transport-floor.ts). */
export interface RecordedRequest {
  method: string;
  /** Path and query string, as sent. */
  path: string;
  /** Headers as received (names lower case; repeated headers joined as Node joins them). */
  headers: Record<string, string>;
  /** The body, UTF-8 (every request the scans send is text: form fields, JSON, or nothing). */
  body: string;
  /** The HTTP status the server answered with. */
  status: number;
  /** The answer it was sent, unless asked without (`recorded({ answers: false })`). */
  answer?: RecordedAnswer;
}

/** The answer to a recorded request, for timing its parsing (client-work.ts). */
export interface RecordedAnswer {
  /** Its Content-Type ('' when it had none). */
  contentType: string;
  /** Its body, as sent (every answer the fake AWS sends is text: XML, JSON or plain). */
  body: string;
}

/** A running fake AWS. */
export interface BenchAws {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Statistics since the last reset. */
  stats(): ServedStats;
  /**
   * Clears statistics and refills every token bucket (a fresh minute for the next strategy); with `record`,
   * discards the last recording and records every request from now until the next reset.
   */
  reset(options?: { record?: boolean }): void;
  /**
   * The requests of the last recording (from a reset with `record` to the next reset, kept until the next reset
   * with `record`), in arrival order, with their answers unless `answers` is false.
   */
  recorded(options?: { answers?: boolean }): RecordedRequest[];
  /** Stops the server. */
  close(): Promise<void>;
}

/** How the server behaves. */
export interface BenchAwsOptions {
  /** The account served. */
  account: AccountData;
  /** Delay before every answer, in milliseconds. */
  latencyMs: number;
  /** False turns the AWS-like throttles off (to measure latency alone). */
  throttle: boolean;
}

function regionOf(authorization: string | undefined): string {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization ?? '')?.[1] ?? 'us-east-1';
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Service, operation and parameters of a request, or why it cannot be routed. */
function parse(incoming: IncomingMessage, body: string): WireRequest | string {
  const url = new URL(incoming.url ?? '/', 'http://bench');
  const region = regionOf(incoming.headers.authorization);
  const target = incoming.headers['x-amz-target'];
  if (typeof target === 'string') {
    const dot = target.lastIndexOf('.');
    const service = JSON_TARGETS[target.slice(0, dot)];
    if (!service) return `unknown X-Amz-Target ${target}`;
    const params: unknown = body === '' ? {} : JSON.parse(body);
    return {
      service,
      operation: target.slice(dot + 1),
      protocol: 'json',
      region,
      params: typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {},
    };
  }
  if ((incoming.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    const service = QUERY_VERSIONS[form.get('Version') ?? ''];
    const operation = form.get('Action');
    if (!service || !operation)
      return `unknown Query request Version=${form.get('Version')} Action=${operation}`;
    const params: Record<string, unknown> = {};
    for (const [key, value] of form) if (key !== 'Action' && key !== 'Version') params[key] = value;
    return { service, operation, protocol: service === 'EC2' ? 'ec2' : 'query', region, params };
  }
  const route = routeS3(incoming.method ?? 'GET', url.pathname, url.searchParams);
  if (!route) return `no S3 route for ${incoming.method} ${url.pathname}${url.search}`;
  const request: WireRequest = {
    service: route.service,
    operation: route.operation,
    protocol: 'rest-xml',
    region,
    params: Object.fromEntries(url.searchParams),
  };
  if (route.bucket !== undefined) request.bucket = route.bucket;
  return request;
}

/** Starts the fake AWS on a free loopback port. */
export async function startBenchAws(options: BenchAwsOptions): Promise<BenchAws> {
  const { account } = options;
  const buckets = new Map<string, BucketData>(account.buckets.map((bucket) => [bucket.name, bucket]));
  const pages = new Map<string, Reply>();
  const tokens = new Map<string, TokenBucket>();
  let served: Record<string, OperationServed> = {};
  let inFlight = 0;
  let peakInFlight = 0;
  let connections = 0;
  let cpuAtReset = process.cpuUsage();
  /** The last recording, and whether requests are being added to it. */
  let recording: RecordedRequest[] = [];
  let recordingOn = false;

  function answer(request: WireRequest): Reply {
    switch (request.service) {
      case 'EC2':
        return answerEc2(request, account, pages);
      case 'ElasticLoadBalancingV2':
        return answerElbv2(request, account);
      case 'RDS':
        return answerRds(request, account);
      case 'IAM':
        return answerIam(request, account, pages);
      case 'S3':
      case 'S3Control':
        return answerS3(request, account, buckets);
      case 'CloudWatch':
        return answerCloudWatch(request);
      case 'CloudWatchLogs':
        return answerLogs(request, account);
      case 'ResourceGroupsTaggingAPI':
        return answerTagging(request, account);
      default:
        return protocolError(
          request,
          'NotImplemented',
          `bench fake AWS does not serve ${request.service}`,
          501,
        );
    }
  }

  /** Takes a token from the request's bucket; false when it is empty (the request is throttled). */
  function admit(request: WireRequest): boolean {
    if (!options.throttle) return true;
    const key = throttleKey(request.service, request.operation, request.region, request.bucket);
    const now = performance.now();
    let bucket = tokens.get(key);
    if (!bucket) {
      bucket = new TokenBucket(throttleOf(request.service, request.operation), now);
      tokens.set(key, bucket);
    }
    if (bucket.available(now) < 1) return false;
    bucket.reserve(now);
    return true;
  }

  async function handle(incoming: IncomingMessage, entry?: RecordedRequest): Promise<Reply> {
    const body = await readBody(incoming);
    if (entry) entry.body = body;
    const request = parse(incoming, body);
    if (typeof request === 'string')
      return { status: 501, headers: { 'content-type': 'text/plain' }, body: `bench fake AWS: ${request}` };
    const name = `${request.service}:${request.operation}`;
    const stats = served[name] ?? { requests: 0, throttled: 0 };
    served[name] = stats;
    stats.requests += 1;
    const admitted = admit(request);
    if (!admitted) stats.throttled += 1;
    const reply = admitted ? answer(request) : throttlingError(request);
    await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    return reply;
  }

  function record(incoming: IncomingMessage, into: RecordedRequest[]): RecordedRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(incoming.headers))
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const entry = {
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers,
      body: '',
      status: 0,
    };
    into.push(entry);
    return entry;
  }

  function send(response: ServerResponse, reply: Reply): void {
    response.writeHead(reply.status, { 'x-amzn-requestid': 'bench', ...reply.headers });
    response.end(reply.body);
  }

  const server = createServer((incoming, response) => {
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    // Recorded in arrival order; the body and the answer are filled in as they become known.
    const entry = recordingOn ? record(incoming, recording) : undefined;
    const reply = (answer: Reply) => {
      if (entry) {
        entry.status = answer.status;
        entry.answer = { contentType: answer.headers['content-type'] ?? '', body: answer.body };
      }
      send(response, answer);
    };
    handle(incoming, entry)
      .then(reply, (error: unknown) =>
        reply({
          status: 500,
          headers: { 'content-type': 'text/plain' },
          body: `bench fake AWS failed: ${String(error)}`,
        }),
      )
      .finally(() => {
        inFlight -= 1;
      });
  });
  server.on('connection', () => {
    connections += 1;
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 1024, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats() {
      const cpu = process.cpuUsage(cpuAtReset);
      return {
        byOperation: structuredClone(served),
        peakInFlight,
        connections,
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
    },
    reset(options) {
      served = {};
      peakInFlight = inFlight;
      connections = 0;
      cpuAtReset = process.cpuUsage();
      tokens.clear();
      recordingOn = options?.record === true;
      if (recordingOn) recording = [];
    },
    recorded: (options) =>
      options?.answers === false ? recording.map(({ answer: _answer, ...request }) => request) : recording,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
