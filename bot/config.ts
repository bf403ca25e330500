/**
 * The bot's whole configuration, parsed once from the environment by a pure function: nothing else in bot/
 * reads `process.env`. Every problem is reported at once, naming the variable and what it should hold.
 */
import { isAbsolute, join } from 'node:path';
import { type AwsEnvironment, awsEnvironment } from '../cli/aws-env.ts';
import { describeError, parseEndpointOverride, regionProblem } from '../core/index.ts';

/** Which process this is: the bot (receives Slack requests, and works jobs unless told not to) or a worker. */
export type BotRole = 'bot' | 'worker';

/** How Slack reaches the bot. */
export type SlackTransport =
  | {
      /** Slack POSTs to `/slack/events` on `port` (Bolt's HTTPReceiver). */
      kind: 'http';
      /** The port (PORT, default 3000). */
      port: number;
    }
  | {
      /** The bot opens a WebSocket to Slack (SLACK_APP_TOKEN set): no public URL needed. */
      kind: 'socket';
      /** The app-level token (xapp-...). */
      appToken: string;
    };

/** The bot's configuration. */
export interface BotConfig {
  /** Which process this is. */
  role: BotRole;
  /** Slack settings. */
  slack: {
    /** The bot token (xoxb-...), SLACK_BOT_TOKEN. */
    botToken: string;
    /** Verifies Slack's request signatures, SLACK_SIGNING_SECRET (unused by workers and Socket Mode). */
    signingSecret: string;
    /** The Web API base (SLACK_API_URL), ending in `/`; undefined: Slack's own. */
    apiUrl: string | undefined;
    /** How Slack reaches the bot. */
    transport: SlackTransport;
  };
  /** Where state lives. */
  store: {
    /** DATABASE_URL: a Postgres server shared by the bot and its workers. */
    databaseUrl: string | undefined;
    /** AXIOM_DB_SCHEMA: the Postgres schema of the store (default `axiom`; the job queue uses `<schema>_jobs`). */
    schema: string;
    /** AXIOM_DATA_DIR: the embedded database's folder (default `.axiom/bot` under the working directory). */
    dataDir: string;
    /** AXIOM_ENCRYPTION_KEY: 32 bytes as hex or base64; undefined: a development key file in the data folder. */
    encryptionKey: string | undefined;
    /** AXIOM_PREVIOUS_ENCRYPTION_KEYS: older keys still accepted for reading, during a key rotation. */
    previousEncryptionKeys: string[];
    /** Where the development key file is kept when no key is given. */
    devKeyFile: string;
  };
  /** Slack user ids allowed to connect, disconnect, rotate and read the audit log (AXIOM_ADMINS). */
  admins: string[];
  /** AWS settings from the usual variables (AWS_REGION, AWS_ENDPOINT_URL, keys). */
  aws: AwsEnvironment;
  /** AXIOM_SCANNER_ACCOUNT_ID: the account Axiom assumes roles from; undefined: asked of STS at start. */
  scannerAccountId: string | undefined;
  /** AXIOM_TEMPLATE_URL: the published CloudFormation template, for the quick-create link. */
  templateUrl: string | undefined;
  /** AXIOM_DEFAULT_REGIONS: regions pre-filled in the connect form (default the AWS region). */
  defaultRegions: string[];
  /** AXIOM_HEALTH_CHECK_MINUTES as milliseconds (default 5 minutes; 0 turns it off). */
  healthCheckIntervalMs: number;
  /** Scan jobs. */
  jobs: {
    /** AXIOM_WORKER_CONCURRENCY: scans this process runs at once (default 2; 0 in the bot: workers only). */
    concurrency: number;
    /** AXIOM_JOB_POLL_SECONDS: how often an idle worker looks for jobs (default 2). */
    pollSeconds: number;
    /** AXIOM_SCAN_TIMEOUT_MINUTES in seconds: a scan running longer is stopped and retried (default 15 min). */
    timeoutSeconds: number;
    /** AXIOM_SCAN_RETRIES: retries after a failed attempt (default 2). */
    retries: number;
  };
}

/** Result of `parseBotConfig`. */
export type BotConfigResult =
  | { ok: true; config: BotConfig }
  | {
      /** Not usable. */
      ok: false;
      /** One line per problem, naming the variable. */
      problems: string[];
    };

/** The environment, as `process.env` holds it. */
export type Environment = Readonly<Record<string, string | undefined>>;

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,31}$/;

function value(env: Environment, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function list(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(/[\s,]+/).filter((item) => item !== '');
}

function number(
  env: Environment,
  name: string,
  fallback: number,
  limits: { min: number; max: number; integer?: boolean },
  problems: string[],
): number {
  const text = value(env, name);
  if (text === undefined) return fallback;
  const parsed = Number(text);
  const whole = limits.integer !== false;
  if (
    !Number.isFinite(parsed) ||
    (whole && !Number.isInteger(parsed)) ||
    parsed < limits.min ||
    parsed > limits.max
  ) {
    problems.push(
      `${name} must be a ${whole ? 'whole ' : ''}number from ${limits.min} to ${limits.max}, not "${text}".`,
    );
    return fallback;
  }
  return parsed;
}

function apiUrl(env: Environment, problems: string[]): string | undefined {
  const text = value(env, 'SLACK_API_URL');
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
  } catch {
    problems.push(`SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, not "${text}".`);
    return undefined;
  }
  // The Web API client appends method names directly to the base.
  return text.endsWith('/') ? text : `${text}/`;
}

function templateUrl(env: Environment, problems: string[]): string | undefined {
  const text = value(env, 'AXIOM_TEMPLATE_URL');
  if (text === undefined) return undefined;
  try {
    if (new URL(text).protocol === 'https:') return text;
  } catch {}
  problems.push(
    `AXIOM_TEMPLATE_URL must be the https URL of the published CloudFormation template, not "${text}".`,
  );
  return undefined;
}

function slackSettings(env: Environment, role: BotRole, problems: string[]): BotConfig['slack'] {
  const botToken = value(env, 'SLACK_BOT_TOKEN') ?? '';
  if (botToken === '')
    problems.push('SLACK_BOT_TOKEN is not set: the bot token (xoxb-...) from the app’s OAuth page.');
  const appToken = value(env, 'SLACK_APP_TOKEN');
  if (appToken !== undefined && !appToken.startsWith('xapp-'))
    problems.push('SLACK_APP_TOKEN must be an app-level token (xapp-...) with the connections:write scope.');
  const signingSecret = value(env, 'SLACK_SIGNING_SECRET') ?? '';
  // Socket Mode and workers never receive HTTP requests from Slack, so they have nothing to verify.
  if (signingSecret === '' && role === 'bot' && appToken === undefined)
    problems.push(
      'SLACK_SIGNING_SECRET is not set: the signing secret from the app’s Basic Information page (or set SLACK_APP_TOKEN for Socket Mode).',
    );
  const port = number(env, 'PORT', 3000, { min: 0, max: 65_535 }, problems);
  return {
    botToken,
    signingSecret,
    apiUrl: apiUrl(env, problems),
    transport: appToken === undefined ? { kind: 'http', port } : { kind: 'socket', appToken },
  };
}

function storeSettings(env: Environment, cwd: string, problems: string[]): BotConfig['store'] {
  const databaseUrl = value(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push('DATABASE_URL must be a postgres:// URL.');
  const schema = value(env, 'AXIOM_DB_SCHEMA') ?? 'axiom';
  if (!/^[a-z_][a-z0-9_]{0,47}$/.test(schema))
    problems.push(`AXIOM_DB_SCHEMA must be up to 48 lower-case letters, digits and "_", not "${schema}".`);
  const given = value(env, 'AXIOM_DATA_DIR');
  const dataDir =
    given === undefined ? join(cwd, '.axiom', 'bot') : isAbsolute(given) ? given : join(cwd, given);
  const encryptionKey = value(env, 'AXIOM_ENCRYPTION_KEY');
  // Every process sharing a Postgres must decrypt what the others wrote, so one key file per machine cannot work.
  if (databaseUrl !== undefined && encryptionKey === undefined)
    problems.push(
      'AXIOM_ENCRYPTION_KEY is not set: with DATABASE_URL every bot and worker process needs the same key (generate one with `openssl rand -base64 32`).',
    );
  return {
    databaseUrl,
    schema,
    dataDir,
    encryptionKey,
    previousEncryptionKeys: list(value(env, 'AXIOM_PREVIOUS_ENCRYPTION_KEYS')),
    devKeyFile: join(dataDir, 'encryption.key'),
  };
}

function admins(env: Environment, problems: string[]): string[] {
  const ids = list(value(env, 'AXIOM_ADMINS'));
  for (const id of ids)
    if (!SLACK_USER_ID.test(id))
      problems.push(`AXIOM_ADMINS: "${id}" is not a Slack user id (like U0123ABCD).`);
  return ids.filter((id) => SLACK_USER_ID.test(id));
}

function regions(env: Environment, aws: AwsEnvironment, problems: string[]): string[] {
  const given = list(value(env, 'AXIOM_DEFAULT_REGIONS'));
  for (const region of given) {
    const problem = regionProblem(region);
    if (problem !== undefined) problems.push(`AXIOM_DEFAULT_REGIONS: ${problem}.`);
  }
  return given.length > 0 ? given : [aws.region];
}

/**
 * Parses the bot's environment (see the README for every variable). `cwd` resolves a relative data folder.
 * Workers need no signing secret; everything else is shared, so one environment serves both.
 */
export function parseBotConfig(env: Environment, options: { role: BotRole; cwd: string }): BotConfigResult {
  const problems: string[] = [];
  const aws = awsEnvironment(env);
  const regionProblemText = regionProblem(aws.region);
  if (regionProblemText !== undefined)
    problems.push(`${aws.regionVariable ?? 'AWS_REGION'}: ${regionProblemText}.`);
  if (aws.endpoint !== undefined) {
    try {
      parseEndpointOverride(aws.endpoint);
    } catch (error) {
      problems.push(`AWS_ENDPOINT_URL: ${describeError(error)}`);
    }
  }
  const scanner = value(env, 'AXIOM_SCANNER_ACCOUNT_ID');
  if (scanner !== undefined && !/^\d{12}$/.test(scanner))
    problems.push(`AXIOM_SCANNER_ACCOUNT_ID must be a 12-digit AWS account id, not "${scanner}".`);
  const healthMinutes = number(
    env,
    'AXIOM_HEALTH_CHECK_MINUTES',
    5,
    { min: 0, max: 1440, integer: false },
    problems,
  );
  const config: BotConfig = {
    role: options.role,
    slack: slackSettings(env, options.role, problems),
    store: storeSettings(env, options.cwd, problems),
    admins: admins(env, problems),
    aws,
    scannerAccountId: scanner,
    templateUrl: templateUrl(env, problems),
    defaultRegions: regions(env, aws, problems),
    healthCheckIntervalMs: Math.round(healthMinutes * 60_000),
    jobs: {
      concurrency: number(
        env,
        'AXIOM_WORKER_CONCURRENCY',
        2,
        { min: options.role === 'worker' ? 1 : 0, max: 64 },
        problems,
      ),
      pollSeconds: number(env, 'AXIOM_JOB_POLL_SECONDS', 2, { min: 0.5, max: 60, integer: false }, problems),
      timeoutSeconds: Math.round(
        60 * number(env, 'AXIOM_SCAN_TIMEOUT_MINUTES', 15, { min: 1, max: 720, integer: false }, problems),
      ),
      retries: number(env, 'AXIOM_SCAN_RETRIES', 2, { min: 0, max: 10 }, problems),
    },
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}
