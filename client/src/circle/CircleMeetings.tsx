// The circle's meetings, newest first: each opens with this device's circle credential
// (no joining again); the facilitator starts a new one here.
import { useState } from 'react';
import type { CircleMeetingView, CircleView } from '@consent/shared';
import { ApiError } from '../api.ts';
import { NewMeetingForm } from './NewMeetingForm.tsx';
import type { CircleSession } from './circleSession.ts';
import { openCircleMeeting } from './openMeeting.ts';
import { CIRCLE_PAGE } from './words.ts';
import { UI_T } from '../board/words.ts';

export function CircleMeetings({
  circle,
  meetings,
  session,
}: {
  circle: CircleView;
  meetings: CircleMeetingView[];
  session: CircleSession;
}) {
  const [error, setError] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  return (
    <section aria-labelledby="meetings-heading" className="circle-section">
      <h2 id="meetings-heading">{CIRCLE_PAGE.meetings}</h2>
      {circle.you.facilitator && !planning && (
        <button type="button" className="primary" onClick={() => setPlanning(true)}>
          {CIRCLE_PAGE.newMeeting}
        </button>
      )}
      {planning && <NewMeetingForm circleId={circle.id} session={session} onCancel={() => setPlanning(false)} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {meetings.length === 0 ? (
        <p className="hint">{CIRCLE_PAGE.noMeetings}</p>
      ) : (
        <MeetingLinks circleId={circle.id} meetings={meetings} session={session} onError={setError} />
      )}
    </section>
  );
}

/** Links that open a circle's meetings with the circle credential; shared with "My circles". */
export function MeetingLinks({
  circleId,
  meetings,
  session,
  onError,
}: {
  circleId: string;
  meetings: CircleMeetingView[];
  session: CircleSession;
  onError(message: string): void;
}) {
  const open = (meetingId: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    openCircleMeeting(circleId, session, meetingId).catch((err: unknown) => onError(err instanceof ApiError ? err.message : String(err)));
  };
  return (
    <ul className="circle-meetings">
      {meetings.map((m) => (
        <li key={m.meetingId}>
          <a href={`/m/${encodeURIComponent(m.meetingId)}`} onClick={open(m.meetingId)}>
            {m.title}
          </a>{' '}
          <span className="hint">{UI_T.date(m.createdAt)}</span>
        </li>
      ))}
    </ul>
  );
}
