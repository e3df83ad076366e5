// The move tables (DESIGN §4) as data, and the one check of a phase or stage
// move that the board (to offer buttons) and the server (to refuse) both use.
// Rules M1–M13 in docs/consent-spec.md.
import { deriveConsent } from './consent.ts';
import { quorumSentence, quorumState } from './quorum.ts';
import { consentedReviewDate } from './term.ts';
import { PHASES, STAGES, type ItemKind, type Phase, type Stage } from './schema.ts';
import type { Actor, MeetingSnapshot, Verdict } from './types.ts';

/** [M2] Meeting phases go forward one step at a time; `closed` is final [M3]. */
export const PHASE_MOVES: Readonly<Record<Phase, readonly Phase[]>> = {
  lobby: ['opening'],
  opening: ['agenda'],
  agenda: ['items'],
  items: ['closing'],
  closing: ['closed'],
  closed: [],
};

/** [M6] The consent process of an item; `decided` and `deferred` are final. */
export const STAGE_MOVES: Readonly<Record<Stage, readonly Stage[]>> = {
  draft: ['present', 'deferred'],
  present: ['clarify', 'deferred'],
  clarify: ['react', 'deferred'],
  react: ['consent', 'deferred'],
  consent: ['resolve', 'decided', 'deferred'],
  resolve: ['consent', 'deferred'],
  decided: [],
  deferred: [],
};

/** [M5] Item kinds that run the consent process; report and explore items have no stages. */
export const STAGED_KINDS: readonly ItemKind[] = ['consent', 'selection'];

/** [M11] Stages between present and resolve: an item there is mid-process and holds the meeting in `items`. */
export const MID_PROCESS_STAGES: readonly Stage[] = ['present', 'clarify', 'react', 'consent', 'resolve'];

/** [M11] The consent or selection item that is mid-process, if any (the first in agenda order). */
export function itemMidProcess(snapshot: MeetingSnapshot) {
  return snapshot.agenda.find((i) => STAGED_KINDS.includes(i.kind) && MID_PROCESS_STAGES.includes(i.stage)) ?? null;
}

export type Move = { kind: 'phase'; to: Phase } | { kind: 'stage'; itemId: string; to: Stage };

const refuse = (rule: string, reason: string): Verdict => ({ ok: false, rule, reason });
const OK: Verdict = { ok: true };

/** Whether `actor` may make `move` in the meeting as it is now. */
export function checkMove(snapshot: MeetingSnapshot, actor: Actor, move: Move): Verdict {
  const { meta } = snapshot;
  if (actor.kind === 'participant' && (meta.facilitatorId === '' || actor.participantId !== meta.facilitatorId)) {
    return refuse('M1', 'Only the facilitator moves the meeting through its phases and stages.');
  }
  if (meta.phase === 'closed') return refuse('M3', 'The meeting is closed; nothing moves any more.');
  if (move.kind === 'phase') {
    if (!PHASE_MOVES[meta.phase].includes(move.to)) {
      const next = PHASE_MOVES[meta.phase][0];
      return refuse('M2', `The meeting is in "${meta.phase}"; it can only move on to "${next}", not to "${move.to}".`);
    }
    const stranded = meta.phase === 'items' ? itemMidProcess(snapshot) : null;
    if (stranded) {
      return refuse(
        'M11',
        `"${stranded.title}" is still at "${stranded.stage}"; defer it (to carry it to the next meeting) or finish it before leaving the items.`,
      );
    }
    return OK;
  }
  if (meta.phase !== 'items') {
    return refuse('M4', `Agenda items move only in the "items" phase; the meeting is in "${meta.phase}".`);
  }
  const item = snapshot.agenda.find((i) => i.id === move.itemId);
  if (!item) return refuse('M8', `There is no agenda item "${move.itemId}".`);
  if (!STAGED_KINDS.includes(item.kind)) {
    return refuse('M5', `"${item.title}" is a ${item.kind} item; only consent and selection items have stages.`);
  }
  const allowed = STAGE_MOVES[item.stage];
  if (!allowed.includes(move.to)) {
    const options = allowed.length > 0 ? `it can move to ${allowed.map((s) => `"${s}"`).join(' or ')}` : 'that is final';
    return refuse('M6', `"${item.title}" is at "${item.stage}"; ${options}, not to "${move.to}".`);
  }
  if (item.kind === 'selection' && move.to === 'consent' && !item.candidateId) {
    return refuse('M12', `"${item.title}" goes to its consent round once the facilitator has proposed a candidate.`);
  }
  if (move.to === 'decided' && item.kind === 'consent' && consentedReviewDate(snapshot, item.id) === null) {
    return refuse(
      'M13',
      `"${item.title}" has no review date in its term; a decision needs one. Set the term in resolve, then ask for consent again.`,
    );
  }
  if (move.to === 'decided') {
    // [Q3] below quorum nothing is decided, however clear the consent
    const quorum = quorumState(snapshot);
    if (!quorum.met) return refuse('Q3', quorumSentence(quorum));
    const consent = deriveConsent(snapshot, item.id);
    if (consent.state !== 'consented') {
      return refuse('M7', `"${item.title}" can be recorded as decided only once consented; it is "${consent.state}".`);
    }
  }
  return OK;
}

/** [M9] Exactly the moves `checkMove` accepts from this participant now, phase move first, then items in agenda order. */
export function allowedMoves(snapshot: MeetingSnapshot, actorId: string): Move[] {
  const actor: Actor = { kind: 'participant', participantId: actorId };
  const candidates: Move[] = PHASE_MOVES[snapshot.meta.phase].map((to): Move => ({ kind: 'phase', to }));
  for (const item of snapshot.agenda) {
    for (const to of STAGE_MOVES[item.stage]) candidates.push({ kind: 'stage', itemId: item.id, to });
  }
  return candidates.filter((move) => checkMove(snapshot, actor, move).ok);
}

/** Every move that names a known phase or stage, for tests and tools that enumerate. */
export function everyMove(snapshot: MeetingSnapshot): Move[] {
  const moves: Move[] = PHASES.map((to): Move => ({ kind: 'phase', to }));
  for (const item of snapshot.agenda) for (const to of STAGES) moves.push({ kind: 'stage', itemId: item.id, to });
  return moves;
}
