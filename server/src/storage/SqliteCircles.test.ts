import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { circle, circleContract, person } from './circleContract.ts';
import { SqliteStorage } from './SqliteStorage.ts';
import { circleRecordContract, entry } from './circleRecordContract.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'consent-circles-'));
  dirs.push(dir);
  return join(dir, 'consent.db');
}

let current = '';
beforeEach(() => {
  current = freshFile();
});
circleContract('SQLite', { open: async () => new SqliteStorage(current) });
circleRecordContract('SQLite', { open: async () => new SqliteStorage(current) });

const tables = (file: string) => {
  const db = new Database(file, { readonly: true });
  const names = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);
  const version = db.pragma('user_version', { simple: true });
  db.close();
  return { names, version };
};

describe('SQLite schema version 5 (circles) and 6 (the register)', () => {
  it('[CI15][CI30] an empty file is created at version 6 with the circle and register tables', async () => {
    const file = freshFile();
    await new SqliteStorage(file).close();
    const { names, version } = tables(file);
    expect(version).toBe(6);
    expect(names).toEqual(expect.arrayContaining(['circle_register', 'circle_reviews', 'circle_backlog', 'circle_feeds']));
    expect(names).toEqual(
      expect.arrayContaining(['circles', 'circle_members', 'circle_roles', 'circle_links', 'circle_meetings', 'meetings']),
    );
  });

  it('[CI15] a file left by the version-4 server keeps its meetings and gains circles', async () => {
    const file = freshFile();
    // today's code path, stopped at version 4: what the previous release wrote
    const old = new SqliteStorage(file, { schemaVersion: 4 });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'kept across the migration');
    await old.createMeeting({ id: 'm1', createdAt: 1, codes: { member: 'i', guest: 'g', observer: 'o' } }, Y.encodeStateAsUpdate(doc));
    await old.appendUpdates([{ meetingId: 'm1', update: new Uint8Array([0, 0]) }]);
    await old.close();
    expect(tables(file).version).toBe(4);
    expect(tables(file).names).not.toContain('circles');

    const s = new SqliteStorage(file);
    expect(tables(file).version).toBe(6);
    expect(await s.getMeeting('m1')).toEqual({ id: 'm1', createdAt: 1, codes: { member: 'i', guest: 'g', observer: 'o' } });
    const loaded = new Y.Doc();
    for (const u of (await s.loadDoc('m1')).updates) Y.applyUpdate(loaded, u);
    expect(loaded.getText('t').toString()).toBe('kept across the migration');
    expect(await s.circles.circleOfMeeting('m1')).toBeNull();
    await s.circles.createCircle(circle('c1'), person('fay'), []);
    await s.circles.addMeeting({ meetingId: 'm1', circleId: 'c1', title: 'Old meeting', createdAt: 1 });
    expect(await s.circles.circleOfMeeting('m1')).toBe('c1');
    await s.close();
  });

  it('[CI15] a version-6 file is not downgraded by asking for an older version', async () => {
    const file = freshFile();
    await new SqliteStorage(file).close();
    await new SqliteStorage(file, { schemaVersion: 4 }).close();
    expect(tables(file).version).toBe(6);
  });

  it('[CI30] a file left by the version-5 server keeps its circles and gains the register', async () => {
    const file = freshFile();
    const old = new SqliteStorage(file, { schemaVersion: 5 });
    await old.circles.createCircle(circle('c1'), person('fay'), []);
    await old.close();
    expect(tables(file)).toMatchObject({ version: 5 });
    expect(tables(file).names).not.toContain('circle_register');
    const s = new SqliteStorage(file);
    expect(tables(file).version).toBe(6);
    expect(await s.circles.getCircle('c1')).toEqual(circle('c1'));
    expect(await s.circles.records.addDecision(entry('m1', 'a'))).toBe(true);
    expect((await s.circles.records.register('c1', { today: '2026-01-01', limit: 10, offset: 0 })).total).toBe(1);
    await s.close();
  });

  it('[CI18] the register’s listing query uses its index', async () => {
    const file = freshFile();
    await new SqliteStorage(file).close();
    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT entry FROM circle_register WHERE circle_id = 'c1' AND superseded_by IS NULL ORDER BY review_date LIMIT 50",
      )
      .all()
      .map((r) => r.detail)
      .join(' | ');
    db.close();
    expect(plan).toContain('circle_register_current');
  });
});
