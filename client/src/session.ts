// Who I am in each meeting, kept on this device so that a reload or a closed
// tab comes back as the same participant.
export type SessionRole = 'facilitator' | 'member' | 'guest' | 'observer';

export interface Session {
  participantId: string;
  token: string;
  role: SessionRole;
  name: string;
  /** The meeting's title as last seen, for the list of meetings on this device. */
  title?: string;
}

const PREFIX = 'consent-board:session:';
const key = (meetingId: string) => `${PREFIX}${meetingId}`;

export function loadSession(meetingId: string): Session | null {
  try {
    const raw = localStorage.getItem(key(meetingId));
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.participantId !== 'string' || typeof s.token !== 'string' || typeof s.role !== 'string') return null;
    return {
      participantId: s.participantId,
      token: s.token,
      role: s.role as SessionRole,
      name: s.name ?? '',
      ...(typeof s.title === 'string' ? { title: s.title } : {}),
    };
  } catch {
    return null;
  }
}

export function saveSession(meetingId: string, session: Session): void {
  localStorage.setItem(key(meetingId), JSON.stringify(session));
}

/** Forgets my seat in a meeting (after it was deleted). */
export function forgetSession(meetingId: string): void {
  localStorage.removeItem(key(meetingId));
}

/** Every meeting this device has joined, newest title first by name. */
export function listSessions(): { meetingId: string; session: Session }[] {
  const out: { meetingId: string; session: Session }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (!k?.startsWith(PREFIX)) continue;
    const meetingId = k.slice(PREFIX.length);
    const session = loadSession(meetingId);
    if (session) out.push({ meetingId, session });
  }
  return out.sort((a, b) => (a.session.title ?? '').localeCompare(b.session.title ?? ''));
}

/** Keeps the title with the session so the list of meetings can name it. */
export function rememberTitle(meetingId: string, title: string): void {
  const s = loadSession(meetingId);
  if (s && s.title !== title) saveSession(meetingId, { ...s, title });
}
