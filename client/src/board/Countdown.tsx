// The active item's timebox, counted down from the log's timestamps.
import { useBoard } from './BoardContext.ts';
import { useNow } from '../state/useMeeting.ts';
import { activeTimebox, formatDuration } from '../state/timebox.ts';

export function Countdown() {
  const { snapshot } = useBoard();
  const now = useNow(1000);
  const box = activeTimebox(snapshot, now);
  if (!box) return null;
  if (box.leftMs === null) return <p className="countdown">Timebox {box.totalMs / 60_000} min (starts with the first step)</p>;
  const over = box.leftMs < 0;
  return (
    <p className={`countdown${over ? ' over' : ''}`} aria-label={over ? 'Timebox over by' : 'Time left in the timebox'}>
      <span className="hint">{over ? 'Over by' : 'Left'}</span> <strong>{formatDuration(box.leftMs)}</strong> / {box.totalMs / 60_000} min
    </p>
  );
}
