// Regression: one participant writing under another's Yjs client id. Every
// struct is numbered (client, clock); a peer that already holds a number skips
// whatever else arrives under it. A member who writes placeholders at another
// member's next clocks makes the server skip that member's writes under those
// numbers: acknowledged, but never stored, relayed or counted. An objection
// written offline is silently erased. The server must refuse writes under a client id that
// another participant introduced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MESSAGE, SYNC, objections, raiseObjection } from '@consent/shared';
import { clientFor, openMeeting, type Meeting } from './harness/meeting.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import type { SyncClient } from './harness/syncClient.ts';
import { waitFor } from './harness/wait.ts';
import { addItem, addParagraph } from './harness/writes.ts';

const ITEM = 'item-ids';

/** A sync update frame holding `length` characters of text in the item's proposal, numbered as (client, clock…). */
function squat(client: number, clock: number, parent: Y.ID, length: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  encoding.writeVarUint(e, SYNC.update);
  const u = encoding.createEncoder();
  encoding.writeVarUint(u, 1);
  encoding.writeVarUint(u, 1);
  encoding.writeVarUint(u, client);
  encoding.writeVarUint(u, clock);
  encoding.writeUint8(u, 0x80 | 4); // ContentString after an existing character of the paragraph
  encoding.writeVarUint(u, parent.client);
  encoding.writeVarUint(u, parent.clock);
  encoding.writeVarString(u, 'z'.repeat(length));
  encoding.writeVarUint(u, 0);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(u));
  return encoding.toUint8Array(e);
}

describe('writes under another participant’s client id', () => {
  const server = new ServerProcess();
  let meeting: Meeting;
  let fay: SyncClient;
  let max: SyncClient;
  let mia: SyncClient;

  beforeAll(async () => {
    await server.start();
    meeting = await openMeeting(server.url, { Mia: 'member', Max: 'member' });
    fay = await clientFor(server.wsUrl, meeting, 'Fay', { ack: true });
    max = await clientFor(server.wsUrl, meeting, 'Max', { ack: true });
    mia = await clientFor(server.wsUrl, meeting, 'Mia', { ack: true });
    addItem(fay.doc, ITEM);
    await waitFor(() => max.doc.getArray('agenda').length === 1 && mia.doc.getArray('agenda').length === 1, { what: 'the item' });
    addParagraph(max.doc, ITEM, 'Max was here');
    await waitFor(() => max.durableClock === max.ownClock, { what: "Max's paragraph stored" });
  });
  afterAll(async () => {
    for (const c of [fay, max, mia]) c.disconnect();
    await server.dispose();
  });

  it('refuses placeholders at another member’s next clocks, so the objection that member wrote offline is stored and relayed', async () => {
    await waitFor(() => Y.getState(mia.doc.store, max.doc.clientID) === max.ownClock, { what: "Max's writes at Mia" });
    // Max loses his connection and raises an objection offline
    max.disconnect();
    raiseObjection(max.doc, {
      id: 'obj-max',
      itemId: ITEM,
      authorId: meeting.people.Max!.participantId,
      kind: 'objection',
      text: 'We lack water',
      now: Date.now(),
    });
    // Mia knows Max's client id and clock from the updates relayed to her, and takes his next clocks
    const victim = max.doc.clientID;
    const next = Y.getState(mia.doc.store, victim);
    const refusals = mia.refusals.length;
    mia.send(squat(victim, next, new Y.ID(victim, next - 1), 1000));
    await mia.roundTrip().catch(() => undefined);
    const refused = mia.refusals.length > refusals || mia.closes.length > 0;
    // Max comes back: his board syncs, and says his objection is saved
    await max.reconnect(server.wsUrl);
    await waitFor(() => max.acked >= 1, { what: "the server's acknowledgement of Max's sync" });
    await waitFor(() => objections(fay.doc).has('obj-max'), { timeoutMs: 3_000, what: "Max's objection at the facilitator" }).catch(
      () => undefined,
    );
    expect(objections(fay.doc).get('obj-max'), "Max's objection reached the facilitator").toBeDefined();
    expect(refused, "Mia's write under Max's client id was refused").toBe(true);
  });
});
