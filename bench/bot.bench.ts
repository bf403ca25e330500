/**
 * Benchmark of the Slack bot: `npm run bench:bot` (node bench/bot.bench.ts). Prints, asserts nothing.
 *
 * 1. Acknowledgement latency: the real `axiom bot` process (embedded store) receives 200 concurrent signed
 *    `/axiom scan` commands over loopback; the time from sending each to its HTTP answer, p50 and p99.
 * 2. Scan job throughput: `axiom bot --worker` processes (1, then 4, each working the same number of jobs at
 *    once) share a Postgres queue; every job assumes a role and scans CloudWatch Logs against a fake AWS that
 *    takes a fixed time per call, so the jobs are dominated by waiting for AWS, as real scans are. Jobs per
 *    second from queueing to the last result posted. Needs Postgres (AXIOM_TEST_DATABASE_URL, default
 *    postgres://postgres@127.0.0.1:5432/test); skipped with a message without one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createJobQueue, keyringFromKeys, openStore, type Store } from '../core/index.ts';
import { ROLE_ARN } from '../test/cli/fake-account.ts';
import { type FakeSlack, startFakeSlack } from '../test/bot/fake-slack.ts';
import { SIGNING_SECRET, sendToBot, slashCommandBody } from '../test/bot/slack-requests.ts';
import { FAKE_CREDENTIALS, type FakeAws, json, startFakeAws, stsAssumeRoleResponse } from '../test/helpers/fake-aws.ts';

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

/** Part 1: acknowledgement latency of 200 concurrent commands. */
async function ackLatency(slack: FakeSlack, aws: FakeAws): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'axiom-bench-bot-'));
  const names = Array.from({ length: COMMANDS }, (_, index) => `acct-${index}`);
  const store = await openStore({ dataDir: dir, keyring: keyringFromKeys(KEY) });
  await addConnections(store, names);
  await store.close();
  const port = await freePort();
  const bot = await startAxiom(
    [],
    { ...slackEnv(slack, aws), PORT: String(port), AXIOM_DATA_DIR: dir, AXIOM_WORKER_CONCURRENCY: '0' },
    'Listening for Slack',
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    const command = (text: string) =>
      slashCommandBody({ text, user: ADMIN, channel: CHANNEL, responseUrl: slack.responseUrl() });
    // Warm-up: the first requests pay for module loading and JIT compilation.
    for (let index = 0; index < 20; index++) await sendToBot(url, command('help'));
    const latencies = await Promise.all(
      names.map(async (name) => {
        const started = performance.now();
        const answer = await sendToBot(url, command(`scan ${name}`));
        const elapsed = performance.now() - started;
        if (answer.status !== 200) throw new Error(`scan ${name}: HTTP ${answer.status}`);
        return elapsed;
      }),
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    console.log(`Acknowledgement latency, ${COMMANDS} concurrent signed /axiom scan commands over loopback:`);
    console.log(
      `  p50 ${ms(percentile(sorted, 50))}   p99 ${ms(p99)}   max ${ms(sorted.at(-1) ?? 0)}   (goal p99 < 100 ms: ${p99 < 100 ? 'met' : 'NOT met'})`,
    );
    // Every command was queued (the scan jobs wait: no worker runs in this part).
    await slack.waitFor(
      (calls) => calls.filter((call) => call.method === 'response' && call.args.response_type === 'in_channel').length >= COMMANDS,
      60_000,
    );
    console.log(`  all ${COMMANDS} scans queued and announced through their response URLs`);
  } finally {
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
      ...(await Promise.all(Array.from({ length: workers }, () => startAxiom(['--worker'], env, 'Working scan jobs')))),
    );
    const results = () =>
      slack.calls.filter((call) => call.method === 'chat.postMessage' && String(call.args.text).startsWith('Axiom scan of '))
        .length;
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
  const databaseUrl = process.env.AXIOM_TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
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

await main();
