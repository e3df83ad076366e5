// The forged writes of scenario 4: for each role, a write to each part of the
// document that DESIGN §5 does not grant it, with the rule that refuses it
// (docs/consent-spec.md). Each forgery is a raw Yjs change, as a hostile
// client would make it, never a shared command (those validate).
import * as Y from 'yjs';
import { agenda, evaluation, log, meta, notes, objections, participants, positionKey, positions, proposal, rounds } from '@consent/shared';

export const ITEM = 'item-1';

/** Ids of the people of the meeting, known once it is set up. */
export interface Ids {
  Fay: string;
  Mia: string;
  Max: string;
  Gus: string;
  Olga: string;
}

export interface Forgery {
  name: string;
  /** Who forges (Fay is the facilitator, Mia and Max members, Gus a guest, Olga an observer). */
  actor: 'Fay' | 'Mia' | 'Max' | 'Gus' | 'Olga';
  /** The rule of docs/consent-spec.md that refuses it. */
  rule: string;
  /** A unique string the forgery writes, looked for on peers and on disk afterwards (if it writes one). */
  marker?: string;
  forge(doc: Y.Doc, ids: Ids): void;
}

const itemMap = (doc: Y.Doc): Y.Map<unknown> => {
  const found = agenda(doc)
    .toArray()
    .find((m) => m.get('id') === ITEM);
  if (!found) throw new Error('agenda item missing');
  return found;
};

const copyOf = (map: Y.Map<unknown>, key: string): Record<string, unknown> => ({ ...(map.get(key) as Record<string, unknown>) });

const mark = (name: string) => `FORGED-${name}`;

function forgery(actor: Forgery['actor'], rule: string, name: string, forge: (doc: Y.Doc, ids: Ids, marker: string) => void): Forgery {
  const marker = mark(name);
  return { name, actor, rule, marker, forge: (doc, ids) => forge(doc, ids, marker) };
}

/** Forgeries that write no text of their own (deletions, status flips): checked by the state they leave. */
function silent(actor: Forgery['actor'], rule: string, name: string, forge: (doc: Y.Doc, ids: Ids) => void): Forgery {
  return { name, actor, rule, forge };
}

const position = (marker: string) => ({ position: 'consent', round: 1, revision: marker, at: 1 });

export const FORGERIES: Forgery[] = [
  // another member's position
  forgery('Mia', 'R10', 'member-position-of-another', (doc, ids, m) => positions(doc).set(positionKey(ITEM, ids.Max), position(m))),
  forgery('Gus', 'R10', 'guest-position-of-a-member', (doc, ids, m) => positions(doc).set(positionKey(ITEM, ids.Mia), position(m))),
  forgery('Fay', 'R10', 'facilitator-position-of-a-member', (doc, ids, m) => positions(doc).set(positionKey(ITEM, ids.Max), position(m))),
  silent('Mia', 'R16', 'member-deletes-another-position', (doc, ids) => positions(doc).delete(positionKey(ITEM, ids.Max))),
  // another's objection card
  forgery('Mia', 'R11', 'member-withdraws-another-objection', (doc, _ids, m) => {
    objections(doc).set('obj-max', { ...copyOf(objections(doc), 'obj-max'), status: 'withdrawn', resolvedAt: 2, resolution: m });
  }),
  forgery('Fay', 'R11', 'facilitator-integrates-another-objection', (doc, _ids, m) => {
    objections(doc).set('obj-max', { ...copyOf(objections(doc), 'obj-max'), status: 'integrated', resolvedAt: 2, resolution: m });
  }),
  forgery('Mia', 'R11', 'member-raises-objection-as-another', (doc, ids, m) => {
    objections(doc).set('obj-forged', {
      itemId: ITEM,
      authorId: ids.Max,
      kind: 'objection',
      text: m,
      status: 'open',
      revision: '',
      createdAt: 1,
    });
  }),
  silent('Max', 'R11', 'author-deletes-own-objection', (doc) => objections(doc).delete('obj-max')),
  silent('Mia', 'R16', 'member-deletes-another-objection', (doc) => objections(doc).delete('obj-max')),
  // phase and stage moves by non-facilitators; moves the tables do not allow
  silent('Mia', 'R5', 'member-moves-phase', (doc) => meta(doc).set('phase', 'closing')),
  silent('Gus', 'R5', 'guest-moves-phase', (doc) => meta(doc).set('phase', 'closing')),
  silent('Mia', 'R6', 'member-moves-stage', (doc) => itemMap(doc).set('stage', 'resolve')),
  silent('Gus', 'R6', 'guest-records-decision', (doc) => itemMap(doc).set('stage', 'decided')),
  silent('Fay', 'M7', 'facilitator-decided-without-consent', (doc) => itemMap(doc).set('stage', 'decided')),
  silent('Fay', 'M6', 'facilitator-stage-back-to-draft', (doc) => itemMap(doc).set('stage', 'draft')),
  silent('Fay', 'M2', 'facilitator-skips-to-closed', (doc) => meta(doc).set('phase', 'closed')),
  // participant entries
  silent('Mia', 'R8', 'member-marks-another-absent', (doc, ids) =>
    participants(doc).set(ids.Max, { ...copyOf(participants(doc), ids.Max), present: false }),
  ),
  forgery('Mia', 'R8', 'member-adds-participant', (doc, _ids, m) =>
    participants(doc).set('ghost', { name: m, role: 'member', present: true, joinedAt: 1 }),
  ),
  forgery('Mia', 'R8', 'member-renames-self', (doc, ids, m) =>
    participants(doc).set(ids.Mia, { ...copyOf(participants(doc), ids.Mia), name: m }),
  ),
  silent('Gus', 'R8', 'guest-makes-self-member', (doc, ids) =>
    participants(doc).set(ids.Gus, { ...copyOf(participants(doc), ids.Gus), role: 'member' }),
  ),
  forgery('Fay', 'R9', 'facilitator-renames-member', (doc, ids, m) =>
    participants(doc).set(ids.Mia, { ...copyOf(participants(doc), ids.Mia), name: m }),
  ),
  forgery('Fay', 'R9', 'facilitator-adds-participant', (doc, _ids, m) =>
    participants(doc).set('ghost', { name: m, role: 'member', present: true, joinedAt: 1 }),
  ),
  silent('Fay', 'R16', 'facilitator-removes-participant', (doc, ids) => participants(doc).delete(ids.Max)),
  // the log, rounds, meta, agenda
  forgery('Fay', 'R2', 'facilitator-writes-log', (doc, ids, m) =>
    log(doc).push([
      { type: 'decision', at: 1, actorId: ids.Fay, itemId: ITEM, text: m, revision: '', reviewDate: null, consented: [], concerns: [] },
    ]),
  ),
  silent('Mia', 'R2', 'member-deletes-log', (doc) => log(doc).delete(0, 1)),
  silent('Mia', 'R7', 'member-takes-the-floor', (doc, ids) => rounds(doc).set(ITEM, { ...copyOf(rounds(doc), ITEM), speaker: ids.Mia })),
  forgery('Mia', 'R5', 'member-retitles-meeting', (doc, _ids, m) => meta(doc).set('title', m)),
  silent('Mia', 'R6', 'member-deletes-agenda-item', (doc) => agenda(doc).delete(0, 1)),
  forgery('Gus', 'R6', 'guest-adds-agenda-item', (doc, _ids, m) => {
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({
      id: m,
      title: m,
      kind: 'consent',
      ownerId: null,
      timeboxMin: 5,
      stage: 'draft',
      reviewDate: null,
    }))
      item.set(k, v);
    agenda(doc).push([item]);
  }),
  // nested content where plain JSON belongs (inside agenda items: agendaShape.test.ts)
  forgery('Mia', 'P4', 'member-nests-map-in-own-position', (doc, ids, m) => {
    const nested = new Y.Map<unknown>();
    positions(doc).set(positionKey(ITEM, ids.Mia), nested);
    nested.set('position', m);
  }),
  // evaluation, notes, unknown roots, proposals
  forgery('Mia', 'R14', 'member-evaluates-for-another', (doc, ids, m) =>
    evaluation(doc).set(ids.Max, { ratings: { clarity: 1 }, comment: m }),
  ),
  silent('Mia', 'R16', 'member-deletes-another-evaluation', (doc, ids) => evaluation(doc).delete(ids.Max)),
  silent('Mia', 'R13', 'member-removes-a-note', (doc) => notes(doc).delete(ITEM)),
  forgery('Mia', 'R15', 'member-writes-unknown-root', (doc, _ids, m) => doc.getMap('backdoor').set('x', m)),
  forgery('Mia', 'R12', 'member-writes-proposal-of-unknown-item', (doc, _ids, m) =>
    proposal(doc, 'no-such-item').insert(0, [new Y.XmlText(m)]),
  ),
  // an observer writes nothing
  forgery('Olga', 'R3', 'observer-gives-position', (doc, ids, m) => positions(doc).set(positionKey(ITEM, ids.Olga), position(m))),
  forgery('Olga', 'R3', 'observer-edits-proposal', (doc, _ids, m) => proposal(doc, ITEM).insert(0, [new Y.XmlText(m)])),
  forgery('Olga', 'R3', 'observer-edits-note', (doc, _ids, m) => notes(doc).get(ITEM)!.insert(0, m)),
  silent('Olga', 'R3', 'observer-marks-self-absent', (doc, ids) =>
    participants(doc).set(ids.Olga, { ...copyOf(participants(doc), ids.Olga), present: false }),
  ),
  forgery('Olga', 'R3', 'observer-raises-objection', (doc, ids, m) =>
    objections(doc).set('obj-olga', {
      itemId: ITEM,
      authorId: ids.Olga,
      kind: 'objection',
      text: m,
      status: 'open',
      revision: '',
      createdAt: 1,
    }),
  ),
];

/** Awareness forgeries: dropped silently by the server (docs/protocol.md, Awareness). */
export const AWARENESS_FORGERIES: { name: string; actor: Forgery['actor']; user: (ids: Ids) => { id: string; name: string } }[] = [
  { name: 'member-as-another-member', actor: 'Mia', user: (ids) => ({ id: ids.Max, name: 'Max' }) },
  { name: 'member-own-id-another-name', actor: 'Mia', user: (ids) => ({ id: ids.Mia, name: 'Max' }) },
  { name: 'guest-as-facilitator', actor: 'Gus', user: (ids) => ({ id: ids.Fay, name: 'Fay' }) },
  { name: 'observer-as-facilitator', actor: 'Olga', user: (ids) => ({ id: ids.Fay, name: 'Fay' }) },
];
