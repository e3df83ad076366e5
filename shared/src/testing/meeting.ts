// Test support: a meeting document as the server holds it, and peers that
// derive updates from it the way a client's provider would send them.
import * as Y from 'yjs';
import { addAgendaItem, addParticipant, createMeeting } from '../commands.ts';
import { proposal } from '../schema.ts';
import { setTerm } from '../term.ts';

/** item1's term: part of what the circle consents to (R19, M13). */
export const ITEM1_TERM = { reviewDate: '2027-06-01', measure: 'The kettle is used every day.' };

export const NOW = 1_700_000_000_000;

/** Fran facilitates; Ben and Cleo are members, Gus a guest, Otto an observer; item1 (consent, with a term) and item2 (report). */
export function meetingDoc(): Y.Doc {
  const doc = new Y.Doc();
  createMeeting(doc, {
    title: 'Budget',
    circle: 'Ops',
    aim: 'Keep the lights on',
    facilitatorId: 'fran',
    facilitatorName: 'Fran',
    now: NOW,
  });
  addParticipant(doc, 'ben', { name: 'Ben', role: 'member', now: NOW });
  addParticipant(doc, 'cleo', { name: 'Cleo', role: 'member', now: NOW });
  addParticipant(doc, 'gus', { name: 'Gus', role: 'guest', now: NOW });
  addParticipant(doc, 'otto', { name: 'Otto', role: 'observer', now: NOW });
  addAgendaItem(doc, { id: 'item1', title: 'Buy a kettle', kind: 'consent', ownerId: 'ben', timeboxMin: 10 });
  addAgendaItem(doc, { id: 'item2', title: 'News', kind: 'report', ownerId: null, timeboxMin: 5 });
  writeParagraph(doc, 'item1', 'We buy a kettle.');
  setTerm(doc, 'item1', ITEM1_TERM);
  return doc;
}

export function writeParagraph(doc: Y.Doc, itemId: string, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = proposal(doc, itemId);
    fragment.insert(fragment.length, [paragraph]);
  });
}

/** A peer holding the server's state, with a client id of its own. */
export function peerOf(server: Y.Doc): Y.Doc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
  return peer;
}

/** The update a peer's provider sends for `change` (its transactions' updates, merged). */
export function updateFrom(peer: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array): void => void updates.push(u);
  peer.on('update', collect);
  try {
    change(peer);
  } finally {
    peer.off('update', collect);
  }
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/** The update of `change` made on a fresh peer of `server`. */
export function edit(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  return updateFrom(peerOf(server), change);
}
