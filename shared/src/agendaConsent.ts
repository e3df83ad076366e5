// Consent to the agenda (rules A1–A4): a quick round in phase `agenda` where
// each member consents to the agenda or objects with a reason. The facilitator
// may still move on; the log keeps the record as it stood then.
import type * as Y from 'yjs';
import { eligibleMembers } from './consent.ts';
import { valid } from './docLookup.ts';
import { ORIGIN } from './protocol.ts';
import { canonicalJson, fnv1a64 } from './revision.ts';
import { readMeeting } from './snapshot.ts';
import { PositionSchema, ROUND_KEY, RoundSchema, positionKey, positions, rounds, type AgendaConsentRecord } from './schema.ts';
import type { MeetingSnapshot } from './types.ts';

/** [A1] The agenda as consented to: item ids, titles and kinds in order. Any change makes earlier answers stale. */
export function agendaRevision(s: Pick<MeetingSnapshot, 'agenda'>): string {
  return fnv1a64(canonicalJson(s.agenda.map((i) => [i.id, i.title, i.kind])));
}

/** [A2] Who consented to the agenda, who objects and why, who is still owed, in the agenda round now open. */
export function deriveAgendaConsent(s: MeetingSnapshot): AgendaConsentRecord {
  const current = s.rounds[ROUND_KEY.agenda];
  const round = current?.kind === 'agenda' ? current.number : null;
  const revision = agendaRevision(s);
  const record: AgendaConsentRecord = {
    state: 'collecting',
    round,
    revision,
    eligible: eligibleMembers(s),
    consented: [],
    objecting: [],
    missing: [],
    stale: [],
    reasons: [],
  };
  for (const id of record.eligible) {
    const given = s.positions[positionKey(ROUND_KEY.agenda, id)];
    const counts = given !== undefined && round !== null && given.round === round && given.revision === revision;
    if (!counts) {
      record.missing.push(id);
      if (given !== undefined) record.stale.push(id);
    } else if (given.position === 'object') {
      record.objecting.push(id);
      record.reasons.push({ participantId: id, text: given.reason ?? '' });
    } else record.consented.push(id);
  }
  if (round === null) record.state = 'not-started';
  else if (record.objecting.length > 0) record.state = 'objections';
  else if (record.eligible.length > 0 && record.missing.length === 0) record.state = 'consented';
  return record;
}

/** [A3] A member's answer to the agenda: consent, or an objection with its reason. */
export function giveAgendaPosition(
  doc: Y.Doc,
  participantId: string,
  answer: { position: 'consent' } | { position: 'object'; reason: string },
  now: number,
  origin: unknown = ORIGIN.local,
): void {
  const current = RoundSchema.safeParse(rounds(doc).get(ROUND_KEY.agenda));
  if (!current.success || current.data.kind !== 'agenda' || current.data.closedAt !== undefined)
    throw new Error('The agenda is not being consented to right now.');
  const s = readMeeting(doc).meeting;
  if (!s.participants[participantId]) throw new Error(`Unknown participant "${participantId}".`);
  const entry = valid(
    PositionSchema,
    {
      position: answer.position,
      round: current.data.number,
      revision: agendaRevision(s),
      at: now,
      ...(answer.position === 'object' ? { reason: answer.reason.trim() } : {}),
    },
    'answer to the agenda',
  );
  doc.transact(() => positions(doc).set(positionKey(ROUND_KEY.agenda, participantId), entry), origin);
}
