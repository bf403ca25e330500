/**
 * The scan job handler with a fake AWS and a fake Slack client: what reaches the channel, what is recorded and
 * what is retried when AWS or Slack fail.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsAccess, ScanInput, ScanOutcome } from '../../bot/aws-access.ts';
import type { ScanJob, SlackClient } from '../../bot/ports.ts';
import { createScanJobHandler, type WorkerServices } from '../../bot/worker.ts';
import {
  AxiomError,
  IN_MEMORY_DATA_DIR,
  keyringFromKeys,
  openStore,
  type Session,
  type Store,
} from '../../core/index.ts';
import { manyFindings, SAMPLE_CONTEXT, SAMPLE_FINDINGS } from '../core/report/sample-findings.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';

const CHANNEL = 'C0PROD001';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/axiom-readonly';
const EXTERNAL_ID = 'axm-BotTestExternalId0123456789abcde';

let store: Store;
let slack: FakeSlack;
let posts: { channel: string; text: string; thread_ts?: string; blocks?: readonly object[] }[];
let uploads: { channel_id: string; thread_ts?: string; filename: string; content: string }[];
let failPost: Error | undefined;
let failUpload: Error | undefined;
let assumeError: Error | undefined;
let scanError: Error | undefined;
/** Runs inside the fake scan, with what the worker passed it. */
let duringScan: ((input: ScanInput) => void) | undefined;
let outcome: ScanOutcome;
let logged: string[];

/** A Slack platform error as the Web API client throws it. */
function platformError(error: string): Error {
  return Object.assign(new Error(`An API error occurred: ${error}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error },
  });
}

const client: SlackClient = {
  views: { open: async () => ({}) },
  chat: {
    async postMessage(args) {
      if (failPost !== undefined && args.thread_ts === undefined) throw failPost;
      posts.push(args);
      return { ts: `17000000${posts.length}.0001` };
    },
  },
  async filesUploadV2(args) {
    if (failUpload !== undefined) throw failUpload;
    uploads.push(args);
    return { ok: true };
  },
};

const aws: AwsAccess = {
  async assume() {
    if (assumeError !== undefined) throw assumeError;
    return { drop: () => {} } as unknown as Session;
  },
  verify: async () => {
    throw new Error('unused');
  },
  async scan(input) {
    duringScan?.(input);
    if (scanError !== undefined) throw scanError;
    return outcome;
  },
};

function services(): WorkerServices {
  return {
    connections: store,
    audit: store,
    aws,
    clock: () => new Date(),
    logger: { info: () => {}, warn: () => {}, error: (message) => logged.push(message) },
    fetch,
  };
}

function job(overrides: Partial<ScanJob> = {}, responseUrl?: string): ScanJob {
  return {
    id: '11111111-2222-4333-8444-555555555555',
    request: {
      connection: 'prod',
      regions: [],
      services: ['s3'],
      requestedBy: 'U0MEMBER1',
      channel: CHANNEL,
      ...(responseUrl === undefined ? {} : { responseUrl }),
    },
    retryCount: 0,
    retryLimit: 2,
    isLastAttempt: false,
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function newestAudit() {
  return (await store.listAudit({ limit: 500 })).sort((a, b) => Number(b.id) - Number(a.id))[0];
}

beforeAll(async () => {
  store = await openStore({ dataDir: IN_MEMORY_DATA_DIR, keyring: keyringFromKeys('11'.repeat(32)) });
  slack = await startFakeSlack();
});
afterAll(async () => {
  await store.close();
  await slack.close();
});
beforeEach(async () => {
  posts = [];
  uploads = [];
  logged = [];
  failPost = undefined;
  failUpload = undefined;
  assumeError = undefined;
  scanError = undefined;
  duringScan = undefined;
  outcome = {
    findings: [...SAMPLE_FINDINGS],
    context: SAMPLE_CONTEXT,
    inventory: {} as ScanOutcome['inventory'],
  };
  await store.createConnection({
    name: 'prod',
    roleArn: ROLE_ARN,
    externalId: EXTERNAL_ID,
    regions: ['us-east-1'],
    allowedChannelIds: [CHANNEL],
    healthChannelId: CHANNEL,
    createdBy: 'U0ADMIN01',
  });
});
afterEach(async () => {
  slack.clear();
  await store.deleteConnection('prod');
});

describe('a scan job that works', () => {
  it('posts the Block Kit result and attaches the full report in its thread', async () => {
    const output = await createScanJobHandler(services(), client)(job());
    expect(output).toEqual({ status: 'completed', findings: SAMPLE_FINDINGS.length, coverageGaps: 2 });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe(CHANNEL);
    expect(JSON.stringify(posts[0]?.blocks)).toContain('Axiom scan: prod');
    expect(uploads).toEqual([
      expect.objectContaining({
        channel_id: CHANNEL,
        thread_ts: '170000001.0001',
        filename: 'axiom-scan-prod-2026-11-25-10-01-30.txt',
      }),
    ]);
    expect(uploads[0]?.content).toContain('iam.policy.passrole-star');
    expect(await newestAudit()).toMatchObject({
      command: 'scan',
      result: 'ok',
      actor: 'U0MEMBER1',
      connection: 'prod',
    });
    expect(await store.getConnection('prod')).toMatchObject({ status: 'connected' });
  });

  it('puts the report in the thread when the upload fails (no files:write scope)', async () => {
    failUpload = platformError('missing_scope');
    outcome = { ...outcome, findings: manyFindings(300) };
    await createScanJobHandler(services(), client)(job());
    const thread = posts.filter((post) => post.thread_ts === '170000001.0001');
    expect(thread[0]?.text).toMatch(
      /^Could not attach the full report as a file \(.*missing_scope\); here it is, cut to fit\.$/,
    );
    expect(thread.length).toBeGreaterThan(2);
    expect(thread.length).toBeLessThanOrEqual(9);
    expect(thread.slice(1).every((post) => post.text.length <= 3600)).toBe(true);
    expect((await newestAudit())?.detail).toContain('report upload failed');
  });
});

describe('when AWS refuses', () => {
  it('a role that cannot be assumed is explained in the channel, recorded, and not retried', async () => {
    assumeError = Object.assign(
      new AxiomError(
        'assume_role_denied',
        `Could not assume ${ROLE_ARN} (sts:AssumeRole in us-east-1): STS refused (AccessDenied).`,
      ),
      { awsCode: 'AccessDenied' },
    );
    const output = await createScanJobHandler(services(), client)(job());
    expect(output).toEqual({ status: 'cannot-connect' });
    expect(posts[0]?.text).toMatch(/^❌ Could not scan \*prod\*: .+\n.+\n\*Fix:\* /);
    expect(await store.getConnection('prod')).toMatchObject({ status: 'disconnected' });
    expect(await newestAudit()).toMatchObject({ command: 'scan', result: 'error' });
  });

  it('STS unreachable is retried while attempts remain, then reported', async () => {
    assumeError = new AxiomError(
      'sts_unreachable',
      'Could not assume the role: no answer from STS (ECONNREFUSED).',
    );
    await expect(createScanJobHandler(services(), client)(job())).rejects.toThrow('no answer from STS');
    expect(posts).toEqual([]);
    expect((await newestAudit())?.detail).toMatch(
      /attempt 1 failed: .*no answer from STS.*; it will be retried/,
    );
    const output = await createScanJobHandler(
      services(),
      client,
    )(job({ retryCount: 2, isLastAttempt: true }));
    expect(output).toEqual({ status: 'cannot-connect' });
    expect(posts[0]?.text).toContain('Could not scan *prod*');
  });
});

describe('when something else fails', () => {
  it('a failing scan is recorded and retried; on the last attempt the channel is told', async () => {
    scanError = new Error('socket hang up');
    const handler = createScanJobHandler(services(), client);
    await expect(handler(job())).rejects.toThrow('socket hang up');
    expect(posts).toEqual([]);
    await expect(handler(job({ retryCount: 2, isLastAttempt: true }))).rejects.toThrow('socket hang up');
    expect(posts).toEqual([{ channel: CHANNEL, text: '❌ The scan of *prod* failed: socket hang up' }]);
    expect((await newestAudit())?.detail).toBe(
      'job 11111111-2222-4333-8444-555555555555 attempt 3 failed: socket hang up',
    );
  });

  it('when the bot cannot post in the channel, the result goes through the response URL', async () => {
    failPost = platformError('not_in_channel');
    const output = await createScanJobHandler(services(), client)(job({}, slack.responseUrl()));
    expect(output).toMatchObject({ status: 'completed' });
    await slack.waitFor((calls) => calls.some((call) => call.method === 'response'));
    const [response] = slack.callsOf('response');
    expect(response?.args).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(response?.args.blocks)).toContain('Axiom scan: prod');
    expect(uploads).toEqual([]);
    expect((await newestAudit())?.detail).toMatch(/; posted through the response URL \(.*not_in_channel\)$/);
  });

  it('without a response URL the failure to deliver is recorded, not retried', async () => {
    failPost = platformError('channel_not_found');
    const output = await createScanJobHandler(services(), client)(job());
    expect(output).toMatchObject({ status: 'completed' });
    expect((await newestAudit())?.detail).toMatch(/; the result could not be posted: .*channel_not_found$/);
  });

  it('a job past its time limit does not post: the queue has handed it to another attempt', async () => {
    const expired = new AbortController();
    expired.abort();
    await expect(createScanJobHandler(services(), client)(job({ signal: expired.signal }))).rejects.toThrow(
      'outlived its time limit',
    );
    expect(posts).toEqual([]);
  });

  it('a job reaching its time limit mid-scan cancels the scan through its signal, and does not post', async () => {
    const limit = new AbortController();
    let scanSignal: AbortSignal | undefined;
    duringScan = (input) => {
      scanSignal = input.signal;
      limit.abort();
      // What runScan does once its signal aborts.
      scanError = new AxiomError('scan_cancelled', 'The scan was cancelled before it finished.');
    };
    await expect(
      createScanJobHandler(services(), client)(job({ signal: limit.signal })),
    ).rejects.toMatchObject({
      code: 'scan_job_expired',
    });
    expect(scanSignal).toBe(limit.signal);
    expect(posts).toEqual([]);
  });

  it('a connection removed before its job ran is reported and not retried', async () => {
    await store.deleteConnection('prod');
    const output = await createScanJobHandler(services(), client)(job());
    expect(output).toEqual({ status: 'connection-removed' });
    expect(posts[0]?.text).toBe('The scan of *prod* was dropped: the connection was removed before it ran.');
  });
});
