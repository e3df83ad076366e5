// The meeting document's one schema: root names, entry keys, zod schemas for
// every entry and typed getters. Nobody else spells a root name (DESIGN §2).
import type * as Y from 'yjs';
import { z } from 'zod';
import { AbsenceRecordFields, AbsenteePolicy, QuorumSetting } from './policySchema.ts';

/** Root type names: part of the public contract (docs/document-schema.md). */
export const ROOT = {
  meta: 'meta',
  participants: 'participants',
  agenda: 'agenda',
  objections: 'objections',
  positions: 'positions',
  rounds: 'rounds',
  notes: 'notes',
  evaluation: 'evaluation',
  log: 'log',
  /** [V3] written by the server only: who has given a sealed answer in a round revealed together. */
  sealed: 'sealed',
  /** [S3] revealed nominations of selection items, keyed `<itemId>/<participantId>`. */
  nominations: 'nominations',
  /** [F3] written by the server only: the facilitator's absence and a proposal to take over. */
  handover: 'handover',
  /** [BL1] items to carry to the next meeting, keyed by entry id (followUpSchema.ts). */
  backlog: 'backlog',
  /** [AI1] action items: who does what by when, keyed by id (followUpSchema.ts). */
  actions: 'actions',
  /** [R19] the term of each item's proposal (review date and measure), keyed by item id. */
  terms: 'terms',
} as const;
export type RootName = (typeof ROOT)[keyof typeof ROOT];

/** Proposal fragments are roots of their own, one per agenda item. */
export const PROPOSAL_PREFIX = 'proposal/';
export const proposalRootName = (itemId: string): string => `${PROPOSAL_PREFIX}${itemId}`;
export const itemIdOfProposalRoot = (root: string): string | null =>
  root.startsWith(PROPOSAL_PREFIX) ? root.slice(PROPOSAL_PREFIX.length) : null;

/** Keys of the `rounds` map that are not agenda item ids. */
export const ROUND_KEY = { opening: 'opening', closing: 'closing', agenda: 'agenda' } as const;

/** Keys of the `notes` map besides per-item notes (which use the item id). */
export const NOTE_KEY = { opening: 'opening', closing: 'closing' } as const;

export const PHASES = ['lobby', 'opening', 'agenda', 'items', 'closing', 'closed'] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

export const STAGES = ['draft', 'present', 'clarify', 'react', 'consent', 'resolve', 'decided', 'deferred'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const ROLES = ['member', 'guest', 'observer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ITEM_KINDS = ['consent', 'report', 'explore', 'selection'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

export const POSITIONS = ['consent', 'concern', 'object'] as const;
export const PositionValue = z.enum(POSITIONS);
export type PositionValue = z.infer<typeof PositionValue>;

const Id = z.string().min(1).max(128);
const Name = z.string().min(1).max(200);
const Timestamp = z.number().int().nonnegative();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');

/** `meta` entries, each validated on its own. */
export const MetaSchema = z.object({
  title: z.string().max(300),
  circle: z.string().max(300),
  aim: z.string().max(2000),
  createdAt: Timestamp,
  phase: Phase,
  activeItemId: Id.nullable(),
  facilitatorId: Id,
  secretaryId: Id.nullable(),
  /** [F1] who takes over at once when the facilitator is gone. */
  coFacilitatorId: Id.nullable().optional(),
  /** [Q1] members present needed for a decision (null: more than half), and how absent members count. */
  quorum: QuorumSetting.optional(),
  absentees: AbsenteePolicy.optional(),
});
export type Meta = z.infer<typeof MetaSchema>;
export const META_KEYS = Object.keys(MetaSchema.shape) as (keyof Meta)[];

export const ParticipantSchema = z.object({
  name: Name,
  role: Role,
  present: z.boolean(),
  joinedAt: Timestamp,
  /** Set by the server when the facilitator removed the participant: the entry stays, for the record. */
  removedAt: Timestamp.optional(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** An agenda item is a Y.Map in the `agenda` Y.Array; these are its keys. */
export const AgendaItemSchema = z.object({
  id: Id,
  title: z.string().max(300),
  kind: ItemKind,
  ownerId: Id.nullable(),
  timeboxMin: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  stage: Stage,
  reviewDate: IsoDate.nullable(),
  /** [S1] a selection item: the role it fills, and when the term ends. */
  roleName: z.string().max(200).optional(),
  termEnd: IsoDate.optional(),
  /** [S5] a selection item: the candidate the facilitator proposes. */
  candidateId: Id.optional(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export const AGENDA_ITEM_KEYS = Object.keys(AgendaItemSchema.shape) as (keyof AgendaItem)[];

/** [O1] How an objection was integrated: the text amended, the term shortened, or a measure added that watches the feared effect. */
export const INTEGRATION_PATHS = ['amend', 'term', 'measure'] as const;
export type IntegrationPath = (typeof INTEGRATION_PATHS)[number];

/** [O4] How an item leaves this meeting without a decision: each also writes a backlog entry of this source (BL5). */
export const ITEM_EXITS = ['deferred', 'carried', 'broader-circle'] as const;
export type ItemExit = (typeof ITEM_EXITS)[number];
/**
 * [R19] `terms[itemId]`: the term of a proposal, part of what the circle consents to:
 * when it is reviewed, and how its success will be measured. Covered by the revision (C11).
 */
export const TermSchema = z.object({ reviewDate: IsoDate.nullable(), measure: z.string().max(1000) });
export type Term = z.infer<typeof TermSchema>;

export const ObjectionSchema = z.object({
  itemId: Id,
  authorId: Id,
  kind: z.enum(['objection', 'concern']),
  text: z.string().min(1).max(5000),
  status: z.enum(['open', 'integrated', 'withdrawn']),
  revision: z.string().max(64),
  createdAt: Timestamp,
  resolvedAt: Timestamp.optional(),
  resolution: z.string().max(5000).optional(),
  /** [O1] set with `integrated`: which way through the objection took. */
  path: z.enum(INTEGRATION_PATHS).optional(),
});
export type Objection = z.infer<typeof ObjectionSchema>;

/** `positions` key: `<itemId>/<participantId>`. */
export const positionKey = (itemId: string, participantId: string): string => `${itemId}/${participantId}`;
export function splitPositionKey(key: string): { itemId: string; participantId: string } | null {
  const slash = key.lastIndexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { itemId: key.slice(0, slash), participantId: key.slice(slash + 1) };
}

export const PositionSchema = z.object({
  position: PositionValue,
  /** [Q9] 0: given beforehand by an absent member, before the item's consent round opened. */
  round: z.number().int().min(0),
  revision: z.string().max(64),
  at: Timestamp,
  /** [A3] Why, for an objection to the agenda (an item's objection is a card). */
  reason: z.string().min(1).max(2000).optional(),
});
export type Position = z.infer<typeof PositionSchema>;

export const RoundSchema = z.object({
  kind: z.enum(['opening', 'consent', 'clarify', 'react', 'closing', 'nominations', 'change', 'agenda']),
  number: z.number().int().min(1),
  order: z.array(Id).max(1000),
  speaker: Id.nullable(),
  openedAt: Timestamp,
  closedAt: Timestamp.optional(),
  /** [V1] answers are given privately and revealed together (consent and nominations rounds). */
  reveal: z.literal('together').optional(),
});
export type Round = z.infer<typeof RoundSchema>;

/** What a round revealed together collects: positions (a consent round) or nominations. */
export const SEALED_KINDS = ['position', 'nomination'] as const;

/** [V3] `sealed[itemId]`: who has given a sealed answer in the item's round, never what. */
export const SealedSchema = z.object({
  kind: z.enum(SEALED_KINDS),
  round: z.number().int().min(1),
  given: z.array(Id).max(1000),
  revealedAt: Timestamp.optional(),
});
export type Sealed = z.infer<typeof SealedSchema>;

/** [S3] `nominations["<itemId>/<participantId>"]`: whom a member nominates, and why. */
export const NominationSchema = z.object({
  nomineeId: Id,
  reason: z.string().min(1).max(2000),
  round: z.number().int().min(1),
  at: Timestamp,
  /** [S4] set when the nomination was changed in the change round: the earlier nominee. */
  changedFrom: Id.optional(),
});
export type Nomination = z.infer<typeof NominationSchema>;

/** Keys of the `handover` map. */
export const HANDOVER_KEY = { away: 'away', proposal: 'proposal' } as const;

/** [F3] `handover.away`: the facilitator has had no awareness presence since `since`; takeover is possible from `takeoverAt`. */
export const AwaySchema = z.object({ participantId: Id, since: Timestamp, takeoverAt: Timestamp });
export type Away = z.infer<typeof AwaySchema>;

/** [F5] `handover.proposal`: a present member proposes themselves; the others present consent. */
export const HandoverProposalSchema = z.object({ candidateId: Id, at: Timestamp, consents: z.array(Id).max(1000) });
export type HandoverProposal = z.infer<typeof HandoverProposalSchema>;

export const RATING_KEYS = ['timekeeping', 'equivalence', 'clarity', 'effectiveness'] as const;
/** [E2] The evaluation's open prompts: "What worked well?" and "What could improve?". */
export const EVALUATION_PROMPTS = ['worked', 'improve'] as const;
export type EvaluationPrompt = (typeof EVALUATION_PROMPTS)[number];
export const EvaluationSchema = z
  .object({
    ratings: z.partialRecord(z.enum(RATING_KEYS), z.number().int().min(1).max(5)),
    comment: z.string().max(5000),
    worked: z.string().max(2000).optional(),
    improve: z.string().max(2000).optional(),
  })
  // [E1][E3] a card says something: at least one rating, or a comment or an answer that is not blank
  .refine((e) => Object.keys(e.ratings).length > 0 || [e.comment, e.worked, e.improve].some((t) => t !== undefined && t.trim() !== ''), {
    message: 'an evaluation needs a rating or a comment (or an answer to a prompt)',
  });
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const CONSENT_STATES = ['not-started', 'collecting', 'objections', 'consented'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** deriveConsent's output (DESIGN §3), also as it is frozen in a decision or deferral [C16]. */
export const ConsentRecordSchema = z.object({
  state: z.enum(CONSENT_STATES),
  /** The item's current consent round number, or null before the first. */
  round: z.number().int().min(1).nullable(),
  revision: z.string().max(64),
  eligible: z.array(Id),
  consented: z.array(Id),
  concerns: z.array(Id),
  objecting: z.array(Id),
  missing: z.array(Id),
  stale: z.array(Id),
  openObjections: z.array(Id),
  ...AbsenceRecordFields,
});
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

/** An objection or concern card with its id, as an item's record lists it. */
export const CardSchema = ObjectionSchema.extend({ id: Id });
export type Card = z.infer<typeof CardSchema>;

/**
 * [C16] What the server freezes into the log when an item is decided or deferred:
 * the consent record and every card of the item, as they stood at that moment.
 */
const FrozenFields = {
  itemId: Id,
  /** The proposal as plain text, and its revision. */
  text: z.string(),
  revision: z.string(),
  record: ConsentRecordSchema,
  cards: z.array(CardSchema),
  /** [C16] the term consented to; absent in events logged before terms were part of the proposal. */
  term: TermSchema.nullable().optional(),
};

/** [A2] The agenda's consent record (`deriveAgendaConsent`). */
export const AgendaConsentRecordSchema = z.object({
  state: z.enum(['not-started', 'collecting', 'objections', 'consented']),
  round: z.number().int().min(1).nullable(),
  revision: z.string().max(64),
  eligible: z.array(Id),
  consented: z.array(Id),
  objecting: z.array(Id),
  missing: z.array(Id),
  stale: z.array(Id),
  /** The reasons of those objecting: `{ participantId, text }`. */
  reasons: z.array(z.object({ participantId: Id, text: z.string().max(5000) })),
});
export type AgendaConsentRecord = z.infer<typeof AgendaConsentRecordSchema>;

/** `log` events, written by the server only, with the server's clock. */
export const LogEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('phase'), at: Timestamp, actorId: Id, from: Phase, to: Phase }),
  z.object({ type: z.literal('stage'), at: Timestamp, actorId: Id, itemId: Id, from: Stage, to: Stage }),
  z.object({ type: z.literal('round'), at: Timestamp, actorId: Id, roundKey: Id, kind: RoundSchema.shape.kind, number: z.number().int() }),
  z.object({ type: z.literal('speaker'), at: Timestamp, actorId: Id, roundKey: Id, speaker: Id.nullable() }),
  z.object({ type: z.literal('join'), at: Timestamp, actorId: Id, name: Name, role: Role }),
  z.object({
    type: z.literal('decision'),
    at: Timestamp,
    actorId: Id,
    itemId: Id,
    text: z.string(),
    revision: z.string(),
    reviewDate: IsoDate.nullable(),
    consented: z.array(Id),
    concerns: z.array(Id),
    // [C16] absent only in decisions recorded before records were frozen: readers then derive it
    record: FrozenFields.record.optional(),
    cards: FrozenFields.cards.optional(),
    term: FrozenFields.term,
  }),
  // [O6] `path`: how the item left the meeting (absent in deferrals logged before ways through existed: read as `deferred`)
  z.object({ type: z.literal('deferral'), at: Timestamp, actorId: Id, ...FrozenFields, path: z.enum(ITEM_EXITS).optional() }),
  // [T2] the timeline of the consent process, written by the server as it accepts each change
  z.object({
    type: z.literal('roundClosed'),
    at: Timestamp,
    actorId: Id,
    roundKey: Id,
    kind: RoundSchema.shape.kind,
    number: z.number().int(),
  }),
  z.object({
    type: z.literal('position'),
    at: Timestamp,
    actorId: Id,
    itemId: Id,
    participantId: Id,
    position: PositionValue,
    round: z.number().int(),
    revision: z.string().max(64),
  }),
  z.object({ type: z.literal('objection'), at: Timestamp, actorId: Id, itemId: Id, objectionId: Id, kind: ObjectionSchema.shape.kind }),
  z.object({
    type: z.literal('objectionStatus'),
    at: Timestamp,
    actorId: Id,
    itemId: Id,
    objectionId: Id,
    kind: ObjectionSchema.shape.kind,
    status: z.enum(['integrated', 'withdrawn']),
  }),
  /** The proposal changed from `revision`, on which positions or cards were given; `stale`: counting positions that no longer count. */
  z.object({ type: z.literal('amendment'), at: Timestamp, actorId: Id, itemId: Id, revision: z.string().max(64), stale: z.array(Id) }),
  z.object({ type: z.literal('secretary'), at: Timestamp, actorId: Id, secretaryId: Id.nullable() }),
  /** [A4] The agenda's consent record as it stood when the meeting moved on to the items. */
  z.object({ type: z.literal('agendaConsent'), at: Timestamp, actorId: Id, record: AgendaConsentRecordSchema }),
  // [V4] the sealed answers of a round were written into the document in one update
  z.object({
    type: z.literal('reveal'),
    at: Timestamp,
    actorId: Id,
    itemId: Id,
    kind: z.enum(SEALED_KINDS),
    round: z.number().int(),
    count: z.number().int(),
  }),
  // [F2][F4][F5] who facilitates changed, and how
  z.object({
    type: z.literal('facilitator'),
    at: Timestamp,
    actorId: Id,
    from: Id,
    to: Id,
    how: z.enum(['handover', 'takeover', 'consent']),
  }),
  z.object({ type: z.literal('coFacilitator'), at: Timestamp, actorId: Id, coFacilitatorId: Id.nullable() }),
  // [S6] a selection item was decided: who holds the role, until when
  z.object({
    type: z.literal('selection'),
    at: Timestamp,
    actorId: Id,
    itemId: Id,
    roleName: z.string(),
    holderId: Id,
    termEnd: IsoDate.nullable(),
  }),
]);
export type LogEvent = z.infer<typeof LogEventSchema>;

/** Typed getters for the root types. The only place that calls doc.getX(name). */
export const meta = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.meta);
export const participants = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.participants);
export const agenda = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(ROOT.agenda);
export const objections = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.objections);
export const positions = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.positions);
export const rounds = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.rounds);
export const notes = (doc: Y.Doc) => doc.getMap<Y.Text>(ROOT.notes);
export const evaluation = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.evaluation);
export const log = (doc: Y.Doc) => doc.getArray<unknown>(ROOT.log);
export const proposal = (doc: Y.Doc, itemId: string) => doc.getXmlFragment(proposalRootName(itemId));
export const sealed = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.sealed);
export const nominations = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.nominations);
export const handover = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.handover);
export const backlog = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.backlog);
export const actions = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.actions);
export const terms = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.terms);
