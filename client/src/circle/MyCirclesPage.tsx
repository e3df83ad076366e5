// "My circles": the circles this device belongs to, each with its meetings, which
// open without joining again. A circle whose credential is refused says why.
import { useState } from 'react';
import { circlePath, NEW_CIRCLE_PATH, navigate } from '../router.ts';
import { MeetingLinks } from './CircleMeetings.tsx';
import { forgetCircle, listCircles, type CircleSession } from './circleSession.ts';
import { useCircle } from './useCircle.ts';
import { MY_CIRCLES } from './words.ts';
import '../styles/circle.css';

const go = (to: string) => (e: React.MouseEvent) => {
  e.preventDefault();
  navigate(to);
};

export function MyCirclesPage() {
  const [circles, setCircles] = useState(listCircles);
  return (
    <main className="page narrow">
      <h1>{MY_CIRCLES.title}</h1>
      <p className="lead">{MY_CIRCLES.lead}</p>
      {circles.length === 0 && <p>{MY_CIRCLES.none}</p>}
      {circles.map(({ circleId, session }) => (
        <CircleEntry
          key={circleId}
          circleId={circleId}
          session={session}
          onForget={() => {
            forgetCircle(circleId);
            setCircles(listCircles());
          }}
        />
      ))}
      <p>
        <a href={NEW_CIRCLE_PATH} onClick={go(NEW_CIRCLE_PATH)}>
          {MY_CIRCLES.newCircle}
        </a>{' '}
        ·{' '}
        <a href="/" onClick={go('/')}>
          {MY_CIRCLES.start}
        </a>
      </p>
    </main>
  );
}

function CircleEntry({ circleId, session, onForget }: { circleId: string; session: CircleSession; onForget(): void }) {
  const data = useCircle(circleId, session);
  const [error, setError] = useState<string | null>(null);
  const name = data.circle?.name ?? session.circleName ?? circleId;
  return (
    <section className="circle-entry" aria-label={name}>
      <h2>
        <a href={circlePath(circleId)} onClick={go(circlePath(circleId))}>
          {name}
        </a>
      </h2>
      {data.error ? (
        <>
          <p className="error" role="alert">
            {data.error.message}
          </p>
          <button type="button" className="small" onClick={onForget}>
            {MY_CIRCLES.forget}
          </button>
        </>
      ) : !data.circle ? (
        <p className="hint" role="status">
          {MY_CIRCLES.loading}
        </p>
      ) : data.meetings.length === 0 ? (
        <p className="hint">{MY_CIRCLES.noMeetings}</p>
      ) : (
        <MeetingLinks circleId={circleId} meetings={data.meetings} session={session} onError={setError} />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
