// The board's layout (DESIGN §6): top bar, agenda left, proposal centre, consent right.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Session } from '../session.ts';
import type { MeetingConnection, MeetingSync } from '../sync/useMeetingSync.ts';
import { MeetingStore } from '../state/meetingStore.ts';
import { PresenceStore } from '../state/presenceStore.ts';
import { BoardContext, type BoardStores } from './BoardContext.ts';
import { TopBar } from './TopBar.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
import { CentrePanel } from './CentrePanel.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { RefusalBanner } from './RefusalBanner.tsx';
import { UI } from './words.ts';

interface Props {
  meetingId: string;
  session: Session;
  sync: MeetingSync;
  conn: MeetingConnection;
  /** Called with the meeting's title as it changes (the list of meetings on this device shows it). */
  onTitle?: (title: string) => void;
}

export function Board({ meetingId, session, sync, conn, onTitle }: Props) {
  const meeting = useMemo(() => new MeetingStore(conn.doc), [conn.doc]);
  const presence = useMemo(() => new PresenceStore(conn.provider), [conn.provider]);
  const [failure, setFailure] = useState<string | null>(null);
  const me = session.participantId;
  const title = useBoardMeta(meeting, 'title');
  const phase = useBoardMeta(meeting, 'phase');
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
      setFailure(UI.failed(what, err instanceof Error ? err.message : String(err)));
      return false;
    }
  }, []);

  const stores: BoardStores = useMemo(
    () => ({ meetingId, session, doc: conn.doc, me, write, meeting, presence }),
    [meetingId, session, conn.doc, me, write, meeting, presence],
  );

  return (
    <BoardContext.Provider value={stores}>
      <div className="board" data-phase={phase}>
        <TopBar save={sync.save} />
        {sync.refusal && <RefusalBanner refusal={sync.refusal} onDismiss={sync.dismissRefusal} />}
        {failure && (
          <div className="banner banner-bad" role="alert">
            <p>{failure}</p>
            <button type="button" className="small" onClick={() => setFailure(null)}>
              {UI.dismiss}
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

/** One entry of `meta`, read before the board's context exists. */
function useBoardMeta<K extends 'title' | 'phase'>(meeting: MeetingStore, key: K) {
  return useSyncExternalStore(meeting.subscribe, () => meeting.get().meta[key]);
}
