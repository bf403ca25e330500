/**
 * Durable scan jobs on pg-boss, in the store's database: PGlite through pg-boss's PGlite adapter, or Postgres
 * where any number of worker processes share the queue. The queue's `exclusive` policy keyed by connection
 * name allows one queued-or-running scan per connection; a failed job is retried with backoff; a job that
 * outlives `expireInSeconds` (a hung scan, or a worker killed mid-job) is failed and retried elsewhere.
 * Jobs carry the connection's name, never its secrets, and what they store is scrubbed of them.
 */
import { fromPglite, type JobWithMetadata, PgBoss } from 'pg-boss';
import { AxiomError } from '../errors.ts';
import { redactJobError, redactJobOutput } from './job-redaction.ts';
import {
  normalizeScanRequest,
  parseScanRequest,
  type ScanRequest,
  scanRequestProblems,
} from './scan-request.ts';
import type { Store } from './store.ts';
import { internalsOf } from './store-internals.ts';

/** How the queue behaves. Every process sharing a queue should use the same values. */
export interface JobQueueOptions {
  /** Queue name (default `scan`). */
  queue?: string;
  /** Schema for pg-boss's tables (default: the store's schema with `_jobs` appended). */
  schema?: string;
  /** Retries after the first attempt fails (default 2). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30). */
  retryDelaySeconds?: number;
  /** Double the delay (with jitter) for each further retry (default true). */
  retryBackoff?: boolean;
  /** Longest a job may run before it is failed and retried (default 900). */
  expireInSeconds?: number;
  /** How often expired jobs are looked for (default 60). */
  superviseIntervalSeconds?: number;
  /** How often an idle worker looks for work (default 2, at least 0.5). */
  pollingIntervalSeconds?: number;
  /** How long finished jobs are kept for `getJob` (default 7 days). */
  keepFinishedSeconds?: number;
  /** Most Postgres connections pg-boss opens in this process (default 5). */
  poolSize?: number;
  /** Called with background errors (a lost connection, a failed maintenance pass). Default: ignored. */
  onError?: (error: Error) => void;
}

/** Where a job is in its life. */
export type ScanJobState = 'queued' | 'active' | 'retry' | 'completed' | 'failed' | 'cancelled';

/** What a handler returns: stored with the job and shown by `getJob` (JSON). */
export type ScanJobOutput = Readonly<Record<string, unknown>>;

/** Result of `enqueueScan`. */
export type EnqueueScanResult =
  | {
      /** Queued. */
      ok: true;
      /** The new job, for `getJob`. */
      jobId: string;
    }
  | {
      /** Not queued: the connection already has a scan queued, waiting for a retry, or running. */
      ok: false;
      /** Why. */
      reason: 'busy';
      /** The job in the way (undefined if it finished in the meantime: try again). */
      jobId: string | undefined;
      /** Where that job is. */
      state: ScanJobState | undefined;
    }
  | {
      /** Not queued: no connection by that name. */
      ok: false;
      /** Why. */
      reason: 'unknown_connection';
    }
  | {
      /** Not queued: the request is malformed. */
      ok: false;
      /** Why. */
      reason: 'invalid';
      /** What is wrong, one sentence each. */
      problems: string[];
    };

/** A job as the bot shows it. */
export interface ScanJobInfo {
  /** Job id. */
  id: string;
  /** Where it is. */
  state: ScanJobState;
  /** What was asked (undefined if the stored data is not a scan request). */
  request: ScanRequest | undefined;
  /** Attempts that have started, minus one (0 on the first attempt). */
  retryCount: number;
  /** Retries allowed. */
  retryLimit: number;
  /** When it was queued. */
  createdAt: Date;
  /** When its current or last attempt started. */
  startedAt: Date | undefined;
  /** When it completed or finally failed. */
  completedAt: Date | undefined;
  /** What the handler returned, once completed. */
  output: ScanJobOutput | undefined;
  /** Why the last attempt failed, when it did. */
  error: string | undefined;
}

/** A job handed to a worker. */
export interface ScanJob {
  /** Job id. */
  id: string;
  /** What to scan. */
  request: ScanRequest;
  /** Which attempt this is, from 0. */
  retryCount: number;
  /** Retries allowed. */
  retryLimit: number;
  /** True when a failure now is final (no retry follows): the moment to tell the channel. */
  isLastAttempt: boolean;
  /** Aborted when the job's time is up or the worker stops; pass it to every AWS call. */
  signal: AbortSignal;
}

/** Runs one scan job. Throwing fails the attempt (it is retried); returning completes the job. */
export type ScanHandler = (job: ScanJob) => Promise<ScanJobOutput | undefined>;

/** How a process works the queue. */
export interface WorkOptions {
  /** Jobs this process runs at once (default 1). */
  concurrency?: number;
}

/** A scan-job queue on a store's database. */
export interface JobQueue {
  /** The queue's name. */
  readonly queue: string;
  /** Queues a scan unless the connection already has one queued or running. */
  enqueueScan(request: ScanRequest): Promise<EnqueueScanResult>;
  /** A job by id, or undefined when there is none (or it has been cleaned up). */
  getJob(id: string): Promise<ScanJobInfo | undefined>;
  /** Starts working the queue in this process; returns the worker id. */
  work(handler: ScanHandler, options?: WorkOptions): Promise<string>;
  /** Stops working (running jobs get `graceSeconds` to finish, else they are retried later) and disconnects. */
  close(options?: { graceSeconds?: number }): Promise<void>;
}

const STATES: Readonly<Record<JobWithMetadata['state'], ScanJobState>> = {
  created: 'queued',
  retry: 'retry',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

function record(value: unknown): ScanJobOutput | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : undefined;
}

function infoOf(job: JobWithMetadata<unknown>): ScanJobInfo {
  const state = STATES[job.state];
  const output = record(job.output);
  const message = output?.message;
  const failed = state === 'failed' || state === 'retry';
  return {
    id: job.id,
    state,
    request: parseScanRequest(job.data),
    retryCount: job.retryCount,
    retryLimit: job.retryLimit,
    createdAt: job.createdOn,
    startedAt: job.startedOn ?? undefined,
    completedAt: job.completedOn ?? undefined,
    output: state === 'completed' ? output : undefined,
    error: failed && typeof message === 'string' ? message : undefined,
  };
}

function settingsOf(options: JobQueueOptions) {
  return {
    policy: 'exclusive' as const,
    retryLimit: options.retryLimit ?? 2,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: options.retryBackoff ?? true,
    expireInSeconds: options.expireInSeconds ?? 900,
    deleteAfterSeconds: options.keepFinishedSeconds ?? 7 * 24 * 3600,
  };
}

/** Starts pg-boss on the store's database (installing or upgrading its schema) and creates the queue. */
export async function createJobQueue(store: Store, options: JobQueueOptions = {}): Promise<JobQueue> {
  const internals = internalsOf(store);
  if (internals === undefined)
    throw new AxiomError(
      'job_queue_store_invalid',
      'Could not create the job queue: the store was not opened by openStore.',
    );
  const queue = options.queue ?? 'scan';
  const schema = options.schema ?? `${internals.schema}_jobs`;
  const common = {
    schema,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 60,
    monitorIntervalSeconds: options.superviseIntervalSeconds ?? 60,
    schedule: false,
    application_name: 'axiom-jobs',
  };
  const boss =
    internals.connection.kind === 'postgres'
      ? new PgBoss({
          ...common,
          connectionString: internals.connection.databaseUrl,
          max: options.poolSize ?? 5,
        })
      : new PgBoss({ ...common, db: fromPglite(internals.connection.pglite), backend: 'pglite' });
  const onError = options.onError ?? (() => {});
  // Without a listener an 'error' event would crash the process.
  boss.on('error', (error) => onError(error));

  try {
    await boss.start();
    const { policy, ...tunable } = settingsOf(options);
    const existing = await boss.getQueue(queue);
    if (existing === null) await boss.createQueue(queue, { policy, ...tunable });
    else if (existing.policy !== policy)
      throw new Error(
        `queue "${queue}" exists with policy "${existing.policy}", not "${policy}"; delete it or choose another queue name`,
      );
    else await boss.updateQueue(queue, tunable);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw new AxiomError(
      'job_queue_start_failed',
      `Could not start the scan-job queue in schema ${schema}: ${error instanceof Error ? error.message : String(error)}.`,
      { hint: 'Check that the database user may create schemas and tables there.', cause: error },
    );
  }

  let closed = false;
  const close = async (graceSeconds = 10): Promise<void> => {
    if (closed) return;
    closed = true;
    unregister();
    await boss.stop({ graceful: graceSeconds > 0, timeout: Math.max(graceSeconds, 1) * 1000, close: true });
  };
  const unregister = internals.beforeClose(() => close());
  const pollingIntervalSeconds = Math.max(options.pollingIntervalSeconds ?? 2, 0.5);
  // The connection's own secrets, so they are removed verbatim from what a job stores; patterns catch the rest.
  const secretsOf = async (name: string): Promise<string[]> => {
    const connection = await store.getConnection(name).catch(() => undefined);
    return connection === undefined ? [] : [connection.roleArn, connection.externalId];
  };

  return {
    queue,
    async enqueueScan(input) {
      const problems = scanRequestProblems(input);
      if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
      const request = normalizeScanRequest(input);
      const known = await store.sql.query('SELECT 1 FROM connections WHERE name = $1', [request.connection]);
      if (known.length === 0) return { ok: false, reason: 'unknown_connection' };
      const jobId = await boss.send(queue, { ...request }, { singletonKey: request.connection });
      if (jobId !== null) return { ok: true, jobId };
      // Refused by the exclusive policy: say which job is in the way (it may have just finished).
      const blocking = (await boss.findJobs(queue, { key: request.connection })).find((job) =>
        ['created', 'retry', 'active'].includes(job.state),
      );
      return {
        ok: false,
        reason: 'busy',
        jobId: blocking?.id,
        state: blocking ? STATES[blocking.state] : undefined,
      };
    },
    async getJob(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      const [job] = await boss.findJobs<unknown>(queue, { id });
      return job === undefined ? undefined : infoOf(job);
    },
    async work(handler, workOptions = {}) {
      const settings = {
        includeMetadata: true,
        batchSize: 1,
        localConcurrency: Math.max(1, Math.trunc(workOptions.concurrency ?? 1)),
        pollingIntervalSeconds,
      } as const;
      return boss.work<unknown, ScanJobOutput | null, typeof settings>(queue, settings, async ([job]) => {
        if (job === undefined) return null;
        const request = parseScanRequest(job.data);
        if (request === undefined)
          throw new AxiomError('scan_job_invalid', `Scan job ${job.id} does not hold a scan request.`);
        let output: ScanJobOutput | undefined;
        try {
          output = await handler({
            id: job.id,
            request,
            retryCount: job.retryCount,
            retryLimit: job.retryLimit,
            isLastAttempt: job.retryCount >= job.retryLimit,
            signal: job.signal,
          });
        } catch (error) {
          throw redactJobError(error, await secretsOf(request.connection));
        }
        return output === undefined ? null : redactJobOutput(output, await secretsOf(request.connection));
      });
    },
    close: (closeOptions = {}) => close(closeOptions.graceSeconds),
  };
}
