/**
 * The bot at the HTTP level: Slack-signed requests to the real receiver on loopback, Slack's Web API and
 * response URLs at a local fake, AWS at the fake AWS endpoint, the store and queue on PGlite in a temp folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runHealthCheck } from '../../bot/health-check.ts';
import { slackClientOf } from '../../bot/slack-client.ts';
import { buildPermissionPolicy } from '../../core/index.ts';
import { ACCOUNT, AXIOM_POLICY_ARN, answerHealthyAccount, ROLE_ARN } from '../cli/fake-account.ts';
import { json, queryError, s3Error } from '../helpers/fake-aws.ts';
import {
  ADMIN,
  type BotHarness,
  MEMBER,
  OTHER_CHANNEL,
  PROD_CHANNEL,
  startBotHarness,
} from './bot-harness.ts';
import type { SlackCall } from './fake-slack.ts';
import { interactionBody, sign, viewSubmission } from './slack-requests.ts';

/** The External ID the connect form shows (Axiom's format: axm- and 32 characters). */
const EXTERNAL_ID = 'axm-BotTestExternalId0123456789abcde';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ externalIds: () => EXTERNAL_ID });
  await bot.startWorker();
});
afterAll(async () => {
  await bot.stop();
});
afterEach(async () => {
  bot.slack.clear();
  bot.aws.reset();
  for (const connection of await bot.store.listConnections())
    await bot.store.deleteConnection(connection.name);
});

/** The JSON a command was acknowledged with (Bolt answers `ack(reply)` in the HTTP response). */
function ackBody(body: string): { text?: string; response_type?: string } {
  return body === '' ? {} : JSON.parse(body);
}

function responses(): SlackCall[] {
  return bot.slack.callsOf('response');
}

async function saveProd(overrides: { channels?: string[] } = {}): Promise<void> {
  const saved = await bot.store.createConnection({
    name: 'prod',
    roleArn: ROLE_ARN,
    externalId: EXTERNAL_ID,
    regions: ['us-east-1'],
    allowedChannelIds: overrides.channels ?? [PROD_CHANNEL],
    healthChannelId: PROD_CHANNEL,
    createdBy: ADMIN,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
}

/** Retries `check` until it passes: the bot writes its audit entries after answering Slack. */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

async function latestAudit(command: string) {
  // Sorted here by the numeric id: the store's listAudit orders by the id as text (a store bug, reported).
  const entries = (await bot.store.listAudit({ limit: 500 })).sort((a, b) => Number(b.id) - Number(a.id));
  return entries.find((entry) => entry.command === command);
}

/** Waits until the newest entry for `command` matches `expected`. */
async function audited(command: string, expected: Record<string, unknown>): Promise<void> {
  await eventually(async () => expect(await latestAudit(command)).toMatchObject(expected));
}

/** Files under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => readFileSync(path).includes(Buffer.from(needle)));
}

describe('request authenticity', () => {
  it('answers a correctly signed command', async () => {
    const answer = await bot.command('help');
    expect(answer.status).toBe(200);
  });

  it('rejects a bad signature with 401 and runs nothing', async () => {
    const answer = await bot.command('help', {}, { signature: `v0=${'0'.repeat(64)}` });
    expect(answer.status).toBe(401);
    const other = await bot.command('help', {}, { secret: 'not-the-signing-secret' });
    expect(other.status).toBe(401);
    expect(bot.slack.calls).toEqual([]);
  });

  it('rejects a timestamp older than 5 minutes (signed correctly for it)', async () => {
    const answer = await bot.command('help', {}, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(answer.status).toBe(401);
  });

  it('rejects a timestamp in the future', async () => {
    const answer = await bot.command('help', {}, { timestamp: Math.floor(Date.now() / 1000) + 5 * 60 });
    expect(answer.status).toBe(401);
  });

  it('rejects a replay of a request it already accepted', async () => {
    const first = await bot.command('help');
    expect(first.status).toBe(200);
    const replay = await bot.send(first.sent.body, {
      timestamp: first.sent.timestamp,
      signature: first.sent.signature,
    });
    expect(replay.status).toBe(401);
    expect(bot.log.some((line) => line.includes('(replay)'))).toBe(true);
  });

  it('answers 404 for other paths and methods, and 200 to Slack’s unsigned SSL check', async () => {
    expect((await fetch(`${bot.url}/slack/events`)).status).toBe(404);
    expect((await fetch(`${bot.url}/elsewhere`, { method: 'POST', body: 'x=1' })).status).toBe(404);
    const ssl = await fetch(`${bot.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=x',
    });
    expect(ssl.status).toBe(200);
  });

  it('rejects a request without the signature headers', async () => {
    const response = await fetch(`${bot.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'command=%2Faxiom&text=help',
    });
    expect(response.status).toBe(401);
  });
});

describe('/axiom help and bad input', () => {
  it('help lists every command, generated from the command table', async () => {
    const answer = await bot.command('help', { user: MEMBER });
    const reply = ackBody(answer.body);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('/axiom scan <name> [regions...] [--services s3,ec2,...]');
    expect(reply.text).toContain('/axiom revoke-status [name]');
    expect(reply.text).not.toContain('/axiom disconnect');
    const admin = ackBody((await bot.command('help')).body);
    expect(admin.text).toContain('/axiom disconnect <name>');
  });

  it('an unknown command gets a helpful ephemeral reply, recorded as invalid', async () => {
    const reply = ackBody((await bot.command('scna prod')).body);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('`scna` is not an Axiom command. Did you mean `scan`?');
    await audited('scna', { result: 'invalid', actor: ADMIN });
  });

  it('bad arguments get the usage', async () => {
    const reply = ackBody((await bot.command('scan prod us-east-9z')).body);
    expect(reply.text).toContain('Usage: `/axiom scan <name> [regions...] [--services s3,ec2,...]`');
    const services = ackBody((await bot.command('scan prod --services s3,dynamo')).body);
    expect(services.text).toContain('"dynamo" is not a service Axiom scans');
  });
});

describe('/axiom connect', () => {
  it('opens the modal with the trigger id, showing the External ID and both policies', async () => {
    const answer = await bot.command('connect prod', {}, {});
    expect(answer.status).toBe(200);
    await bot.slack.waitFor((calls) => calls.some((call) => call.method === 'views.open'));
    const [open] = bot.slack.callsOf('views.open');
    expect(open?.args.trigger_id).toBe('13345224609.738474920.8088930838d88f008e0');
    const view = open?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view.callback_id).toBe('axiom_connect');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(EXTERNAL_ID);
    expect(text).toContain('AxiomScannerAssumeRole');
    expect(text).toContain('ec2:DescribeInstances');
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      channel: PROD_CHANNEL,
      externalId: EXTERNAL_ID,
    });
    await audited('connect', { result: 'ok', detail: 'opened the connect form' });
  });

  it('refuses a non-admin, opens nothing and records the denial', async () => {
    const reply = ackBody((await bot.command('connect prod', { user: MEMBER })).body);
    expect(reply.text).toContain('Only Axiom admins may run `/axiom connect`');
    expect(bot.slack.callsOf('views.open')).toEqual([]);
    await audited('connect', { actor: MEMBER, result: 'denied' });
  });

  async function submit(roleArn: string, user = ADMIN) {
    const metadata = JSON.stringify({
      channel: PROD_CHANNEL,
      externalId: EXTERNAL_ID,
      responseUrl: bot.slack.responseUrl(),
    });
    return bot.send(
      interactionBody(
        viewSubmission({
          user,
          privateMetadata: metadata,
          values: {
            connection_name: { value: { type: 'plain_text_input', value: 'Prod' } },
            role_arn: { value: { type: 'plain_text_input', value: roleArn } },
            regions: { value: { type: 'plain_text_input', value: 'us-east-1, eu-west-1' } },
            scan_channels: {
              value: { type: 'multi_conversations_select', selected_conversations: [PROD_CHANNEL] },
            },
          },
        }),
      ),
    );
  }

  it('a bad role ARN comes back as an error under the field; nothing is saved', async () => {
    const answer = await submit(`arn:aws:iam::${ACCOUNT}:user/axiom`);
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body);
    expect(body.response_action).toBe('errors');
    expect(body.errors.role_arn).toMatch(
      /Expected a role ARN like arn:aws:iam::123456789012:role\/axiom-readonly/,
    );
    expect(await bot.store.listConnections()).toEqual([]);
    await audited('connect', { result: 'invalid', actor: ADMIN });
  });

  it('a good role ARN is saved encrypted, verified, and the result posted in the channel', async () => {
    answerHealthyAccount(bot.aws);
    const answer = await submit(ROLE_ARN);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    await bot.slack.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    const [post] = bot.slack.callsOf('chat.postMessage');
    expect(post?.args.channel).toBe(PROD_CHANNEL);
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain('prod is connected');
    expect(blocks).toContain('ec2:DescribeInstances');
    expect(blocks).not.toContain(EXTERNAL_ID);

    const connection = await bot.store.getConnection('prod');
    expect(connection).toMatchObject({ roleArn: ROLE_ARN, externalId: EXTERNAL_ID, status: 'connected' });
    expect(connection?.regions).toEqual(['us-east-1', 'eu-west-1']);
    // At rest the database holds neither secret in plain text.
    await bot.store.sql.query('CHECKPOINT');
    expect(filesContaining(bot.dataDir, ROLE_ARN)).toEqual([]);
    expect(filesContaining(bot.dataDir, EXTERNAL_ID)).toEqual([]);
  });

  it('an over-privileged role halts onboarding, naming the policy to remove, and scans are refused', async () => {
    answerHealthyAccount(bot.aws, {
      policies: {
        attached: {
          [AXIOM_POLICY_ARN]: buildPermissionPolicy(),
          'arn:aws:iam::aws:policy/ReadOnlyAccess': undefined,
        },
        inline: {},
      },
    });
    await submit(ROLE_ARN);
    await bot.slack.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    const blocks = JSON.stringify(bot.slack.callsOf('chat.postMessage')[0]?.args.blocks);
    expect(blocks).toContain('Onboarding halted: prod');
    expect(blocks).toContain('What to remove before onboarding continues');
    expect(blocks).toContain('the AWS managed policy ReadOnlyAccess');
    expect(blocks).toContain('Detach ReadOnlyAccess from the role');
    expect(await bot.store.getConnection('prod')).toMatchObject({ status: 'disconnected' });
    await audited('connect-verify', { result: 'denied' });

    await bot.command('scan prod');
    await bot.slack.waitFor(() => responses().length > 0);
    expect(String(responses()[0]?.args.text)).toContain('cannot be scanned: Onboarding halted');
  });

  it('a non-admin submission is refused', async () => {
    const body = JSON.parse((await submit(ROLE_ARN, MEMBER)).body);
    expect(body).toMatchObject({ response_action: 'errors' });
    expect(await bot.store.listConnections()).toEqual([]);
  });
});

describe('/axiom scan', () => {
  it('is acknowledged at once, queued, and the worker posts Block Kit with the full report attached', async () => {
    await saveProd();
    answerHealthyAccount(bot.aws);
    bot.aws.on('CloudWatchLogs', 'DescribeLogGroups', () =>
      json({
        logGroups: [
          { logGroupName: '/app/orders', storedBytes: 900 * 1024 ** 3, creationTime: 1_700_000_000_000 },
        ],
      }),
    );
    bot.aws.on('S3', 'ListBuckets', () => s3Error('AccessDenied', 'Access Denied', 403));
    const answer = await bot.command('scan prod --services logs,s3');
    expect(answer.status).toBe(200);
    expect(ackBody(answer.body)).toMatchObject({
      response_type: 'ephemeral',
      text: 'Checking `/axiom scan prod`…',
    });

    await bot.slack.waitFor(
      (calls) => calls.some((call) => call.method === 'files.completeUploadExternal'),
      20_000,
    );
    const queued = responses().find((call) => call.args.response_type === 'in_channel');
    expect(String(queued?.args.text)).toContain('started a scan of *prod* (us-east-1; logs, s3)');
    const [result] = bot.slack.callsOf('chat.postMessage');
    expect(result?.args.channel).toBe(PROD_CHANNEL);
    const blocks = result?.args.blocks as { type: string }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    const text = JSON.stringify(blocks);
    expect(text).toContain('Axiom scan: prod');
    expect(text).toContain('aws.logs.log-group-retention-unset');
    expect(text).toContain('Log group keeps events forever: /app/orders');
    expect(text).toContain('*Fix:*');
    expect(text).toContain('Coverage gaps');
    expect(text).toContain('s3:ListBuckets');
    // files.uploadV2: get an upload URL, upload, complete into the result's thread.
    const [getUrl] = bot.slack.callsOf('files.getUploadURLExternal');
    expect(getUrl?.args.filename).toMatch(/^axiom-scan-prod-.*\.txt$/);
    const [upload] = bot.slack.callsOf('upload');
    expect(String(upload?.args.body)).toContain('/app/orders');
    const [complete] = bot.slack.callsOf('files.completeUploadExternal');
    expect(complete?.args.channel_id).toBe(PROD_CHANNEL);
    expect(complete?.args.thread_ts).toBe(result?.reply?.ts);
    await audited('scan', { result: 'ok', connection: 'prod', actor: ADMIN });
  });

  it('is refused in a channel the connection does not list, and the denial is recorded', async () => {
    await saveProd();
    await bot.command('scan prod', { channel: OTHER_CHANNEL, user: MEMBER });
    await bot.slack.waitFor(() => responses().length > 0);
    expect(String(responses()[0]?.args.text)).toContain(
      'no connection named *prod* that may be scanned in this channel',
    );
    await audited('scan', { result: 'denied', actor: MEMBER, connection: 'prod' });
    expect(bot.aws.requests).toEqual([]);
  });

  it('an STS refusal during the job is posted in plain words and the connection marked disconnected', async () => {
    await saveProd();
    bot.aws.on('STS', 'AssumeRole', () =>
      queryError(
        'AccessDenied',
        `User: arn:aws:iam::999988887777:user/axiom is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`,
        403,
      ),
    );
    await bot.command('scan prod --services logs');
    await bot.slack.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'), 20_000);
    const text = String(bot.slack.callsOf('chat.postMessage')[0]?.args.text);
    expect(text).toContain('Could not scan *prod*');
    expect(text).toContain('Fix:');
    expect(await bot.store.getConnection('prod')).toMatchObject({ status: 'disconnected' });
    await audited('scan', { result: 'error', connection: 'prod' });
  });
});

describe('/axiom revoke-status and the health check', () => {
  it('shows disconnected, since when and the error in plain words after STS AccessDenied', async () => {
    await saveProd();
    bot.aws.on('STS', 'AssumeRole', () =>
      queryError('AccessDenied', 'Not authorized to perform sts:AssumeRole', 403),
    );
    await bot.command('revoke-status prod', { user: MEMBER });
    await bot.slack.waitFor(() => responses().length > 0);
    const text = String(responses()[0]?.args.text);
    expect(text).toContain('*prod*: 🔴 disconnected since');
    expect(text).toContain('AWS refused sts:AssumeRole');
    expect(await bot.store.getConnection('prod')).toMatchObject({ status: 'disconnected' });
  });

  it('the health check flips a revoked connection to disconnected and posts once', async () => {
    await saveProd();
    answerHealthyAccount(bot.aws);
    const client = slackClientOf(new webApi.WebClient('xoxb-test-token', { slackApiUrl: bot.slack.apiUrl }));
    const first = await runHealthCheck(bot.services, client);
    expect(first.changed).toEqual([{ name: 'prod', status: 'connected' }]);
    expect(bot.slack.callsOf('chat.postMessage')).toEqual([]);

    bot.aws.on('STS', 'AssumeRole', () =>
      queryError('AccessDenied', 'Not authorized to perform sts:AssumeRole', 403),
    );
    const revoked = await runHealthCheck(bot.services, client);
    const again = await runHealthCheck(bot.services, client);
    expect(revoked.changed).toEqual([{ name: 'prod', status: 'disconnected' }]);
    expect(again.changed).toEqual([]);
    const posts = bot.slack.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.channel).toBe(PROD_CHANNEL);
    expect(String(posts[0]?.args.text)).toContain('*prod* is now disconnected');
    await audited('health-check', { result: 'error', connection: 'prod', actor: 'axiom' });

    answerHealthyAccount(bot.aws);
    const restored = await runHealthCheck(bot.services, client);
    expect(restored.changed).toEqual([{ name: 'prod', status: 'connected' }]);
    expect(String(bot.slack.callsOf('chat.postMessage')[1]?.args.text)).toContain(
      '*prod* is connected again',
    );
  });
});

describe('the signature helper matches Slack’s documented example', () => {
  it('signs v0:timestamp:body with HMAC-SHA256', () => {
    // From Slack's "Verifying requests from Slack" documentation.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(sign(body, 1531420618, '8f742231b10e8888abcd99yyyzzz85a5')).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });
});
