// The minutes as JSON: a public, stable contract for other tools (docs/minutes.md
// documents every field). Times are ISO 8601 strings in UTC; ids are the document's.
import type {
  EvaluationPrompt,
  IntegrationPath,
  ItemExit,
  ItemKind,
  Objection,
  Phase,
  PositionValue,
  Role,
  Round,
  Stage,
} from '../schema.ts';
import type { BacklogSource } from '../followUpSchema.ts';
import type { ConsentRecord, ProposalNode } from '../types.ts';

export const MINUTES_FORMAT = 'consent-board-minutes/1' as const;

export interface MinutesPerson {
  participantId: string;
  /** The participant's name, or their id when the meeting does not know them. */
  name: string;
}

export interface MinutesJson {
  format: typeof MINUTES_FORMAT;
  generatedAt: string;
  meeting: {
    id: string;
    title: string;
    circle: string;
    aim: string;
    phase: Phase;
    createdAt: string;
    facilitator: MinutesPerson | null;
    secretary: MinutesPerson | null;
  };
  /** `removedAt`: when the facilitator removed them (their positions stay in the record), or null. */
  attendance: (MinutesPerson & { role: Role; present: boolean; joinedAt: string; removedAt: string | null })[];
  openingRound: MinutesRound;
  closingRound: MinutesRound;
  items: MinutesItem[];
  timeline: TimelineEntry[];
  speakingTime: (MinutesPerson & { ms: number; turns: number })[];
  /** Speaking time per round, rounds in the order they were opened [T1]. */
  roundTimes: MinutesRoundTimes[];
  /** Whether the circle consented to the agenda [A4]; null when the agenda was never put to consent. */
  agendaConsent: MinutesAgendaConsent | null;
  evaluation: MinutesEvaluation;
  /** [BL6] "Carried to the next meeting": the meeting's backlog, oldest first. */
  backlog: MinutesBacklogEntry[];
  /** [AI5] Action items, oldest first, each with the agenda item it came from. */
  actions: MinutesAction[];
}

export interface MinutesBacklogEntry {
  id: string;
  title: string;
  text: string;
  source: BacklogSource;
  itemId: string | null;
  itemTitle: string | null;
  author: MinutesPerson;
  at: string;
  /** True for a deferred item that no entry linked: listed from its deferral. */
  derived: boolean;
}

export interface MinutesAction {
  id: string;
  itemId: string;
  itemTitle: string;
  text: string;
  assignee: MinutesPerson;
  /** ISO date, or null. */
  due: string | null;
  done: boolean;
  doneAt: string | null;
  author: MinutesPerson;
  at: string;
}

export interface MinutesRoundTimes {
  roundKey: string;
  /** `Opening round`, `Buy a kettle: consent round 2`… */
  title: string;
  kind: Round['kind'];
  number: number;
  openedAt: string;
  speakingTime: (MinutesPerson & { ms: number; turns: number })[];
}

export interface MinutesAgendaConsent {
  state: 'not-started' | 'collecting' | 'objections' | 'consented';
  /** When the record was logged as the meeting moved on to the items; null while it is derived live. */
  recordedAt: string | null;
  consented: MinutesPerson[];
  objecting: (MinutesPerson & { reason: string })[];
  missing: MinutesPerson[];
}

export interface MinutesRound {
  /** The speaking order of the round's last opening; empty when it never opened. */
  order: MinutesPerson[];
  notes: string;
}

export interface MinutesItem {
  id: string;
  title: string;
  kind: ItemKind;
  stage: Stage;
  /** The term's review date (an older document's own review date, failing that). */
  reviewDate: string | null;
  /** [C16][R19] The term of the proposal: its review date and how success will be measured; frozen with a decided item's record. */
  term: { reviewDate: string | null; measure: string } | null;
  owner: MinutesPerson | null;
  timeboxMin: number;
  proposal: { markdown: string; revision: string; nodes: ProposalNode[] };
  /** The consent record: frozen at the decision or deferral when `recordFrozen` is set (C16), else derived now. */
  consent: ConsentRecord;
  recordFrozen: { at: string; by: MinutesPerson; reason: 'decision' | 'deferral' } | null;
  /** Cards of kind `objection`, in the order they were raised. */
  objections: MinutesCard[];
  /** Cards of kind `concern` (positions of `concern` are in `consent.concerns`). */
  concerns: MinutesCard[];
  decision: MinutesDecision | null;
  /** [C28] A decided item's concerns still on record, oldest first: what its review looks at. Empty before the decision. */
  reviewQuestions: (MinutesPerson & { cardId: string; text: string })[];
  /** [O6] How a deferred item left the meeting; null for an item that was not deferred. */
  exit: ItemExit | null;
  notes: string;
}

export interface MinutesCard {
  id: string;
  authorId: string;
  authorName: string;
  kind: 'objection' | 'concern';
  text: string;
  status: 'open' | 'integrated' | 'withdrawn';
  /** Whether the proposal changed since the card was raised. */
  stale: boolean;
  createdAt: string;
  resolution: string | null;
  resolvedAt: string | null;
  /** [O1] The way an integrated objection took, or null. */
  path: IntegrationPath | null;
}

/** [S6] A decided selection item: who holds the role, until when. */
export interface MinutesSelection {
  roleName: string;
  holder: MinutesPerson;
  termEnd: string | null;
}

export interface MinutesDecision {
  /** [S6] Set when the item was a selection. */
  selection?: MinutesSelection;
  at: string;
  by: MinutesPerson;
  text: string;
  revision: string;
  reviewDate: string | null;
  /** [C16] How the decision's success will be measured, as consented; null before terms had measures. */
  measure: string | null;
  consented: MinutesPerson[];
  concerns: MinutesPerson[];
}

export type TimelineEntry =
  | { at: string; type: 'phase'; by: MinutesPerson; from: Phase; to: Phase }
  | { at: string; type: 'stage'; by: MinutesPerson; itemId: string; itemTitle: string; from: Stage; to: Stage }
  | {
      at: string;
      type: 'decision';
      by: MinutesPerson;
      itemId: string;
      itemTitle: string;
      revision: string;
      reviewDate: string | null;
      measure: string | null;
    }
  | {
      at: string;
      type: 'round' | 'roundClosed';
      by: MinutesPerson;
      roundKey: string;
      roundTitle: string;
      kind: Round['kind'];
      number: number;
    }
  | {
      at: string;
      type: 'position';
      by: MinutesPerson;
      itemId: string;
      itemTitle: string;
      position: PositionValue;
      round: number;
      revision: string;
    }
  | { at: string; type: 'objection'; by: MinutesPerson; itemId: string; itemTitle: string; objectionId: string; kind: Objection['kind'] }
  | {
      at: string;
      type: 'objectionStatus';
      by: MinutesPerson;
      itemId: string;
      itemTitle: string;
      objectionId: string;
      kind: Objection['kind'];
      status: 'integrated' | 'withdrawn';
    }
  | { at: string; type: 'amendment'; by: MinutesPerson; itemId: string; itemTitle: string; revision: string; stale: MinutesPerson[] }
  | { at: string; type: 'secretary'; by: MinutesPerson; secretary: MinutesPerson | null }
  | { at: string; type: 'agendaConsent'; by: MinutesPerson; state: MinutesAgendaConsent['state'] };

export interface MinutesEvaluation {
  count: number;
  /** Per rating key, the mean of the given ratings (two decimals), or null when nobody rated it. */
  averages: Record<string, number | null>;
  comments: (MinutesPerson & { comment: string })[];
  /** [E4] Answers to the open prompts, by participant; `inBacklog` when sent to the backlog (E5). */
  answers: (MinutesPerson & { prompt: EvaluationPrompt; question: string; text: string; inBacklog: boolean })[];
}
