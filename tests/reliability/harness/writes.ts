// Honest writes the scenarios make, in the document's own shapes: an agenda
// item (facilitator), and proposal paragraphs that each writer appends to.
import * as Y from 'yjs';
import { addAgendaItem, proposal } from '@consent/shared';

/** The facilitator adds a consent item (stage `draft`, DESIGN §2). */
export function addItem(doc: Y.Doc, id: string, title = 'Garden budget'): void {
  addAgendaItem(doc, { id, title, kind: 'consent', ownerId: null, timeboxMin: 15 });
}

/** A new paragraph of its own at the end of an item's proposal; returns its text. */
export function addParagraph(doc: Y.Doc, itemId: string, text = ''): Y.XmlText {
  const fragment = proposal(doc, itemId);
  const paragraph = new Y.XmlElement('paragraph');
  const body = new Y.XmlText(text);
  doc.transact(() => {
    fragment.insert(fragment.length, [paragraph]);
    paragraph.insert(0, [body]);
  });
  return body;
}

/** The text of every paragraph of an item's proposal. */
export function paragraphs(doc: Y.Doc, itemId: string): string[] {
  return proposal(doc, itemId)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((t) => (t instanceof Y.XmlText ? t.toString() : ''))
            .join('')
        : '',
    );
}
