// Who is online right now, from the provider's awareness (not the document:
// `present` in the document is attendance, this is connection).
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { AwarenessUser } from '../sync/useMeetingSync.ts';

function readUsers(provider: WebsocketProvider): AwarenessUser[] {
  const byId = new Map<string, AwarenessUser>();
  for (const state of provider.awareness.getStates().values()) {
    const u = (state as { user?: Partial<AwarenessUser> }).user;
    if (u && typeof u.id === 'string' && typeof u.name === 'string') {
      byId.set(u.id, { id: u.id, name: u.name, color: typeof u.color === 'string' ? u.color : '#4a5360' });
    }
  }
  return [...byId.values()];
}

export function usePresence(provider: WebsocketProvider | undefined): AwarenessUser[] {
  const [users, setUsers] = useState<AwarenessUser[]>([]);
  useEffect(() => {
    if (!provider) return;
    // Awareness changes with every caret move; the board re-renders only when who is online changes.
    let key = '';
    const onChange = () => {
      const next = readUsers(provider);
      const nextKey = JSON.stringify(next);
      if (nextKey === key) return;
      key = nextKey;
      setUsers(next);
    };
    onChange();
    provider.awareness.on('change', onChange);
    return () => provider.awareness.off('change', onChange);
  }, [provider]);
  return users;
}

/** The ids of everyone online, for the consent panel's presence dots. */
export const onlineIds = (users: AwarenessUser[]) => new Set(users.map((u) => u.id));
