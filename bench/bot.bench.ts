/**
 * Benchmark of the Slack bot: `npm run bench:bot` (node bench/bot.bench.ts). Prints, asserts nothing.
 *
 * 1. Acknowledgement latency: the real `axiom bot` process (embedded store) receives 200 concurrent signed
 *    `/axiom scan` commands over loopback; the time from sending each to its HTTP answer, p50 and p99. Measured
 *    twice: on 200 new connections, then again on the same connections kept alive (as a proxy or Slack keeps
 *    them). The client is node:http in four threads released together, so that the client's own work (one
 *    thread writing 200 requests before it reads any answer) queues the measurements as little as possible.
 * 2. Scan job throughput: `axiom bot --worker` processes (1, then 4, each working the same number of jobs at
 *    once) share a Postgres queue; every job assumes a role and scans CloudWatch Logs against a fake AWS that
 *    takes a fixed time per call, so the jobs are dominated by waiting for AWS, as real scans are. Jobs per
 *    second from queueing to the last result posted. Needs Postgres (AXIOM_TEST_DATABASE_URL, default
 *    postgres://postgres@127.0.0.1:5432/test); skipped with a message without one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import pg from 'pg';
import { createJobQueue, keyringFromKeys, openStore, type Store } from '../core/index.ts';
import { type FakeSlack, startFakeSlack } from '../test/bot/fake-slack.ts';
import { SIGNING_SECRET, sign, slashCommandBody } from '../test/bot/slack-requests.ts';
import { ROLE_ARN } from '../test/cli/fake-account.ts';
import {
  FAKE_CREDENTIALS,
  type FakeAws,
  json,
  startFakeAws,
  stsAssumeRoleResponse,
} from '../test/helpers/fake-aws.ts';

const ROOT = join(import.meta.dirname, '..');
const KEY = 'b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecf';
const EXTERNAL_ID = 'axm-BenchExternalId0123456789abcdef';
const CHANNEL = 'C0BENCH01';
const ADMIN = 'U0BENCH01';

const COMMANDS = 200;
const JOBS = 64;
const PER_WORKER = 4;
const AWS_LATENCY_MS = 400;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts `node cli/main.ts bot ...` and resolves once its log contains `ready`. */
function startAxiom(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['cli/main.ts', 'bot', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(ready)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`axiom bot ${args.join(' ')} exited ${code}:\n${log}`)));
  });
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function addConnections(store: Store, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const saved = await store.createConnection({
      name,
      roleArn: ROLE_ARN,
      externalId: EXTERNAL_ID,
      regions: ['us-east-1'],
      allowedChannelIds: [CHANNEL],
      createdBy: ADMIN,
    });
    if (!saved.ok) throw new Error(`could not save ${name}`);
  }
}

function slackEnv(slack: FakeSlack, aws: FakeAws): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    AXIOM_ENCRYPTION_KEY: KEY,
    AXIOM_SCANNER_ACCOUNT_ID: '999988887777',
    AXIOM_HEALTH_CHECK_MINUTES: '0',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: aws.url,
    AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
  };
}

/** POSTs a signed body; resolves with the milliseconds until the response headers arrived. */
function timedPost(agent: Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp),
    };
    const started = performance.now();
    const outgoing = request(`${url}/slack/events`, { method: 'POST', agent, headers }, (response) => {
      const elapsed = performance.now() - started;
      response.resume();
      response.on('end', () =>
        response.statusCode === 200 ? resolve(elapsed) : reject(new Error(`HTTP ${response.statusCode}`)),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function latencyLine(label: string, latencies: readonly number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  console.log(
    `  ${label}: p50 ${ms(percentile(sorted, 50))}   p99 ${ms(p99)}   max ${ms(sorted.at(-1) ?? 0)}`,
  );
  return p99;
}

/** Client threads sending a burst together, so the client's own work does not queue the measurements. */
const CLIENT_THREADS = 4;

/** One client thread: keeps its connections alive across bursts; fires a prepared burst on `go`. */
function clientThread(): void {
  const { url } = workerData as { url: string };
  const agent = new Agent({ keepAlive: true, maxSockets: COMMANDS });
  let bodies: string[] = [];
  parentPort?.on(
    'message',
    (message: { type: 'prepare'; bodies: string[] } | { type: 'go' } | { type: 'exit' }) => {
      if (message.type === 'prepare') {
        bodies = message.bodies;
        parentPort?.postMessage({ type: 'ready' });
      } else if (message.type === 'go')
        Promise.all(bodies.map((body) => timedPost(agent, url, body))).then(
          (latencies) => parentPort?.postMessage({ type: 'done', latencies }),
          (error: unknown) => parentPort?.postMessage({ type: 'failed', error: String(error) }),
        );
      else {
        agent.destroy();
        parentPort?.close();
      }
    },
  );
}

/** Waits for the next message of `type` from `worker`. */
function next<T>(worker: Worker, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listen = (message: { type: string; error?: string }) => {
      if (message.type === 'failed') reject(new Error(message.error));
      else if (message.type === type) {
        worker.off('message', listen);
        resolve(message as T);
      }
    };
    worker.on('message', listen);
  });
}

/** Sends `bodies` spread over the client threads, all released at once; the latency of each. */
async function burst(threads: readonly Worker[], bodies: readonly string[]): Promise<number[]> {
  await Promise.all(
    threads.map((thread, index) => {
      const ready = next(thread, 'ready');
      thread.postMessage({
        type: 'prepare',
        bodies: bodies.filter((_, item) => item % threads.length === index),
      });
      return ready;
    }),
  );
  const done = threads.map((thread) => next<{ latencies: number[] }>(thread, 'done'));
  for (const thread of threads) thread.postMessage({ type: 'go' });
  return (await Promise.all(done)).flatMap((result) => result.latencies);
}

function queuedCount(slack: FakeSlack): number {
  return slack.calls.filter((call) => call.method === 'response' && call.args.response_type === 'in_channel')
    .length;
}

/** Part 1: acknowledgement latency of 200 concurrent commands. */
async function ackLatency(slack: FakeSlack, aws: FakeAws): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'axiom-bench-bot-'));
  const names = Array.from({ length: 2 * COMMANDS }, (_, index) => `acct-${index}`);
  const warmUp = Array.from({ length: 20 }, (_, index) => `warm-${index}`);
  const store = await openStore({ dataDir: dir, keyring: keyringFromKeys(KEY) });
  await addConnections(store, [...names, ...warmUp]);
  await store.close();
  const port = await freePort();
  const bot = await startAxiom(
    [],
    { ...slackEnv(slack, aws), PORT: String(port), AXIOM_DATA_DIR: dir, AXIOM_WORKER_CONCURRENCY: '0' },
    'Listening for Slack',
  );
  const url = `http://127.0.0.1:${port}`;
  const threads = Array.from(
    { length: CLIENT_THREADS },
    () => new Worker(new URL(import.meta.url), { workerData: { url } }),
  );
  try {
    const command = (name: string) =>
      slashCommandBody({
        text: `scan ${name}`,
        user: ADMIN,
        channel: CHANNEL,
        responseUrl: slack.responseUrl(),
      });
    // Warm-up, one request at a time: the first requests pay for module loading and JIT compilation.
    for (const name of warmUp) await timedPost(new Agent(), url, command(name));
    await slack.waitFor(() => queuedCount(slack) >= warmUp.length, 60_000);
    console.log(
      `Acknowledgement latency, ${COMMANDS} concurrent signed /axiom scan commands over loopback (${CLIENT_THREADS} client threads):`,
    );
    latencyLine('new connections ', await burst(threads, names.slice(0, COMMANDS).map(command)));
    // The first burst's follow-up work (queueing, replies, audit) finishes before the second.
    await slack.waitFor(() => queuedCount(slack) >= warmUp.length + COMMANDS, 60_000);
    const p99 = latencyLine('kept-alive conns', await burst(threads, names.slice(COMMANDS).map(command)));
    console.log(`  goal p99 < 100 ms: ${p99 < 100 ? 'met' : 'NOT met'} (kept-alive connections)`);
    await slack.waitFor(() => queuedCount(slack) >= warmUp.length + 2 * COMMANDS, 60_000);
    console.log('  every scan was queued and announced through its response URL');
  } finally {
    for (const thread of threads) thread.postMessage({ type: 'exit' });
    await Promise.all(threads.map((thread) => thread.terminate()));
    await stop([bot]);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function throughputRun(
  workers: number,
  databaseUrl: string,
  slack: FakeSlack,
  aws: FakeAws,
): Promise<{ seconds: number; jobsPerSecond: number }> {
  const schema = `axiom_bench_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl, schema, keyring: keyringFromKeys(KEY) });
  const queue = await createJobQueue(store, {});
  const warmUp = Array.from({ length: workers * PER_WORKER }, (_, index) => `warm-${index}`);
  const measured = Array.from({ length: JOBS }, (_, index) => `acct-${index}`);
  await addConnections(store, [...warmUp, ...measured]);
  const children: ChildProcess[] = [];
  try {
    const env = {
      ...slackEnv(slack, aws),
      DATABASE_URL: databaseUrl,
      AXIOM_DB_SCHEMA: schema,
      AXIOM_WORKER_CONCURRENCY: String(PER_WORKER),
      AXIOM_JOB_POLL_SECONDS: '0.5',
    };
    children.push(
      ...(await Promise.all(
        Array.from({ length: workers }, () => startAxiom(['--worker'], env, 'Working scan jobs')),
      )),
    );
    const results = () =>
      slack.calls.filter(
        (call) => call.method === 'chat.postMessage' && String(call.args.text).startsWith('Axiom scan of '),
      ).length;
    const run = async (names: readonly string[]): Promise<number> => {
      const before = results();
      const started = performance.now();
      for (const name of names) {
        const queued = await queue.enqueueScan({
          connection: name,
          regions: [],
          services: ['logs'],
          requestedBy: ADMIN,
          channel: CHANNEL,
        });
        if (!queued.ok) throw new Error(`could not queue ${name}: ${queued.reason}`);
      }
      await slack.waitFor(() => results() - before >= names.length, 300_000);
      return (performance.now() - started) / 1000;
    };
    // Warm-up: every worker loads the rule catalogue and opens its connections before the measured run.
    await run(warmUp);
    const seconds = await run(measured);
    return { seconds, jobsPerSecond: JOBS / seconds };
  } finally {
    await stop(children);
    await queue.close({ graceSeconds: 0 });
    await store.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_jobs CASCADE`);
    await client.end();
  }
}

/** Part 2: throughput with 1 and 4 worker processes. */
async function throughput(slack: FakeSlack, aws: FakeAws): Promise<void> {
  const databaseUrl =
    process.env.AXIOM_TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
  try {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
    await client.connect();
    await client.end();
  } catch (error) {
    console.log(
      `Scan job throughput: skipped, no Postgres at ${databaseUrl} (${error instanceof Error ? error.message : String(error)}); set AXIOM_TEST_DATABASE_URL.`,
    );
    return;
  }
  console.log(
    `Scan job throughput: ${JOBS} scans (AssumeRole + CloudWatch Logs, ${AWS_LATENCY_MS} ms per AWS call), ${PER_WORKER} jobs at once per worker, Postgres queue:`,
  );
  const one = await throughputRun(1, databaseUrl, slack, aws);
  console.log(`  1 worker : ${one.jobsPerSecond.toFixed(2)} jobs/s (${one.seconds.toFixed(1)} s)`);
  const four = await throughputRun(4, databaseUrl, slack, aws);
  console.log(`  4 workers: ${four.jobsPerSecond.toFixed(2)} jobs/s (${four.seconds.toFixed(1)} s)`);
  const scaling = four.jobsPerSecond / one.jobsPerSecond;
  console.log(`  scaling ${scaling.toFixed(2)}x (goal >= 3x: ${scaling >= 3 ? 'met' : 'NOT met'})`);
  const unhandled = aws.requests.filter((request) => !request.handled).length;
  if (unhandled > 0) console.log(`  note: ${unhandled} AWS requests had no fake answer`);
}

async function main(): Promise<void> {
  console.log(`Axiom bot benchmark: Node ${process.version}, ${availableParallelism()} CPUs`);
  const slack = await startFakeSlack();
  const aws = await startFakeAws();
  const wait = () => new Promise((resolve) => setTimeout(resolve, AWS_LATENCY_MS));
  aws.on('STS', 'AssumeRole', async () => {
    await wait();
    return stsAssumeRoleResponse({ arn: 'arn:aws:sts::111122223333:assumed-role/axiom-readonly/bench' });
  });
  aws.on('CloudWatchLogs', 'DescribeLogGroups', async () => {
    await wait();
    return json({ logGroups: [{ logGroupName: '/app/bench', storedBytes: 1024, retentionInDays: 30 }] });
  });
  try {
    await ackLatency(slack, aws);
    slack.clear();
    await throughput(slack, aws);
  } finally {
    await slack.close();
    await aws.close();
  }
}

if (isMainThread) await main();
else clientThread();
