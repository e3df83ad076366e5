// The named writes of what a meeting hands on: backlog entries, an item's exit
// to the backlog (with its deferral, in one transaction), evaluation answers sent
// to the backlog, and action items. Rights are the server's (R25–R29).
import type * as Y from 'yjs';
import { ORIGIN, type Origin } from './protocol.ts';
import { AgendaItemSchema, backlog, actions, evaluation, EvaluationSchema, type EvaluationPrompt, type ItemExit } from './schema.ts';
import { ActionItemSchema, BacklogEntrySchema, evaluationEntryId, type ActionItem, type BacklogEntry } from './followUpSchema.ts';
import { itemMap, participant, valid } from './docLookup.ts';

function newEntry(doc: Y.Doc, entryId: string, entry: BacklogEntry): BacklogEntry {
  if (entryId === '' || backlog(doc).has(entryId)) throw new Error(`Backlog entry "${entryId}" is empty or taken.`);
  return valid(BacklogEntrySchema, entry, 'backlog entry');
}

/** [BL2] A member proposes an item for the next meeting. */
export function addBacklogEntry(
  doc: Y.Doc,
  entryId: string,
  e: { title: string; text: string; by: string; now: number; itemId?: string },
  origin: Origin = ORIGIN.local,
): void {
  participant(doc, e.by);
  const entry = newEntry(doc, entryId, {
    title: e.title,
    text: e.text,
    source: 'proposed',
    authorId: e.by,
    at: e.now,
    ...(e.itemId ? { itemId: e.itemId } : {}),
  });
  doc.transact(() => backlog(doc).set(entryId, entry), origin);
}

/** [BL3] The author (or the facilitator) changes an entry's title or text; nothing else of it changes. */
export function editBacklogEntry(
  doc: Y.Doc,
  entryId: string,
  patch: { title?: string; text?: string },
  origin: Origin = ORIGIN.local,
): void {
  const current = BacklogEntrySchema.safeParse(backlog(doc).get(entryId));
  if (!current.success) throw new Error(`There is no backlog entry "${entryId}".`);
  const entry = valid(BacklogEntrySchema, { ...current.data, ...patch }, 'backlog entry');
  doc.transact(() => backlog(doc).set(entryId, entry), origin);
}

/**
 * [O4][BL5] The facilitator ends an item in this meeting: it moves to `deferred`
 * and, in the same transaction (one update), a backlog entry of source `exit`
 * links it — carried to the next meeting, passed to a broader circle, or plainly
 * deferred. Whether the move is allowed is `checkMove`'s question (M6).
 */
export function exitItem(
  doc: Y.Doc,
  itemId: string,
  x: { exit: ItemExit; entryId: string; by: string; now: number; text?: string },
  origin: Origin = ORIGIN.local,
): void {
  const map = itemMap(doc, itemId);
  const title = AgendaItemSchema.shape.title.parse(map.get('title')).trim() || itemId;
  const entry = newEntry(doc, x.entryId, { title, text: x.text ?? '', source: x.exit, itemId, authorId: x.by, at: x.now });
  doc.transact(() => {
    map.set('stage', 'deferred');
    backlog(doc).set(x.entryId, entry);
  }, origin);
}

/** [E5] One click: an evaluation answer becomes a backlog entry (one entry per answer). */
export function sendAnswerToBacklog(
  doc: Y.Doc,
  a: { participantId: string; prompt: EvaluationPrompt; title: string; by: string; now: number },
  origin: Origin = ORIGIN.local,
): void {
  const card = EvaluationSchema.safeParse(evaluation(doc).get(a.participantId));
  const text = card.success ? (card.data[a.prompt] ?? '').trim() : '';
  if (text === '') throw new Error('There is no such answer to send to the backlog.');
  const entry = newEntry(doc, evaluationEntryId(a.participantId, a.prompt), {
    title: a.title,
    text,
    source: 'evaluation',
    authorId: a.by,
    at: a.now,
  });
  doc.transact(() => backlog(doc).set(evaluationEntryId(a.participantId, a.prompt), entry), origin);
}

/** [AI2] A member writes who does what by when, from an agenda item of any kind. */
export function addActionItem(
  doc: Y.Doc,
  actionId: string,
  a: { itemId: string; text: string; assigneeId: string; due: string | null; by: string; now: number },
  origin: Origin = ORIGIN.local,
): void {
  itemMap(doc, a.itemId);
  participant(doc, a.assigneeId);
  if (actionId === '' || actions(doc).has(actionId)) throw new Error(`Action item "${actionId}" is empty or taken.`);
  const entry = valid(
    ActionItemSchema,
    { itemId: a.itemId, text: a.text, assigneeId: a.assigneeId, due: a.due, done: false, authorId: a.by, at: a.now },
    'action item',
  );
  doc.transact(() => actions(doc).set(actionId, entry), origin);
}

/** [AI3] The author, the assignee or the facilitator marks an action item done (or not done again). */
export function markActionDone(doc: Y.Doc, actionId: string, done: boolean, now: number, origin: Origin = ORIGIN.local): void {
  const current = ActionItemSchema.safeParse(actions(doc).get(actionId));
  if (!current.success) throw new Error(`There is no action item "${actionId}".`);
  const { doneAt: _, ...rest } = current.data;
  const entry: ActionItem = done ? { ...rest, done: true, doneAt: now } : { ...rest, done: false };
  doc.transact(() => actions(doc).set(actionId, entry), origin);
}
