// [S1–S7] The selection process of a role over the wire: role and term, sealed
// nominations revealed together, the change round, the facilitator's candidate,
// the consent round, and the result in the log and the minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addAgendaItem,
  changeNomination,
  givePosition,
  movePhase,
  moveStage,
  nominationTally,
  nominations,
  openRound,
  proposeCandidate,
  readMeeting,
  recordDecision,
  setSelectionTerms,
} from '@consent/shared';
import {
  api,
  connectPeer,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  synced,
  waitFor,
  writeOnce,
  type Meeting,
  type Peer,
  type TestServer,
} from '../testing/harness.ts';

let s: TestServer;
let m: Meeting;
const who: Record<string, { id: string; token: string }> = {};
let watcher: Peer;
const NOW = 1_800_000_000_000;
const as = (name: string, write: (d: Y.Doc) => void) => writeOnce(s.wsBase, m.meetingId, who[name]!.token, write);
const nominate = (name: string, nominee: string, reason: string) =>
  api(s.url, 'POST', `/api/meetings/${m.meetingId}/items/s1/sealed-nomination`, { nomineeId: who[nominee]!.id, reason }, who[name]!.token);
const snap = () => readMeeting(watcher.doc).meeting;

beforeAll(async () => {
  s = await startTestServer();
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  who.fran = { id: m.participantId, token: m.token };
  for (const name of ['Ann', 'Ben', 'Cleo']) {
    const j = await join(s.url, m, name);
    who[name.toLowerCase()] = { id: j.participantId, token: j.token };
  }
  for (const to of ['opening', 'agenda', 'items'] as const) expect(await as('fran', (d) => movePhase(d, to))).toBeNull();
  expect(
    await as('fran', (d) => addAgendaItem(d, { id: 's1', title: 'Choose a treasurer', kind: 'selection', ownerId: null, timeboxMin: 20 })),
  ).toBeNull();
  watcher = connectPeer(s.wsBase, m.meetingId, who.cleo!.token);
  await synced(watcher);
});
afterAll(async () => {
  watcher?.destroy();
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('selecting a treasurer', () => {
  it('[S1] the facilitator sets the role and its term; a member may not', async () => {
    expect(await as('fran', (d) => moveStage(d, 's1', 'present'))).toBeNull();
    expect(await as('ann', (d) => setSelectionTerms(d, 's1', { roleName: 'Me', termEnd: '2030-01-01' }))).toMatchObject({ rule: 'R6' });
    expect(await as('fran', (d) => setSelectionTerms(d, 's1', { roleName: 'Treasurer', termEnd: '2027-06-30' }))).toBeNull();
    await waitFor(() => snap().agenda[0]?.roleName === 'Treasurer', 'the role');
    expect(snap().agenda[0]).toMatchObject({ roleName: 'Treasurer', termEnd: '2027-06-30' });
  });

  it('[S2][S3] nominations are given privately and revealed together in one update', async () => {
    expect(await as('fran', (d) => moveStage(d, 's1', 'clarify'))).toBeNull();
    expect(
      await as('fran', (d) => openRound(d, 's1', { kind: 'nominations', order: [who.fran!.id], now: NOW, reveal: 'together' })),
    ).toBeNull();
    expect(await nominate('ann', 'ben', 'Ben-keeps-tidy-books')).toMatchObject({ status: 200, json: { given: 1, revealed: false } });
    expect(await nominate('ben', 'ann', 'Ann-did-it-before')).toMatchObject({ status: 200 });
    expect(await nominate('cleo', 'cleo', 'I-have-the-time')).toMatchObject({ status: 200 });
    await waitFor(() => snap().sealed?.s1?.given.length === 3, 'the progress');
    expect(JSON.stringify(watcher.doc.toJSON())).not.toContain('Ben-keeps-tidy-books');
    expect(Object.keys(snap().nominations ?? {})).toEqual([]);
    // [V2] a nomination written straight into the document is refused while sealed
    expect(
      await as('ann', (d) => nominations(d).set(`s1/${who.ann!.id}`, { nomineeId: who.ann!.id, reason: 'me', round: 1, at: NOW })),
    ).toMatchObject({ rule: 'V2' });
    const sizes: number[] = [];
    const onUpdate = () => sizes.push(nominations(watcher.doc).size);
    watcher.doc.on('update', onUpdate);
    expect(await nominate('fran', 'ann', 'Ann-is-careful')).toMatchObject({ status: 200, json: { revealed: true } });
    await waitFor(() => sizes.includes(4), 'the reveal');
    watcher.doc.off('update', onUpdate);
    expect(sizes.filter((n) => n > 0 && n < 4)).toEqual([]);
    expect(nominationTally(snap(), 's1')).toEqual([
      { nomineeId: who.ann!.id, count: 2 },
      ...[
        { nomineeId: who.ben!.id, count: 1 },
        { nomineeId: who.cleo!.id, count: 1 },
      ].sort((a, b) => (a.nomineeId < b.nomineeId ? -1 : 1)),
    ]);
    expect(snap().log.filter((e) => e.type === 'reveal')).toMatchObject([{ kind: 'nomination', itemId: 's1', count: 4 }]);
  });

  it('[S4] in the change round a member changes their nomination with a reason; nobody changes another’s', async () => {
    expect(await as('fran', (d) => moveStage(d, 's1', 'react'))).toBeNull();
    expect(() => changeNomination(watcher.doc, 's1', who.cleo!.id, who.ann!.id, 'x', NOW)).toThrow('only in the open change round');
    expect(
      await as('ann', (d) => nominations(d).set(`s1/${who.ann!.id}`, { nomineeId: who.ann!.id, reason: 'me', round: 1, at: NOW })),
    ).toMatchObject({ rule: 'S4' });
    expect(await as('fran', (d) => openRound(d, 's1', { kind: 'change', order: [who.fran!.id], now: NOW }))).toBeNull();
    expect(
      await as('cleo', (d) => changeNomination(d, 's1', who.cleo!.id, who.ann!.id, 'Heard Ann: she has the time', NOW + 1)),
    ).toBeNull();
    expect(
      await as('cleo', (d) => nominations(d).set(`s1/${who.ben!.id}`, { nomineeId: who.cleo!.id, reason: 'forged', round: 2, at: NOW })),
    ).toMatchObject({ rule: 'S4' });
    await waitFor(() => snap().nominations?.[`s1/${who.cleo!.id}`]?.nomineeId === who.ann!.id, 'the change');
    expect(snap().nominations?.[`s1/${who.cleo!.id}`]).toMatchObject({ changedFrom: who.cleo!.id, reason: 'Heard Ann: she has the time' });
  });

  it('[M12][S5] the consent round needs the facilitator’s candidate; then consent runs as usual', async () => {
    expect(await as('fran', (d) => moveStage(d, 's1', 'consent'))).toMatchObject({ rule: 'M12' });
    expect(await as('fran', (d) => proposeCandidate(d, 's1', who.ann!.id, 'Ann as Treasurer until 2027-06-30'))).toBeNull();
    expect(await as('fran', (d) => moveStage(d, 's1', 'consent'))).toBeNull();
    expect(await as('fran', (d) => openRound(d, 's1', { kind: 'consent', order: [who.fran!.id], now: NOW }))).toBeNull();
    for (const name of ['fran', 'ann', 'ben', 'cleo'])
      expect(await as(name, (d) => givePosition(d, 's1', who[name]!.id, 'consent', NOW))).toBeNull();
  });

  it('[S6] the decision logs who holds the role until when, and the minutes say it', async () => {
    expect(await as('fran', (d) => recordDecision(d, 's1'))).toBeNull();
    await waitFor(() => snap().log.some((e) => e.type === 'selection'), 'the selection event');
    expect(snap().log.find((e) => e.type === 'selection')).toMatchObject({
      itemId: 's1',
      roleName: 'Treasurer',
      holderId: who.ann!.id,
      termEnd: '2027-06-30',
    });
    const md = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.md`, undefined, who.ben!.token);
    expect(md.text).toContain('**Selected:** Ann as Treasurer, term until 2027-06-30.');
    const json = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, who.ben!.token);
    expect((json.json as unknown as { items: { decision: unknown }[] }).items[0]!.decision).toMatchObject({
      selection: { roleName: 'Treasurer', holder: { name: 'Ann' }, termEnd: '2027-06-30' },
    });
  });
});
