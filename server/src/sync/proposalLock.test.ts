// [R20] A steady text during the consent round, over the wire with the stock
// y-websocket provider: an edit of the proposal or its term while the round is
// on is refused and reaches no peer; the same connection's edit in resolve lands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem, movePhase, moveStage, openRound, readMeeting, setTerm, type MeetingSnapshot } from '@consent/shared';
import type * as Y from 'yjs';
import { daysFromToday } from '@consent/shared/testing/dates';
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

// [CI19] review dates after today, whenever the tests run
const MAY = daysFromToday(150);
const APRIL = daysFromToday(120);
const MARCH = daysFromToday(90);
let s: TestServer;
let m: Meeting;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let ann: Peer;
let watcher: Peer;
const snap = (doc: Y.Doc): MeetingSnapshot => readMeeting(doc).meeting;
const text = (x: MeetingSnapshot): string => JSON.stringify(x.proposals.i1?.nodes ?? []);

async function fran(write: (doc: Y.Doc) => void): Promise<void> {
  expect(await writeOnce(s.wsBase, m.meetingId, m.token, write)).toBeNull();
}

beforeAll(async () => {
  s = await startTestServer();
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  ids.fran = m.participantId;
  for (const [name, role] of [
    ['Ann', 'member'],
    ['Gil', 'guest'],
  ] as const) {
    const j = await join(s.url, m, name, role);
    tokens[name] = j.token;
    ids[name] = j.participantId;
  }
  for (const to of ['opening', 'agenda', 'items'] as const) await fran((d) => movePhase(d, to));
  await fran((d) => addAgendaItem(d, { id: 'i1', title: 'Buy seeds', kind: 'consent', ownerId: ids.fran!, timeboxMin: 20 }));
  ann = connectPeer(s.wsBase, m.meetingId, tokens.Ann!, { ack: true });
  watcher = connectPeer(s.wsBase, m.meetingId, m.token);
  await Promise.all([synced(ann), synced(watcher)]);
});
afterAll(async () => {
  ann?.destroy();
  watcher?.destroy();
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('[R20] the proposal and its term are locked during the consent round', () => {
  it('[R12] before the round a member writes the text and the term; a guest is refused', async () => {
    writeParagraph(ann.doc, 'i1', 'We buy heirloom seeds.');
    setTerm(ann.doc, 'i1', { reviewDate: MAY, measure: 'Beds sown by May' });
    await waitFor(
      () => snap(watcher.doc).terms?.i1?.reviewDate === MAY && text(snap(watcher.doc)).includes('heirloom'),
      'the text and term at the watcher',
    );
    expect(await writeOnce(s.wsBase, m.meetingId, tokens.Gil!, (d) => writeParagraph(d, 'i1', 'Guest text.'))).toMatchObject({
      rule: 'R12',
      reason: /guests suggest/,
    });
  });

  it('[R20] in the consent round the same connection’s edits are refused and relayed to nobody', async () => {
    for (const to of ['present', 'clarify', 'react', 'consent'] as const) await fran((d) => moveStage(d, 'i1', to));
    await fran((d) => openRound(d, 'i1', { kind: 'consent', order: [ids.fran!, ids.Ann!], now: Date.now() }));
    await waitFor(() => snap(ann.doc).agenda[0]?.stage === 'consent', 'Ann to see the consent stage');
    writeParagraph(ann.doc, 'i1', 'A late typo fix.');
    await waitFor(() => ann.refusals.length === 1, 'the refusal of the text edit');
    expect(ann.refusals[0]).toMatchObject({ rule: 'R20', reason: /consent round on agenda item "i1" is on/ });
    setTerm(ann.doc, 'i1', { reviewDate: APRIL, measure: 'Beds sown by May' });
    await waitFor(() => ann.refusals.length === 2, 'the refusal of the term edit');
    expect(ann.refusals[1]).toMatchObject({ rule: 'R20', reason: /terms\/i1/ });
    expect(text(snap(watcher.doc))).not.toContain('late typo');
    expect(snap(watcher.doc).terms?.i1?.reviewDate).toBe(MAY);
  });

  it('[R20] in resolve Ann amends the text and the term again', async () => {
    await fran((d) => moveStage(d, 'i1', 'resolve'));
    // after a refusal the board reloads the document from the server (P9): a fresh copy
    ann.destroy();
    ann = connectPeer(s.wsBase, m.meetingId, tokens.Ann!, { ack: true });
    await synced(ann);
    await waitFor(() => snap(ann.doc).agenda[0]?.stage === 'resolve', 'Ann to see the resolve stage');
    writeParagraph(ann.doc, 'i1', 'Only organic seeds.');
    setTerm(ann.doc, 'i1', { reviewDate: MARCH, measure: 'Beds sown by March' });
    await waitFor(
      () => text(snap(watcher.doc)).includes('organic') && snap(watcher.doc).terms?.i1?.reviewDate === MARCH,
      'the amendment at the watcher',
    );
    expect(ann.refusals).toEqual([]);
  });
});
