/**
 * The transport floor: what the HTTP requests of an Axiom scan cost with no SDK at all. The fake AWS records every
 * request of an Axiom run (method, path, headers, body; fake-aws/server.ts), and after a reset (fresh token
 * buckets) they are sent again, in the order they arrived, with bare node:http: one keep-alive agent, at most as
 * many in flight as the fake AWS saw from Axiom at most, the recorded headers as they were (the SigV4 signature is
 * stale by then, which the fake AWS never checks), each answer's body read and dropped. No signing, no
 * serialisation, no parsing, no retries, no rate limiting.
 *
 * It is a floor below any client, not a client: every request is known up front, so the dependency chains of a
 * real scan (a page needs the previous page's token, a bucket's reads need the bucket list) are ignored, and
 * everything may be in flight from the first millisecond.
 *
 * With at most N in flight and L ms per answer, R requests take at least ceil(R / N) x L whatever the CPU does, so a
 * cap can set the floor by itself. The benchmark therefore replays twice: at Axiom's own peak (what Axiom's traffic
 * costs without the SDK), and at the fewest in flight with which latency alone fits in the lower bound
 * (`boundPaceInFlight`), which is what says whether the machine, rather than the cap, keeps the goal out of reach.
 */
import { Agent, request } from 'node:http';
import type { RecordedRequest, ServedStats } from './fake-aws/server.ts';

/** What one replay cost and what it was answered. */
export interface FloorRun {
  /** Wall time, milliseconds. */
  wallMs: number;
  /** CPU time (user + system) of this process, milliseconds. */
  cpuMs: number;
  /** Of that, this thread's (the event loop's; the rest is V8's and libuv's helper threads), milliseconds. */
  threadCpuMs: number;
  /** Requests sent. */
  requests: number;
  /** The most it let be in flight (Axiom's peak in the recorded run). */
  inFlightLimit: number;
  /** Answers by HTTP status, e.g. { 200: 2400, 404: 640 }. */
  statuses: Record<number, number>;
  /** Answers whose status differs from the one the recorded request got in Axiom's run. */
  statusChanged: number;
  /** Requests that failed without an answer (connection errors). */
  failed: number;
  /** What the fake AWS saw (requests, throttles, most in flight, connections, its CPU). */
  served: ServedStats;
}

/**
 * The fewest requests in flight with which `requests` answers of `latencyMs` each fit in `boundMs` by latency alone:
 * ceil(requests / floor(bound / latency)).
 */
export function boundPaceInFlight(requests: number, boundMs: number, latencyMs: number): number {
  const waves = Math.max(1, Math.floor(boundMs / latencyMs));
  return Math.max(1, Math.ceil(requests / waves));
}

/** The shortest a replay of `requests` at most `inFlight` at once can take by latency alone, milliseconds. */
export function latencyOnlyMs(requests: number, inFlight: number, latencyMs: number): number {
  return Math.ceil(requests / Math.max(1, inFlight)) * latencyMs;
}

/** Headers node:http sets itself for the agent's connection, or that describe a body differently. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host']);

/** Sends one recorded request; resolves with the answer's status once its body is read, or -1 on failure. */
function send(agent: Agent, url: URL, recorded: RecordedRequest): Promise<number> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(recorded.headers))
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  return new Promise((resolve) => {
    const outgoing = request(
      { agent, host: url.hostname, port: url.port, method: recorded.method, path: recorded.path, headers },
      (incoming) => {
        incoming.on('data', () => {});
        incoming.on('end', () => resolve(incoming.statusCode ?? -1));
        incoming.on('error', () => resolve(-1));
      },
    );
    outgoing.on('error', () => resolve(-1));
    outgoing.end(recorded.body === '' ? undefined : recorded.body);
  });
}

/** Replays `requests` against the fake AWS at `endpoint` with at most `inFlight` at once, and measures it. */
export async function replayRequests(
  endpoint: string,
  requests: readonly RecordedRequest[],
  inFlight: number,
  served: () => Promise<ServedStats>,
): Promise<FloorRun> {
  const url = new URL(endpoint);
  const limit = Math.max(1, inFlight);
  const statuses: number[] = new Array<number>(requests.length);
  const cpu = process.cpuUsage();
  const threadCpu = process.threadCpuUsage();
  const start = performance.now();
  const agent = new Agent({ keepAlive: true, maxSockets: limit });
  let next = 0;
  async function worker(): Promise<void> {
    while (next < requests.length) {
      const index = next;
      next += 1;
      const recorded = requests[index];
      if (recorded) statuses[index] = await send(agent, url, recorded);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, requests.length) }, () => worker()));
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const usedByThread = process.threadCpuUsage(threadCpu);
  agent.destroy();
  const byStatus: Record<number, number> = {};
  let statusChanged = 0;
  let failed = 0;
  requests.forEach((recorded, index) => {
    const status = statuses[index] ?? -1;
    if (status === -1) failed += 1;
    else byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (status !== recorded.status) statusChanged += 1;
  });
  return {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    threadCpuMs: (usedByThread.user + usedByThread.system) / 1000,
    requests: requests.length,
    inFlightLimit: limit,
    statuses: byStatus,
    statusChanged,
    failed,
    served: await served(),
  };
}
