// [M11] Bug 2 over the wire: one "Phase: Closing" must not strand an open
// consent round with an open objection. The server refuses to leave the items
// while an item is mid-process, and lets the meeting go on once it is deferred.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addAgendaItem, givePosition, log, meta, movePhase, moveStage, openRound, raiseObjection, readMeeting } from '@consent/shared';
import {
  connectPeer,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  synced,
  waitFor,
  writeOnce,
  writeParagraph,
  type Meeting,
  type Peer,
  type TestServer,
} from '../testing/harness.ts';

let s: TestServer;
let m: Meeting;
let ann = { id: '', token: '' };
let watcher: Peer;
const NOW = 1_800_000_000_000;
const as = (token: string, write: (d: Y.Doc) => void) => writeOnce(s.wsBase, m.meetingId, token, write);

beforeAll(async () => {
  s = await startTestServer();
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  const j = await join(s.url, m, 'Ann');
  ann = { id: j.participantId, token: j.token };
  for (const to of ['opening', 'agenda', 'items'] as const) expect(await as(m.token, (d) => movePhase(d, to))).toBeNull();
  expect(
    await as(m.token, (d) => addAgendaItem(d, { id: 'i1', title: 'Buy seeds', kind: 'consent', ownerId: null, timeboxMin: 10 })),
  ).toBeNull();
  expect(await as(m.token, (d) => writeParagraph(d, 'i1', 'We buy seeds.'))).toBeNull();
  for (const to of ['present', 'clarify', 'react', 'consent'] as const) expect(await as(m.token, (d) => moveStage(d, 'i1', to))).toBeNull();
  expect(await as(m.token, (d) => openRound(d, 'i1', { kind: 'consent', order: [m.participantId, ann.id], now: NOW }))).toBeNull();
  expect(
    await as(ann.token, (d) =>
      d.transact(() => {
        raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: ann.id, kind: 'objection', text: 'The budget is spent.', now: NOW });
        givePosition(d, 'i1', ann.id, 'object', NOW);
      }),
    ),
  ).toBeNull();
  watcher = connectPeer(s.wsBase, m.meetingId, m.token);
  await synced(watcher);
});
afterAll(async () => {
  watcher?.destroy();
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('[M11] leaving the items with an item mid-process', () => {
  it('[M11] "Phase: Closing" during an open consent round with an open objection is refused with a sentence, and nothing moves', async () => {
    const refusal = await as(m.token, (d) => movePhase(d, 'closing'));
    expect(refusal).toMatchObject({ rule: 'M11', reason: expect.stringContaining('"Buy seeds" is still at "consent"') });
    const stored = readMeeting(watcher.doc).meeting;
    expect(stored.meta.phase).toBe('items');
    expect(stored.log.some((e) => e.type === 'phase' && e.to === 'closing')).toBe(false);
  });

  it('[M11] the item deferred (carried to the next meeting), the same move is accepted and logged', async () => {
    expect(await as(m.token, (d) => moveStage(d, 'i1', 'deferred'))).toBeNull();
    expect(await as(m.token, (d) => movePhase(d, 'closing'))).toBeNull();
    await waitFor(() => meta(watcher.doc).get('phase') === 'closing', 'the phase to reach the watcher');
    const events = log(watcher.doc).toArray() as { type: string; to?: string }[];
    expect(events.filter((e) => e.type === 'phase').map((e) => e.to)).toContain('closing');
  });
});
