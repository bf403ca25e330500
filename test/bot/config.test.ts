import { describe, expect, it } from 'vitest';
import { parseBotConfig } from '../../bot/config.ts';

const CWD = '/srv/axiom';
const MINIMAL = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

function parse(env: Record<string, string>, role: 'bot' | 'worker' = 'bot') {
  return parseBotConfig(env, { role, cwd: CWD });
}

describe('parseBotConfig', () => {
  it('fills every default from a minimal environment: HTTP on 3000, embedded store, dev key file', () => {
    const result = parse(MINIMAL);
    expect(result).toEqual({
      ok: true,
      config: {
        role: 'bot',
        slack: {
          botToken: 'xoxb-1',
          signingSecret: 'secret',
          apiUrl: undefined,
          transport: { kind: 'http', port: 3000 },
        },
        store: {
          databaseUrl: undefined,
          schema: 'axiom',
          dataDir: '/srv/axiom/.axiom/bot',
          encryptionKey: undefined,
          previousEncryptionKeys: [],
          devKeyFile: '/srv/axiom/.axiom/bot/encryption.key',
        },
        admins: [],
        aws: { region: 'us-east-1' },
        scannerAccountId: undefined,
        templateUrl: undefined,
        defaultRegions: ['us-east-1'],
        healthCheckIntervalMs: 300_000,
        jobs: { concurrency: 2, pollSeconds: 2, timeoutSeconds: 900, retries: 2 },
      },
    });
  });

  it('reads every variable', () => {
    const result = parse({
      SLACK_BOT_TOKEN: 'xoxb-2',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      PORT: '8080',
      DATABASE_URL: 'postgres://axiom@db:5432/axiom',
      AXIOM_DATA_DIR: 'state',
      AXIOM_ENCRYPTION_KEY: 'k',
      AXIOM_PREVIOUS_ENCRYPTION_KEYS: 'old1, old2',
      AXIOM_ADMINS: 'U0ADMIN1,U0ADMIN2 W0ENTERPRISE',
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
      AXIOM_SCANNER_ACCOUNT_ID: '999988887777',
      AXIOM_TEMPLATE_URL: 'https://bucket.s3.amazonaws.com/axiom.yaml',
      AXIOM_DEFAULT_REGIONS: 'eu-west-1 eu-central-1',
      AXIOM_HEALTH_CHECK_MINUTES: '0.5',
      AXIOM_WORKER_CONCURRENCY: '8',
      AXIOM_JOB_POLL_SECONDS: '0.5',
      AXIOM_SCAN_TIMEOUT_MINUTES: '30',
      AXIOM_SCAN_RETRIES: '0',
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const { config } = result;
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.slack.transport).toEqual({ kind: 'http', port: 8080 });
    expect(config.store).toMatchObject({
      databaseUrl: 'postgres://axiom@db:5432/axiom',
      dataDir: '/srv/axiom/state',
      encryptionKey: 'k',
      previousEncryptionKeys: ['old1', 'old2'],
    });
    expect(config.admins).toEqual(['U0ADMIN1', 'U0ADMIN2', 'W0ENTERPRISE']);
    expect(config.aws).toMatchObject({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' });
    expect(config.scannerAccountId).toBe('999988887777');
    expect(config.templateUrl).toBe('https://bucket.s3.amazonaws.com/axiom.yaml');
    expect(config.defaultRegions).toEqual(['eu-west-1', 'eu-central-1']);
    expect(config.healthCheckIntervalMs).toBe(30_000);
    expect(config.jobs).toEqual({ concurrency: 8, pollSeconds: 0.5, timeoutSeconds: 1800, retries: 0 });
  });

  it('Socket Mode when SLACK_APP_TOKEN is set, with no signing secret needed', () => {
    const result = parse({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A0-1-abc' });
    expect(result.ok && result.config.slack.transport).toEqual({
      kind: 'socket',
      appToken: 'xapp-1-A0-1-abc',
    });
  });

  it('a worker needs no signing secret', () => {
    expect(parse({ SLACK_BOT_TOKEN: 'xoxb-1' }, 'worker').ok).toBe(true);
    expect(parse({ SLACK_BOT_TOKEN: 'xoxb-1' }, 'bot').ok).toBe(false);
  });

  it('reports every problem at once, naming the variable', () => {
    const result = parse({
      SLACK_APP_TOKEN: 'xoxb-wrong',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db',
      AXIOM_ADMINS: 'alice,U0OK1',
      AXIOM_SCANNER_ACCOUNT_ID: '1234',
      AXIOM_TEMPLATE_URL: 'http://insecure/template.yaml',
      AXIOM_DEFAULT_REGIONS: 'mars-north-1',
      AXIOM_WORKER_CONCURRENCY: '-1',
      AWS_REGION: 'nowhere',
      AWS_ENDPOINT_URL: 'not a url',
      SLACK_API_URL: 'ftp://slack',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    for (const variable of [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'PORT',
      'DATABASE_URL',
      'AXIOM_ENCRYPTION_KEY',
      'AXIOM_ADMINS: "alice"',
      'AXIOM_SCANNER_ACCOUNT_ID',
      'AXIOM_TEMPLATE_URL',
      'AXIOM_DEFAULT_REGIONS',
      'AXIOM_WORKER_CONCURRENCY',
      'AWS_REGION',
      'AWS_ENDPOINT_URL',
      'SLACK_API_URL',
    ])
      expect(problems.some((problem) => problem.startsWith(variable))).toBe(true);
  });

  it('requires the encryption key with Postgres, since every process must decrypt what the others wrote', () => {
    const result = parse({ ...MINIMAL, DATABASE_URL: 'postgres://db/axiom' });
    expect(result.ok ? [] : result.problems).toEqual([
      'AXIOM_ENCRYPTION_KEY is not set: with DATABASE_URL every bot and worker process needs the same key (generate one with `openssl rand -base64 32`).',
    ]);
  });
});
