/**
 * The bot's process as `axiom bot` starts it: configuration from an environment, the embedded store with a
 * development key file, the scanner account asked of STS, a restart that keeps the data; and, on a real
 * Postgres, `axiom bot --worker` processes sharing the queue.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BotConfig, parseBotConfig } from '../../bot/config.ts';
import { type BotProcess, startBotProcess } from '../../bot/main.ts';
import { createJobQueue, keyringFromKeys, openStore } from '../../core/index.ts';
import { axiom } from '../cli/cli-harness.ts';
import { answerHealthyAccount, ROLE_ARN } from '../cli/fake-account.ts';
import {
  FAKE_CREDENTIALS,
  type FakeAws,
  json,
  startFakeAws,
  stsCallerIdentityResponse,
} from '../helpers/fake-aws.ts';
import { describePostgres } from '../helpers/postgres.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import {
  interactionBody,
  SIGNING_SECRET,
  sendToBot,
  slashCommandBody,
  viewSubmission,
} from './slack-requests.ts';

const EXTERNAL_ID = 'axm-BotTestExternalId0123456789abcde';
const KEY = '202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f';
const ROOT = join(import.meta.dirname, '..', '..');

let slack: FakeSlack;
let aws: FakeAws;
let dir: string;
const running: BotProcess[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  aws = await startFakeAws();
  dir = mkdtempSync(join(tmpdir(), 'axiom-bot-main-'));
});
afterAll(async () => {
  await slack.close();
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const bot of running.splice(0)) await bot.stop(0);
  slack.clear();
  aws.reset();
});

function environment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    AXIOM_DATA_DIR: 'state',
    AXIOM_ADMINS: 'U0ADMIN01',
    AXIOM_HEALTH_CHECK_MINUTES: '0',
    AXIOM_WORKER_CONCURRENCY: '0',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: aws.url,
    AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
    ...extra,
  };
}

function config(env: Record<string, string>, role: 'bot' | 'worker' = 'bot'): BotConfig {
  const parsed = parseBotConfig(env, { role, cwd: dir });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
}

async function start(env: Record<string, string>, log: string[]): Promise<BotProcess> {
  const logger = {
    info: (message: string) => log.push(`info: ${message}`),
    warn: (message: string) => log.push(`warn: ${message}`),
    error: (message: string) => log.push(`error: ${message}`),
  };
  const bot = await startBotProcess(config(env), { logger, host: '127.0.0.1' });
  running.push(bot);
  return bot;
}

describe('startBotProcess with the embedded store', () => {
  it('creates a 0600 development key with a warning, asks STS for the scanner account, and answers Slack', async () => {
    aws.on('STS', 'GetCallerIdentity', () =>
      stsCallerIdentityResponse({ account: '444455556666', arn: 'arn:aws:iam::444455556666:user/axiom' }),
    );
    const log: string[] = [];
    const bot = await start(environment(), log);
    const keyFile = join(dir, 'state', 'encryption.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(log.find((line) => line.startsWith('warn: AXIOM_ENCRYPTION_KEY is not set'))).toContain(keyFile);
    expect(slack.callsOf('auth.test')).toHaveLength(1);

    const url = `http://127.0.0.1:${bot.address?.port}`;
    const answer = await sendToBot(
      url,
      slashCommandBody({
        text: 'connect prod',
        user: 'U0ADMIN01',
        channel: 'C0PROD',
        responseUrl: slack.responseUrl(),
      }),
    );
    expect(answer.status).toBe(200);
    await slack.waitFor((calls) => calls.some((call) => call.method === 'views.open'));
    expect(JSON.stringify(slack.callsOf('views.open')[0]?.args.view)).toContain(
      'arn:aws:iam::444455556666:root',
    );
  });

  it('keeps its connections across a restart, readable with the same development key', async () => {
    answerHealthyAccount(aws);
    const first = await start(environment(), []);
    const url = `http://127.0.0.1:${first.address?.port}`;
    const metadata = JSON.stringify({ channel: 'C0PROD', externalId: EXTERNAL_ID });
    const submitted = await sendToBot(
      url,
      interactionBody(
        viewSubmission({
          user: 'U0ADMIN01',
          privateMetadata: metadata,
          values: {
            connection_name: { value: { type: 'plain_text_input', value: 'prod' } },
            role_arn: { value: { type: 'plain_text_input', value: ROLE_ARN } },
            regions: { value: { type: 'plain_text_input', value: 'us-east-1' } },
            scan_channels: {
              value: { type: 'multi_conversations_select', selected_conversations: ['C0PROD'] },
            },
          },
        }),
      ),
    );
    expect(submitted.status).toBe(200);
    await slack.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    await first.stop(0);
    running.splice(running.indexOf(first), 1);

    const log: string[] = [];
    const second = await start(environment(), log);
    expect(log.find((line) => line.startsWith('warn: AXIOM_ENCRYPTION_KEY'))).toContain('read from');
    const responseUrl = slack.responseUrl();
    await sendToBot(
      `http://127.0.0.1:${second.address?.port}`,
      slashCommandBody({ text: 'revoke-status prod', user: 'U0ADMIN01', channel: 'C0PROD', responseUrl }),
    );
    await slack.waitFor((calls) =>
      calls.some(
        (call) =>
          call.method === 'response' &&
          call.args.url === new URL(responseUrl).pathname &&
          String(call.args.text).includes('*prod*'),
      ),
    );
    const reply = slack.callsOf('response').find((call) => String(call.args.text).includes('*prod*'));
    expect(String(reply?.args.text)).toContain('*prod*: 🟢 connected since');
  });

  it('refuses to start with a token Slack rejects, and releases the store', async () => {
    slack.fail('auth.test', 'invalid_auth');
    await expect(start(environment(), [])).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN/);
    slack.clear();
    // The embedded store's folder lock was released: a new process can open it.
    await start(environment(), []);
  });
});

describe('axiom bot', () => {
  it('lists every problem with the environment and exits 2', async () => {
    const run = await axiom(['bot'], { PORT: 'x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('axiom bot: the environment is not usable:');
    expect(run.stderr).toContain('  - SLACK_BOT_TOKEN is not set');
    expect(run.stderr).toContain('  - SLACK_SIGNING_SECRET is not set');
    expect(run.stderr).toContain('  - PORT must be a whole number from 0 to 65535, not "x".');
  });

  it('has help', async () => {
    const run = await axiom(['bot', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: axiom bot [--worker]');
  });
});

describePostgres('axiom bot --worker processes sharing one Postgres queue', (database) => {
  const workers: ChildProcess[] = [];
  afterAll(() => {
    for (const worker of workers) worker.kill('SIGKILL');
  });

  it('two workers run every queued scan exactly once and post each result', async () => {
    const location = database().freshLocation();
    if (location.databaseUrl === undefined) throw new Error('needs Postgres');
    const store = await openStore({
      databaseUrl: location.databaseUrl,
      schema: location.schema,
      keyring: keyringFromKeys(KEY),
    });
    const queue = await createJobQueue(store, {});
    answerHealthyAccount(aws);
    aws.on('CloudWatchLogs', 'DescribeLogGroups', () => json({ logGroups: [] }));
    const names = Array.from({ length: 6 }, (_, index) => `acct-${index}`);
    for (const name of names) {
      await store.createConnection({
        name,
        roleArn: ROLE_ARN,
        externalId: EXTERNAL_ID,
        regions: ['us-east-1'],
        allowedChannelIds: ['C0PROD'],
        createdBy: 'U0ADMIN01',
      });
      const queued = await queue.enqueueScan({
        connection: name,
        regions: [],
        services: ['logs'],
        requestedBy: 'U0ADMIN01',
        channel: 'C0PROD',
      });
      expect(queued.ok).toBe(true);
    }
    const env = {
      ...environment(),
      DATABASE_URL: location.databaseUrl,
      AXIOM_ENCRYPTION_KEY: KEY,
      AXIOM_WORKER_CONCURRENCY: '2',
      AXIOM_JOB_POLL_SECONDS: '0.5',
      PATH: process.env.PATH ?? '',
    };
    // The store's schema is chosen per test: the workers get it through the same variable the bot reads.
    for (let index = 0; index < 2; index++)
      workers.push(
        spawn(process.execPath, ['cli/main.ts', 'bot', '--worker'], {
          cwd: ROOT,
          env: { ...env, AXIOM_DB_SCHEMA: location.schema },
          stdio: ['ignore', 'ignore', 'pipe'],
        }),
      );
    await slack.waitFor(
      (calls) => calls.filter((call) => call.method === 'chat.postMessage').length >= names.length,
      60_000,
    );
    const posted = slack.callsOf('chat.postMessage').map((call) => String(call.args.text));
    for (const name of names)
      expect(posted.filter((text) => text.startsWith(`Axiom scan of ${name}:`))).toHaveLength(1);
    await queue.close({ graceSeconds: 0 });
    await store.close();
  }, 90_000);
});
