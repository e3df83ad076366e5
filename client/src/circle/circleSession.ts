// The circle credentials this device holds, kept like meeting sessions (session.ts):
// one entry per circle, so that "My circles" lists them and every circle page can ask.
export interface CircleSession {
  personId: string;
  name: string;
  credential: string;
  expiresAt: number;
  /** The circle's name as last seen, for the list of circles on this device. */
  circleName?: string;
}

const PREFIX = 'consent-board:circle:';

export function loadCircle(circleId: string): CircleSession | null {
  try {
    const raw = localStorage.getItem(PREFIX + circleId);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<CircleSession>;
    if (typeof s.personId !== 'string' || typeof s.credential !== 'string') return null;
    return {
      personId: s.personId,
      name: s.name ?? '',
      credential: s.credential,
      expiresAt: s.expiresAt ?? 0,
      ...(typeof s.circleName === 'string' ? { circleName: s.circleName } : {}),
    };
  } catch {
    return null;
  }
}

export function saveCircle(circleId: string, s: CircleSession): void {
  localStorage.setItem(PREFIX + circleId, JSON.stringify(s));
}

export function forgetCircle(circleId: string): void {
  localStorage.removeItem(PREFIX + circleId);
}

export function rememberCircleName(circleId: string, circleName: string): void {
  const s = loadCircle(circleId);
  if (s && s.circleName !== circleName) saveCircle(circleId, { ...s, circleName });
}

export function listCircles(): { circleId: string; session: CircleSession }[] {
  const out: { circleId: string; session: CircleSession }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (!k?.startsWith(PREFIX)) continue;
    const session = loadCircle(k.slice(PREFIX.length));
    if (session) out.push({ circleId: k.slice(PREFIX.length), session });
  }
  return out.sort((a, b) => (a.session.circleName ?? '').localeCompare(b.session.circleName ?? ''));
}
