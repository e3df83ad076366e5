// Who is online right now, from the provider's awareness (not the document:
// `present` in the document is attendance, this is connection), as an external
// store that changes only when who is online changes (not with every caret move).
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

export interface Presence {
  users: AwarenessUser[];
  online: Set<string>;
}

export class PresenceStore {
  private current: Presence = { users: [], online: new Set() };
  private key = '[]';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly provider: WebsocketProvider) {
    this.update();
  }

  get = (): Presence => this.current;

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) this.provider.awareness.on('change', this.onChange);
    this.listeners.add(listener);
    this.onChange();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.provider.awareness.off('change', this.onChange);
    };
  };

  private readonly onChange = (): void => {
    if (this.update()) for (const l of [...this.listeners]) l();
  };

  private update(): boolean {
    const users = readUsers(this.provider);
    const key = JSON.stringify(users);
    if (key === this.key) return false;
    this.key = key;
    this.current = { users, online: new Set(users.map((u) => u.id)) };
    return true;
  }
}
