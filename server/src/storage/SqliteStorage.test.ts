import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { filesHold } from '../testing/dbFiles.ts';
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

describe('SqliteStorage deletion', () => {
  const record = (id: string) => ({ id, createdAt: 1, codes: { member: `inv-${id}`, guest: `gst-${id}`, observer: `obs-${id}` } });
  const typed = (text: string, clientID: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const out: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => out.push(u));
    doc.getText('t').insert(0, text);
    return out;
  };

  it('[D1] a deleted meeting leaves no byte of its text in the file, the WAL or the shared memory, compacted-away text included', async () => {
    const file = freshFile();
    const s = new SqliteStorage(file);
    const gone = `gone-${Math.random().toString(36).slice(2)}-marker`;
    const kept = `kept-${Math.random().toString(36).slice(2)}-marker`;
    await s.createMeeting(record('m1'), new Uint8Array([0, 0]));
    await s.createMeeting(record('m2'), new Uint8Array([0, 0]));
    // the marker goes through the log, a compaction (which frees pages) and the log again
    await s.appendUpdates(typed(gone, 1).map((update) => ({ meetingId: 'm1', update })));
    const loaded = await s.loadDoc('m1');
    await s.compact('m1', Y.mergeUpdates(loaded.updates), loaded.lastSeq);
    await s.appendUpdates(typed(`${gone} again`, 2).map((update) => ({ meetingId: 'm1', update })));
    await s.appendUpdates(typed(kept, 3).map((update) => ({ meetingId: 'm2', update })));
    expect(filesHold(file, gone)).toBe(true);
    expect(await s.deleteMeeting('m1')).toBe(true);
    expect(filesHold(file, gone)).toBe(false);
    expect(filesHold(file, 'inv-m1')).toBe(false);
    expect(filesHold(file, kept)).toBe(true);
    await s.close();
    expect(filesHold(file, gone)).toBe(false);
  });

  it('[D1] migrates a schema 2 file: its meetings gain an empty closing time', async () => {
    const file = freshFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE meetings (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, invite_code TEXT NOT NULL, observer_code TEXT NOT NULL);
      INSERT INTO meetings VALUES ('m1', 1, 'i', 'o'); PRAGMA user_version = 2;`);
    old.close();
    const s = new SqliteStorage(file);
    expect(await s.getMeeting('m1')).toMatchObject({ id: 'm1', createdAt: 1, codes: { member: 'i', observer: 'o' } });
    expect(await s.closedBefore(Number.MAX_SAFE_INTEGER)).toEqual([]);
    await s.setClosedAt('m1', 10);
    expect(await s.closedBefore(11)).toEqual(['m1']);
    await s.close();
  });
});
