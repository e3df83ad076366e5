// Who I am in each meeting, kept on this device so that a reload or a closed
// tab comes back as the same participant.
export type SessionRole = 'facilitator' | 'member' | 'guest' | 'observer';

export interface Session {
  participantId: string;
  token: string;
  role: SessionRole;
  name: string;
}

const key = (meetingId: string) => `consent-board:session:${meetingId}`;

export function loadSession(meetingId: string): Session | null {
  try {
    const raw = localStorage.getItem(key(meetingId));
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.participantId !== 'string' || typeof s.token !== 'string' || typeof s.role !== 'string') return null;
    return { participantId: s.participantId, token: s.token, role: s.role as SessionRole, name: s.name ?? '' };
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
