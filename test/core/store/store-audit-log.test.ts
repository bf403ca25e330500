import { afterAll, beforeAll, expect, it } from 'vitest';
import { AUDIT_APPEND_ONLY_SQLSTATE } from '../../../core/store/migrations/001-initial.ts';
import { IN_MEMORY_DATA_DIR } from '../../../core/store/pglite-client.ts';
import type { Store } from '../../../core/store/store.ts';
import { describeEachBackend } from '../../helpers/postgres.ts';
import { EXTERNAL_ID, openAt, ROLE_ARN } from './store-support.ts';

describeEachBackend('audit log', (database, kind) => {
  let store: Store;
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));

  beforeAll(async () => {
    const location = database().freshLocation();
    // The audit suite needs no persistence, so on PGlite it also covers the throwaway in-memory store.
    store = await openAt(
      kind === 'pglite' ? { ...location, dataDir: IN_MEMORY_DATA_DIR } : location,
      undefined,
      {
        clock,
      },
    );
  });
  afterAll(async () => {
    await store.close();
  });

  it('appends entries and lists them newest first, by connection and with a limit', async () => {
    await store.appendAudit({ actor: 'U0ADMIN1', command: 'connect', connection: 'Prod', result: 'ok' });
    await store.appendAudit({
      actor: 'U0DEV22',
      command: 'scan',
      connection: 'prod',
      result: 'denied',
      detail: 'not an allowed channel',
    });
    await store.appendAudit({ actor: 'U0DEV22', command: 'help', result: 'ok' });
    await store.appendAudit({
      actor: 'U0ADMIN1',
      command: 'scan',
      connection: 'staging',
      result: 'error',
      detail: 'throttled',
    });

    const all = await store.listAudit();
    expect(all.map((e) => [e.command, e.connection, e.result])).toEqual([
      ['scan', 'staging', 'error'],
      ['help', undefined, 'ok'],
      ['scan', 'prod', 'denied'],
      ['connect', 'prod', 'ok'],
    ]);
    expect(all[2]).toMatchObject({
      actor: 'U0DEV22',
      detail: 'not an allowed channel',
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, 1)),
    });
    expect((await store.listAudit({ connection: 'PROD' })).map((e) => e.command)).toEqual([
      'scan',
      'connect',
    ]);
    expect((await store.listAudit({ limit: 1 })).map((e) => e.command)).toEqual(['scan']);
    expect(await store.listAudit({ limit: 0 })).toHaveLength(1);
  });

  it('lists newest first past nine entries (ids sort as numbers, not text)', async () => {
    for (let index = 1; index <= 12; index += 1)
      await store.appendAudit({ actor: 'U0ADMIN1', command: `help ${index}`, result: 'ok' });
    const newest = (await store.listAudit({ limit: 3 })).map((entry) => entry.command);
    expect(newest).toEqual(['help 12', 'help 11', 'help 10']);
  });

  it('keeps secrets out of the log', async () => {
    const entry = await store.appendAudit({
      actor: 'U0ADMIN1',
      command: `connect prod ${ROLE_ARN}`,
      connection: 'prod',
      result: 'ok',
      detail: `saved ${ROLE_ARN} with External ID ${EXTERNAL_ID}`,
    });
    expect(entry.command).toBe('connect prod [role ARN]');
    expect(entry.detail).toBe('saved [role ARN] with External ID [External ID]');
    const raw = await store.sql.query('SELECT a::text AS row FROM audit_log a');
    const dump = raw.map((r) => String(r.row)).join('\n');
    expect(dump).not.toContain(ROLE_ARN);
    expect(dump).not.toContain(EXTERNAL_ID);
  });

  it('rejects UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const before = await store.listAudit({ limit: 500 });
    for (const statement of [
      `UPDATE audit_log SET result = 'ok'`,
      `DELETE FROM audit_log WHERE command = 'scan'`,
      'TRUNCATE audit_log',
    ]) {
      const error = await store.sql.query(statement).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: AUDIT_APPEND_ONLY_SQLSTATE });
      expect(String((error as Error).message)).toMatch(/append-only/);
    }
    expect(await store.listAudit({ limit: 500 })).toEqual(before);
  });

  it('refuses an entry without who or what', async () => {
    await expect(store.appendAudit({ actor: ' ', command: 'scan', result: 'ok' })).rejects.toMatchObject({
      code: 'audit_entry_invalid',
    });
    await expect(store.appendAudit({ actor: 'U1', command: '', result: 'ok' })).rejects.toMatchObject({
      code: 'audit_entry_invalid',
    });
  });
});
