/**
 * A whole bot on loopback for HTTP-level tests: the real Bolt receiver behind the request guard, the store and
 * job queue on PGlite in a temp folder, AWS at the fake AWS endpoint, Slack's Web API and response URLs at the
 * fake Slack. Only the seams the bot itself exposes are used (services, createBotApp, the job handler).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { createBotApp } from '../../bot/app.ts';
import { createAwsAccess } from '../../bot/aws-access.ts';
import type { BotConfig } from '../../bot/config.ts';
import type { BotServices } from '../../bot/services.ts';
import { slackClientOf } from '../../bot/slack-client.ts';
import { createScanJobHandler } from '../../bot/worker.ts';
import {
  createJobQueue,
  generateExternalId,
  type JobQueue,
  keyringFromKeys,
  openStore,
  type Store,
} from '../../core/index.ts';
import { FAKE_CREDENTIALS, type FakeAws, startFakeAws } from '../helpers/fake-aws.ts';
import { BOT_IDENTITY, type FakeSlack, startFakeSlack } from './fake-slack.ts';
import {
  type BotAnswer,
  type SendOptions,
  SIGNING_SECRET,
  sendToBot,
  slashCommandBody,
} from './slack-requests.ts';

/** The admin the tests use. */
export const ADMIN = 'U0ADMIN01';
/** A user who is not an admin. */
export const MEMBER = 'U0MEMBER1';
/** The channel where `prod` may be scanned. */
export const PROD_CHANNEL = 'C0PROD001';
/** Another channel. */
export const OTHER_CHANNEL = 'C0OTHER01';
/** The store's test key (hex). */
export const TEST_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
/** The scanner account shown in trust policies. */
export const SCANNER_ACCOUNT = '999988887777';

/** A running bot and its fakes. */
export interface BotHarness {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** The fake Slack. */
  slack: FakeSlack;
  /** The fake AWS. */
  aws: FakeAws;
  /** The store. */
  store: Store;
  /** The job queue. */
  queue: JobQueue;
  /** The services the handlers got. */
  services: BotServices;
  /** The data folder. */
  dataDir: string;
  /** Lines the bot logged. */
  log: string[];
  /** Sends `/axiom <text>` signed; returns the HTTP answer. */
  command(
    text: string,
    from?: { user?: string; channel?: string },
    options?: SendOptions,
  ): Promise<BotAnswer>;
  /** Sends a raw form body signed. */
  send(body: string, options?: SendOptions): Promise<BotAnswer>;
  /** Starts a scan worker in this process. */
  startWorker(): Promise<void>;
  /** Stops everything and removes the data folder. */
  stop(): Promise<void>;
}

/** Starts the harness. */
export async function startBotHarness(options: { externalIds?: () => string } = {}): Promise<BotHarness> {
  const slack = await startFakeSlack();
  const aws = await startFakeAws();
  const dataDir = mkdtempSync(join(tmpdir(), 'axiom-bot-'));
  const store = await openStore({ dataDir, keyring: keyringFromKeys(TEST_KEY) });
  const queue = await createJobQueue(store, {
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 0,
    superviseIntervalSeconds: 1,
  });
  const log: string[] = [];
  const logger = {
    info: (message: string) => log.push(`info: ${message}`),
    warn: (message: string) => log.push(`warn: ${message}`),
    error: (message: string) => log.push(`error: ${message}`),
  };
  const services: BotServices = {
    admins: new Set([ADMIN]),
    connections: store,
    audit: store,
    queue,
    aws: createAwsAccess({
      aws: { region: 'us-east-1', endpoint: aws.url, credentials: { ...FAKE_CREDENTIALS } },
      version: '0.0.0-test',
      maxAttempts: 1,
    }),
    onboarding: { scannerAccountId: SCANNER_ACCOUNT, templateUrl: undefined, defaultRegions: ['us-east-1'] },
    newExternalId: options.externalIds ?? (() => generateExternalId()),
    clock: () => new Date(),
    logger,
    fetch,
  };
  const slackConfig: BotConfig['slack'] = {
    botToken: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    apiUrl: slack.apiUrl,
    transport: { kind: 'http', port: 0 },
  };
  const bot = createBotApp({
    slack: slackConfig,
    identity: { botId: BOT_IDENTITY.botId, botUserId: BOT_IDENTITY.botUserId },
    services,
    host: '127.0.0.1',
  });
  const address = await bot.start();
  if (address === undefined) throw new Error('the HTTP receiver did not listen');
  const url = `http://127.0.0.1:${address.port}`;
  const web = new webApi.WebClient('xoxb-test-token', {
    slackApiUrl: slack.apiUrl,
    logLevel: webApi.LogLevel.ERROR,
  });

  return {
    url,
    slack,
    aws,
    store,
    queue,
    services,
    dataDir,
    log,
    command: (text, from = {}, sendOptions = {}) =>
      sendToBot(
        url,
        slashCommandBody({
          text,
          user: from.user ?? ADMIN,
          channel: from.channel ?? PROD_CHANNEL,
          responseUrl: slack.responseUrl(),
        }),
        sendOptions,
      ),
    send: (body, sendOptions = {}) => sendToBot(url, body, sendOptions),
    async startWorker() {
      await queue.work(createScanJobHandler(services, slackClientOf(web)), { concurrency: 1 });
    },
    async stop() {
      await bot.stop();
      await queue.close({ graceSeconds: 0 });
      await store.close();
      await slack.close();
      await aws.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
