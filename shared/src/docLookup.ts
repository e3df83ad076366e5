// Lookups the commands make before writing: each returns a validated entry
// or throws an Error that says which input is impossible.
import * as Y from 'yjs';
import type { z } from 'zod';
import {
  ObjectionSchema,
  ParticipantSchema,
  ROUND_KEY,
  RoundSchema,
  agenda,
  notes,
  objections,
  participants,
  rounds,
  type Objection,
  type Participant,
  type Round,
} from './schema.ts';
import { describeIssues } from './snapshot.ts';

/** The value as its schema parses it, or an Error naming what is wrong. */
export function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid ${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function itemIndex(doc: Y.Doc, itemId: string): number {
  const index = agenda(doc)
    .toArray()
    .findIndex((m) => m instanceof Y.Map && m.get('id') === itemId);
  if (index < 0) throw new Error(`Unknown agenda item "${itemId}".`);
  return index;
}
/** A field of the first agenda item with this id (null when unset), undefined when there is no such item. */
export function itemField(doc: Y.Doc, itemId: string, key: string): unknown {
  let value: unknown;
  agenda(doc).forEach((item) => {
    if (value === undefined && item instanceof Y.Map && item.get('id') === itemId) value = item.get(key) ?? null;
  });
  return value;
}

export const itemMap = (doc: Y.Doc, itemId: string): Y.Map<unknown> => agenda(doc).get(itemIndex(doc, itemId));

// An entry that is rewritten whole keeps the fields it has beyond the schema
// (written by a newer client), so that a write changes only what it means to.
const keepExtra = <T extends object>(raw: unknown, parsed: T): T => ({ ...(raw as object), ...parsed });

export function participant(doc: Y.Doc, participantId: string): Participant {
  const raw = participants(doc).get(participantId);
  const parsed = ParticipantSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Unknown participant "${participantId}".`);
  return keepExtra(raw, parsed.data);
}

/** An objection that is still open: only open cards change status (C13). */
export function openObjection(doc: Y.Doc, objectionId: string): Objection {
  const raw = objections(doc).get(objectionId);
  const parsed = ObjectionSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Unknown objection "${objectionId}".`);
  if (parsed.data.status !== 'open') throw new Error(`Objection "${objectionId}" is already ${parsed.data.status}.`);
  return keepExtra(raw, parsed.data);
}

export function round(doc: Y.Doc, key: string): Round {
  const raw = rounds(doc).get(key);
  const parsed = RoundSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`No round "${key}" has been opened.`);
  return keepExtra(raw, parsed.data);
}

/** `opening`, `closing`, `agenda` or an agenda item id: the keys of `rounds` and `notes`. */
export function checkKey(doc: Y.Doc, key: string): void {
  if (key !== ROUND_KEY.opening && key !== ROUND_KEY.closing && key !== ROUND_KEY.agenda) itemIndex(doc, key);
}

// A note is created with its key (meeting or item), never lazily by an editor:
// two peers creating the same note's Y.Text at once would lose one of them.
export function ensureNote(doc: Y.Doc, key: string): Y.Text {
  const existing = notes(doc).get(key);
  if (existing instanceof Y.Text) return existing;
  const text = new Y.Text();
  notes(doc).set(key, text);
  return text;
}
