import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createJobQueue,
  type JobQueue,
  type JobQueueOptions,
  type ScanJob,
  type ScanJobInfo,
} from '../../../core/store/job-queue.ts';
import type { ScanRequest } from '../../../core/store/scan-request.ts';
import type { Store } from '../../../core/store/store.ts';
import { describeEachBackend, type StoreLocation } from '../../helpers/postgres.ts';
import { EXTERNAL_ID, openAt, ROLE_ARN, sampleConnection } from './store-support.ts';

/** Fast timings for tests: expiry found within a second, idle workers poll twice a second, no backoff waits. */
const FAST: JobQueueOptions = {
  superviseIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
  retryDelaySeconds: 0,
  retryBackoff: false,
};

function request(connection: string, overrides: Partial<ScanRequest> = {}): ScanRequest {
  return {
    connection,
    regions: ['us-east-1'],
    services: ['s3'],
    requestedBy: 'U0DEV22',
    channel: 'C0PROD1',
    responseUrl: 'https://hooks.slack.com/commands/T0/1/abc',
    ...overrides,
  };
}

/** Polls until `read` returns a job in one of `states` (the queue works in the background). */
async function settled(
  queue: JobQueue,
  id: string,
  states: ScanJobInfo['state'][] = ['completed', 'failed'],
) {
  for (let i = 0; i < 300; i++) {
    const job = await queue.getJob(id);
    if (job !== undefined && states.includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not reach ${states.join(' or ')}`);
}

describeEachBackend('scan job queue', (database) => {
  let location: StoreLocation;
  let store: Store;
  const queues: JobQueue[] = [];

  async function queue(options: JobQueueOptions): Promise<JobQueue> {
    const created = await createJobQueue(store, { ...FAST, ...options });
    queues.push(created);
    return created;
  }

  beforeAll(async () => {
    location = database().freshLocation();
    store = await openAt(location);
    for (const name of ['prod', 'staging', 'dev', 'slow', 'later'])
      await store.createConnection(sampleConnection({ name }));
  });
  afterAll(async () => {
    await store.close();
  });

  it('queues one scan per connection at a time and refuses bad requests', async () => {
    const scans = await queue({ queue: 'scan-enqueue' });
    const first = await scans.enqueueScan(request('Prod'));
    if (!first.ok) throw new Error(`enqueue failed: ${first.reason}`);
    const second = await scans.enqueueScan(request('prod', { regions: ['eu-west-1'] }));
    expect(second).toEqual({ ok: false, reason: 'busy', jobId: first.jobId, state: 'queued' });
    expect((await scans.enqueueScan(request('staging'))).ok).toBe(true);
    expect(await scans.enqueueScan(request('nope'))).toEqual({ ok: false, reason: 'unknown_connection' });
    expect(
      await scans.enqueueScan(request('prod', { regions: ['us-east-1a'], services: ['S3!'] })),
    ).toMatchObject({
      ok: false,
      reason: 'invalid',
      problems: [expect.stringContaining('availability zone'), expect.stringContaining('not a service name')],
    });

    expect(await scans.getJob(first.jobId)).toMatchObject({
      id: first.jobId,
      state: 'queued',
      request: { ...request('prod'), connection: 'prod' },
      retryCount: 0,
      retryLimit: 2,
    });
    expect(await scans.getJob('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await scans.getJob('not-an-id')).toBeUndefined();
  });

  // Independent queues and connections, and mostly waiting: run side by side.
  describe.concurrent('attempts', () => {
    it('retries a failed attempt, then completes with the handler’s output', async () => {
      const scans = await queue({ queue: 'scan-retry', retryLimit: 2 });
      const seen: Pick<ScanJob, 'retryCount' | 'isLastAttempt'>[] = [];
      await scans.work(async (job) => {
        seen.push({ retryCount: job.retryCount, isLastAttempt: job.isLastAttempt });
        if (job.retryCount === 0) throw new Error('ThrottlingException: Rate exceeded');
        return { findings: 3, connection: job.request.connection, note: `assumed ${ROLE_ARN}` };
      });
      const queued = await scans.enqueueScan(request('staging'));
      if (!queued.ok) throw new Error(queued.reason);
      const job = await settled(scans, queued.jobId);
      expect(job).toMatchObject({
        state: 'completed',
        retryCount: 1,
        output: { findings: 3, connection: 'staging', note: 'assumed [redacted]' },
      });
      expect(job.completedAt).toBeInstanceOf(Date);
      expect(seen).toEqual([
        { retryCount: 0, isLastAttempt: false },
        { retryCount: 1, isLastAttempt: false },
      ]);
      // Finished, so the connection may be scanned again.
      expect((await scans.enqueueScan(request('staging'))).ok).toBe(true);
    });

    it('fails for good after the last retry, with the error for the channel', async () => {
      const scans = await queue({ queue: 'scan-fail', retryLimit: 1 });
      const lastAttempts: boolean[] = [];
      await scans.work(async (job) => {
        lastAttempts.push(job.isLastAttempt);
        throw new Error(`AccessDenied: not authorized to assume ${ROLE_ARN} with ExternalId ${EXTERNAL_ID}`);
      });
      const queued = await scans.enqueueScan(request('dev'));
      if (!queued.ok) throw new Error(queued.reason);
      const job = await settled(scans, queued.jobId);
      expect(job).toMatchObject({
        state: 'failed',
        retryCount: 1,
        error: 'AccessDenied: not authorized to assume [redacted] with ExternalId [redacted]',
      });
      // What pg-boss stored for the attempts (message and stack) holds neither secret.
      const raw = await store.sql.query(`SELECT j::text AS row FROM ${location.schema}_jobs.job j`);
      const dump = raw.map((r) => String(r.row)).join('\n');
      expect(dump).toContain('AccessDenied');
      expect(dump).not.toContain(ROLE_ARN);
      expect(dump).not.toContain(EXTERNAL_ID);
      expect(lastAttempts).toEqual([false, true]);
    });

    it('stops a job at its time limit (the signal aborts) and retries it', async () => {
      const scans = await queue({ queue: 'scan-expire', retryLimit: 1, expireInSeconds: 1 });
      const aborted: boolean[] = [];
      await scans.work(async (job) => {
        if (job.retryCount === 0) {
          // A hung scan: waits until the queue gives up on it.
          await new Promise<void>((resolve) =>
            job.signal.addEventListener('abort', () => resolve(), { once: true }),
          );
          aborted.push(job.signal.aborted);
          throw new Error('aborted');
        }
        return { ok: true };
      });
      const queued = await scans.enqueueScan(request('slow'));
      if (!queued.ok) throw new Error(queued.reason);
      expect(await settled(scans, queued.jobId)).toMatchObject({ state: 'completed', retryCount: 1 });
      expect(aborted).toEqual([true]);
    });
  });

  it('keeps a queued job across a restart: enqueue, close everything, reopen, a worker gets it', async () => {
    const before = await queue({ queue: 'scan-durable' });
    const queued = await before.enqueueScan(request('later'));
    if (!queued.ok) throw new Error(queued.reason);
    await store.close();

    store = await openAt(location);
    const after = await queue({ queue: 'scan-durable' });
    expect(await after.getJob(queued.jobId)).toMatchObject({ state: 'queued' });
    const handled: string[] = [];
    await after.work(async (job) => {
      handled.push(job.id);
      return { done: true };
    });
    expect(await settled(after, queued.jobId)).toMatchObject({ state: 'completed', output: { done: true } });
    expect(handled).toEqual([queued.jobId]);
    await after.close();
  });
});
