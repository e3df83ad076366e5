// The facilitator's moves ordered so that one stands out as the next step: the
// move table (shared) says what is allowed, this says what a facilitator does next.
import { allowedMoves, deriveConsent, isBlankProposal, type MeetingSnapshot, type Move } from '@consent/shared';

export interface FacilitatorMoves {
  /** The one obvious next action, if any. */
  next: Move | null;
  /** Other allowed moves of the active item and the phase, less prominent. */
  more: Move[];
  /** Moves of items that are not active. */
  others: Move[];
  /** The active item's proposal is blank: a consent round cannot open [C17]. */
  blankProposal: boolean;
}

/** Resolving objections is offered only when there is an objection to resolve. */
function useful(s: MeetingSnapshot, move: Move): boolean {
  if (move.kind !== 'stage') return true;
  if (move.to === 'resolve') return deriveConsent(s, move.itemId).openObjections.length > 0;
  return true;
}

export function facilitatorMoves(s: MeetingSnapshot, me: string): FacilitatorMoves {
  const all = allowedMoves(s, me).filter((m) => useful(s, m));
  const activeId = s.meta.activeItemId;
  const item = all.filter((m) => m.kind === 'stage' && m.itemId === activeId);
  const phase = all.filter((m) => m.kind === 'phase');
  const others = all.filter((m) => m.kind === 'stage' && m.itemId !== activeId);
  const blankProposal = activeId !== null && isBlankProposal(s.proposals[activeId]?.nodes ?? []);
  // the item's forward step first (deferring is never the obvious step), then the phase
  const forward = item.filter((m) => m.kind === 'stage' && m.to !== 'deferred');
  const ordered = [...forward, ...phase, ...item.filter((m) => !forward.includes(m))];
  // while an item is mid-process the next phase is not the obvious step
  const midItem = forward.length > 0;
  const next = ordered.find((m) => !(m.kind === 'phase' && midItem)) ?? null;
  return { next, more: ordered.filter((m) => m !== next), others, blankProposal };
}
