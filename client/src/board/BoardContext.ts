// What every board component needs: the document to write through commands,
// its snapshot to read, who I am, who is online, and a place to report failures.
// The context value never changes while the board is open: each component
// subscribes through useBoard() to the parts of the snapshot it actually reads
// (state/trackedView.ts), so a change re-renders only the panels that show it.
import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { abilitiesOf, type Abilities, type MeetingSnapshot } from '@consent/shared';
import type { Session } from '../session.ts';
import type { MeetingStore } from '../state/meetingStore.ts';
import type { PresenceStore } from '../state/presenceStore.ts';
import { share } from '../state/share.ts';
import { TrackedView } from '../state/trackedView.ts';
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

/** The board's stable parts and its two stores. */
export interface BoardStores {
  meetingId: string;
  session: Session;
  doc: Y.Doc;
  me: string;
  write: (what: string, fn: () => void) => boolean;
  meeting: MeetingStore;
  presence: PresenceStore;
}

export const BoardContext = createContext<BoardStores | null>(null);

/** One component's view of the board: its identity changes only when something it read changed. */
class ComponentView implements BoardState {
  readonly tracked: TrackedView;
  usesPresence = false;
  presenceAt: ReturnType<PresenceStore['get']>;
  constructor(readonly stores: BoardStores) {
    this.tracked = new TrackedView(stores.meeting.get());
    this.presenceAt = stores.presence.get();
  }
  get meetingId() {
    return this.stores.meetingId;
  }
  get session() {
    return this.stores.session;
  }
  get doc() {
    return this.stores.doc;
  }
  get me() {
    return this.stores.me;
  }
  get write() {
    return this.stores.write;
  }
  get snapshot() {
    return this.tracked.snapshot;
  }
  get can() {
    return abilitiesOf(this.tracked.snapshot, this.stores.me);
  }
  get online() {
    this.usesPresence = true;
    return this.stores.presence.get().online;
  }
  get users() {
    this.usesPresence = true;
    return this.stores.presence.get().users;
  }
}

export function useBoard(): BoardState {
  const stores = useContext(BoardContext);
  if (!stores) throw new Error('useBoard outside of <Board>');
  const view = useRef<ComponentView | null>(null);
  if (view.current === null || view.current.stores !== stores) view.current = new ComponentView(stores);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const a = stores.meeting.subscribe(onChange);
      const b = stores.presence.subscribe(onChange);
      return () => {
        a();
        b();
      };
    },
    [stores],
  );
  const getView = (): ComponentView => {
    const v = view.current!;
    const next = stores.meeting.get();
    const presence = stores.presence.get();
    if (v.tracked.changedIn(next) || (v.usesPresence && presence !== v.presenceAt)) {
      view.current = new ComponentView(stores);
      return view.current;
    }
    v.tracked.rebase(next);
    v.presenceAt = presence;
    return v;
  };
  return useSyncExternalStore(subscribe, getView);
}

/**
 * A value derived from the whole snapshot (e.g. an item's consent record),
 * re-rendering only when the value itself changes, compared as data: a
 * keystroke changes the proposal's revision, but a record that comes out the
 * same keeps its identity and its panel stays as it is. `deps`: what `select`
 * uses besides the snapshot (an item id). `same`: when two values count as
 * the same for what the component shows (the previous one is kept).
 */
export function useMeetingSelect<T>(select: (s: MeetingSnapshot) => T, deps: readonly unknown[], same?: (a: T, b: T) => boolean): T {
  const stores = useContext(BoardContext);
  if (!stores) throw new Error('useMeetingSelect outside of <Board>');
  const last = useRef<{ snap: MeetingSnapshot; deps: readonly unknown[]; value: T } | null>(null);
  const get = (): T => {
    const snap = stores.meeting.get();
    const l = last.current;
    const sameDeps = l !== null && l.deps.length === deps.length && l.deps.every((d, i) => Object.is(d, deps[i]));
    if (l && sameDeps && l.snap === snap) return l.value;
    let value = select(snap);
    if (l && sameDeps) value = same?.(l.value, value) ? l.value : share(l.value, value);
    last.current = { snap, deps, value };
    return value;
  };
  return useSyncExternalStore(stores.meeting.subscribe, get);
}
