// One sentence on what the current phase is for, so nobody needs a manual.
import { useBoard } from './BoardContext.ts';
import type { Phase } from '@consent/shared';
import { PHASE_INTRO } from './facilitationWords.ts';

const INTRO: Record<Phase, (facilitator: boolean) => string> = {
  lobby: (f) => (f ? PHASE_INTRO.lobbyFacilitator : PHASE_INTRO.lobby),
  opening: () => PHASE_INTRO.opening,
  agenda: (f) => (f ? PHASE_INTRO.agendaFacilitator : PHASE_INTRO.agenda),
  items: () => PHASE_INTRO.items,
  closing: () => PHASE_INTRO.closing,
  closed: () => PHASE_INTRO.closed,
};

export function PhaseIntro() {
  const { snapshot, can } = useBoard();
  return <p className="phase-intro">{INTRO[snapshot.meta.phase](can.isFacilitator)}</p>;
}
