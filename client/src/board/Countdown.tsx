// The active item's timebox, counted down from the server's log (the same on every screen).
import { activeItem, timebox } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { useNow } from '../state/useMeeting.ts';
import { formatDuration } from '../state/duration.ts';
import { UI, UI_T } from './words.ts';

export function Countdown() {
  const { snapshot } = useBoard();
  const now = useNow(1000);
  const item = activeItem(snapshot);
  // The timebox runs while the circle works on the item in the items phase.
  if (!item || item.timeboxMin <= 0 || snapshot.meta.phase !== 'items' || item.stage === 'decided' || item.stage === 'deferred')
    return null;
  const box = timebox(snapshot);
  if (!box) return <p className="countdown">{UI_T.timeboxNotStarted(item.timeboxMin)}</p>;
  const left = box.endsAt - now;
  const over = left < 0;
  return (
    <p className={`countdown${over ? ' over' : ''}`}>
      <span className="hint">{over ? UI.countdown.over : UI.countdown.left}</span> <strong>{formatDuration(left)}</strong> /{' '}
      {UI_T.countdownMin(box.timeboxMin)}
    </p>
  );
}
