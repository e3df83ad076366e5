// One transaction on one pooled connection, and the conversions PostgreSQL's
// answers need (bigint columns arrive as strings, bytea as Buffers).
import type pg from 'pg';

/** Runs `fn` between BEGIN and COMMIT on one connection; rolls back and rethrows when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  // The pool listens for a connection's 'error' only while it is idle: a connection lost while checked
  // out (the database restarted, or ended a transaction left idle too long) would otherwise throw out
  // of the process. Its pending and later queries fail instead, and the pool drops it on release.
  client.on('error', ignoreLost);
  try {
    await client.query(begin);
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    }
  } finally {
    client.off('error', ignoreLost);
    client.release();
  }
}

function ignoreLost(): void {}

/** A bigint column (a string from the driver) as a number: times and seqs stay below 2^53. */
export const num = (v: string | number): number => Number(v);
export const numOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** The driver hands out Buffers; Yjs wants plain Uint8Arrays (equal bytes, no copy). */
export const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
