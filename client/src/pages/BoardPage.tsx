// The meeting board route: finds who I am on this device, connects, and shows the board.
import { loadSession, rememberTitle } from '../session.ts';
import { useMeetingSync } from '../sync/useMeetingSync.ts';
import { Board } from '../board/Board.tsx';
import { CannotOpen } from '../access/CannotOpen.tsx';
import '../styles/board.css';
import '../styles/followUp.css';
import { NOT_JOINED } from '../access/words.ts';
import { useTranslation } from 'react-i18next';

export default function BoardPage({ meetingId }: { meetingId: string }) {
  const session = loadSession(meetingId);
  if (!session) {
    return (
      <main className="page narrow">
        <h1>{NOT_JOINED.title}</h1>
        <p>{NOT_JOINED.body}</p>
        <p>
          <a href="/">{NOT_JOINED.startNew}</a> · <a href="/meetings">{NOT_JOINED.myMeetings}</a>
        </p>
      </main>
    );
  }
  return <ConnectedBoard meetingId={meetingId} session={session} />;
}

function ConnectedBoard({ meetingId, session }: { meetingId: string; session: NonNullable<ReturnType<typeof loadSession>> }) {
  const sync = useMeetingSync(meetingId, session);
  // the board's panels are memoised: a new language mounts them afresh (the connection stays)
  const { i18n } = useTranslation();
  if (sync.fatal) return <CannotOpen refused={sync.fatal} />;
  if (!sync.conn || !sync.ready) {
    return (
      <p className="loading" role="status">
        {sync.save === 'offline' ? NOT_JOINED.offline : NOT_JOINED.loading}
      </p>
    );
  }
  return (
    <Board
      key={i18n.language}
      meetingId={meetingId}
      session={session}
      sync={sync}
      conn={sync.conn}
      onTitle={(title) => rememberTitle(meetingId, title)}
    />
  );
}
