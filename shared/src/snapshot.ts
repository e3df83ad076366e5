// readMeeting: the one reader of the whole document. It validates every entry
// against its schema, copies what passes and reports what it ignored and why.
import * as Y from 'yjs';
import type { z } from 'zod';
import {
  AGENDA_ITEM_KEYS,
  AgendaItemSchema,
  EvaluationSchema,
  LogEventSchema,
  META_KEYS,
  MetaSchema,
  ObjectionSchema,
  ParticipantSchema,
  PositionSchema,
  ROOT,
  RoundSchema,
  SealedSchema,
  NominationSchema,
  AwaySchema,
  HandoverProposalSchema,
  HANDOVER_KEY,
  TermSchema,
  terms,
  handover,
  backlog,
  actions,
  nominations,
  sealed,
  agenda,
  evaluation,
  log,
  meta,
  notes,
  objections,
  participants,
  positions,
  proposal,
  proposalRootName,
  rounds,
  splitPositionKey,
  type AgendaItem,
  type Meta,
} from './schema.ts';
import { ActionItemSchema, BacklogEntrySchema } from './followUpSchema.ts';
import { EMPTY_REVISION, proposalNodes, revisionOf } from './revision.ts';
import type { IgnoredEntry, MeetingSnapshot, ProposalSnapshot, ReadResult } from './types.ts';

/** What a missing or invalid `meta` entry reads as. */
export const META_DEFAULTS: Meta = {
  title: '',
  circle: '',
  aim: '',
  createdAt: 0,
  phase: 'lobby',
  activeItemId: null,
  // never a participant id (ids are non-empty), so nobody facilitates a document without one
  facilitatorId: '',
  secretaryId: null,
  coFacilitatorId: null,
};

const KEY_MAX = 128;

/** Explains a zod failure in one line: `path: message; …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * A validated plain snapshot of the meeting document. Never throws on content:
 * an entry that fails its schema is left out of the snapshot and listed in
 * `ignored`. Records are built in sorted key order so that peers holding the
 * same document build identical snapshots.
 */
export function readMeeting(doc: Y.Doc): ReadResult {
  const ignored: IgnoredEntry[] = [];
  const ignore = (root: string, key: string | number, reason: string): void => {
    ignored.push({ root, key, reason });
  };

  const metaMap = meta(doc);
  const metaOut: Meta = { ...META_DEFAULTS };
  for (const key of META_KEYS) {
    if (!metaMap.has(key)) continue;
    const parsed = MetaSchema.shape[key].safeParse(metaMap.get(key));
    if (parsed.success) (metaOut as Record<string, unknown>)[key] = parsed.data;
    else ignore(ROOT.meta, key, describeIssues(parsed.error));
  }

  const agendaOut: AgendaItem[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of agenda(doc).toArray().entries()) {
    if (!(entry instanceof Y.Map)) {
      ignore(ROOT.agenda, index, 'an agenda item must be a Y.Map');
      continue;
    }
    const raw: Record<string, unknown> = {};
    for (const key of AGENDA_ITEM_KEYS) if (entry.has(key)) raw[key] = entry.get(key);
    const parsed = AgendaItemSchema.safeParse(raw);
    if (!parsed.success) {
      ignore(ROOT.agenda, index, describeIssues(parsed.error));
      continue;
    }
    // two peers can insert the same id (a concurrent move copies the item): the first one wins
    if (seen.has(parsed.data.id)) {
      ignore(ROOT.agenda, index, `duplicate agenda item id "${parsed.data.id}"`);
      continue;
    }
    seen.add(parsed.data.id);
    agendaOut.push(parsed.data);
  }

  const termsOut = readRecord(terms(doc), ROOT.terms, TermSchema, ignore);
  const proposals: Record<string, ProposalSnapshot> = {};
  for (const item of agendaOut) {
    const term = termsOut[item.id] ?? null;
    try {
      const nodes = proposalNodes(proposal(doc, item.id));
      proposals[item.id] = { nodes, revision: revisionOf(nodes, term) };
    } catch (error) {
      // the root name was defined locally as another Yjs type
      ignore(proposalRootName(item.id), item.id, `not a Y.XmlFragment (${(error as Error).message})`);
      proposals[item.id] = { nodes: [], revision: term ? revisionOf([], term) : EMPTY_REVISION };
    }
  }

  const meeting: MeetingSnapshot = {
    meta: metaOut,
    participants: readRecord(participants(doc), ROOT.participants, ParticipantSchema, ignore),
    agenda: agendaOut,
    proposals,
    objections: readRecord(objections(doc), ROOT.objections, ObjectionSchema, ignore),
    positions: readRecord(positions(doc), ROOT.positions, PositionSchema, ignore, positionKeyProblem),
    rounds: readRecord(rounds(doc), ROOT.rounds, RoundSchema, ignore),
    notes: readNotes(notes(doc), ignore),
    evaluation: readRecord(evaluation(doc), ROOT.evaluation, EvaluationSchema, ignore),
    log: [],
    sealed: readRecord(sealed(doc), ROOT.sealed, SealedSchema, ignore),
    nominations: readRecord(nominations(doc), ROOT.nominations, NominationSchema, ignore, positionKeyProblem),
    handover: readHandover(handover(doc), ignore),
    backlog: readRecord(backlog(doc), ROOT.backlog, BacklogEntrySchema, ignore),
    actions: readRecord(actions(doc), ROOT.actions, ActionItemSchema, ignore),
    terms: termsOut,
  };
  log(doc).forEach((entry: unknown, index: number) => {
    const parsed = LogEventSchema.safeParse(entry);
    if (parsed.success) meeting.log.push(parsed.data);
    else ignore(ROOT.log, index, describeIssues(parsed.error));
  });
  return { meeting, ignored };
}

type Ignore = (root: string, key: string | number, reason: string) => void;

function sortedKeys(map: { keys(): IterableIterator<string> }): string[] {
  return Array.from(map.keys()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function keyProblem(key: string): string | null {
  if (key.length === 0) return 'an empty key';
  if (key.length > KEY_MAX) return `a key longer than ${KEY_MAX} characters`;
  return null;
}

function positionKeyProblem(key: string): string | null {
  const parts = splitPositionKey(key);
  if (!parts) return 'a position key must be "<itemId>/<participantId>"';
  return keyProblem(parts.itemId) ?? keyProblem(parts.participantId);
}

function readRecord<T>(
  map: Y.Map<unknown>,
  root: string,
  schema: z.ZodType<T>,
  ignore: Ignore,
  checkKey: (key: string) => string | null = keyProblem,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of sortedKeys(map)) {
    const problem = checkKey(key);
    if (problem) {
      ignore(root, key, problem);
      continue;
    }
    const parsed = schema.safeParse(map.get(key));
    if (parsed.success) out[key] = parsed.data;
    else ignore(root, key, describeIssues(parsed.error));
  }
  return out;
}

function readHandover(map: Y.Map<unknown>, ignore: Ignore): NonNullable<MeetingSnapshot['handover']> {
  const out: NonNullable<MeetingSnapshot['handover']> = {};
  for (const [key, schema] of [
    [HANDOVER_KEY.away, AwaySchema],
    [HANDOVER_KEY.proposal, HandoverProposalSchema],
  ] as const) {
    if (!map.has(key)) continue;
    const parsed = schema.safeParse(map.get(key));
    if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
    else ignore(ROOT.handover, key, describeIssues(parsed.error));
  }
  return out;
}

function readNotes(map: Y.Map<Y.Text>, ignore: Ignore): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of sortedKeys(map)) {
    const value: unknown = map.get(key);
    const problem = keyProblem(key) ?? (value instanceof Y.Text ? null : 'a note must be a Y.Text');
    if (problem) ignore(ROOT.notes, key, problem);
    else out[key] = (value as Y.Text).toString();
  }
  return out;
}
