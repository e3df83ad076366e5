// The current round's speaking order: who speaks now, who is next, time spoken.
import { passSpeaker, speakerOrder, speakingTime } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { useNow } from '../state/useMeeting.ts';
import { formatDuration } from '../state/duration.ts';
import { nameOf } from './words.ts';

const ROUND_LABEL: Record<string, string> = {
  opening: 'Opening round', closing: 'Closing round', consent: 'Consent round', clarify: 'Clarifying round',
  react: 'Reaction round', nominations: 'Nominations round', change: 'Change round',
};

export function RoundOrder({ roundKey }: { roundKey: string }) {
  const { snapshot, doc, can, write } = useBoard();
  const now = useNow(1000);
  const order = speakerOrder(snapshot, roundKey);
  if (!order) return null;
  const { round } = order;
  // A closed meeting ends whatever round was still running.
  const open = order.open && snapshot.meta.phase !== 'closed';
  const speaker = open ? order.speaker : null;
  const times = new Map(speakingTime(snapshot, now).map((t) => [t.participantId, t.ms]));
  return (
    <section className="round" aria-labelledby="round-heading">
      <h2 id="round-heading">
        {ROUND_LABEL[round.kind] ?? 'Round'} {round.number > 1 && round.number}
        {!open && <span className="badge">closed</span>}
      </h2>
      <ol className="speakers">
        {round.order.map((id) => (
          <li key={id} className={id === speaker ? 'speaking' : order.spoken.includes(id) ? 'spoken' : ''} aria-current={id === speaker ? 'true' : undefined}>
            <span>{nameOf(snapshot, id)}</span>
            {id === speaker && <span className="badge now">speaking</span>}
            {open && speaker && id === order.next && <span className="hint"> next</span>}
            <span className="speaking-time" title="Speaking time in this meeting">{times.has(id) ? formatDuration(times.get(id) ?? 0) : ''}</span>
          </li>
        ))}
      </ol>
      {open && !speaker && <p className="hint">Everyone has spoken.</p>}
      {can.isFacilitator && open && speaker && (
        <div className="row">
          <button type="button" onClick={() => write('Passing the word', () => passSpeaker(doc, roundKey, order.next))}>
            {order.next ? `Pass to ${nameOf(snapshot, order.next)}` : 'End of round'}
          </button>
        </div>
      )}
    </section>
  );
}
