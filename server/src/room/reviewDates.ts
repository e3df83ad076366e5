// [CI19] The write policy with the one rule that needs the server's clock: a term
// written with a review date before today (UTC) is refused. shared's checkUpdate has
// no clock, so the rule lives in shared as a pure function and is applied here.
import { pastReviewDate, touchedPaths } from '@consent/shared';
import type { WritePolicy } from './writeCheck.ts';

const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function withReviewDates(inner: WritePolicy, deps: { now(): number }): WritePolicy {
  return {
    ...inner,
    check(doc, update, actor, ownerOfClient, refusedDeletes) {
      const verdict = inner.check(doc, update, actor, ownerOfClient, refusedDeletes);
      if (!verdict.ok) return verdict;
      // the verdict's update is what would be applied (without what the document holds already)
      const past = pastReviewDate(touchedPaths(doc, verdict.update ?? update), utcDay(deps.now()));
      return past ? { ok: false, ...past, update: verdict.update } : verdict;
    },
  };
}
