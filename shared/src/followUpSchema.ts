// What a meeting hands on: its backlog (items to carry to the next meeting) and
// its action items (who does what by when). Plain JSON entries, documented in
// docs/document-schema.md, so that a circle can collect them across meetings.
import { z } from 'zod';
import { ITEM_EXITS } from './schema.ts';

const Id = z.string().min(1).max(128);
const Timestamp = z.number().int().nonnegative();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');

/**
 * [BL1] Where a backlog entry comes from: an item's exit (`deferred`, `carried`,
 * `broader-circle`, written with the deferral, BL5), an evaluation answer (E5), or
 * a member's own proposal.
 */
export const BACKLOG_SOURCES = [...ITEM_EXITS, 'evaluation', 'proposed'] as const;
export type BacklogSource = (typeof BACKLOG_SOURCES)[number];

/** [BL1] `backlog[entryId]`. */
export const BacklogEntrySchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    text: z.string().max(5000),
    source: z.enum(BACKLOG_SOURCES),
    /** The agenda item the entry carries or came from; required for an item's exit. */
    itemId: Id.optional(),
    authorId: Id,
    at: Timestamp,
  })
  .refine((e) => !(ITEM_EXITS as readonly string[]).includes(e.source) || e.itemId !== undefined, {
    message: "an item's exit names the item",
  });
export type BacklogEntry = z.infer<typeof BacklogEntrySchema>;

/** [BL3] The fields of a backlog entry that change after it was written (by its author or the facilitator). */
export const BACKLOG_EDITABLE = ['title', 'text'] as const;

/** [AI1] `actions[actionId]`: who does what by when, from one agenda item. */
export const ActionItemSchema = z.object({
  itemId: Id,
  text: z.string().trim().min(1).max(2000),
  assigneeId: Id,
  due: IsoDate.nullable(),
  done: z.boolean(),
  authorId: Id,
  at: Timestamp,
  doneAt: Timestamp.optional(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

/** [AI3] Marking done: the author, the assignee or the facilitator. [AI4] Editing: the author or the facilitator. */
export const ACTION_DONE_FIELDS = ['done', 'doneAt'] as const;
export const ACTION_EDITABLE = ['text', 'assigneeId', 'due'] as const;

/** [E5] The backlog key of an evaluation answer sent there: one entry per answer. */
export const evaluationEntryId = (participantId: string, prompt: 'worked' | 'improve'): string => `evaluation-${prompt}-${participantId}`;
