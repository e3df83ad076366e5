// Regression tests for hostile input the fuzz scenario found: frames whose
// declared lengths run past their end, and updates whose structs refer to a
// later change of their own client (Yjs integrates those by throwing).
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE, MESSAGE, SYNC } from '@consent/shared';
import { clientFor, openMeeting, type Meeting } from './harness/meeting.ts';
import { handWebsocket, maskedFrame } from './harness/rawSockets.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import type { SyncClient } from './harness/syncClient.ts';
import { waitFor } from './harness/wait.ts';
import { addItem, addParagraph, paragraphs } from './harness/writes.ts';

const ATTACKER = 4242;
const ITEM = 'item-hostile';

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

const updateFrame = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, update);
  });

/** A v1 update of one client: `structs` writes each struct after the header. */
function update(client: number, clock: number, count: number, structs: (e: encoding.Encoder) => void): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, count);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    structs(e);
    encoding.writeVarUint(e, 0); // empty delete set
  });
}

/** What the server did with a frame the client sent: a refusal, a close, or nothing. */
async function answerTo(client: SyncClient, bytes: Uint8Array): Promise<string> {
  const refusals = client.refusals.length;
  const closes = client.closes.length;
  client.send(bytes);
  await client.roundTrip().catch(() => undefined);
  if (client.closes.length > closes) return `close ${client.closes[closes]!.code}`;
  if (client.refusals.length > refusals) return `refused ${client.refusals[refusals]!.rule}`;
  return 'accepted';
}

describe('hostile updates and frames', () => {
  const server = new ServerProcess();
  let meeting: Meeting;
  let fay: SyncClient;
  let max: SyncClient;

  beforeAll(async () => {
    await server.start();
    meeting = await openMeeting(server.url, { Mia: 'member', Max: 'member' });
    fay = await clientFor(server.wsUrl, meeting, 'Fay', { ack: true });
    max = await clientFor(server.wsUrl, meeting, 'Max', { ack: true });
    addItem(fay.doc, ITEM);
    await waitFor(() => max.doc.getArray('agenda').length === 1, { what: 'agenda item relayed' });
  });
  afterAll(async () => {
    fay.disconnect();
    max.disconnect();
    await server.dispose();
  });

  /**
   * The room still relays an honest write, and the update was refused before Yjs
   * applied it: a throw inside Yjs makes the server reload the room from storage,
   * which a member could repeat at will to stall everyone in it.
   */
  async function roomStillWorks(): Promise<void> {
    const before = paragraphs(max.doc, ITEM).length;
    addParagraph(fay.doc, ITEM, 'still here');
    await waitFor(() => paragraphs(max.doc, ITEM).length === before + 1, { what: 'an honest write to be relayed' });
    expect(server.tail(50)).not.toMatch(/frame handling failed|failed to integrate/);
  }

  it('[P1] closes with 1007 a frame whose declared length runs past its end, even when more bytes follow in the same read', async () => {
    const socket = await handWebsocket(server.url, `/sync/${meeting.meetingId}?token=${meeting.people.Mia!.token}`);
    await waitFor(() => socket.frames.length > 0, { what: "the server's sync step 1" });
    const before = socket.frames.length;
    // sync step 1 declaring a 5-byte state vector of which the frame holds 1; a queryAwareness follows in the same write
    const truncated = new Uint8Array([MESSAGE.sync, SYNC.step1, 5, 0]);
    socket.write([maskedFrame(truncated), maskedFrame(new Uint8Array([MESSAGE.queryAwareness]))]);
    await waitFor(() => socket.closeCode() !== null || socket.frames.slice(before).some((f) => f.payload[0] === MESSAGE.awareness), {
      what: 'a close or an answer',
    });
    const answered = socket.frames
      .slice(before)
      .map((f) => (f.opcode === 0x8 ? `close ${socket.closeCode()}` : `type ${f.payload[0]}/${f.payload[1]}`));
    socket.socket.destroy();
    expect(answered).toEqual([`close ${CLOSE.malformed}`]);
  });

  it('[P1] refuses already-known structs that name a later change of their own client as parent, without failing', async () => {
    const mia = await clientFor(server.wsUrl, meeting, 'Mia', { ack: true });
    // Mia writes meta (R5): refused and neutralized, so the server now holds (ATTACKER, 0) as a placeholder
    const meta = update(ATTACKER, 0, 1, (e) => {
      encoding.writeUint8(e, 8 | 0x20); // ContentAny, parent by root name, with a key
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'meta');
      encoding.writeVarString(e, 'title');
      encoding.writeVarUint(e, 1);
      encoding.writeUint8(e, 119); // any: a string
      encoding.writeVarString(e, 'taken over');
    });
    expect(await answerTo(mia, updateFrame(meta))).toBe('refused R5');
    // (ATTACKER, 0) again, now naming (ATTACKER, 1) as its parent: a clock the server does not have
    const hostile = update(ATTACKER, 0, 1, (e) => {
      encoding.writeUint8(e, 4); // ContentString, parent given as an item id
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, ATTACKER);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'x');
    });
    const answer = await answerTo(mia, updateFrame(hostile));
    mia.disconnect();
    expect([`close ${CLOSE.malformed}`, 'refused P1', 'refused P2']).toContain(answer);
    await roomStillWorks();
  });

  it('[P1] refuses whole an update whose struct names a later struct of the same update as its origin', async () => {
    const mia = await clientFor(server.wsUrl, meeting, 'Mia', { ack: true });
    const client = ATTACKER + 1;
    const forward = update(client, 0, 3, (e) => {
      // (client, 0): a paragraph at the start of the proposal (allowed on its own, R12)
      encoding.writeUint8(e, 7);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, `proposal/${ITEM}`);
      encoding.writeVarUint(e, 3); // XmlElement
      encoding.writeVarString(e, 'paragraph');
      // (client, 1): text whose origin is (client, 2), written after it
      encoding.writeUint8(e, 0x80 | 4);
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, 2);
      encoding.writeVarString(e, 'a');
      // (client, 2): text after the paragraph
      encoding.writeUint8(e, 0x80 | 4);
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, 'b');
    });
    const before = paragraphs(max.doc, ITEM).length;
    const answer = await answerTo(mia, updateFrame(forward));
    mia.disconnect();
    expect([`close ${CLOSE.malformed}`, 'refused P1', 'refused P2']).toContain(answer);
    await roomStillWorks();
    // refused whole: the paragraph that came first in the update reached nobody
    expect(paragraphs(max.doc, ITEM).length).toBe(before + 1);
  });
});
