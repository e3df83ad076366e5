// Caret and avatar colours (#rrggbb: the caret extension accepts no other form).
// A participant's colour follows their place in the join order, so that the
// first eight people in a meeting never share one.
const PALETTE = ['#1a56a8', '#b3261e', '#1d6b36', '#8a4b00', '#6b2fa3', '#00707a', '#a3195b', '#4a5a00'];

/** Before the join order is known: a stable pick from the id. */
export function userColor(participantId: string): string {
  let h = 0;
  for (let i = 0; i < participantId.length; i++) h = (h * 31 + participantId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#1a56a8';
}

/** `joinedAt` by participant id (from the meeting snapshot). */
export function colourByJoinOrder(joinedAt: Record<string, number>, participantId: string): string | null {
  const order = Object.keys(joinedAt).sort((a, b) => (joinedAt[a] ?? 0) - (joinedAt[b] ?? 0) || (a < b ? -1 : 1));
  const index = order.indexOf(participantId);
  return index < 0 ? null : (PALETTE[index % PALETTE.length] ?? null);
}
