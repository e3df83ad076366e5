// Who writes the backlog and the action items: rules R25–R29 (docs/consent-spec.md).
// Scopes of the rights table (rights.ts) for the roots `backlog` and `actions`.
import * as Y from 'yjs';
import { ITEM_EXITS, agenda, participants } from './schema.ts';
import { ACTION_DONE_FIELDS, ACTION_EDITABLE, ActionItemSchema, BACKLOG_EDITABLE, BacklogEntrySchema } from './followUpSchema.ts';
import { changedFields, describePath, isObject, nameOf } from './rightsHelpers.ts';
import { describeIssues } from './snapshot.ts';
import type { WritePath } from './updatePaths.ts';

/** What a scope sees of the writer (rights.ts's context). */
export interface ScopeCtx {
  doc: Y.Doc;
  self: string;
  role: 'facilitator' | 'member' | 'guest';
  facilitator: boolean;
}

/** A scope's objection to a path: `rule` and `says` when it is another rule than the row's. */
export type ScopeProblem = { why: string; rule?: string; says?: string } | null;

const SAYS = {
  R25: 'members add backlog entries as themselves',
  R26: "a backlog entry's title and text change, by its author or the facilitator",
  R27: 'backlog entries and action items are never removed',
  R28: 'members add action items as themselves, for an agenda item and a participant',
  R29: 'an action item is marked done by its author, its assignee or the facilitator; its text, assignee and due date change by its author or the facilitator',
} as const;

const problem = (rule: keyof typeof SAYS, why: string): ScopeProblem => ({ rule, says: SAYS[rule], why });
const isExit = (source: string): boolean => (ITEM_EXITS as readonly string[]).includes(source);

function hasAgendaItem(doc: Y.Doc, itemId: string): boolean {
  return agenda(doc)
    .toArray()
    .some((m) => m instanceof Y.Map && m.get('id') === itemId);
}

/** [R25][R26][R27] The `backlog` root. */
function backlogEntry(ctx: ScopeCtx, path: WritePath): ScopeProblem {
  const where = describePath(path);
  if (path.op === 'delete') return path.before === undefined ? null : problem('R27', `${where} would be removed`);
  const creating = path.before === undefined;
  const parsed = BacklogEntrySchema.safeParse(path.after);
  if (!parsed.success) return problem(creating ? 'R25' : 'R26', `${where} is not a backlog entry (${describeIssues(parsed.error)})`);
  const entry = parsed.data;
  if (creating) {
    if (ctx.role === 'guest') return problem('R25', `guests suggest backlog entries to a member: ${where}`);
    if (entry.authorId !== ctx.self) return problem('R25', `${where} must name its author ${nameOf(ctx.doc, ctx.self)}`);
    // [BL5] an exit entry is written with the deferral itself (checkUpdate); deferring is the facilitator's
    if (isExit(entry.source) && !ctx.facilitator)
      return problem('R25', `only the facilitator carries an agenda item out of the meeting: ${where}`);
    return null;
  }
  if (!isObject(path.before)) return problem('R26', `${where} is not a backlog entry`);
  if (path.before.authorId !== ctx.self && !ctx.facilitator) {
    return problem('R26', `${where} is ${nameOf(ctx.doc, String(path.before.authorId))}'s entry`);
  }
  const fixed = changedFields(path.before, path.after as Record<string, unknown>).filter(
    (k) => !(BACKLOG_EDITABLE as readonly string[]).includes(k),
  );
  return fixed.length === 0 ? null : problem('R26', `only the title and text of an entry change, not ${fixed.join(', ')}: ${where}`);
}

/** [R27][R28][R29] The `actions` root. */
function actionItem(ctx: ScopeCtx, path: WritePath): ScopeProblem {
  const where = describePath(path);
  if (path.op === 'delete') return path.before === undefined ? null : problem('R27', `${where} would be removed`);
  const creating = path.before === undefined;
  const parsed = ActionItemSchema.safeParse(path.after);
  if (!parsed.success) return problem(creating ? 'R28' : 'R29', `${where} is not an action item (${describeIssues(parsed.error)})`);
  const action = parsed.data;
  if (creating) {
    if (ctx.role === 'guest') return problem('R28', `guests suggest action items to a member: ${where}`);
    if (action.authorId !== ctx.self) return problem('R28', `${where} must name its author ${nameOf(ctx.doc, ctx.self)}`);
    if (action.done || action.doneAt !== undefined) return problem('R28', `a new action item is not done yet: ${where}`);
    if (!hasAgendaItem(ctx.doc, action.itemId)) return problem('R28', `there is no agenda item "${action.itemId}": ${where}`);
    if (!participants(ctx.doc).has(action.assigneeId))
      return problem('R28', `the assignee "${action.assigneeId}" is not a participant: ${where}`);
    return null;
  }
  if (!isObject(path.before)) return problem('R29', `${where} is not an action item`);
  const before = path.before;
  const changed = changedFields(before, path.after as Record<string, unknown>);
  const author = before.authorId === ctx.self || ctx.facilitator;
  for (const key of changed) {
    if ((ACTION_DONE_FIELDS as readonly string[]).includes(key)) {
      if (!author && before.assigneeId !== ctx.self)
        return problem(
          'R29',
          `${where} is ${nameOf(ctx.doc, String(before.authorId))}'s, for ${nameOf(ctx.doc, String(before.assigneeId))}`,
        );
    } else if ((ACTION_EDITABLE as readonly string[]).includes(key)) {
      if (!author) return problem('R29', `${where} is ${nameOf(ctx.doc, String(before.authorId))}'s to change`);
      if (key === 'assigneeId' && !participants(ctx.doc).has(action.assigneeId))
        return problem('R29', `the assignee "${action.assigneeId}" is not a participant: ${where}`);
    } else {
      return problem('R29', `${key} of an action item never changes: ${where}`);
    }
  }
  return null;
}

export const FOLLOW_UP_SCOPES = { backlogEntry, actionItem } as const;
