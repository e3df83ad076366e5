// [BL5][O6] How an item leaves the meeting without a decision: the backlog entry
// written in the same update as its deferral names the way (carried, passed to a
// broader circle, or plainly deferred), and the deferral's log event records it.
import { ITEM_EXITS, ROOT, type ItemExit } from './schema.ts';
import { BacklogEntrySchema } from './followUpSchema.ts';
import type { WritePath } from './updatePaths.ts';
import { describePath } from './rightsHelpers.ts';

/**
 * The exit of each item that an update's new backlog entries name, checked against
 * the items the update defers: an exit entry comes only with its item's deferral,
 * one per item [BL5]. A refusal names the rule.
 */
export function itemExitsOf(
  paths: readonly WritePath[],
  deferred: ReadonlySet<string>,
): Map<string, ItemExit> | { rule: string; reason: string } {
  const exits = new Map<string, ItemExit>();
  for (const p of paths) {
    if (p.root !== ROOT.backlog || p.op !== 'write' || p.before !== undefined) continue;
    const entry = BacklogEntrySchema.safeParse(p.after);
    if (!entry.success || !(ITEM_EXITS as readonly string[]).includes(entry.data.source)) continue;
    const itemId = entry.data.itemId!;
    if (!deferred.has(itemId)) {
      return {
        rule: 'BL5',
        reason: `an item's exit to the backlog is written in the same update that defers the item "${itemId}": ${describePath(p)}`,
      };
    }
    if (exits.has(itemId)) return { rule: 'BL5', reason: `an item leaves the meeting one way only: ${describePath(p)}` };
    exits.set(itemId, entry.data.source as ItemExit);
  }
  return exits;
}
