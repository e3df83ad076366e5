// The current round's speaking order: who speaks now, who is next, and how long
// each has spoken in this round and in the meeting, as bars read at a glance.
import { closeRound, passSpeaker, roundSpeakingTime, speakerOrder, speakingTime } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { useNow } from '../state/useMeeting.ts';
import { formatDuration } from '../state/duration.ts';
import { nameOf, WRITING } from './words.ts';
import { ROUND_TITLE, SPEAKING } from './facilitationWords.ts';

export function RoundOrder({ roundKey }: { roundKey: string }) {
  const { snapshot, doc, can, me, write } = useBoard();
  const now = useNow(1000);
  const order = speakerOrder(snapshot, roundKey);
  if (!order) return null;
  const { round } = order;
  // A closed meeting ends whatever round was still running, and so does a decided or deferred item.
  const stage = snapshot.agenda.find((i) => i.id === roundKey)?.stage;
  const open = order.open && snapshot.meta.phase !== 'closed' && stage !== 'decided' && stage !== 'deferred';
  const speaker = open ? order.speaker : null;
  // [T1] this round's times start at zero; the meeting's are the sum over every round
  const inRound = new Map(roundSpeakingTime(snapshot, roundKey, now).map((t) => [t.participantId, t.ms]));
  const inMeeting = new Map(speakingTime(snapshot, now).map((t) => [t.participantId, t.ms]));
  const longest = Math.max(1, ...inMeeting.values());
  const pass = () =>
    write(WRITING.passingTheWord, () => (order.next ? passSpeaker(doc, roundKey, order.next) : closeRound(doc, roundKey, Date.now())));
  return (
    <section className="round" aria-labelledby="round-heading">
      <h2 id="round-heading">
        {ROUND_TITLE[round.kind]}
        {!open && <span className="badge">{SPEAKING.closed}</span>}
      </h2>
      {speaker === me && (
        <p className="your-turn" role="status">
          {SPEAKING.yourTurn}
        </p>
      )}
      <ol className="speakers">
        {round.order.map((id) => {
          const mine = inRound.get(id) ?? 0;
          const total = inMeeting.get(id) ?? 0;
          return (
            <li
              key={id}
              className={id === speaker ? 'speaking' : order.spoken.includes(id) ? 'spoken' : ''}
              aria-current={id === speaker ? 'true' : undefined}
            >
              <span>{nameOf(snapshot, id)}</span>
              {id === speaker && <span className="badge now">{SPEAKING.now}</span>}
              {open && speaker && id === order.next && <span className="hint"> {SPEAKING.next}</span>}
              <span className="speaking-time" data-round-ms={mine}>
                <span className="visually-hidden">
                  {SPEAKING.roundTime(formatDuration(mine))}, {SPEAKING.meetingTime(formatDuration(total))}
                </span>
                <span aria-hidden="true">{formatDuration(mine)}</span>
              </span>
              <span className="time-bars" aria-hidden="true">
                <span className="bar meeting" style={{ width: `${(100 * total) / longest}%` }} />
                <span className="bar round" style={{ width: `${(100 * mine) / longest}%` }} />
              </span>
            </li>
          );
        })}
      </ol>
      <p className="hint legend">{SPEAKING.legend}</p>
      {open && !speaker && <p className="hint">{SPEAKING.everyone}</p>}
      {can.isFacilitator && open && speaker && (
        <div className="row">
          <button type="button" className="primary" onClick={pass}>
            {order.next ? SPEAKING.pass(nameOf(snapshot, order.next)) : SPEAKING.closeRound}
          </button>
        </div>
      )}
    </section>
  );
}
