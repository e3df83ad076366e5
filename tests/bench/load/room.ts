// Sets up one room on any of the servers: n connected, synced clients, of
// which the first `typists` type into their own paragraph of one proposal.
// On ours this goes through the real API: create, join, tokens, an agenda item.
import * as Y from 'yjs';
import { BenchClient, counters, type ServerKind } from './client.ts';
import { Typist } from './typist.ts';
import { createMeeting, joinMeeting, type Meeting, type Seat } from './api.ts';
import type { LatencyTracker } from './tracker.ts';
import { waitFor as wait } from '@consent/server/testing/wait';

export interface Target {
  kind: ServerKind;
  http: string;
  ws: string;
}

export const ITEM_ID = 'bench-item';
export const FRAGMENT = `proposal/${ITEM_ID}`;

export interface Member {
  client: BenchClient;
  seat: Seat | null;
  typist: Typist | null;
}

export interface Room {
  name: string;
  members: Member[];
  meeting: Meeting | null;
  /** From the first socket opening to the last client synced (ms). */
  connectMs?: number;
  close(): Promise<void>;
}

let roomCounter = 0;
let seedCounter = 1;

export async function inBatches<T>(items: T[], size: number, fn: (t: T, i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((t, j) => fn(t, i + j)));
  }
}

/** A facilitator write on ours: the agenda item whose proposal the typists edit; waits for the durable ack. */
async function addAgendaItem(target: Target, meeting: Meeting): Promise<void> {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const item = new Y.Map<unknown>();
  doc.getArray<Y.Map<unknown>>('agenda').push([item]);
  doc.transact(() => {
    for (const [k, v] of Object.entries({
      id: ITEM_ID,
      title: 'Bench proposal',
      kind: 'consent',
      ownerId: meeting.facilitator.participantId,
      timeboxMin: 20,
      stage: 'draft',
      reviewDate: null,
    }))
      item.set(k, v);
  });
  const c = new BenchClient(
    { kind: 'ours', base: target.ws, room: meeting.meetingId, token: meeting.facilitator.token, ack: true },
    doc.clientID,
  );
  await c.synced;
  c.sendUpdate(Y.mergeUpdates(updates));
  await waitFor(() => c.ackLatencies.length > 0, 10_000, 'agenda item ack');
  await c.close();
}

/** The shared waitFor, as the benchmark calls it: a timeout, then what. */
export const waitFor = (cond: () => boolean, timeoutMs: number, what: string): Promise<void> => wait(cond, { timeoutMs, what });

export async function openMeeting(target: Target, seats: number): Promise<{ meeting: Meeting; seats: Seat[] }> {
  const meeting = await createMeeting(target.http, `Bench ${++roomCounter}`);
  await addAgendaItem(target, meeting);
  const out: Seat[] = [meeting.facilitator];
  const names = Array.from({ length: seats - 1 }, (_, i) => `Member ${i + 1}`);
  await inBatches(names, 8, async (name) => {
    out.push(await joinMeeting(target.http, meeting, name));
  });
  return { meeting, seats: out };
}

export interface RoomOptions {
  clients: number;
  typists: number;
  tracker?: LatencyTracker;
  ack?: boolean;
  /** Clients connecting at once (default 50). */
  batch?: number;
  /** Where client `i` connects (several nodes); default the target. */
  wsFor?: (i: number) => string;
  /** Client `i`'s own tracker, instead of `tracker`. */
  trackerFor?: (i: number) => LatencyTracker;
}

/** The awareness `user` a board client publishes (ours checks it against the token's participant). */
export function userOf(seat: Seat | null, i: number): { id: string; name: string; color: string } {
  return { id: seat?.participantId ?? `user-${i}`, name: seat?.name ?? (i === 0 ? 'Facilitator' : `Member ${i}`), color: '#30bced' };
}

export async function openRoom(target: Target, opts: RoomOptions): Promise<Room> {
  let meeting: Meeting | null = null;
  let seats: (Seat | null)[] = Array.from({ length: opts.clients }, () => null);
  if (target.kind === 'ours') ({ meeting, seats } = await openMeeting(target, opts.clients));
  const name = meeting?.meetingId ?? `room-${++roomCounter}`;
  const members: Member[] = [];
  // seats (HTTP joins) are made above; this times only connecting and syncing
  const connectStart = performance.now();
  await inBatches(seats, opts.batch ?? 50, async (seat, i) => {
    const typist = i < opts.typists ? new Typist(FRAGMENT, seedCounter++) : null;
    const client = new BenchClient(
      {
        kind: target.kind,
        base: opts.wsFor?.(i) ?? target.ws,
        room: name,
        token: seat?.token,
        tracker: opts.trackerFor?.(i) ?? opts.tracker,
        ack: opts.ack,
        awareness: JSON.stringify({ user: userOf(seat, i) }),
      },
      typist?.clientID ?? Math.floor(Math.random() * 2 ** 31),
    );
    members[i] = { client, seat, typist };
    await client.opened;
    await client.synced;
  });
  const connectMs = performance.now() - connectStart;
  // each typist creates its paragraph; wait until someone else has it so typing never races it
  const watcher = members[members.length - 1]!.client;
  for (const m of members) if (m.typist) m.client.sendUpdate(m.typist.setupUpdate);
  if (members.length > 1) {
    await waitFor(
      () => members.every((m) => m.typist === null || m.client === watcher || watcher.hasSeen(m.typist.clientID)),
      10_000,
      'typist paragraphs',
    );
  }
  return {
    name,
    members,
    meeting,
    connectMs,
    async close() {
      await inBatches(members, 200, (m) => m.client.close());
    },
  };
}

export { counters };
