import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { storageContract } from './contract.ts';
import { SqliteStorage } from './SqliteStorage.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'consent-sqlite-'));
  dirs.push(dir);
  return join(dir, 'consent.db');
}

// Each test gets its own file; reopening within a test returns to the same file.
let current = '';
beforeEach(() => {
  current = freshFile();
});
storageContract('SQLite', {
  async open() {
    return new SqliteStorage(current);
  },
});

describe('SqliteStorage', () => {
  it('runs the database in WAL mode on a real file', async () => {
    const file = freshFile();
    const s = new SqliteStorage(file);
    await s.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('gives meetings of a version-2 file a guest code of their own and keeps the old invite code for members', async () => {
    const file = freshFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE meetings (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, invite_code TEXT NOT NULL, observer_code TEXT NOT NULL);
      INSERT INTO meetings VALUES ('m1', 5, 'oldinvite1', 'oldobserv1'); PRAGMA user_version = 2;`);
    old.close();
    const s = new SqliteStorage(file);
    const m = await s.getMeeting('m1');
    expect(m?.codes.member).toBe('oldinvite1');
    expect(m?.codes.observer).toBe('oldobserv1');
    expect(m?.codes.guest).toMatch(/^[a-z0-9]{10}$/);
    expect(m?.codes.guest).not.toBe('oldinvite1');
    await s.close();
  });
});
