import type { CliCommand, OptionValues } from '../command.ts';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';

const HELP = `Usage: axiom bot [--worker]

Runs the Slack bot: /axiom scan, connect, revoke-status, list, disconnect, rotate-external-id and audit.
Without --worker it receives Slack's requests (HTTP on PORT, default 3000, path /slack/events; Socket Mode
when SLACK_APP_TOKEN is set), runs the health check and works scan jobs. With --worker it only works scan
jobs: start several against one Postgres (DATABASE_URL) to scan many accounts at once.

Environment:
  SLACK_BOT_TOKEN          bot token (xoxb-...)                                   required
  SLACK_SIGNING_SECRET     verifies Slack's requests                             required in HTTP mode
  SLACK_APP_TOKEN          app-level token (xapp-...): Socket Mode instead of HTTP
  SLACK_API_URL            Slack Web API base (default https://slack.com/api/)
  PORT                     HTTP port (default 3000)
  DATABASE_URL             Postgres shared by the bot and its workers (default: embedded, in AXIOM_DATA_DIR)
  AXIOM_DB_SCHEMA          Postgres schema of the store (default axiom)
  AXIOM_DATA_DIR           embedded database folder (default .axiom/bot)
  AXIOM_ENCRYPTION_KEY     32-byte key (hex or base64) for role ARNs and External IDs; required with DATABASE_URL
  AXIOM_ADMINS             Slack user ids allowed to connect, disconnect, rotate and read the audit log
  AXIOM_SCANNER_ACCOUNT_ID the AWS account Axiom assumes roles from (default: asked of STS)
  AXIOM_TEMPLATE_URL       published CloudFormation template, for the quick-create link
  AXIOM_HEALTH_CHECK_MINUTES, AXIOM_WORKER_CONCURRENCY, AXIOM_SCAN_TIMEOUT_MINUTES, AXIOM_SCAN_RETRIES,
  AXIOM_JOB_POLL_SECONDS, AXIOM_DEFAULT_REGIONS; AWS_REGION, AWS_ENDPOINT_URL and the usual AWS credentials.

Stops cleanly on SIGINT or SIGTERM: running scans get 10 seconds, then are retried by another worker.
`;

/** Resolves on SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (signal: string) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

async function run(values: OptionValues, _positionals: string[], ctx: CliContext) {
  // Loaded only when the bot runs: Bolt, pg-boss and PGlite are heavy for every other command.
  const [{ parseBotConfig }, { createConsoleLogger }, { startBotProcess }] = await Promise.all([
    import('../../bot/config.ts'),
    import('../../bot/console-logger.ts'),
    import('../../bot/main.ts'),
  ]);
  const role = values.worker === true ? 'worker' : 'bot';
  const parsed = parseBotConfig(ctx.env, { role, cwd: ctx.cwd });
  if (!parsed.ok) {
    ctx.stderr.write(
      `axiom bot: the environment is not usable:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return EXIT.usage;
  }
  const logger = createConsoleLogger(ctx.stderr, role === 'worker' ? 'axiom worker' : 'axiom bot');
  const bot = await startBotProcess(parsed.config, { logger });
  const signal = await untilSignal();
  logger.info(`${signal}: stopping.`);
  await bot.stop();
  return EXIT.ok;
}

/** `axiom bot [--worker]`: the Slack bot, or a scan worker. */
export const botCommand: CliCommand = {
  name: 'bot',
  summary: 'Run the Slack bot (or, with --worker, a scan worker)',
  help: HELP,
  options: { worker: { type: 'boolean' } },
  run,
};
