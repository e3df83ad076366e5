// Plain data shapes that the pure functions of shared/ pass around: the
// validated snapshot of a meeting document, the consent record, the actor.
import type {
  AgendaItem,
  Evaluation,
  LogEvent,
  Away,
  HandoverProposal,
  Meta,
  Nomination,
  Objection,
  Sealed,
  Participant,
  Position,
  Round,
  Term,
} from './schema.ts';
import type { ActionItem, BacklogEntry } from './followUpSchema.ts';

/** A proposal's XML content as plain JSON (TipTap/ProseMirror node names). */
export type ProposalNode =
  | { type: 'element'; name: string; attrs: Record<string, string | number | boolean | null>; children: ProposalNode[] }
  | { type: 'text'; text: string; marks: Record<string, Record<string, unknown> | true> };

export interface ProposalSnapshot {
  nodes: ProposalNode[];
  /** `revisionOf(nodes, term)`: stable hash of the content and the term (DESIGN §2, C11). */
  revision: string;
}

/** One entry that failed its schema: ignored by every reader, reported here. */
export interface IgnoredEntry {
  root: string;
  key: string | number;
  reason: string;
}

/** A validated plain copy of a meeting document (readMeeting's result). */
export interface MeetingSnapshot {
  /** Missing or invalid meta entries fall back to defaults (META_DEFAULTS); invalid ones are reported. */
  meta: Meta;
  participants: Record<string, Participant>;
  /** In document order. */
  agenda: AgendaItem[];
  /** Keyed by agenda item id; an item with no fragment yet has an empty one. */
  proposals: Record<string, ProposalSnapshot>;
  objections: Record<string, Objection>;
  /** Keyed by `<itemId>/<participantId>`. */
  positions: Record<string, Position>;
  /** Keyed by item id, `opening` or `closing`. */
  rounds: Record<string, Round>;
  notes: Record<string, string>;
  evaluation: Record<string, Evaluation>;
  log: LogEvent[];
  // The three below are optional so that snapshots built by hand (in tests) may leave them out.
  /** [V3] keyed by item id: who has given a sealed answer in the item's round. */
  sealed?: Record<string, Sealed>;
  /** [S3] keyed by `<itemId>/<participantId>`. */
  nominations?: Record<string, Nomination>;
  /** [F3] the facilitator's absence and a takeover proposal, as the server wrote them. */
  handover?: { away?: Away; proposal?: HandoverProposal };
  /** [BL1] keyed by entry id: items to carry to the next meeting. */
  backlog?: Record<string, BacklogEntry>;
  /** [AI1] keyed by action id: who does what by when. */
  actions?: Record<string, ActionItem>;
  /** [R19] keyed by item id: the term of each proposal (review date and measure), covered by its revision. */
  terms?: Record<string, Term>;
}

export interface ReadResult {
  meeting: MeetingSnapshot;
  ignored: IgnoredEntry[];
}

export type { ConsentRecord, ConsentState } from './schema.ts';

/** Who writes: a participant of the meeting, or the server itself. */
export type Actor = { kind: 'participant'; participantId: string } | { kind: 'server' };

/** A refusal always carries the rule it enforces (docs/consent-spec.md) and a sentence. */
export type Verdict = { ok: true } | { ok: false; rule: string; reason: string };
