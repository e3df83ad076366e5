// The named writes of the meeting document: each is one transaction with an
// origin, writes only schema-valid entries and throws on impossible input.
// Rights are not checked here: the server checks every update (rules R…).
import * as Y from 'yjs';
import type { z } from 'zod';
import { ORIGIN, type Origin } from './protocol.ts';
import { proposalRevision } from './revision.ts';
import {
  AgendaItemSchema,
  EvaluationSchema,
  LogEventSchema,
  MetaSchema,
  NOTE_KEY,
  ObjectionSchema,
  ParticipantSchema,
  Phase,
  ROUND_KEY,
  RoundSchema,
  Stage,
  agenda,
  evaluation,
  log,
  meta,
  objections,
  participants,
  positionKey,
  positions,
  rounds,
  type AgendaItem,
  type Evaluation,
  type IntegrationPath,
  type ItemKind,
  type LogEvent,
  type Objection,
  type PositionValue,
  type Role,
  type Round,
} from './schema.ts';
import { checkKey, ensureNote, itemIndex, itemMap, openObjection, participant, round, valid } from './docLookup.ts';
import { minimalEdit } from './textDiff.ts';
import { positionEntry } from './absence.ts';

export interface NewMeeting {
  title: string;
  circle: string;
  aim: string;
  facilitatorId: string;
  facilitatorName: string;
  now: number;
}

/** Seeds a new meeting (on the server only): meta in phase `lobby` and the facilitator, a present member. */
export function createMeeting(doc: Y.Doc, m: NewMeeting, origin: Origin = ORIGIN.local): void {
  if (meta(doc).has('createdAt')) throw new Error('This document already holds a meeting.');
  const values = valid(
    MetaSchema,
    {
      title: m.title,
      circle: m.circle,
      aim: m.aim,
      createdAt: m.now,
      phase: 'lobby',
      activeItemId: null,
      facilitatorId: m.facilitatorId,
      secretaryId: null,
    },
    'meeting',
  );
  const facilitator = valid(ParticipantSchema, { name: m.facilitatorName, role: 'member', present: true, joinedAt: m.now }, 'facilitator');
  doc.transact(() => {
    for (const [key, value] of Object.entries(values)) meta(doc).set(key, value);
    participants(doc).set(m.facilitatorId, facilitator);
    ensureNote(doc, NOTE_KEY.opening);
    ensureNote(doc, NOTE_KEY.closing);
  }, origin);
}

/** Adds a participant who joins now (present). */
export function addParticipant(
  doc: Y.Doc,
  participantId: string,
  p: { name: string; role: Role; now: number },
  origin: Origin = ORIGIN.local,
): void {
  if (participantId === '') throw new Error('A participant id must not be empty.');
  if (participants(doc).has(participantId)) throw new Error(`Participant "${participantId}" already exists.`);
  const entry = valid(ParticipantSchema, { name: p.name, role: p.role, present: true, joinedAt: p.now }, 'participant');
  doc.transact(() => participants(doc).set(participantId, entry), origin);
}

/** Server only: marks a participant as removed by the facilitator; their entry and positions stay. */
export function markRemoved(doc: Y.Doc, participantId: string, at: number, origin: Origin = ORIGIN.local): void {
  const entry = participant(doc, participantId);
  if (entry.removedAt === undefined) doc.transact(() => participants(doc).set(participantId, { ...entry, removedAt: at }), origin);
}

/** Attendance (not connection): whether the participant takes part in the meeting. */
export function setPresent(doc: Y.Doc, participantId: string, present: boolean, origin: Origin = ORIGIN.local): void {
  const entry = participant(doc, participantId);
  doc.transact(() => participants(doc).set(participantId, { ...entry, present }), origin);
}

export interface NewAgendaItem {
  id: string;
  title: string;
  kind: ItemKind;
  ownerId: string | null;
  timeboxMin: number;
}

/** Appends an item at stage `draft`, with its (empty) notes. */
export function addAgendaItem(doc: Y.Doc, item: NewAgendaItem, origin: Origin = ORIGIN.local): void {
  if (
    agenda(doc)
      .toArray()
      .some((m) => m instanceof Y.Map && m.get('id') === item.id)
  ) {
    throw new Error(`Agenda item "${item.id}" already exists.`);
  }
  if ((Object.values(ROUND_KEY) as string[]).includes(item.id)) throw new Error(`"${item.id}" is reserved.`);
  const entry = valid(AgendaItemSchema, { ...item, stage: 'draft', reviewDate: null }, 'agenda item');
  doc.transact(() => {
    agenda(doc).push([toItemMap(entry)]);
    ensureNote(doc, entry.id);
  }, origin);
}

function toItemMap(entry: AgendaItem): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(entry)) map.set(key, value);
  return map;
}

export type AgendaItemPatch = Partial<Pick<AgendaItem, 'title' | 'kind' | 'ownerId' | 'timeboxMin' | 'reviewDate'>>;
const PATCHABLE = ['title', 'kind', 'ownerId', 'timeboxMin', 'reviewDate'] as const;

/** Changes some fields of an item; each field merges on its own with concurrent edits. */
export function updateAgendaItem(doc: Y.Doc, itemId: string, patch: AgendaItemPatch, origin: Origin = ORIGIN.local): void {
  const map = itemMap(doc, itemId);
  const changes: [string, unknown][] = [];
  for (const key of Object.keys(patch)) {
    if (!(PATCHABLE as readonly string[]).includes(key)) throw new Error(`"${key}" cannot be patched.`);
    const schema: z.ZodType<unknown> = AgendaItemSchema.shape[key as (typeof PATCHABLE)[number]];
    const value = valid(schema, patch[key as keyof AgendaItemPatch], key);
    changes.push([key, value]);
  }
  doc.transact(() => {
    for (const [key, value] of changes) map.set(key, value);
  }, origin);
}

/**
 * Moves an item to `toIndex` (clamped) by deleting it and inserting a copy:
 * Y.Array has no move. Two concurrent moves leave two copies; readers keep the first.
 */
export function moveAgendaItem(doc: Y.Doc, itemId: string, toIndex: number, origin: Origin = ORIGIN.local): void {
  const from = itemIndex(doc, itemId);
  const entry = valid(AgendaItemSchema, itemMap(doc, itemId).toJSON(), 'agenda item');
  const last = agenda(doc).length - 1;
  const to = Math.max(0, Math.min(last, Math.trunc(toIndex)));
  if (to === from) return;
  doc.transact(() => {
    agenda(doc).delete(from, 1);
    agenda(doc).insert(to, [toItemMap(entry)]);
  }, origin);
}

/** Removes the item (and every copy of it); it stops being the active item. */
export function removeAgendaItem(doc: Y.Doc, itemId: string, origin: Origin = ORIGIN.local): void {
  itemIndex(doc, itemId);
  doc.transact(() => {
    const list = agenda(doc);
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list.get(i);
      if (m instanceof Y.Map && m.get('id') === itemId) list.delete(i, 1);
    }
    if (meta(doc).get('activeItemId') === itemId) meta(doc).set('activeItemId', null);
  }, origin);
}

export function setActiveItem(doc: Y.Doc, itemId: string | null, origin: Origin = ORIGIN.local): void {
  if (itemId !== null) itemIndex(doc, itemId);
  doc.transact(() => meta(doc).set('activeItemId', itemId), origin);
}

/** Writes the phase; whether the move is allowed is `checkMove`'s question. */
export function movePhase(doc: Y.Doc, to: Phase, origin: Origin = ORIGIN.local): void {
  const phase = valid(Phase, to, 'phase');
  doc.transact(() => meta(doc).set('phase', phase), origin);
}

/** Writes an item's stage; whether the move is allowed is `checkMove`'s question. */
export function moveStage(doc: Y.Doc, itemId: string, to: Stage, origin: Origin = ORIGIN.local): void {
  const stage = valid(Stage, to, 'stage');
  const map = itemMap(doc, itemId);
  doc.transact(() => map.set('stage', stage), origin);
}

/**
 * Opens a round under `key` (an item id, `opening` or `closing`), numbered one
 * past the key's previous round of any kind, with the first in `order` speaking.
 */
export function openRound(
  doc: Y.Doc,
  key: string,
  r: { kind: Round['kind']; order: string[]; now: number; reveal?: 'together' },
  origin: Origin = ORIGIN.local,
): void {
  checkKey(doc, key);
  const previous = RoundSchema.safeParse(rounds(doc).get(key));
  const number = previous.success ? previous.data.number + 1 : 1;
  const fields = {
    kind: r.kind,
    number,
    order: r.order,
    speaker: r.order[0] ?? null,
    openedAt: r.now,
    ...(r.reveal ? { reveal: r.reveal } : {}),
  };
  const entry = valid(RoundSchema, fields, 'round');
  doc.transact(() => rounds(doc).set(key, entry), origin);
}

/** Gives the floor to `speakerId` (added to the order if they were not in it), or to nobody. */
export function passSpeaker(doc: Y.Doc, key: string, speakerId: string | null, origin: Origin = ORIGIN.local): void {
  const current = round(doc, key);
  if (current.closedAt !== undefined) throw new Error(`Round "${key}" is closed.`);
  if (speakerId !== null) participant(doc, speakerId);
  const order = speakerId === null || current.order.includes(speakerId) ? current.order : [...current.order, speakerId];
  doc.transact(() => rounds(doc).set(key, { ...current, order, speaker: speakerId }), origin);
}

export function closeRound(doc: Y.Doc, key: string, now: number, origin: Origin = ORIGIN.local): void {
  const current = round(doc, key);
  if (current.closedAt !== undefined) throw new Error(`Round "${key}" is already closed.`);
  doc.transact(() => rounds(doc).set(key, { ...current, speaker: null, closedAt: now }), origin);
}

/** A member's position in the item's current consent round (or beforehand, Q9), on the proposal's current revision. */
export function givePosition(
  doc: Y.Doc,
  itemId: string,
  participantId: string,
  position: PositionValue,
  now: number,
  origin: Origin = ORIGIN.local,
): void {
  participant(doc, participantId);
  // [C12][Q9] in the current consent round; an absent member may also give it beforehand
  const entry = positionEntry(doc, itemId, participantId, position, now);
  doc.transact(() => positions(doc).set(positionKey(itemId, participantId), entry), origin);
}

export interface NewObjection {
  id: string;
  itemId: string;
  authorId: string;
  kind: Objection['kind'];
  text: string;
  now: number;
}

/** An open objection or concern card on the proposal's current revision. */
export function raiseObjection(doc: Y.Doc, o: NewObjection, origin: Origin = ORIGIN.local): void {
  itemIndex(doc, o.itemId);
  participant(doc, o.authorId);
  if (o.id === '' || objections(doc).has(o.id)) throw new Error(`Objection id "${o.id}" is empty or taken.`);
  const entry = valid(
    ObjectionSchema,
    {
      itemId: o.itemId,
      authorId: o.authorId,
      kind: o.kind,
      text: o.text,
      status: 'open',
      revision: proposalRevision(doc, o.itemId),
      createdAt: o.now,
    },
    'objection',
  );
  doc.transact(() => objections(doc).set(o.id, entry), origin);
}

export function withdrawObjection(doc: Y.Doc, objectionId: string, now: number, origin: Origin = ORIGIN.local): void {
  const entry = openObjection(doc, objectionId);
  doc.transact(() => objections(doc).set(objectionId, { ...entry, status: 'withdrawn', resolvedAt: now }), origin);
}

/** The objector accepts the amended proposal: the card is integrated, with how, and [O1] which way through (`path`). */
export function acceptIntegration(
  doc: Y.Doc,
  objectionId: string,
  resolution: string | WayThrough,
  now: number,
  origin: Origin = ORIGIN.local,
): void {
  const way = typeof resolution === 'string' ? { text: resolution } : resolution;
  const how = valid(ObjectionSchema.shape.resolution, way.text, 'resolution');
  const path = 'path' in way ? valid(ObjectionSchema.shape.path, way.path, 'way through') : undefined;
  const entry = openObjection(doc, objectionId);
  if (path !== undefined && entry.kind !== 'objection') throw new Error('A way through is recorded for an objection, not a concern.');
  doc.transact(
    () => objections(doc).set(objectionId, { ...entry, status: 'integrated', resolvedAt: now, resolution: how, ...(path ? { path } : {}) }),
    origin,
  );
}

/** [O1] How an objection was integrated: the way and the sentence saying what changed. */
export type WayThrough = { path: IntegrationPath; text: string };

/**
 * Moves the item to `decided`; the server logs the decision with the term the
 * circle consented to (M13: a consent item needs a review date in its term, set with `setTerm` before the round).
 */
export function recordDecision(doc: Y.Doc, itemId: string, origin: Origin = ORIGIN.local): void {
  const map = itemMap(doc, itemId);
  doc.transact(() => map.set('stage', 'decided'), origin);
}

export function addEvaluation(doc: Y.Doc, participantId: string, e: Evaluation, origin: Origin = ORIGIN.local): void {
  participant(doc, participantId);
  const entry = valid(EvaluationSchema, e, 'evaluation');
  doc.transact(() => evaluation(doc).set(participantId, entry), origin);
}

/**
 * Replaces a note's text by the smallest edit (common prefix and suffix kept),
 * so that concurrent edits of different parts of a note both survive.
 */
export function writeNote(doc: Y.Doc, key: string, text: string, origin: Origin = ORIGIN.local): void {
  checkKey(doc, key);
  doc.transact(() => {
    const ytext = ensureNote(doc, key);
    const edit = minimalEdit(ytext.toString(), text);
    if (edit.removed > 0) ytext.delete(edit.start, edit.removed);
    if (edit.inserted !== '') ytext.insert(edit.start, edit.inserted);
  }, origin);
}

/** Appends events to the log; written by the server only, with its own clock. */
export function appendLog(doc: Y.Doc, events: LogEvent[], origin: Origin = ORIGIN.local): void {
  const entries = events.map((e, i) => valid(LogEventSchema, e, `log event ${i}`));
  doc.transact(() => log(doc).push(entries), origin);
}
