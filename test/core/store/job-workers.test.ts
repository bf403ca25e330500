/**
 * The production path: several worker processes sharing one Postgres queue, and a worker killed mid-job.
 * Postgres only (the embedded store serves one process), skipped without a configured server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import {
  createJobQueue,
  type JobQueue,
  type JobQueueOptions,
  type ScanJobInfo,
} from '../../../core/store/job-queue.ts';
import type { Store } from '../../../core/store/store.ts';
import { describePostgres, type StoreLocation } from '../../helpers/postgres.ts';
import type { WorkerEvent } from './fixtures/scan-worker.ts';
import { KEY_A, openAt, sampleConnection } from './store-support.ts';

const WORKER = join(import.meta.dirname, 'fixtures', 'scan-worker.ts');

/** A running worker process and everything it has reported. */
interface Worker {
  child: ChildProcess;
  pid: number;
  events: WorkerEvent[];
  exited: Promise<void>;
}

const running: Worker[] = [];

function startWorker(
  location: StoreLocation,
  settings: {
    queue: string;
    concurrency?: number;
    sleepMs?: number;
    expireInSeconds: number;
    hang?: boolean;
  },
): Worker {
  const config = {
    databaseUrl: location.databaseUrl,
    schema: location.schema,
    key: KEY_A,
    concurrency: 2,
    sleepMs: 300,
    hang: false,
    ...settings,
  };
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, AXIOM_TEST_WORKER: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: WorkerEvent[] = [];
  if (child.stdout)
    createInterface({ input: child.stdout }).on('line', (line) => events.push(JSON.parse(line)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const worker = { child, pid: child.pid ?? -1, events, exited };
  running.push(worker);
  return worker;
}

async function until<T>(what: string, read: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function finished(queue: JobQueue, id: string): Promise<ScanJobInfo> {
  return until(`job ${id} to finish`, async () => {
    const job = await queue.getJob(id);
    return job?.state === 'completed' || job?.state === 'failed' ? job : undefined;
  });
}

afterEach(async () => {
  for (const worker of running.splice(0)) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
    await worker.exited;
  }
});

describePostgres('scan workers in separate processes', (database) => {
  let location: StoreLocation;
  let store: Store;

  it('three processes start together on a fresh schema, share the queue, and run each job exactly once', async () => {
    location = database().freshLocation();
    const options = { queue: 'scan', expireInSeconds: 30 };
    // Started before anything exists: the three race to create the store's schema and pg-boss's.
    const workers = [
      startWorker(location, options),
      startWorker(location, options),
      startWorker(location, options),
    ];
    const ready = await until('three ready workers', () => {
      const events = workers.flatMap((w) => w.events.filter((e) => e.event === 'ready'));
      return events.length === 3 ? events : undefined;
    });
    expect(ready.filter((e) => e.event === 'ready' && e.migrated.length > 0)).toHaveLength(1);

    store = await openAt(location);
    expect(store.migrations.applied).toEqual([]);
    const queue = await createJobQueue(store, {
      ...options,
      superviseIntervalSeconds: 1,
      pollingIntervalSeconds: 0.5,
    });
    const names = Array.from({ length: 12 }, (_, i) => `acct-${i}`);
    for (const name of names) await store.createConnection(sampleConnection({ name }));
    const ids: string[] = [];
    for (const name of names) {
      const queued = await queue.enqueueScan({
        connection: name,
        regions: [],
        services: [],
        requestedBy: 'U1',
        channel: 'C1',
      });
      if (!queued.ok) throw new Error(`enqueue ${name}: ${queued.reason}`);
      ids.push(queued.jobId);
    }

    const jobs = await Promise.all(ids.map((id) => finished(queue, id)));
    expect(jobs.map((job) => job.state)).toEqual(ids.map(() => 'completed'));
    expect(new Set(jobs.map((job) => job.output?.accountId))).toEqual(new Set(['123456789012']));

    const started = workers.flatMap((w) => w.events.flatMap((e) => (e.event === 'started' ? [e] : [])));
    expect(started.map((e) => e.jobId).sort()).toEqual([...ids].sort());
    expect(started.every((e) => e.retryCount === 0)).toBe(true);
    // Each job ran in the process that reported it, and the work was shared.
    for (const job of jobs) expect(started.find((e) => e.jobId === job.id)?.pid).toBe(job.output?.pid);
    expect(new Set(started.map((e) => e.pid)).size).toBeGreaterThan(1);
    await store.close();
  });

  it('a worker killed mid-job loses no job: after its expiry another worker runs it', async () => {
    store = await openAt(location);
    const options: JobQueueOptions = { queue: 'scan-kill', expireInSeconds: 3, superviseIntervalSeconds: 1 };
    const queue = await createJobQueue(store, {
      ...options,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 0,
      retryBackoff: false,
    });
    const doomed = startWorker(location, { queue: 'scan-kill', expireInSeconds: 3, hang: true });
    await until('the doomed worker to be ready', () => doomed.events.find((e) => e.event === 'ready'));

    const queued = await queue.enqueueScan({
      connection: 'acct-0',
      regions: [],
      services: [],
      requestedBy: 'U1',
      channel: 'C1',
    });
    if (!queued.ok) throw new Error(queued.reason);
    await until('the doomed worker to take the job', () =>
      doomed.events.find((e) => e.event === 'started' && e.jobId === queued.jobId),
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    expect(await queue.getJob(queued.jobId)).toMatchObject({ state: 'active', retryCount: 0 });
    // While it is stuck, the connection still counts as busy.
    expect(
      await queue.enqueueScan({
        connection: 'acct-0',
        regions: [],
        services: [],
        requestedBy: 'U1',
        channel: 'C1',
      }),
    ).toMatchObject({
      ok: false,
      reason: 'busy',
      jobId: queued.jobId,
    });

    const rescuer = startWorker(location, { queue: 'scan-kill', expireInSeconds: 3 });
    const job = await finished(queue, queued.jobId);
    expect(job).toMatchObject({ state: 'completed', retryCount: 1, output: { pid: rescuer.pid } });
    expect(rescuer.events).toContainEqual(
      expect.objectContaining({ event: 'started', jobId: queued.jobId, retryCount: 1 }),
    );
    await store.close();
  });
});
