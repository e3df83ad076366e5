// Scenario 4, forged writes: every role tries to write what DESIGN §5 does not
// grant it. Each write is refused with its rule, never reaches another peer,
// leaves the sender's clock chain whole, and is not in the database after a
// kill -9 and restart (read back through a fresh client and SQLite itself).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addEvaluation,
  givePosition,
  movePhase,
  moveStage,
  notes,
  openRound,
  raiseObjection,
  readMeeting,
  setActiveItem,
  setTerm,
  writeNote,
} from '@consent/shared';
import { AWARENESS_FORGERIES, FORGERIES, ITEM, type Forgery, type Ids } from './forgedCases.ts';
import { filesContaining, rowsContaining, tableCounts } from './harness/database.ts';
import { clientFor, openMeeting, type Meeting } from './harness/meeting.ts';
import { report } from './harness/mode.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import { SyncClient } from './harness/syncClient.ts';
import { waitFor } from './harness/wait.ts';
import { addItem, addParagraph } from './harness/writes.ts';
import { daysFromToday } from '@consent/shared/testing/dates';

/**
 * The document's state apart from notes (which the barrier writes change) and the server's record of the
 * facilitator's presence (rule F3: written as honest awareness states come and go): what a forgery must not alter.
 */
function state(doc: Y.Doc): string {
  const { notes: _notes, handover: _presence, ...rest } = readMeeting(doc).meeting;
  return JSON.stringify(rest);
}

const durable = (c: SyncClient) => waitFor(() => c.durableClock === c.ownClock, { what: 'writes acknowledged' });

describe('forged writes', () => {
  const server = new ServerProcess();
  let meeting: Meeting;
  let ids: Ids;
  let max: SyncClient;
  let fay: SyncClient;
  let honest = '';
  const seenByFay: { clientId: number; user: unknown }[] = [];
  const refusedRules: Record<string, string> = {};

  beforeAll(async () => {
    await server.start();
    meeting = await openMeeting(server.url, { Mia: 'member', Max: 'member', Gus: 'guest', Olga: 'observer' });
    const p = meeting.people;
    ids = {
      Fay: p.Fay!.participantId,
      Mia: p.Mia!.participantId,
      Max: p.Max!.participantId,
      Gus: p.Gus!.participantId,
      Olga: p.Olga!.participantId,
    };
    // An honest meeting in its consent round: Max has consented and objected, Mia has a concern, Max evaluated.
    fay = await clientFor(server.wsUrl, meeting, 'Fay', { ack: true });
    max = await clientFor(server.wsUrl, meeting, 'Max', { ack: true });
    const mia = await clientFor(server.wsUrl, meeting, 'Mia', { ack: true });
    addItem(fay.doc, ITEM);
    for (const to of ['opening', 'agenda', 'items'] as const) movePhase(fay.doc, to);
    setActiveItem(fay.doc, ITEM);
    for (const to of ['present', 'clarify', 'react'] as const) moveStage(fay.doc, ITEM, to);
    // [C17] a consent round needs a proposal to consent to
    addParagraph(fay.doc, ITEM, 'A bed of beans.');
    // [M13] with a term, a decision without consent is refused for the consent (M7)
    setTerm(fay.doc, ITEM, { reviewDate: daysFromToday(180), measure: 'Beans by July' });
    await durable(fay);
    await waitFor(() => mia.doc.getArray('agenda').length === 1, { what: 'the item at Mia' });
    // [R20] the text is written before the consent round: it is locked during it
    addParagraph(mia.doc, ITEM, 'We plant beans in spring.');
    await durable(mia);
    await waitFor(() => fay.doc.getXmlFragment(`proposal/${ITEM}`).length === 2, { what: "Mia's paragraph at Fay" });
    moveStage(fay.doc, ITEM, 'consent');
    openRound(fay.doc, ITEM, { kind: 'consent', order: [ids.Fay, ids.Mia, ids.Max], now: 10 });
    writeNote(fay.doc, ITEM, 'notes');
    await durable(fay);
    await waitFor(() => max.doc.getMap('rounds').has(ITEM) && mia.doc.getMap('rounds').has(ITEM), { what: 'setup relayed' });
    raiseObjection(mia.doc, { id: 'obj-mia', itemId: ITEM, authorId: ids.Mia, kind: 'concern', text: 'Water is scarce', now: 11 });
    await durable(mia);
    await waitFor(() => max.doc.getMap('objections').has('obj-mia'), { what: 'concern relayed' });
    givePosition(max.doc, ITEM, ids.Max, 'object', 12);
    raiseObjection(max.doc, { id: 'obj-max', itemId: ITEM, authorId: ids.Max, kind: 'objection', text: 'Beans need water', now: 12 });
    addEvaluation(max.doc, ids.Max, { ratings: { clarity: 4 }, comment: 'clear' });
    await durable(max);
    expect([...fay.refusals, ...max.refusals, ...mia.refusals]).toEqual([]);
    await waitFor(() => state(fay.doc) === state(max.doc), { what: 'setup everywhere' });
    mia.disconnect();
    honest = state(max.doc);
    fay.awareness.on('change', () => {
      for (const [clientId, s] of fay.awareness.getStates()) seenByFay.push({ clientId, user: (s as { user?: unknown }).user });
    });
  });
  afterAll(async () => {
    fay.disconnect();
    max.disconnect();
    report('4 forged writes', { forgeries: FORGERIES.length, awarenessForgeries: AWARENESS_FORGERIES.length, refusedRules });
    await server.dispose();
  });

  /**
   * The forger writes honestly afterwards (an observer cannot: the facilitator does); a
   * peer gets that write, so the forger's clock chain is whole and the forgery is behind us.
   */
  async function barrier(forger: SyncClient, role: Forgery['actor']): Promise<void> {
    const writer = role === 'Olga' ? fay : forger;
    const opening = notes(writer.doc).get('opening')?.toString() ?? '';
    writeNote(writer.doc, 'opening', `${opening}.`);
    const clock = writer.ownClock;
    await waitFor(() => Y.getState(max.doc.store, writer.doc.clientID) >= clock, { what: 'the next honest write to reach a peer' });
    expect(forger.refusals.length).toBe(1);
  }

  for (const f of FORGERIES) {
    it(`[${f.rule}] refuses ${f.name} (${f.actor}), and no peer sees it`, async () => {
      const before = state(max.doc);
      const forger = await clientFor(server.wsUrl, meeting, f.actor, { ack: true });
      f.forge(forger.doc, ids);
      await waitFor(() => forger.refusals.length > 0, { timeoutMs: 3_000, what: `refusal of ${f.name}` });
      refusedRules[f.name] = forger.refusals[0]!.rule;
      expect(forger.refusals[0]!.rule).toBe(f.rule);
      await barrier(forger, f.actor);
      forger.disconnect();
      expect(state(max.doc)).toBe(before);
      if (f.marker) expect(Buffer.from(Y.encodeStateAsUpdate(max.doc)).includes(f.marker)).toBe(false);
    });
  }

  it('[R3] [R10] [P9] without ?ack=1 a forged write is answered with permission denied and the socket stays open, for every role', async () => {
    const before = state(max.doc);
    for (const actor of ['Fay', 'Mia', 'Gus', 'Olga'] as const) {
      const f = FORGERIES.find((x) => x.actor === actor && x.marker)!;
      const forger = await clientFor(server.wsUrl, meeting, actor);
      f.forge(forger.doc, ids);
      await waitFor(() => forger.denied.length > 0, { what: `permission denied after ${f.name}` });
      expect(forger.denied[0]!.split(':')[0]).toBe(f.rule);
      await forger.roundTrip();
      expect(forger.closes).toEqual([]);
      forger.disconnect();
    }
    expect(state(max.doc)).toBe(before);
  });

  for (const a of AWARENESS_FORGERIES) {
    it(`drops awareness ${a.name} (${a.actor}) and relays the honest state after it`, async () => {
      const forger = await clientFor(server.wsUrl, meeting, a.actor);
      forger.setUser(a.user(ids));
      forger.setUser({ id: ids[a.actor], name: a.actor });
      await waitFor(() => seenByFay.some((s) => s.clientId === forger.doc.clientID && (s.user as { name?: string })?.name === a.actor), {
        what: 'the honest awareness state',
      });
      forger.disconnect();
      const mine = seenByFay.filter((s) => s.clientId === forger.doc.clientID);
      const forged = mine.filter((s) => {
        const user = s.user as { id?: string; name?: string } | undefined;
        return user?.id !== ids[a.actor] || user?.name !== a.actor;
      });
      expect(mine.length).toBeGreaterThan(0);
      expect(forged).toEqual([]);
    });
  }

  it('keeps no forgery in the database after kill -9 and a restart', async () => {
    await server.kill9();
    await server.start();
    const reader = new SyncClient(meeting.meetingId, meeting.people.Max!.token);
    await reader.connectAndSync(server.wsUrl);
    reader.disconnect();
    const markers = FORGERIES.flatMap((f) => (f.marker ? [f.marker] : []));
    const onDisk = markers.flatMap((m) => filesContaining(server.dataDir, m).map((file) => `${m} in ${file}`));
    const inRows = markers.flatMap((m) => rowsContaining(server.dataDir, m).map((r) => `${m} in ${r.table}`));
    report('4 forged writes, after restart', {
      markers: markers.length,
      foundOnDisk: onDisk.length,
      foundInRows: inRows.length,
      tables: tableCounts(server.dataDir),
    });
    expect(state(reader.doc)).toBe(state(max.doc));
    expect(state(reader.doc), 'every forgery was refused, so the honest state is what was stored').toBe(honest);
    expect(onDisk).toEqual([]);
    expect(inRows).toEqual([]);
    // the honest content is there: the search can find what is stored
    expect(filesContaining(server.dataDir, 'Beans need water').length).toBeGreaterThan(0);
  });
});
