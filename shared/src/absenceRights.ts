// Rights about the decision policy and positions given beforehand (rules R22, R23
// in docs/consent-spec.md), checked with the rights table on every update.
import type * as Y from 'yjs';
import { PositionSchema, ROOT, meta, participants } from './schema.ts';
import type { Verdict } from './types.ts';
import type { WritePath } from './updatePaths.ts';

/** [R22] The phases in which the quorum and the absentee policy are set: before the first decision can come. */
export const POLICY_PHASES: readonly string[] = ['lobby', 'opening'];
const POLICY_KEYS: readonly string[] = ['quorum', 'absentees'];

/** A refusal under R22 or R23 for this path, or null. `describe` names the path as refusals do. */
export function absenceProblem(doc: Y.Doc, self: string, path: WritePath, describe: (p: WritePath) => string): Verdict | null {
  if (path.root === ROOT.meta && path.key !== null && POLICY_KEYS.includes(path.key) && path.after !== path.before) {
    const phase = meta(doc).get('phase');
    if (typeof phase === 'string' && !POLICY_PHASES.includes(phase)) {
      return {
        ok: false,
        rule: 'R22',
        reason: `the quorum and the absentee policy are set at the start (lobby or opening); the meeting is in "${phase}": ${describe(path)}`,
      };
    }
  }
  if (path.root === ROOT.positions && path.op === 'write' && !path.nested) {
    const after = PositionSchema.safeParse(path.after);
    const entry = participants(doc).get(self) as { present?: unknown } | undefined;
    if (after.success && after.data.round === 0 && entry?.present !== false) {
      return {
        ok: false,
        rule: 'R23',
        reason: `a position is given beforehand (round 0) only by a member who is absent: ${describe(path)}`,
      };
    }
  }
  return null;
}
