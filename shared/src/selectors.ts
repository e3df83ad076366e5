// Small pure read helpers over a meeting snapshot, for the board and the
// minutes: who is who, rounds and speakers, speaking time, timeboxes, words.
import type { AgendaItem, LogEvent, Objection, Participant, Role, Round } from './schema.ts';
import type { MeetingSnapshot } from './types.ts';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function activeItem(s: MeetingSnapshot): AgendaItem | null {
  const id = s.meta.activeItemId;
  return id === null ? null : (s.agenda.find((i) => i.id === id) ?? null);
}

export function itemById(s: MeetingSnapshot, itemId: string): AgendaItem | null {
  return s.agenda.find((i) => i.id === itemId) ?? null;
}

export function isFacilitator(s: MeetingSnapshot, participantId: string): boolean {
  return participantId !== '' && s.meta.facilitatorId === participantId;
}

export function roleOf(s: MeetingSnapshot, participantId: string): Role | null {
  return s.participants[participantId]?.role ?? null;
}

export function nameOf(s: MeetingSnapshot, participantId: string): string {
  return s.participants[participantId]?.name ?? participantId;
}

export interface ParticipantRow extends Participant {
  id: string;
  isFacilitator: boolean;
  isSecretary: boolean;
}

/** Everyone in the meeting, sorted by name (case-insensitive), then id. */
export function participantList(s: MeetingSnapshot): ParticipantRow[] {
  return Object.entries(s.participants)
    .map(([id, p]) => ({ id, ...p, isFacilitator: isFacilitator(s, id), isSecretary: s.meta.secretaryId === id }))
    .sort((a, b) => byCodeUnit(a.name.toLowerCase(), b.name.toLowerCase()) || byCodeUnit(a.id, b.id));
}

/** The round under `key` (an item id, `opening` or `closing`), or null. */
export function currentRound(s: MeetingSnapshot, key: string): Round | null {
  return s.rounds[key] ?? null;
}

export interface SpeakerOrder {
  round: Round;
  open: boolean;
  speaker: string | null;
  /** Who speaks after the current speaker (or first, when nobody speaks yet). */
  next: string | null;
  /** In order: those before the current speaker (all of them once the round is closed). */
  spoken: string[];
  /** In order: those after the current speaker. */
  upcoming: string[];
}

/** Who speaks now, who is next, who has spoken, in a round's order. */
export function speakerOrder(s: MeetingSnapshot, key: string): SpeakerOrder | null {
  const round = s.rounds[key];
  if (!round) return null;
  const open = round.closedAt === undefined;
  const at = round.speaker === null ? -1 : round.order.indexOf(round.speaker);
  let spoken: string[];
  let upcoming: string[];
  if (!open) [spoken, upcoming] = [[...round.order], []];
  else if (at < 0) [spoken, upcoming] = [[], round.order.filter((id) => id !== round.speaker)];
  else [spoken, upcoming] = [round.order.slice(0, at), round.order.slice(at + 1)];
  return { round, open, speaker: open ? round.speaker : null, next: upcoming[0] ?? null, spoken, upcoming };
}

export interface SpeakingTime {
  participantId: string;
  ms: number;
  turns: number;
}

/**
 * Speaking time per person from the server's log: a `speaker` event starts a
 * turn; the next `speaker`, `stage` or `phase` event ends it, and so does a
 * `round` event under another key (one person has the floor at a time). A new
 * round under the same key keeps the floor: the log names a new speaker only
 * when it changes. A turn still open is counted up to `now`. Sorted by time
 * spoken, longest first, then id.
 */
export function speakingTime(s: MeetingSnapshot, now: number, scope?: { roundKey: string; since: number; until?: number }): SpeakingTime[] {
  const totals = new Map<string, SpeakingTime>();
  type Turn = { id: string; key: string; since: number };
  let turn = null as Turn | null;
  const end = (at: number): void => {
    if (!turn) return;
    // [T1] a round's own times count only turns taken in it, never those of an earlier round
    if (!scope || (turn.key === scope.roundKey && turn.since >= scope.since && turn.since < (scope.until ?? Infinity))) {
      const row = totals.get(turn.id) ?? { participantId: turn.id, ms: 0, turns: 0 };
      row.ms += Math.max(0, at - turn.since);
      row.turns += 1;
      totals.set(turn.id, row);
    }
    turn = null;
  };
  for (const event of s.log) {
    if (event.type === 'stage' || event.type === 'phase') end(event.at);
    else if (event.type === 'round' && turn?.key !== event.roundKey) end(event.at);
    else if (
      event.type === 'round' &&
      scope &&
      event.roundKey === scope.roundKey &&
      event.at >= scope.since &&
      event.at < (scope.until ?? Infinity)
    ) {
      // the floor carried into a new round of the same key starts the new round's turn afresh
      const carried = turn as Turn | null;
      end(event.at);
      if (carried !== null) turn = { id: carried.id, key: carried.key, since: event.at };
    } else if (event.type === 'speaker') {
      end(event.at);
      if (event.speaker !== null) turn = { id: event.speaker, key: event.roundKey, since: event.at };
    }
  }
  end(now);
  return [...totals.values()].sort((a, b) => b.ms - a.ms || byCodeUnit(a.participantId, b.participantId));
}

/** When the round now under `roundKey` was opened, from the log's last `round` event for it (null before any). */
export function roundStartedAt(s: MeetingSnapshot, roundKey: string): number | null {
  const last = s.log.findLast((e): e is Extract<LogEvent, { type: 'round' }> => e.type === 'round' && e.roundKey === roundKey);
  return last?.at ?? null;
}

export interface RoundTimes {
  roundKey: string;
  kind: Round['kind'];
  number: number;
  openedAt: number;
  times: SpeakingTime[];
}

/** [T1] Every round the log shows, in the order they were opened, each with its own speaking times. */
export function speakingTimeByRound(s: MeetingSnapshot, now: number): RoundTimes[] {
  const opened = s.log.filter((e): e is Extract<LogEvent, { type: 'round' }> => e.type === 'round');
  return opened.map((e, i) => {
    const until = opened.slice(i + 1).find((later) => later.roundKey === e.roundKey)?.at;
    const times = speakingTime(
      s,
      now,
      until === undefined ? { roundKey: e.roundKey, since: e.at } : { roundKey: e.roundKey, since: e.at, until },
    );
    return { roundKey: e.roundKey, kind: e.kind, number: e.number, openedAt: e.at, times };
  });
}

/** [T1] Speaking time in the round now under `roundKey` only: every round starts at zero. */
export function roundSpeakingTime(s: MeetingSnapshot, roundKey: string, now: number): SpeakingTime[] {
  const since = roundStartedAt(s, roundKey);
  return since === null ? [] : speakingTime(s, now, { roundKey, since });
}

/** When the current phase began, from the log's last `phase` event (null before any). */
export function phaseStartedAt(s: MeetingSnapshot): number | null {
  const last = s.log.findLast((e): e is Extract<LogEvent, { type: 'phase' }> => e.type === 'phase');
  return last?.at ?? null;
}

export interface Timebox {
  itemId: string;
  timeboxMin: number;
  startedAt: number;
  endsAt: number;
}

/**
 * The active item's timebox: its clock starts with the first log event about
 * it (a stage move, or a round or speaker change under its key) and runs for
 * `timeboxMin`. Null with no active item or before the item's first event.
 */
export function timebox(s: MeetingSnapshot): Timebox | null {
  const item = activeItem(s);
  if (!item) return null;
  const first = s.log.find(
    (e) => (e.type === 'stage' && e.itemId === item.id) || ((e.type === 'round' || e.type === 'speaker') && e.roundKey === item.id),
  );
  if (!first) return null;
  return { itemId: item.id, timeboxMin: item.timeboxMin, startedAt: first.at, endsAt: first.at + item.timeboxMin * 60_000 };
}

/** Milliseconds left in the active item's timebox (negative once over), or null. */
export function timeboxRemaining(s: MeetingSnapshot, now: number): number | null {
  const box = timebox(s);
  return box ? box.endsAt - now : null;
}

/** An item's objection and concern cards, oldest first. */
export function objectionsOf(s: MeetingSnapshot, itemId: string): (Objection & { id: string })[] {
  return Object.entries(s.objections)
    .filter(([, o]) => o.itemId === itemId)
    .map(([id, o]) => ({ id, ...o }))
    .sort((a, b) => a.createdAt - b.createdAt || byCodeUnit(a.id, b.id));
}
