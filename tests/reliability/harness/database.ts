// Looking into the server's data directory after the fact: the SQLite file
// opened read-only (driver resolved from the server package), and a raw byte
// search of every file, WAL included, for content that must never be stored.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_DIR } from './serverProcess.ts';

// The driver is a dependency of the server package only; this is the little of it we use.
interface Statement {
  all(): unknown[];
  get(): unknown;
  iterate(): Iterable<unknown>;
}
interface Db {
  prepare(sql: string): Statement;
  close(): void;
}
type Sqlite = new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => Db;
const requireFromServer = createRequire(join(SERVER_DIR, 'package.json'));

/** Every file of the data directory whose bytes contain `marker` (UTF-8, as Yjs stores strings). */
export function filesContaining(dataDir: string, marker: string): string[] {
  const needle = Buffer.from(marker, 'utf8');
  const hits: string[] = [];
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    if (!statSync(path).isFile()) continue;
    if (readFileSync(path).includes(needle)) hits.push(name);
  }
  return hits;
}

/** The SQLite database files of the data directory. */
export function databaseFiles(dataDir: string): string[] {
  return readdirSync(dataDir)
    .filter((name) => /\.(sqlite3?|db)$/.test(name))
    .map((name) => join(dataDir, name));
}

/** Rows of every table whose blob or text columns contain `marker`, read through SQLite itself. */
export function rowsContaining(dataDir: string, marker: string): { table: string; count: number }[] {
  const Database = requireFromServer('better-sqlite3') as Sqlite;
  const needle = Buffer.from(marker, 'utf8');
  const found: { table: string; count: number }[] = [];
  for (const file of databaseFiles(dataDir)) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      for (const { name } of tables) {
        let count = 0;
        for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate() as Iterable<Record<string, unknown>>) {
          for (const value of Object.values(row)) {
            if (Buffer.isBuffer(value) ? value.includes(needle) : typeof value === 'string' && value.includes(marker)) count += 1;
          }
        }
        if (count > 0) found.push({ table: name, count });
      }
    } finally {
      db.close();
    }
  }
  return found;
}

/** Row counts per table (to show the database was actually read). */
export function tableCounts(dataDir: string): Record<string, number> {
  const Database = requireFromServer('better-sqlite3') as Sqlite;
  const counts: Record<string, number> = {};
  for (const file of databaseFiles(dataDir)) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      for (const { name } of tables) {
        counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
      }
    } finally {
      db.close();
    }
  }
  return counts;
}
