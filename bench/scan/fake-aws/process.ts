/**
 * The fake AWS as a child process, so the benchmark process's CPU and peak RSS are the scan's alone. Started by
 * fake-aws/child.ts with its options as JSON in argv; talks over the IPC channel: it sends `ready` (the URL and
 * the account's counts), and answers `stats`, `reset` (optionally starting a recording), `recorded` and `close`.
 */
import { countAccount } from '../account-counts.ts';
import { DEFAULT_SHAPE, generateAccount } from '../synthetic-account.ts';
import { startBenchAws } from './server.ts';

/** Options passed in argv. */
export interface ProcessOptions {
  latencyMs: number;
  throttle: boolean;
}

/** Messages from the parent. */
export type ParentMessage =
  | { type: 'stats' }
  | { type: 'reset'; record?: boolean }
  | { type: 'recorded'; answers?: boolean }
  | { type: 'close' };

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ProcessOptions;
  const account = generateAccount(DEFAULT_SHAPE);
  const aws = await startBenchAws({ account, latencyMs: options.latencyMs, throttle: options.throttle });
  const send = (message: unknown) => process.send?.(message);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stats') send({ type: 'stats', stats: aws.stats() });
    else if (message.type === 'reset') {
      aws.reset({ record: message.record === true });
      send({ type: 'reset' });
    } else if (message.type === 'recorded')
      send({ type: 'recorded', requests: aws.recorded({ answers: message.answers !== false }) });
    else if (message.type === 'close') void aws.close().then(() => process.exit(0));
  });
  process.on('disconnect', () => void aws.close().then(() => process.exit(0)));
  send({ type: 'ready', url: aws.url, counts: countAccount(account) });
}

void main();
