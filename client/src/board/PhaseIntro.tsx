// One sentence on what the current phase is for, so nobody needs a manual.
import { useBoard } from './BoardContext.ts';
import type { Phase } from '@consent/shared';

const INTRO: Record<Phase, (facilitator: boolean) => string> = {
  lobby: (f) => (f ? 'Share the links, one per role (they stay under “Invite” at the top). When everyone is here, start the meeting (right).' : 'Waiting for the facilitator to open the meeting.'),
  opening: () => 'Opening round: each person says how they arrive, in turn.',
  agenda: (f) => (f ? 'Build the agenda on the left and note who attends; then ask the circle to consent to the agenda (right).' : 'The circle consents to the agenda and notes attendance.'),
  items: () => 'The agenda items, one by one.',
  closing: () => 'Closing round: each person evaluates the meeting.',
  closed: () => 'The meeting is closed. The board is read-only; download the minutes from the top bar.',
};

export function PhaseIntro() {
  const { snapshot, can } = useBoard();
  return <p className="phase-intro">{INTRO[snapshot.meta.phase](can.isFacilitator)}</p>;
}
