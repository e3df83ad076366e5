// The meetings this device has joined (created or by link), to return to their boards.
import { listSessions } from '../session.ts';
import { boardPath, navigate } from '../router.ts';
import { MY_MEETINGS } from '../access/words.ts';

export function MyMeetingsPage() {
  const meetings = listSessions();
  const go = (to: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(to);
  };
  return (
    <main className="page narrow">
      <h1>{MY_MEETINGS.title}</h1>
      <p className="lead">{MY_MEETINGS.lead}</p>
      {meetings.length === 0 ? (
        <p>{MY_MEETINGS.none}</p>
      ) : (
        <ul className="my-meetings">
          {meetings.map(({ meetingId, session }) => (
            <li key={meetingId}>
              <a href={boardPath(meetingId)} onClick={go(boardPath(meetingId))}>
                {session.title || MY_MEETINGS.untitled}
              </a>{' '}
              <span className="hint">{MY_MEETINGS.as(session.name || session.role, session.role)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/" onClick={go('/')}>
          {MY_MEETINGS.start}
        </a>
      </p>
    </main>
  );
}
