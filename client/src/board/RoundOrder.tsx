// The current round's speaking order: who speaks now, who is next, time spoken.
import { passSpeaker } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { useNow } from '../state/useMeeting.ts';
import { roundSpeakingTime } from '../state/speaking.ts';
import { formatDuration } from '../state/timebox.ts';
import { nameOf } from './words.ts';

const ROUND_LABEL: Record<string, string> = {
  opening: 'Opening round', closing: 'Closing round', consent: 'Consent round', clarify: 'Clarifying round',
  react: 'Reaction round', nominations: 'Nominations round', change: 'Change round',
};

export function RoundOrder({ roundKey }: { roundKey: string }) {
  const { snapshot, doc, can, write } = useBoard();
  const now = useNow(1000);
  const round = snapshot.rounds[roundKey];
  if (!round) return null;
  const times = roundSpeakingTime(snapshot, roundKey, now);
  const at = round.speaker ? round.order.indexOf(round.speaker) : -1;
  const next = round.order[at + 1] ?? null;
  const closed = round.closedAt !== undefined;
  // A round opens with its first speaker; no speaker afterwards means everyone had their turn.
  const complete = !round.speaker;
  return (
    <section className="round" aria-labelledby="round-heading">
      <h2 id="round-heading">
        {ROUND_LABEL[round.kind] ?? 'Round'} {round.number > 1 && round.number}
        {closed && <span className="badge">closed</span>}
      </h2>
      <ol className="speakers">
        {round.order.map((id, i) => (
          <li key={id} className={id === round.speaker ? 'speaking' : i < at ? 'spoken' : ''} aria-current={id === round.speaker ? 'true' : undefined}>
            <span>{nameOf(snapshot, id)}</span>
            {id === round.speaker && <span className="badge now">speaking</span>}
            {!closed && id === next && round.speaker && <span className="hint"> next</span>}
            <span className="speaking-time">{times.has(id) ? formatDuration(times.get(id) ?? 0) : ''}</span>
          </li>
        ))}
      </ol>
      {!closed && complete && <p className="hint">Everyone has spoken.</p>}
      {can.isFacilitator && !closed && !complete && (
        <div className="row">
          <button type="button" onClick={() => write('Passing the word', () => passSpeaker(doc, roundKey, next))}>
            {next ? `Pass to ${nameOf(snapshot, next)}` : 'End of round'}
          </button>
        </div>
      )}
    </section>
  );
}
