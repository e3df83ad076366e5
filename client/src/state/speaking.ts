// Speaking time per person in one round, from the server-written speaker events
// (a speaker speaks from their event until the next one, or until now).
import type { MeetingSnapshot } from '@consent/shared';

export function roundSpeakingTime(s: MeetingSnapshot, roundKey: string, now: number): Map<string, number> {
  const round = s.rounds[roundKey];
  const times = new Map<string, number>();
  if (!round) return times;
  // The round's own opening event gives the floor to the first in its order.
  const opened = s.log.findLastIndex((e) => e.type === 'round' && e.roundKey === roundKey && e.number === round.number);
  if (opened < 0) return times;
  const turns: { at: number; speaker: string | null }[] = [];
  for (const e of s.log.slice(opened)) {
    if (e.type === 'round' && e.roundKey === roundKey) turns.push({ at: e.at, speaker: round.order[0] ?? null });
    else if (e.type === 'speaker' && e.roundKey === roundKey) turns.push({ at: e.at, speaker: e.speaker });
  }
  turns.forEach((t, i) => {
    if (!t.speaker) return;
    const end = turns[i + 1]?.at ?? (round.closedAt !== undefined ? Math.max(t.at, round.closedAt) : now);
    times.set(t.speaker, (times.get(t.speaker) ?? 0) + Math.max(0, end - t.at));
  });
  return times;
}
