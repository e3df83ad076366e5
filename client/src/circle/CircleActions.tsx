// [CI27] Action items of the circle's meetings that are not done yet.
import { fetchActions } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { ACTIONS } from './recordWords.ts';
import { useLoaded } from './useLoaded.ts';

export function CircleActions({ circleId, session, version }: { circleId: string; session: CircleSession; version: number }) {
  const { data, error } = useLoaded(() => fetchActions(circleId, session.credential), [circleId, session.credential, version]);
  return (
    <section aria-labelledby="actions-heading" className="circle-section">
      <h2 id="actions-heading">{ACTIONS.heading}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && data.actions.length === 0 && <p className="hint">{ACTIONS.none}</p>}
      {data && data.actions.length > 0 && (
        <ul>
          {data.actions.map((a) => (
            <li key={`${a.meetingId}/${a.actionId}`}>
              {ACTIONS.line(a.text, a.assignee.name, a.due)} <span className="hint">{ACTIONS.from(a.meetingTitle, a.itemTitle)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
