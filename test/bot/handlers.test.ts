/**
 * The handlers called directly with fake Bolt arguments (ack, respond, client), as bolt-js tests its listeners:
 * no app, no HTTP. The store is a real one in memory; AWS is a fake `AwsAccess`.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsAccess } from '../../bot/aws-access.ts';
import { confirmRotation } from '../../bot/listeners/actions/confirm-rotation.ts';
import type { SlashCommandPayload } from '../../bot/listeners/commands/command-args.ts';
import { dispatchCommand } from '../../bot/listeners/commands/dispatch.ts';
import { connectSubmission } from '../../bot/listeners/views/connect-submission.ts';
import type { SlackClient, SlackReply } from '../../bot/ports.ts';
import { parseRotationValue } from '../../bot/rotation.ts';
import type { BotServices } from '../../bot/services.ts';
import {
  AxiomError,
  IN_MEMORY_DATA_DIR,
  keyringFromKeys,
  openStore,
  type Session,
  type Store,
  type VerifyReport,
} from '../../core/index.ts';

const ADMIN = 'U0ADMIN01';
const MEMBER = 'U0MEMBER1';
const CHANNEL = 'C0PROD001';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/axiom-readonly';
const EXTERNAL_ID = 'axm-BotTestExternalId0123456789abcde';

/** Everything the fakes saw, in order. */
let events: string[];
let replies: (string | SlackReply)[];
let views: { trigger_id: string; view: { callback_id?: string; private_metadata?: string } }[];
let posts: { channel: string; text: string; blocks?: readonly object[] }[];
let store: Store;
let assumeWith: string[];
let assumeFails: boolean;

function fakeSession(): Session {
  return {
    drop: () => events.push('drop'),
    credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 's' }),
  } as unknown as Session;
}

const HEALTHY: VerifyReport = {
  roleArn: ROLE_ARN,
  health: 'healthy',
  identity: { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/axiom-readonly/s' },
  probes: [{ client: 'EC2', action: 'ec2:DescribeInstances', status: 'ok', items: 1 }],
  diagnoses: [],
};

const aws: AwsAccess = {
  async assume(role) {
    events.push('aws.assume');
    assumeWith.push(role.externalId);
    if (assumeFails)
      throw Object.assign(
        new AxiomError('assume_role_denied', 'Could not assume the role: STS refused (AccessDenied).'),
        {
          awsCode: 'AccessDenied',
        },
      );
    return fakeSession();
  },
  async verify() {
    events.push('aws.verify');
    return HEALTHY;
  },
  async scan() {
    throw new Error('not used here');
  },
};

const client: SlackClient = {
  views: {
    async open(args) {
      events.push('views.open');
      views.push(args as (typeof views)[number]);
      return { ok: true };
    },
  },
  chat: {
    async postMessage(args) {
      events.push('chat.postMessage');
      posts.push(args);
      return { ts: '1.2' };
    },
  },
  async filesUploadV2() {
    events.push('filesUploadV2');
    return { ok: true };
  },
};

function services(): BotServices {
  return {
    admins: new Set([ADMIN]),
    connections: store,
    audit: store,
    queue: {
      async enqueueScan(request) {
        events.push(`enqueue ${request.connection} ${request.regions.join(',')}`);
        return { ok: true, jobId: '00000000-0000-4000-8000-000000000001' };
      },
    },
    aws,
    onboarding: { scannerAccountId: '999988887777', templateUrl: undefined, defaultRegions: ['us-east-1'] },
    newExternalId: () => EXTERNAL_ID,
    clock: () => new Date('2026-11-25T12:00:00Z'),
    logger: { info: () => {}, warn: () => {}, error: (message) => events.push(`log.error ${message}`) },
    fetch,
  };
}

/** Runs `/axiom <text>` through the dispatcher with fake arguments. */
async function run(text: string, user = ADMIN, channel = CHANNEL): Promise<void> {
  const command: SlashCommandPayload = {
    user_id: user,
    channel_id: channel,
    text,
    trigger_id: 'trigger-1',
    response_url: 'https://hooks.slack.com/commands/T0/1/x',
  };
  await dispatchCommand(
    {
      command,
      ack: async (reply) => {
        events.push('ack');
        if (reply !== undefined) replies.push(reply);
      },
      respond: async (reply) => {
        events.push('respond');
        replies.push(reply);
      },
      client,
    },
    services(),
  );
}

function replyText(index = -1): string {
  const reply = replies.at(index);
  return typeof reply === 'string' ? reply : (reply?.text ?? '');
}

async function audit() {
  return (await store.listAudit({ limit: 500 })).sort((a, b) => Number(b.id) - Number(a.id));
}

async function saveProd(channels = [CHANNEL]): Promise<void> {
  await store.createConnection({
    name: 'prod',
    roleArn: ROLE_ARN,
    externalId: EXTERNAL_ID,
    regions: ['us-east-1'],
    allowedChannelIds: channels,
    healthChannelId: CHANNEL,
    createdBy: ADMIN,
  });
}

beforeAll(async () => {
  store = await openStore({ dataDir: IN_MEMORY_DATA_DIR, keyring: keyringFromKeys('00'.repeat(32)) });
});
afterAll(async () => {
  await store.close();
});
beforeEach(() => {
  events = [];
  replies = [];
  views = [];
  posts = [];
  assumeWith = [];
  assumeFails = false;
});
afterEach(async () => {
  // The audit log is append-only; connections are removed so each test starts without any.
  for (const connection of await store.listConnections()) await store.deleteConnection(connection.name);
});

describe('every handler acknowledges first', () => {
  it.each([
    'help',
    'list',
    'connect',
    'scan prod',
    'revoke-status',
    'disconnect prod',
    'rotate-external-id prod',
    'audit',
    'nonsense',
  ])('/axiom %s', async (text) => {
    await saveProd();
    events = [];
    await run(text);
    expect(events[0]).toBe('ack');
    expect(events.filter((event) => event === 'ack')).toHaveLength(1);
  });
});

describe('help, list and audit', () => {
  it('help answers in the ack itself', async () => {
    await run('help', MEMBER);
    expect(events).toEqual(['ack']);
    expect(replyText()).toContain('`/axiom scan <name> [regions...] [--services s3,ec2,...]`');
  });

  it('list shows a member only the connections usable in this channel; an admin sees all', async () => {
    await saveProd(['C0ELSEWHERE']);
    await run('list', MEMBER);
    expect(replyText()).toBe(
      'No connection may be scanned in this channel. An Axiom admin can connect one, or allow this channel.',
    );
    await run('list', ADMIN);
    expect(replyText()).toContain('*prod* · ⚪ not checked yet · us-east-1 · scans in <#C0ELSEWHERE>');
  });

  it('audit is for admins; it shows the newest entries with who, what and the outcome', async () => {
    await run('audit', MEMBER);
    expect(replyText()).toContain('Only Axiom admins may run `/axiom audit`');
    await run('help', MEMBER);
    await run('audit', ADMIN);
    const text = replyText();
    expect(text).toContain('*Audit log*, newest first');
    expect(text).toMatch(/`2026-\d\d-\d\d \d\d:\d\d UTC` ✅ <@U0MEMBER1> help/);
    expect(text).toContain('⛔ <@U0MEMBER1> audit: not an admin');
  });
});

describe('connect', () => {
  it('opens the modal right after the ack, before anything else', async () => {
    await run('connect prod');
    expect(events.slice(0, 2)).toEqual(['ack', 'views.open']);
    expect(views[0]?.trigger_id).toBe('trigger-1');
    expect(views[0]?.view.callback_id).toBe('axiom_connect');
    expect(JSON.parse(views[0]?.view.private_metadata ?? '{}')).toMatchObject({
      channel: CHANNEL,
      externalId: EXTERNAL_ID,
    });
  });

  it('denies a non-admin and records it', async () => {
    await run('connect', MEMBER);
    expect(views).toEqual([]);
    expect((await audit())[0]).toMatchObject({ actor: MEMBER, command: 'connect', result: 'denied' });
  });

  it('a submission saves, verifies and posts the result; the name must be free', async () => {
    const submit = async () => {
      const acks: unknown[] = [];
      await connectSubmission(
        {
          ack: async (response) => {
            acks.push(response);
          },
          body: { user: { id: ADMIN } },
          view: {
            private_metadata: JSON.stringify({ channel: CHANNEL, externalId: EXTERNAL_ID }),
            state: {
              values: {
                connection_name: { value: { value: 'prod' } },
                role_arn: { value: { value: ` ${ROLE_ARN} ` } },
                regions: { value: { value: 'us-east-1' } },
                scan_channels: { value: { selected_conversations: [CHANNEL] } },
              },
            },
          },
          client,
        },
        services(),
      );
      return acks;
    };
    expect(await submit()).toEqual([undefined]);
    expect(events).toEqual(['aws.verify', 'chat.postMessage']);
    expect(posts[0]).toMatchObject({ channel: CHANNEL, text: expect.stringContaining('prod is connected') });
    expect(await store.getConnection('prod')).toMatchObject({
      roleArn: ROLE_ARN,
      externalId: EXTERNAL_ID,
      status: 'connected',
    });
    expect(await submit()).toEqual([
      {
        response_action: 'errors',
        errors: {
          connection_name:
            "a connection named 'prod' already exists; choose another name or disconnect it first",
        },
      },
    ]);
  });
});

describe('scan', () => {
  it('acks, then queues with the connection’s regions when none are given', async () => {
    await saveProd();
    await run('scan prod');
    expect(events).toEqual(['ack', 'enqueue prod us-east-1', 'respond']);
    expect(replies[0]).toEqual({ text: 'Checking `/axiom scan prod`…', response_type: 'ephemeral' });
    expect(replies[1]).toMatchObject({ response_type: 'in_channel' });
    expect((await audit())[0]).toMatchObject({ command: 'scan', result: 'ok', connection: 'prod' });
  });

  it('is refused outside the connection’s channels, saying no more than for an unknown name', async () => {
    await saveProd(['C0ELSEWHERE']);
    await run('scan prod', MEMBER);
    const refused = replyText();
    await run('scan nothing', MEMBER);
    expect(replyText().replace('nothing', 'prod')).toBe(refused);
    expect(events.some((event) => event.startsWith('enqueue'))).toBe(false);
    const [unknown, denied] = await audit();
    expect(unknown).toMatchObject({ connection: 'nothing', result: 'invalid' });
    expect(denied).toMatchObject({ connection: 'prod', result: 'denied' });
  });
});

describe('disconnect', () => {
  it('deletes the role ARN and External ID and reminds the admin to delete the role', async () => {
    await saveProd();
    await run('disconnect prod');
    expect(await store.getConnection('prod')).toBeUndefined();
    expect(replyText()).toContain('Axiom deleted its role ARN and External ID');
    expect(replyText()).toContain('Now delete the role *axiom-readonly* in account 111122223333');
  });

  it('is admin-only', async () => {
    await saveProd();
    await run('disconnect prod', MEMBER);
    expect(await store.getConnection('prod')).toBeDefined();
  });
});

describe('rotate-external-id', () => {
  async function start(): Promise<string> {
    await saveProd();
    await run('rotate-external-id prod');
    const reply = replies.at(-1) as SlackReply;
    const actions = reply.blocks?.at(-1) as { elements: { value: string }[] };
    return actions.elements[0]?.value ?? '';
  }

  async function click(value: string, user = ADMIN): Promise<void> {
    await confirmRotation(
      {
        ack: async () => {
          events.push('ack');
        },
        body: { user: { id: user } },
        action: { value },
        respond: async (reply) => {
          replies.push(reply);
        },
      },
      services(),
    );
  }

  it('switches only after the role accepts the new External ID', async () => {
    const value = await start();
    const token = parseRotationValue(value);
    expect(token).toMatchObject({ connection: 'prod', previous: EXTERNAL_ID });
    expect((await store.getConnection('prod'))?.externalId).toBe(EXTERNAL_ID);

    assumeFails = true;
    await click(value);
    expect(replyText()).toContain('does not accept the new External ID yet');
    expect((await store.getConnection('prod'))?.externalId).toBe(EXTERNAL_ID);

    assumeFails = false;
    await click(value);
    expect(assumeWith).toEqual([token?.next, token?.next]);
    expect(replyText()).toContain('now uses its new External ID');
    expect((await store.getConnection('prod'))?.externalId).toBe(token?.next);

    // The same button again is out of date: the stored ID is no longer the one it replaces.
    await click(value);
    expect(replyText()).toContain('This rotation is out of date');
  });

  it('refuses a non-admin click', async () => {
    const value = await start();
    await click(value, MEMBER);
    expect(replyText()).toBe('Only Axiom admins may rotate External IDs.');
    expect(assumeWith).toEqual([]);
  });
});

describe('a handler that fails unexpectedly', () => {
  it('still answers the user and records the error', async () => {
    const broken = services();
    broken.connections = {
      ...store,
      listConnections: async () => Promise.reject(new Error('database is gone')),
    };
    await dispatchCommand(
      {
        command: {
          user_id: ADMIN,
          channel_id: CHANNEL,
          text: 'list',
          trigger_id: 't',
          response_url: 'https://x',
        },
        ack: async (reply) => {
          events.push('ack');
          if (reply !== undefined) replies.push(reply);
        },
        respond: async (reply) => {
          replies.push(reply);
        },
        client,
      },
      broken,
    );
    expect(replyText()).toBe('`/axiom list` failed: database is gone');
    expect((await audit())[0]).toMatchObject({
      command: 'list',
      result: 'error',
      detail: 'database is gone',
    });
  });
});
