import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { testDatabase } from '../../testing/pgTest.ts';
import { circleContract } from '../circleContract.ts';
import { circleRecordContract } from '../circleRecordContract.ts';
import { storageContract } from '../contract.ts';
import { MIGRATIONS } from './migrations.ts';
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

  it('[N6] a database migrated by a newer server is refused', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await (await PgStorage.open(url)).close();
    await pool.query('INSERT INTO schema_migrations (version) VALUES ($1)', [MIGRATIONS.length + 1]);
    await pool.end();
    await expect(PgStorage.open(url)).rejects.toThrow(/newer than this server/);
  });
});
