/**
 * The embedded store is one Postgres in one process: two processes (or two opens in one process) writing the
 * same PGlite folder would corrupt it, and PGlite itself does not stop them. A lock file holding the owner's
 * process id does, and a lock left by a process that has since died is taken over.
 */
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AxiomError } from '../errors.ts';

/** The lock file's name inside the data folder. */
export const LOCK_FILE_NAME = 'store.lock';

/** A held lock. */
export interface DataDirLock {
  /** Removes the lock file. Idempotent. */
  release(): Promise<void>;
}

/** Folders this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the lock file holding our pid; false when it already exists. */
async function createLockFile(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx', 0o600);
    try {
      await handle.writeFile(`${process.pid}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function ownerOf(lockPath: string): Promise<number | undefined> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function lockedError(dir: string, owner: string): AxiomError {
  return new AxiomError(
    'store_data_dir_locked',
    `Could not open the embedded store in ${dir}: ${owner} is using it, and the embedded store serves one process at a time.`,
    {
      hint: `Stop the other process, or set a Postgres database URL to run several bot or worker processes. If no other process uses the folder, delete ${join(dir, LOCK_FILE_NAME)}.`,
    },
  );
}

/** Takes the lock on `dir` (creating the folder, private to this user) or throws `store_data_dir_locked`. */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const absolute = resolve(dir);
  if (heldHere.has(absolute)) throw lockedError(absolute, 'another store in this process');
  // Claimed before the first await, so two opens racing in this process cannot both get through.
  heldHere.add(absolute);
  const lockPath = join(absolute, LOCK_FILE_NAME);
  try {
    await mkdir(absolute, { recursive: true, mode: 0o700 });
    if (!(await createLockFile(lockPath))) {
      const owner = await ownerOf(lockPath);
      // Our own pid in a lock this process does not hold is a leftover from an earlier life of the same
      // process id (a restarted container is pid 1 every time), so it is stale like a dead owner's.
      if (owner !== undefined && owner !== process.pid && isAlive(owner))
        throw lockedError(absolute, `process ${owner}`);
      await unlink(lockPath).catch(() => {});
      if (!(await createLockFile(lockPath))) throw lockedError(absolute, 'another process');
    }
  } catch (error) {
    heldHere.delete(absolute);
    throw error;
  }

  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(absolute);
      await unlink(lockPath).catch(() => {});
    },
  };
}
