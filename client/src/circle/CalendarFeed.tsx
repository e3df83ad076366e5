// [CI29] The circle's calendar address for members to subscribe to; the facilitator replaces it.
import { useState } from 'react';
import { CopyField } from '../ui/CopyField.tsx';
import { fetchCalendar, rotateCalendar } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { CALENDAR } from './recordWords.ts';
import { useLoaded } from './useLoaded.ts';

export function CalendarFeed({ circleId, session, facilitator }: { circleId: string; session: CircleSession; facilitator: boolean }) {
  const { data, error, reload } = useLoaded(() => fetchCalendar(circleId, session.credential), [circleId, session.credential]);
  const [failed, setFailed] = useState<string | null>(null);
  const rotate = () =>
    rotateCalendar(circleId, session.credential).then(reload, (err: unknown) => setFailed(String((err as Error).message ?? err)));
  return (
    <section aria-labelledby="calendar-heading" className="circle-section">
      <h2 id="calendar-heading">{CALENDAR.heading}</h2>
      <p className="hint">{CALENDAR.lead}</p>
      {(error ?? failed) && (
        <p className="error" role="alert">
          {error ?? failed}
        </p>
      )}
      {data && <CopyField label={CALENDAR.address} value={data.url} />}
      {facilitator && (
        <p>
          <button type="button" className="small" onClick={rotate}>
            {CALENDAR.rotate}
          </button>{' '}
          <span className="hint">{CALENDAR.rotateHint}</span>
        </p>
      )}
    </section>
  );
}
