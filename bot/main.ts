/**
 * The bot's process: opens the store and the job queue, then either receives Slack requests (and, unless told
 * otherwise, works scan jobs and runs the health check) or, as `axiom bot --worker`, only works scan jobs.
 * Several workers share one Postgres queue; the embedded store serves a single process.
 */
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { VERSION } from '../cli/version.ts';
import { AxiomError, generateExternalId } from '../core/index.ts';
import { createBotApp } from './app.ts';
import { createAwsAccess } from './aws-access.ts';
import type { BotConfig } from './config.ts';
import { startHealthCheck } from './health-check.ts';
import { resolveScannerAccount } from './scanner-account.ts';
import type { BotLogger, BotServices } from './services.ts';
import { slackClientOf } from './slack-client.ts';
import { openBotBackend } from './store-backend.ts';
import { createScanJobHandler } from './worker.ts';

/** A running bot or worker. */
export interface BotProcess {
  /** Where the HTTP receiver listens (HTTP mode only). */
  address: AddressInfo | undefined;
  /** Stops receiving, lets running scans finish for `graceSeconds`, closes the store. */
  stop(graceSeconds?: number): Promise<void>;
}

/** What the process is given besides its configuration. */
export interface BotProcessOptions {
  /** The operational log. */
  logger: BotLogger;
  /** Interface to listen on (default all). */
  host?: string;
  /** For response_url posts (default the global fetch). */
  fetch?: typeof fetch;
}

async function botIdentity(client: webApi.WebClient): Promise<{ botId: string; botUserId: string }> {
  try {
    const auth = await client.auth.test();
    if (auth.bot_id !== undefined && auth.user_id !== undefined)
      return { botId: auth.bot_id, botUserId: auth.user_id };
    throw new Error('auth.test did not name a bot user: SLACK_BOT_TOKEN is not a bot token (xoxb-...)');
  } catch (error) {
    throw new AxiomError(
      'slack_auth_failed',
      `Could not start the bot: Slack refused SLACK_BOT_TOKEN (${error instanceof Error ? error.message : String(error)}).`,
      {
        hint: 'Copy the Bot User OAuth Token (xoxb-...) from the app’s OAuth & Permissions page, and check SLACK_API_URL if set.',
        cause: error,
      },
    );
  }
}

/** Starts the bot or a worker as `config.role` says. */
export async function startBotProcess(config: BotConfig, options: BotProcessOptions): Promise<BotProcess> {
  const { logger } = options;
  const backend = await openBotBackend(config, logger);
  const stops: (() => Promise<void>)[] = [];
  try {
    const web = new webApi.WebClient(config.slack.botToken, {
      ...(config.slack.apiUrl === undefined ? {} : { slackApiUrl: config.slack.apiUrl }),
      logLevel: webApi.LogLevel.WARN,
    });
    const slack = slackClientOf(web);
    let scannerAccountId = config.scannerAccountId;
    if (scannerAccountId === undefined && config.role === 'bot') {
      const found = await resolveScannerAccount(config.aws);
      if (found.ok) scannerAccountId = found.accountId;
      else
        logger.warn(
          `Could not tell which AWS account Axiom scans from (${found.reason}); the connect form will not show the trust policy. Set AXIOM_SCANNER_ACCOUNT_ID.`,
        );
    }
    const services: BotServices = {
      admins: new Set(config.admins),
      connections: backend.store,
      audit: backend.store,
      queue: backend.queue,
      aws: createAwsAccess({ aws: config.aws, version: VERSION }),
      onboarding: {
        scannerAccountId,
        templateUrl: config.templateUrl,
        defaultRegions: config.defaultRegions,
      },
      newExternalId: () => generateExternalId(),
      clock: () => new Date(),
      logger,
      fetch: options.fetch ?? fetch,
    };
    if (config.admins.length === 0 && config.role === 'bot')
      logger.warn(
        'AXIOM_ADMINS is empty: nobody can connect, disconnect or rotate accounts until it lists Slack user ids.',
      );

    let address: AddressInfo | undefined;
    if (config.role === 'bot') {
      const bot = createBotApp({
        slack: config.slack,
        identity: await botIdentity(web),
        services,
        ...(options.host === undefined ? {} : { host: options.host }),
      });
      address = await bot.start();
      stops.push(() => bot.stop());
      logger.info(
        address === undefined
          ? 'Connected to Slack in Socket Mode.'
          : `Listening for Slack on port ${address.port} (/slack/events).`,
      );
      if (config.healthCheckIntervalMs > 0) {
        const health = startHealthCheck(services, slack, config.healthCheckIntervalMs);
        stops.unshift(() => health.stop());
      }
    }
    if (config.jobs.concurrency > 0) {
      await backend.queue.work(createScanJobHandler(services, slack), {
        concurrency: config.jobs.concurrency,
      });
      logger.info(`Working scan jobs, ${config.jobs.concurrency} at a time.`);
    }
    let stopping: Promise<void> | undefined;
    return {
      address,
      stop(graceSeconds = 10) {
        stopping ??= (async () => {
          for (const stop of stops) await stop().catch((error: unknown) => logger.error(String(error)));
          await backend.close(graceSeconds);
        })();
        return stopping;
      },
    };
  } catch (error) {
    for (const stop of stops) await stop().catch(() => {});
    await backend.close(0).catch(() => {});
    throw error;
  }
}
