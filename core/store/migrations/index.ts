import { initialSchema } from './001-initial.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Add a file `NNN-name.ts` and list it here; never change a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initialSchema];
