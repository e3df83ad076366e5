// The board's layout (DESIGN §6): top bar, agenda left, proposal centre, consent right.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Session } from '../session.ts';
import type { MeetingConnection, MeetingSync } from '../sync/useMeetingSync.ts';
import { useMeeting } from '../state/useMeeting.ts';
import { usePresence, onlineIds } from '../state/usePresence.ts';
import { abilities } from '../state/abilities.ts';
import { BoardContext, type BoardState } from './BoardContext.ts';
import { TopBar } from './TopBar.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
import { CentrePanel } from './CentrePanel.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { RefusalBanner } from './RefusalBanner.tsx';

interface Props {
  meetingId: string;
  session: Session;
  sync: MeetingSync;
  conn: MeetingConnection;
  /** Called with the meeting's title as it changes (the list of meetings on this device shows it). */
  onTitle?: (title: string) => void;
}

export function Board({ meetingId, session, sync, conn, onTitle }: Props) {
  const snapshot = useMeeting(conn.doc);
  const users = usePresence(conn.provider);
  const [failure, setFailure] = useState<string | null>(null);
  const me = session.participantId;
  const title = snapshot.meta.title;
  useEffect(() => {
    document.title = title ? `${title} · Consent Board` : 'Consent Board';
    if (title) onTitle?.(title);
  }, [title, onTitle]);

  const write = useCallback((what: string, fn: () => void) => {
    try {
      fn();
      setFailure(null);
      return true;
    } catch (err) {
      setFailure(`${what} did not work: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }, []);

  const state: BoardState = useMemo(
    () => ({ meetingId, session, doc: conn.doc, snapshot, me, can: abilities(snapshot, me), online: onlineIds(users), users, write }),
    [meetingId, session, conn.doc, snapshot, me, users, write],
  );

  return (
    <BoardContext.Provider value={state}>
      <div className="board" data-phase={snapshot.meta.phase}>
        <TopBar save={sync.save} />
        {sync.refusal && <RefusalBanner refusal={sync.refusal} onDismiss={sync.dismissRefusal} />}
        {failure && (
          <div className="banner banner-bad" role="alert">
            <p>{failure}</p>
            <button type="button" className="small" onClick={() => setFailure(null)}>
              Dismiss
            </button>
          </div>
        )}
        <div className="board-main">
          <AgendaPanel />
          <CentrePanel provider={conn.provider} user={conn.user} />
          <ConsentPanel />
        </div>
      </div>
    </BoardContext.Provider>
  );
}
