import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testDatabase } from '../../testing/pgTest.ts';
import { circleContract } from '../circleContract.ts';
import { circleRecordContract } from '../circleRecordContract.ts';
import { storageContract } from '../contract.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import { PgStorage } from './PgStorage.ts';

// Each test gets its own database; reopening within a test (a new pool) returns to the same data.
let url = '';
beforeEach(async () => {
  url = await testDatabase('storage');
});
const harness = { open: () => PgStorage.open(url, { poolSize: 4 }) };
storageContract('PostgreSQL', harness);
circleContract('PostgreSQL', harness);
circleRecordContract('PostgreSQL', harness);

describe('PostgreSQL schema', () => {
  it('[N6] three nodes starting at once on an empty database migrate it once', async () => {
    const stores = await Promise.all([0, 1, 2].map(() => PgStorage.open(url, { poolSize: 2 })));
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const versions = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
      const tables = await pool.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name',
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['meetings', 'updates', 'snapshots', 'leases', 'tickets', 'circles', 'circle_register']),
      );
      // a fourth start finds nothing to do and keeps the data
      await stores[0]!.createMeeting({ id: 'm1', createdAt: 1, codes: { member: 'a', guest: 'b', observer: 'c' } }, new Uint8Array([0, 0]));
      const again = await PgStorage.open(url);
      expect(await again.getMeeting('m1')).not.toBeNull();
      await again.close();
    } finally {
      await pool.end();
      for (const s of stores) await s.close();
    }
  });

  it('[N6] a database at the previous version is migrated forward, once, and its log goes on from its last seq', async () => {
    const doc = new Y.Doc();
    const edits: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => edits.push(u));
    for (const word of ['one ', 'two ', 'three']) doc.getText('t').insert(doc.getText('t').length, word);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      expect(await migrate(pool, MIGRATIONS.length - 1)).toEqual(MIGRATIONS.map((_, i) => i + 1).slice(0, -1));
      // a meeting written by a server of the previous version: two updates in its log
      await pool.query(
        "INSERT INTO meetings (id, created_at, member_code, guest_code, observer_code, log_seq) VALUES ('old', 1, 'a', 'b', 'c', 2)",
      );
      await pool.query("INSERT INTO snapshots (meeting_id, doc, up_to_seq) VALUES ('old', $1, 0)", [Y.encodeStateAsUpdate(new Y.Doc())]);
      await pool.query("INSERT INTO updates (meeting_id, seq, epoch, data) VALUES ('old', 1, 0, $1), ('old', 2, 0, $2)", edits.slice(0, 2));
      expect((await pool.query("SELECT to_regproc('consent_append_updates') AS f")).rows[0].f).toBeNull();
    } finally {
      await pool.end();
    }
    const stores = await Promise.all([0, 1, 2].map(() => PgStorage.open(url, { poolSize: 2 })));
    const check = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const versions = await check.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
      expect(await stores[0]!.appendUpdates([{ meetingId: 'old', update: edits[2]! }])).toEqual(new Map([['old', 3]]));
      const loaded = await stores[1]!.loadDoc('old');
      expect([loaded.lastSeq, loaded.logLength]).toEqual([3, 3]);
      const copy = new Y.Doc();
      for (const u of loaded.updates) Y.applyUpdate(copy, u);
      expect(copy.getText('t').toString()).toBe('one two three');
      await stores[2]!.compact('old', Y.encodeStateAsUpdate(copy), 3);
      expect(await stores[0]!.loadDoc('old')).toMatchObject({ lastSeq: 3, logLength: 0 });
    } finally {
      await check.end();
      for (const s of stores) await s.close();
    }
  });

  it('[N6] a database migrated by a newer server is refused', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await (await PgStorage.open(url)).close();
    await pool.query('INSERT INTO schema_migrations (version) VALUES ($1)', [MIGRATIONS.length + 1]);
    await pool.end();
    await expect(PgStorage.open(url)).rejects.toThrow(/newer than this server/);
  });
});
