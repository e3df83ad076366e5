// Attendance: who is present for the meeting (counts for consent), apart from who is online.
import { mayChangePresence, setPresent } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { participantsInOrder } from '../state/participants.ts';
import { UI, WRITING, roleLabel } from './words.ts';

export function AttendanceList() {
  const { snapshot, doc, me, online, write } = useBoard();
  return (
    <section className="attendance" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{UI.attendance.heading}</h2>
      <ul>
        {participantsInOrder(snapshot).map(({ id, ...p }) => {
          const mayChange = mayChangePresence(snapshot, me, id); // [R8][R9]
          return (
            <li key={id}>
              <label>
                <input
                  type="checkbox"
                  checked={p.present}
                  disabled={!mayChange}
                  onChange={(e) => write(WRITING.changingAttendance, () => setPresent(doc, id, e.target.checked))}
                />
                {p.name}{' '}
                <span className="hint">
                  ({roleLabel(p.role)}
                  {online.has(id) ? UI.participants.onlineNow : ''})
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
