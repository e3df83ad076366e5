// What every board component needs: the document to write through commands,
// its snapshot to read, who I am, who is online, and a place to report failures.
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { MeetingSnapshot } from '@consent/shared';
import type { Session } from '../session.ts';
import type { Abilities } from '../state/abilities.ts';
import type { AwarenessUser } from '../sync/useMeetingSync.ts';

export interface BoardState {
  meetingId: string;
  session: Session;
  doc: Y.Doc;
  snapshot: MeetingSnapshot;
  me: string;
  can: Abilities;
  online: Set<string>;
  users: AwarenessUser[];
  /** Runs a named write; a failure becomes a visible message instead of an exception. */
  write: (what: string, fn: () => void) => boolean;
}

export const BoardContext = createContext<BoardState | null>(null);

export function useBoard(): BoardState {
  const ctx = useContext(BoardContext);
  if (!ctx) throw new Error('useBoard outside of <Board>');
  return ctx;
}
