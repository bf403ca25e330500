/**
 * Opens the bot's state from its configuration: the store (Postgres when DATABASE_URL is set, else PGlite in
 * the data folder), its encryption keyring (AXIOM_ENCRYPTION_KEY, else a development key file created 0600
 * with a warning), and the scan-job queue in the same database.
 */
import {
  createJobQueue,
  type JobQueue,
  keyringFromKeys,
  loadOrCreateDevKey,
  openStore,
  type Store,
} from '../core/index.ts';
import type { BotConfig } from './config.ts';
import type { BotLogger } from './services.ts';

/** The opened state. */
export interface BotBackend {
  /** Connections and the audit log. */
  store: Store;
  /** Scan jobs. */
  queue: JobQueue;
  /** Stops the queue (running jobs get `graceSeconds`), then closes the database. */
  close(graceSeconds?: number): Promise<void>;
}

/** Opens the store and the queue (see the file comment). */
export async function openBotBackend(config: BotConfig, logger: BotLogger): Promise<BotBackend> {
  const { store: settings, jobs } = config;
  let current: string | Uint8Array;
  if (settings.encryptionKey !== undefined) current = settings.encryptionKey;
  else {
    const dev = await loadOrCreateDevKey(settings.devKeyFile);
    current = dev.key;
    logger.warn(
      `AXIOM_ENCRYPTION_KEY is not set: role ARNs and External IDs are encrypted with a development key ${dev.created ? 'just generated in' : 'read from'} ${dev.path} (mode 0600). Anyone who can read that folder can decrypt them; set AXIOM_ENCRYPTION_KEY (openssl rand -base64 32) outside development.`,
    );
  }
  const keyring = keyringFromKeys(current, settings.previousEncryptionKeys);
  const store = await openStore({
    ...(settings.databaseUrl === undefined
      ? { dataDir: settings.dataDir }
      : { databaseUrl: settings.databaseUrl }),
    schema: settings.schema,
    keyring,
    applicationName: config.role === 'worker' ? 'axiom-worker' : 'axiom-bot',
  });
  let queue: JobQueue;
  try {
    queue = await createJobQueue(store, {
      retryLimit: jobs.retries,
      expireInSeconds: jobs.timeoutSeconds,
      pollingIntervalSeconds: jobs.pollSeconds,
      onError: (error) => logger.error(`Scan-job queue: ${error.message}`),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    queue,
    async close(graceSeconds = 10) {
      await queue.close({ graceSeconds });
      await store.close();
    },
  };
}
