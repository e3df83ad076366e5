import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../testing/pgTest.ts';
import { ticketContract } from '../../ticketContract.ts';
import { PgStorage } from './PgStorage.ts';
import { PgTickets } from './PgTickets.ts';

const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const p of pools) await p.end();
});
/** A migrated database and `n` pools on it, as `n` nodes would have. */
async function nodes(n: number): Promise<pg.Pool[]> {
  const url = await testDatabase('tickets');
  await (await PgStorage.open(url, { poolSize: 1 })).close();
  const made = Array.from({ length: n }, () => new pg.Pool({ connectionString: url, max: 3 }));
  pools.push(...made);
  return made;
}
const claims = (participantId: string) => ({ meetingId: 'm1', participantId, role: 'guest' as const, expiresAt: 5 });

ticketContract('PostgreSQL', async (ttlMs) => new PgTickets((await nodes(1))[0]!, ttlMs));

describe('sync tickets on PostgreSQL', () => {
  it('[N13] a ticket issued by one node opens the websocket at another, once, even when both redeem it at once', async () => {
    const [one, two] = await nodes(2);
    const [a, b] = [new PgTickets(one!), new PgTickets(two!)];
    const issued = await Promise.all(Array.from({ length: 10 }, (_, i) => a.issue(claims(`p${i}`), 1_000)));
    for (const { ticket } of issued) {
      const answers = await Promise.all([a.redeem(ticket, 'm1', 2_000), b.redeem(ticket, 'm1', 2_000)]);
      expect(answers.filter((x) => x !== null)).toHaveLength(1);
    }
    const late = await a.issue(claims('late'), 1_000);
    expect(await b.redeem(late.ticket, 'm1', 2_000)).toEqual(claims('late'));
  });

  it('[N13] issuing prunes expired tickets from the table', async () => {
    const [pool] = await nodes(1);
    const tickets = new PgTickets(pool!, 60_000);
    for (const p of ['a', 'b', 'c']) await tickets.issue(claims(p), 0);
    await tickets.issue(claims('d'), 60_000);
    const rows = await pool!.query<{ participant_id: string }>('SELECT participant_id FROM tickets');
    expect(rows.rows.map((r) => r.participant_id)).toEqual(['d']);
  });
});
