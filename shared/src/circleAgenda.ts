// [CI21][CI22][CI25] The agenda items a circle's facilitator takes into a new
// meeting from what the circle offers: a review of a register entry (its proposal
// starts from the text in force), a selection for a role whose term ends, or an
// item of the circle's backlog. Written by the server when it creates the meeting.
import * as Y from 'yjs';
import { addAgendaItem } from './commands.ts';
import { ORIGIN } from './protocol.ts';
import { AgendaItemSchema, proposal } from './schema.ts';
import { itemMap, valid } from './docLookup.ts';

export type SeededItem =
  | { id: string; kind: 'review'; title: string; text: string }
  | { id: string; kind: 'selection'; title: string; roleName: string }
  | { id: string; kind: 'backlog'; title: string; text: string };

/** Plain text as the proposal's paragraphs, one per line. */
export function writeProposalText(doc: Y.Doc, itemId: string, text: string, origin: unknown = ORIGIN.local): void {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  doc.transact(() => {
    const fragment = proposal(doc, itemId);
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      lines.map((l) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(l)]);
        return p;
      }),
    );
  }, origin);
}

/** Adds the items taken from the circle, in the order given, at stage `draft`. */
export function seedCircleAgenda(doc: Y.Doc, items: readonly SeededItem[], ownerId: string, origin: unknown = ORIGIN.local): void {
  doc.transact(() => {
    for (const item of items) {
      const kind = item.kind === 'selection' ? 'selection' : 'consent';
      addAgendaItem(doc, { id: item.id, title: item.title, kind, ownerId, timeboxMin: 15 }, origin);
      if (item.kind === 'selection') {
        // the role only: the new term's end is the circle's to choose in the meeting (S1)
        itemMap(doc, item.id).set('roleName', valid(AgendaItemSchema.shape.roleName, item.roleName.trim(), 'role'));
      } else if (item.text.trim()) {
        writeProposalText(doc, item.id, item.text, origin);
      }
    }
  }, origin);
}
