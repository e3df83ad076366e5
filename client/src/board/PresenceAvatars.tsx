// Initials of everyone online now, in their caret colour.
import type { AwarenessUser } from '../sync/useMeetingSync.ts';
import { UI_T } from './words.ts';

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('') || '?';

export function PresenceAvatars({ users, meId }: { users: AwarenessUser[]; meId: string }) {
  return (
    <ul className="avatars" aria-label={UI_T.online(users.length)}>
      {users.map((u) => (
        <li key={u.id} className="avatar" style={{ backgroundColor: u.color }} title={u.id === meId ? `${u.name} (you)` : u.name}>
          <span aria-hidden="true">{initials(u.name)}</span>
          <span className="visually-hidden">{u.id === meId ? `${u.name} (you)` : u.name}</span>
        </li>
      ))}
    </ul>
  );
}
