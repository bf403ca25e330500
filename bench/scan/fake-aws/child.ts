/** The benchmark's side of the fake AWS child process (process.ts). */
import { type ChildProcess, fork } from 'node:child_process';
import type { AccountCounts } from '../account-counts.ts';
import type { ParentMessage, ProcessOptions } from './process.ts';
import type { RecordedRequest, ServedStats } from './server.ts';

/** A running fake AWS child. */
export interface FakeAwsChild {
  /** Where it listens. */
  url: string;
  /** The served account's counts. */
  counts: AccountCounts;
  /** What it served since the last reset. */
  stats(): Promise<ServedStats>;
  /**
   * Clears its statistics and refills its token buckets; with `record`, records requests (and their answers) until
   * the next reset, and keeps them until the next reset with `record`.
   */
  reset(options?: { record?: boolean }): Promise<void>;
  /** The requests of the last recording, in arrival order, with their answers unless `answers` is false. */
  recorded(options?: { answers?: boolean }): Promise<RecordedRequest[]>;
  /** Stops it. */
  close(): Promise<void>;
}

/** Asks `child` something and waits for the reply of the same type. */
function ask<T>(child: ChildProcess, message: ParentMessage): Promise<T> {
  return new Promise((resolve) => {
    const listener = (reply: { type: string }) => {
      if (reply.type !== message.type) return;
      child.off('message', listener);
      resolve(reply as T);
    };
    child.on('message', listener);
    child.send(message);
  });
}

/** Starts the fake AWS in a child process and waits until it listens. */
export function startFakeAwsChild(options: ProcessOptions): Promise<FakeAwsChild> {
  const child = fork(new URL('./process.ts', import.meta.url), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench fake AWS exited early (code ${code})`)));
    child.once('message', (message: { type: string; url: string; counts: AccountCounts }) => {
      if (message.type !== 'ready') return reject(new Error(`bench fake AWS said ${message.type}`));
      resolve({
        url: message.url,
        counts: message.counts,
        stats: () => ask<{ stats: ServedStats }>(child, { type: 'stats' }).then((reply) => reply.stats),
        reset: (options) =>
          ask<unknown>(child, { type: 'reset', record: options?.record === true }).then(() => undefined),
        recorded: (options) =>
          ask<{ requests: RecordedRequest[] }>(child, {
            type: 'recorded',
            answers: options?.answers !== false,
          }).then((reply) => reply.requests),
        close: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.send({ type: 'close' });
          }),
      });
    });
  });
}
