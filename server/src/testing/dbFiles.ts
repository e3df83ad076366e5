// Reads a SQLite database's files as raw bytes, the way someone with the disk would.
import { existsSync, readFileSync } from 'node:fs';

/** Whether any of the database's files (main, WAL, shared memory) holds `marker`. */
export function filesHold(file: string, marker: string): boolean {
  const needle = Buffer.from(marker, 'utf8');
  return [file, `${file}-wal`, `${file}-shm`].some((f) => existsSync(f) && readFileSync(f).includes(needle));
}
