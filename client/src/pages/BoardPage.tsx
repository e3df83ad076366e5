// The meeting board route: finds who I am on this device, connects, and shows the board.
import { loadSession, rememberTitle } from '../session.ts';
import { useMeetingSync } from '../sync/useMeetingSync.ts';
import { Board } from '../board/Board.tsx';
import { CannotOpen } from '../access/CannotOpen.tsx';
import '../styles/board.css';
import '../styles/followUp.css';

export default function BoardPage({ meetingId }: { meetingId: string }) {
  const session = loadSession(meetingId);
  if (!session) {
    return (
      <main className="page narrow">
        <h1>You have not joined this meeting on this device</h1>
        <p>Open the invite link the facilitator shared with you to join. Your place is then kept on this device.</p>
        <p>
          <a href="/">Start a new meeting instead</a> · <a href="/meetings">Meetings on this device</a>
        </p>
      </main>
    );
  }
  return <ConnectedBoard meetingId={meetingId} session={session} />;
}

function ConnectedBoard({ meetingId, session }: { meetingId: string; session: NonNullable<ReturnType<typeof loadSession>> }) {
  const sync = useMeetingSync(meetingId, session);
  if (sync.fatal) return <CannotOpen refused={sync.fatal} />;
  if (!sync.conn || !sync.ready) {
    return (
      <p className="loading" role="status">
        {sync.save === 'offline'
          ? 'You are offline, and this device has no copy of the meeting yet. The board opens as soon as the connection is back.'
          : 'Loading the meeting…'}
      </p>
    );
  }
  return <Board meetingId={meetingId} session={session} sync={sync} conn={sync.conn} onTitle={(title) => rememberTitle(meetingId, title)} />;
}
