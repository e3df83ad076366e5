// A stable caret colour per participant (#rrggbb: the caret extension accepts no other form).
const PALETTE = ['#b3261e', '#1d6b36', '#1a56a8', '#8a4b00', '#6b2fa3', '#00707a', '#a3195b', '#4a5a00'];

export function userColor(participantId: string): string {
  let h = 0;
  for (let i = 0; i < participantId.length; i++) h = (h * 31 + participantId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#1a56a8';
}
