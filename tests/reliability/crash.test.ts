// Scenario 1, crash durability: five writers type into one proposal while the
// server is killed with SIGKILL at random moments and restarted on the same
// data. Whatever was acknowledged durable, or relayed to another writer, before
// the kill must be in the restarted server's document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clientFor, openMeeting, type Meeting } from './harness/meeting.ts';
import { pick, report, SCENARIO_TIMEOUT } from './harness/mode.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import { SyncClient } from './harness/syncClient.ts';
import { waitFor } from './harness/wait.ts';
import { addItem, addParagraph, paragraphs } from './harness/writes.ts';

const KILLS = pick(20, 100);
const ITEM = 'item-crash';
const WRITERS = ['Fay', 'Mia', 'Max', 'Ida', 'Leo'];

interface Writer {
  name: string;
  client: SyncClient;
  body: Y.XmlText;
  /** Own clock after each write, in order. */
  writes: number[];
}

describe('crash durability', () => {
  const server = new ServerProcess({ env: { COMPACT_EVERY: '40', MAX_MESSAGES_PER_SECOND: '2000' } });
  let meeting: Meeting;
  const writers: Writer[] = [];

  beforeAll(async () => {
    await server.start();
    meeting = await openMeeting(server.url, { Mia: 'member', Max: 'member', Ida: 'member', Leo: 'member' });
  });
  afterAll(async () => {
    for (const w of writers) w.client.disconnect();
    await server.dispose();
  });

  it(
    `loses nothing acknowledged or relayed across ${KILLS} kill -9 restarts`,
    async () => {
      for (const name of WRITERS) {
        const client = await clientFor(server.wsUrl, meeting, name, { ack: true });
        if (name === 'Fay') addItem(client.doc, ITEM);
        writers.push({ name, client, body: null as unknown as Y.XmlText, writes: [] });
      }
      await waitFor(() => writers.every((w) => w.client.doc.getArray('agenda').length === 1), { what: 'agenda item everywhere' });
      for (const w of writers) w.body = addParagraph(w.client.doc, ITEM, `${w.name}:`);

      let sequence = 0;
      const write = () => {
        const w = writers[sequence % writers.length]!;
        w.body.insert(w.body.length, ` ${sequence}`);
        w.writes.push(w.client.ownClock);
        sequence += 1;
      };
      // Writers keep typing through kills and restarts: what they type offline is sent on reconnect.
      const typing = setInterval(write, 4);

      const mustHave = new Map<string, number>(); // `${clientId}@${clock}` → kill number, for the figures
      let checkedLost = 0;
      const ackedSet = new Set<string>();
      const relayedSet = new Set<string>();
      const restartMs: number[] = [];
      try {
        for (let kill = 1; kill <= KILLS; kill += 1) {
          // a random moment: after some acknowledged writes, at a random point of the write stream
          const target = 50 + Math.floor(Math.random() * 300);
          const ackedBefore = writers.reduce((n, w) => n + w.client.acked, 0);
          await waitFor(() => writers.reduce((n, w) => n + w.client.acked, 0) >= ackedBefore + target, {
            timeoutMs: 20_000,
            what: `acknowledged writes before kill ${kill}`,
          });
          await server.kill9();
          await waitFor(() => writers.every((w) => !w.client.isOpen), { what: 'writers to see the crash' });

          // What must survive: acknowledged durable by the server, or seen by another writer.
          const expected = writers.map((w) => {
            const id = w.client.doc.clientID;
            const relayed = Math.max(0, ...writers.filter((o) => o !== w).map((o) => Y.getState(o.client.doc.store, id)));
            const acked = w.client.durableClock;
            for (const c of w.writes) {
              if (c <= acked) ackedSet.add(`${id}@${c}`);
              if (c <= relayed) relayedSet.add(`${id}@${c}`);
            }
            return { w, id, clock: Math.max(acked, relayed) };
          });

          const t0 = performance.now();
          await server.start();
          restartMs.push(performance.now() - t0);
          const reader = new SyncClient(meeting.meetingId, meeting.people.Fay!.token);
          await reader.connectAndSync(server.wsUrl);
          for (const { w, id, clock } of expected) {
            const found = Y.getState(reader.doc.store, id);
            for (const c of w.writes) {
              if (c > clock) break;
              mustHave.set(`${id}@${c}`, kill);
              if (c > found) checkedLost += 1;
            }
            expect(
              found,
              `${w.name}: acknowledged or relayed up to clock ${clock}, the restarted server has ${found} (kill ${kill})`,
            ).toBeGreaterThanOrEqual(clock);
          }
          reader.disconnect();
          await Promise.all(writers.map((w) => w.client.reconnect(server.wsUrl)));
        }
      } finally {
        clearInterval(typing);
      }

      // Afterwards every writer and a fresh reader converge on every write ever made.
      const total = writers.reduce((n, w) => n + w.writes.length, 0);
      const reader = new SyncClient(meeting.meetingId, meeting.people.Fay!.token);
      await waitFor(() => writers.every((w) => w.client.durableClock >= w.writes.at(-1)!), {
        timeoutMs: 30_000,
        what: 'final acknowledgements',
      });
      await reader.connectAndSync(server.wsUrl);
      const text = paragraphs(reader.doc, ITEM).join('\n');
      let missing = 0;
      for (let s = 0; s < sequence; s += 1) if (!new RegExp(` ${s}(?!\\d)`).test(text)) missing += 1;
      reader.disconnect();

      report('1 crash durability', {
        kills: KILLS,
        writers: WRITERS.length,
        updatesWritten: total,
        acknowledgedBeforeAKill: ackedSet.size,
        relayedBeforeAKill: relayedSet.size,
        distinctMustSurvive: mustHave.size,
        lostAfterKill: checkedLost,
        missingAtEnd: missing,
        unexpectedExits: server.unexpectedExits.length,
        restartMsMedian: Math.round(restartMs.sort((a, b) => a - b)[Math.floor(restartMs.length / 2)] ?? 0),
      });
      expect(checkedLost).toBe(0);
      expect(mustHave.size).toBeGreaterThan(KILLS * 50);
      expect(missing).toBe(0);
      expect(server.unexpectedExits).toEqual([]);
    },
    SCENARIO_TIMEOUT,
  );
});
