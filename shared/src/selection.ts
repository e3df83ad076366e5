// The selection process of a `selection` item [S1–S7]: role and term, the
// nominations (sealed, revealed together), the change round, the candidate
// the facilitator proposes, then an ordinary consent round.
import * as Y from 'yjs';
import { ORIGIN } from './protocol.ts';
import { itemMap, participant, round, valid } from './docLookup.ts';
import { AgendaItemSchema, NominationSchema, nominations, positionKey, proposal, type Nomination } from './schema.ts';
import type { MeetingSnapshot } from './types.ts';

/** [S1] The facilitator sets the role the item fills and when its term ends. */
export function setSelectionTerms(
  doc: Y.Doc,
  itemId: string,
  t: { roleName: string; termEnd: string },
  origin: unknown = ORIGIN.local,
): void {
  const roleName = valid(AgendaItemSchema.shape.roleName, t.roleName.trim(), 'role');
  const termEnd = valid(AgendaItemSchema.shape.termEnd, t.termEnd, 'term end');
  if (!roleName) throw new Error('Name the role.');
  const map = itemMap(doc, itemId);
  doc.transact(() => {
    map.set('roleName', roleName);
    map.set('termEnd', termEnd);
  }, origin);
}

/** [S4] A member changes their nomination in the change round, with a reason. */
export function changeNomination(
  doc: Y.Doc,
  itemId: string,
  by: string,
  nomineeId: string,
  reason: string,
  now: number,
  origin: unknown = ORIGIN.local,
): void {
  participant(doc, nomineeId);
  const current = round(doc, itemId);
  if (current.kind !== 'change' || current.closedAt !== undefined) throw new Error('Nominations change only in the open change round.');
  const before = NominationSchema.safeParse(nominations(doc).get(positionKey(itemId, by)));
  const changedFrom =
    before.success && before.data.nomineeId !== nomineeId ? before.data.nomineeId : before.success ? before.data.changedFrom : undefined;
  const entry = valid(
    NominationSchema,
    { nomineeId, reason: reason.trim(), round: current.number, at: now, ...(changedFrom ? { changedFrom } : {}) },
    'nomination',
  );
  doc.transact(() => nominations(doc).set(positionKey(itemId, by), entry), origin);
}

/** [S5] The facilitator proposes a candidate: the item names them and the proposal text says it. */
export function proposeCandidate(doc: Y.Doc, itemId: string, candidateId: string, text: string, origin: unknown = ORIGIN.local): void {
  participant(doc, candidateId);
  const map = itemMap(doc, itemId);
  doc.transact(() => {
    map.set('candidateId', candidateId);
    const fragment = proposal(doc, itemId);
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [p]);
  }, origin);
}

export interface NominationRow extends Nomination {
  by: string;
}

/** [S3] The item's nominations, by nominator id. */
export function nominationsOf(s: MeetingSnapshot, itemId: string): NominationRow[] {
  const prefix = `${itemId}/`;
  return Object.entries(s.nominations ?? {})
    .filter(([key]) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
    .map(([key, n]) => ({ ...n, by: key.slice(prefix.length) }));
}

/** How many nominations each nominee has, most first (ties by id). */
export function nominationTally(s: MeetingSnapshot, itemId: string): { nomineeId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of nominationsOf(s, itemId)) counts.set(n.nomineeId, (counts.get(n.nomineeId) ?? 0) + 1);
  return [...counts]
    .map(([nomineeId, count]) => ({ nomineeId, count }))
    .sort((a, b) => b.count - a.count || (a.nomineeId < b.nomineeId ? -1 : 1));
}
