// The log events an accepted update makes besides moves and decisions [T2]:
// rounds opened and closed, positions given, cards raised and resolved,
// amendments that make positions stale, the secretary named. The server
// writes them with its clock, so the minutes' timeline can be trusted.
import type * as Y from 'yjs';
import { deriveConsent } from './consent.ts';
import { proposalRevision } from './revision.ts';
import {
  MetaSchema,
  ObjectionSchema,
  PositionSchema,
  ROOT,
  RoundSchema,
  itemIdOfProposalRoot,
  objections,
  positions,
  splitPositionKey,
} from './schema.ts';
import type { MeetingSnapshot } from './types.ts';
import type { WritePath } from './updatePaths.ts';
import type { LogEventDraft } from './checkUpdate.ts';
import { isBlankProposal } from './minutes/proposalText.ts';

type Refusal = { rule: string; reason: string };

/** Events of one path that is not a move; a refusal when it opens a consent round on a blank proposal [C17]. */
export function timelineEventsOf(path: WritePath, meeting: () => MeetingSnapshot): LogEventDraft[] | Refusal {
  if (path.op !== 'write' || path.key === null || path.nested) return [];
  if (path.root === ROOT.rounds) return roundEvents(path.key, path.before, path.after, meeting);
  if (path.root === ROOT.positions) return positionEvents(path.key, path.before, path.after);
  if (path.root === ROOT.objections) return cardEvents(path.key, path.before, path.after);
  if (path.root === ROOT.meta && path.key === 'secretaryId') {
    const after = MetaSchema.shape.secretaryId.safeParse(path.after);
    return after.success && after.data !== path.before ? [{ type: 'secretary', secretaryId: after.data }] : [];
  }
  return [];
}

function roundEvents(roundKey: string, rawBefore: unknown, rawAfter: unknown, meeting: () => MeetingSnapshot): LogEventDraft[] | Refusal {
  const after = RoundSchema.safeParse(rawAfter);
  if (!after.success) return [];
  const before = RoundSchema.safeParse(rawBefore);
  const { kind, number, speaker } = after.data;
  const events: LogEventDraft[] = [];
  const opened = !before.success || before.data.number !== number || before.data.openedAt !== after.data.openedAt;
  if (opened) {
    if (kind === 'consent' && isBlankProposal(meeting().proposals[roundKey]?.nodes ?? [])) {
      return { rule: 'C17', reason: 'a consent round needs a proposal to consent to; this one is empty' };
    }
    events.push({ type: 'round', roundKey, kind, number });
  }
  // a round that opens gives the floor anew (a stage move in between ended the last turn); otherwise only a change is news
  const had = before.success ? before.data.speaker : null;
  if (opened ? speaker !== null || had !== null : had !== speaker) {
    events.push({ type: 'speaker', roundKey, speaker });
  }
  if (after.data.closedAt !== undefined && (!before.success || before.data.closedAt === undefined || opened)) {
    events.push({ type: 'roundClosed', roundKey, kind, number });
  }
  return events;
}

function positionEvents(key: string, rawBefore: unknown, rawAfter: unknown): LogEventDraft[] {
  const after = PositionSchema.safeParse(rawAfter);
  const where = splitPositionKey(key);
  if (!after.success || !where) return [];
  const before = PositionSchema.safeParse(rawBefore);
  const same =
    before.success &&
    before.data.position === after.data.position &&
    before.data.round === after.data.round &&
    before.data.revision === after.data.revision;
  if (same) return [];
  const { position, round, revision } = after.data;
  return [{ type: 'position', itemId: where.itemId, participantId: where.participantId, position, round, revision }];
}

function cardEvents(objectionId: string, rawBefore: unknown, rawAfter: unknown): LogEventDraft[] {
  const after = ObjectionSchema.safeParse(rawAfter);
  if (!after.success) return [];
  const { itemId, kind, status } = after.data;
  if (rawBefore === undefined) return [{ type: 'objection', itemId, objectionId, kind }];
  const before = ObjectionSchema.safeParse(rawBefore);
  if (before.success && before.data.status === 'open' && status !== 'open')
    return [{ type: 'objectionStatus', itemId, objectionId, kind, status }];
  return [];
}

/**
 * [T3] An amendment: the update changes the proposal (text or term) of an item on whose current
 * text a position or an open card was given. Logged once per such change (later
 * keystrokes change a text nobody has answered yet); `stale` names the members
 * whose counting positions no longer count.
 */
export function amendmentEvents(doc: Y.Doc, paths: readonly WritePath[], meeting: () => MeetingSnapshot): LogEventDraft[] {
  const events: LogEventDraft[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    // the term is part of the proposal: changing it is an amendment too [C11]
    const itemId = path.root === ROOT.terms ? path.key : itemIdOfProposalRoot(path.root);
    if (itemId === null || seen.has(itemId)) continue;
    seen.add(itemId);
    // cheap first: most keystrokes change a text that no position or card refers to
    const prefix = `${itemId}/`;
    const answered: string[] = [];
    positions(doc).forEach((v, k) => {
      if (k.startsWith(prefix)) answered.push((v as { revision?: unknown })?.revision as string);
    });
    objections(doc).forEach((v) => {
      const card = v as { itemId?: unknown; status?: unknown; revision?: unknown } | null;
      if (card?.itemId === itemId && card.status === 'open') answered.push(card.revision as string);
    });
    if (answered.length === 0) continue;
    const revision = proposalRevision(doc, itemId);
    if (!answered.includes(revision)) continue;
    const record = deriveConsent(meeting(), itemId);
    events.push({ type: 'amendment', itemId, revision, stale: [...record.consented, ...record.concerns, ...record.objecting].sort() });
  }
  return events;
}
