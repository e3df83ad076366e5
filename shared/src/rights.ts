// Who may write what (DESIGN §5) as one table, and the check of an update's
// touched paths against it. Rules R1–R20, R22, R23, P4, V2, V3 and S4 in docs/consent-spec.md.
import type * as Y from 'yjs';
import {
  INTEGRATION_PATHS,
  ParticipantSchema,
  ROOT,
  RoundSchema,
  TermSchema,
  itemIdOfProposalRoot,
  meta,
  participants,
  rounds,
  splitPositionKey,
} from './schema.ts';
import { isSealedNow } from './sealed.ts';
import { absenceProblem } from './absenceRights.ts';
import { proposalEditLock } from './proposalLock.ts';
import { itemField } from './docLookup.ts';

/** The stage of an agenda item (null when it has none), undefined when there is no such item. */
const stageOf = (doc: Y.Doc, itemId: string): unknown => itemField(doc, itemId, 'stage');
import type { Actor, Verdict } from './types.ts';
import { nestedTypeOf, type TouchedPath, type WritePath } from './updatePaths.ts';
import { changedFields, describePath, isObject, nameOf, ownerName } from './rightsHelpers.ts';
import { FOLLOW_UP_SCOPES } from './followUpRights.ts';

export { describePath } from './rightsHelpers.ts';

/** Who a row grants to: the facilitator (meta.facilitatorId), or a participant role. */
export type Writer = 'facilitator' | 'member' | 'guest';

/** How much of a root a row grants. */
export type Scope =
  | 'all' //                everything under the root, nested content included
  | 'ownKey' //             the entry keyed by the writer's own id
  | 'ownPositionKey' //     keys `<itemId>/<ownId>`
  | 'ownPresent' //         the `present` field of the writer's own entry, nothing else
  | 'anyPresent' //         the `present` field of anyone's entry, nothing else
  | 'authoredObjection' //  create own cards as `open`; change status/resolution of own cards; never delete
  | 'noteText' //           create a note's Y.Text and edit its text; never remove a note
  | 'openProposal' //       the proposal text of an existing agenda item that is not decided; guests only as the item's owner [R12]
  | 'proposalTerm' //       the term of such a proposal, written whole, never removed [R19]
  | 'metaFields' //         meta, with facilitatorId and coFacilitatorId naming a present member [F1][F2]
  | 'changeNomination' //   their own nomination, only in the item's open change round [S4]
  | 'backlogEntry' //       own new entries; title and text by author or facilitator; never removed [R25–R27]
  | 'actionItem'; //        own new items; done by author, assignee or facilitator; never removed [R27–R29]

export interface Right {
  id: string;
  /** A root name, or `proposal/*` for every proposal fragment. */
  root: string;
  writers: readonly Writer[];
  scope: Scope;
  /** The sentence a refusal under this row starts with. */
  says: string;
}

/** DESIGN §5 as data. Rows are granted, never subtracted: a path is allowed when one row for its root allows it. */
export const RIGHTS: readonly Right[] = [
  { id: 'R5', root: ROOT.meta, writers: ['facilitator'], scope: 'metaFields', says: "only the facilitator writes the meeting's settings" },
  { id: 'R6', root: ROOT.agenda, writers: ['facilitator'], scope: 'all', says: 'only the facilitator writes the agenda' },
  { id: 'R7', root: ROOT.rounds, writers: ['facilitator'], scope: 'all', says: 'only the facilitator opens, runs and closes rounds' },
  {
    id: 'R8',
    root: ROOT.participants,
    writers: ['member', 'guest'],
    scope: 'ownPresent',
    says: 'participants may only change whether they are present, in their own entry',
  },
  {
    id: 'R9',
    root: ROOT.participants,
    writers: ['facilitator'],
    scope: 'anyPresent',
    says: 'the facilitator may only change whether a participant is present',
  },
  {
    id: 'R10',
    root: ROOT.positions,
    writers: ['member', 'guest'],
    scope: 'ownPositionKey',
    says: 'members may only write their own position',
  },
  {
    id: 'R11',
    root: ROOT.objections,
    writers: ['member', 'guest'],
    scope: 'authoredObjection',
    says: 'objections are raised by their author as open cards, and only the author changes their status',
  },
  {
    id: 'R12',
    root: 'proposal/*',
    writers: ['member', 'guest'],
    scope: 'openProposal',
    says: "members and the item's owner write the proposal text of an agenda item that exists and is not decided",
  },
  {
    id: 'R19',
    root: ROOT.terms,
    writers: ['member', 'guest'],
    scope: 'proposalTerm',
    says: "members and the item's owner write the term of a proposal that exists and is not decided",
  },
  { id: 'R13', root: ROOT.notes, writers: ['member', 'guest'], scope: 'noteText', says: 'notes are written as text and never removed' },
  {
    id: 'R14',
    root: ROOT.evaluation,
    writers: ['member', 'guest'],
    scope: 'ownKey',
    says: 'participants may only write their own evaluation',
  },
  { id: 'R25', root: ROOT.backlog, writers: ['member', 'guest'], scope: 'backlogEntry', says: 'members add backlog entries as themselves' },
  { id: 'R28', root: ROOT.actions, writers: ['member', 'guest'], scope: 'actionItem', says: 'members add action items as themselves' },
  {
    id: 'S4',
    root: ROOT.nominations,
    writers: ['member'],
    scope: 'changeNomination',
    says: 'members change their own nomination, with a reason, in the change round',
  },
];

/** Rules that stand outside the rows. */
export const GENERAL_RULES = {
  server: 'R1',
  log: 'R2',
  noWriter: 'R3',
  closed: 'R4',
  unknownRoot: 'R15',
  deleteOthers: 'R16',
  finalItem: 'R18',
  lockedProposal: 'R20',
  sealedRound: 'V2',
  serverOnly: 'V3',
  pending: 'P2',
  shape: 'P4',
} as const;

/** Roots whose entries are plain JSON values (no nested Yjs types). */
const PLAIN_ROOTS: ReadonlySet<string> = new Set([
  ROOT.meta,
  ROOT.participants,
  ROOT.objections,
  ROOT.positions,
  ROOT.rounds,
  ROOT.evaluation,
  ROOT.nominations,
  ROOT.backlog,
  ROOT.actions,
  ROOT.terms,
]);
/** [V3][F3] Roots the server alone writes, besides the log. */
const SERVER_ROOTS: ReadonlySet<string> = new Set([ROOT.sealed, ROOT.handover]);
const KNOWN_ROOTS: ReadonlySet<string> = new Set(RIGHTS.map((r) => r.root));
const KEYED_ROOTS: ReadonlySet<string> = new Set([...PLAIN_ROOTS, ROOT.notes]);

const refuse = (rule: string, reason: string): Verdict => ({ ok: false, rule, reason });
const OK: Verdict = { ok: true };

interface Ctx {
  doc: Y.Doc;
  self: string;
  role: Writer;
  facilitator: boolean;
}

/** Whether `actor` may make every change in `paths`; the first refusal names its rule and the path. */
export function checkRights(doc: Y.Doc, actor: Actor, paths: readonly TouchedPath[]): Verdict {
  for (const path of paths) {
    if (path.op === 'unresolved') {
      return refuse(
        GENERAL_RULES.pending,
        `the update refers to changes the server does not have (client ${path.client}, clock ${path.clock}): ${path.reason}`,
      );
    }
  }
  if (actor.kind === 'server') return OK;
  const self = actor.participantId;
  const entry = participants(doc).get(self) as { role?: unknown; name?: unknown } | undefined;
  const role = entry?.role;
  if (role !== 'member' && role !== 'guest') {
    const who = role === 'observer' ? 'observers' : 'someone who is not a participant of this meeting';
    return paths.length === 0 ? OK : refuse(GENERAL_RULES.noWriter, `${who} may write nothing: ${describePath(paths[0] as WritePath)}`);
  }
  if (paths.length > 0 && meta(doc).get('phase') === 'closed') {
    return refuse(GENERAL_RULES.closed, `the meeting is closed and its board is read-only: ${describePath(paths[0] as WritePath)}`);
  }
  const ctx: Ctx = { doc, self, role, facilitator: meta(doc).get('facilitatorId') === self };
  for (const path of paths) {
    const verdict = checkPath(ctx, path as WritePath);
    if (!verdict.ok) return verdict;
  }
  return OK;
}

function checkPath(ctx: Ctx, path: WritePath): Verdict {
  if (path.root === ROOT.log) return refuse(GENERAL_RULES.log, `only the server writes the log: ${describePath(path)}`);
  if (SERVER_ROOTS.has(path.root)) return refuse(GENERAL_RULES.serverOnly, `only the server writes ${path.root}: ${describePath(path)}`);
  const rootKey = itemIdOfProposalRoot(path.root) === null ? path.root : 'proposal/*';
  if (!KNOWN_ROOTS.has(rootKey))
    return refuse(GENERAL_RULES.unknownRoot, `nobody writes "${path.root}", which is not part of a meeting document`);
  const shape = shapeProblem(path);
  if (shape) return refuse(GENERAL_RULES.shape, `${shape}: ${describePath(path)}`);
  const owner = path.op === 'delete' && path.before !== undefined ? ownerOf(path) : null;
  if (owner !== null && owner !== ctx.self) {
    return refuse(
      GENERAL_RULES.deleteOthers,
      `nobody removes an entry of someone else: ${describePath(path)} is ${nameOf(ctx.doc, owner)}'s`,
    );
  }
  const final = finalItemOf(ctx.doc, path);
  if (final) {
    return refuse(
      GENERAL_RULES.finalItem,
      `agenda item "${final.itemId}" is ${final.stage}; its positions and cards are part of its record and final: ${describePath(path)}`,
    );
  }
  const locked = lockedItemOf(ctx.doc, path);
  if (locked !== null) {
    return refuse(
      GENERAL_RULES.lockedProposal,
      `the consent round on agenda item "${locked}" is on; its proposal and term stay as they are until it moves to resolve: ${describePath(path)}`,
    );
  }
  const sealedItem = sealedItemOf(ctx.doc, path);
  if (sealedItem !== null) {
    return refuse(
      GENERAL_RULES.sealedRound,
      `the round on agenda item "${sealedItem}" is revealed together; answers are given privately and the server writes them all at the reveal: ${describePath(path)}`,
    );
  }
  const absence = absenceProblem(ctx.doc, ctx.self, path, describePath); // [R22][R23]
  if (absence) return absence;
  let refusal: Verdict | null = null;
  for (const right of RIGHTS) {
    if (right.root !== rootKey) continue;
    const granted = right.writers.includes(ctx.role) || (ctx.facilitator && right.writers.includes('facilitator'));
    if (!granted) {
      refusal ??= refuse(right.id, `${right.says}: ${describePath(path)}`);
      continue;
    }
    const problem = SCOPES[right.scope](ctx, path);
    if (problem === null) return OK;
    // a refusal from a row the writer holds says more than one from a row they lack
    refusal = refuse(problem.rule ?? right.id, `${problem.says ?? right.says}: ${problem.why}`);
  }
  return refusal!;
}

/** Entries of keyed roots have a key; plain-JSON roots hold no nested types; sequence roots have no keys. */
function shapeProblem(path: WritePath): string | null {
  const keyed = KEYED_ROOTS.has(path.root);
  if (keyed && path.key === null) return `${path.root} entries are keyed`;
  if (!keyed && path.key !== null) return `${path.root} has no keyed entries`;
  if (PLAIN_ROOTS.has(path.root) && (path.nested || nestedTypeOf(path.after) !== null)) return `${path.root} entries are plain JSON values`;
  if (path.root === ROOT.agenda && path.op === 'write') {
    // every reader drops an agenda item that is not a Y.Map of plain values with an id (AgendaItemSchema)
    if (path.subKey !== null && (path.nested || nestedTypeOf(path.after) !== null)) return 'agenda item entries are plain JSON values';
    if (path.subKey === null && !path.nested && path.itemId === null) return 'an agenda item is a Y.Map with an id';
  }
  return null;
}

type Problem = { why: string; rule?: string; says?: string } | null;

/** Whose entry a path is, for the roots whose entries belong to someone. */
function ownerOf(path: WritePath): string | null {
  if (path.key === null) return null;
  if (path.root === ROOT.participants || path.root === ROOT.evaluation) return path.key;
  if (path.root === ROOT.positions || path.root === ROOT.nominations) return splitPositionKey(path.key)?.participantId ?? null;
  const authored = path.root === ROOT.objections || path.root === ROOT.backlog || path.root === ROOT.actions;
  if (authored && isObject(path.before) && typeof path.before.authorId === 'string') return path.before.authorId;
  return null;
}

const SCOPES: Record<Scope, (ctx: Ctx, path: WritePath) => Problem> = {
  all: () => null,
  ownKey: (ctx, path) => ownership(ctx, path, path.key),
  ownPositionKey: (ctx, path) => ownership(ctx, path, path.key === null ? null : (splitPositionKey(path.key)?.participantId ?? null)),
  ownPresent: (ctx, path) => ownership(ctx, path, path.key) ?? presentOnly(path),
  anyPresent: (_ctx, path) => presentOnly(path),
  authoredObjection: (ctx, path) => {
    const before = path.before as Record<string, unknown> | undefined;
    const after = path.after as Record<string, unknown> | undefined;
    if (path.op === 'delete') {
      return before === undefined ? null : { why: `cards are withdrawn, never deleted: ${describePath(path)}` };
    }
    if (!isObject(after) || after.authorId !== ctx.self)
      return { why: `${describePath(path)} must name its author ${nameOf(ctx.doc, ctx.self)}` };
    if (before === undefined) {
      // DESIGN §1: a guest may raise concerns; only members' objections can block.
      if (ctx.role === 'guest' && after.kind !== 'concern') return { why: `guests raise concerns, not objections: ${describePath(path)}` };
      return after.status === 'open' && after.path === undefined ? null : { why: `a new card starts open: ${describePath(path)}` };
    }
    if (!isObject(before) || before.authorId !== ctx.self) return { why: `${describePath(path)} is ${ownerName(ctx.doc, before)}'s card` };
    const changed = changedFields(before, after).filter((k) => k !== 'status' && k !== 'resolvedAt' && k !== 'resolution' && k !== 'path');
    if (changed.length > 0) return { why: `only status and resolution of a card change, not ${changed.join(', ')}: ${describePath(path)}` };
    return wayThroughProblem(before, after, describePath(path));
  },
  noteText: (_ctx, path) => {
    if (path.nested) return null;
    if (path.op === 'delete') return { why: `${describePath(path)} would be removed` };
    return nestedTypeOf(path.after) === 'Y.Text' ? null : { why: `${describePath(path)} must be a Y.Text` };
  },
  metaFields: (ctx, path) => {
    if (path.key !== 'facilitatorId' && path.key !== 'coFacilitatorId') return null;
    if (path.op === 'delete' || path.after === path.before)
      return path.op === 'delete' ? { why: `${describePath(path)} is never removed` } : null;
    if (path.key === 'coFacilitatorId' && path.after === null) return null;
    if (path.after === ctx.self) return { why: `${describePath(path)}: the facilitator names someone else` };
    if (!presentMember(ctx.doc, path.after)) return { why: `${describePath(path)} must name a member who is present` };
    return null;
  },
  changeNomination: (ctx, path) => {
    const own = ownership(ctx, path, path.key === null ? null : (splitPositionKey(path.key)?.participantId ?? null));
    if (own) return own;
    if (path.op === 'delete') return { why: `a nomination is changed, never removed: ${describePath(path)}` };
    const round = RoundSchema.safeParse(rounds(ctx.doc).get(splitPositionKey(path.key!)!.itemId));
    if (!round.success || round.data.kind !== 'change' || round.data.closedAt !== undefined) {
      return { why: `nominations change only while the item's change round is open: ${describePath(path)}` };
    }
    const after = path.after as { reason?: unknown } | undefined;
    return isObject(after) && typeof after.reason === 'string' && after.reason.trim() !== ''
      ? null
      : { why: `a changed nomination gives its reason: ${describePath(path)}` };
  },
  ...FOLLOW_UP_SCOPES,
  openProposal: (ctx, path) => editProblem(ctx, itemIdOfProposalRoot(path.root)!),
  proposalTerm: (ctx, path) => {
    const problem = editProblem(ctx, path.key!);
    if (problem) return problem;
    if (path.nested) return { why: `${describePath(path)} is a plain entry` };
    if (path.op === 'delete') return { why: `a term is changed, never removed: ${describePath(path)}` };
    return TermSchema.safeParse(path.after).success
      ? null
      : { why: `${describePath(path)} must be { reviewDate: YYYY-MM-DD or null, measure: at most 1000 characters }` };
  },
};

/** [R12][R19] Why the writer may not change the proposal (text or term) of `itemId`, if so. The consent-round lock is R20's. */
function editProblem(ctx: Ctx, itemId: string): Problem {
  const lock = proposalEditLock(stageOf(ctx.doc, itemId), ctx.role, itemField(ctx.doc, itemId, 'ownerId') === ctx.self);
  if (lock === 'no-item') return { why: `there is no agenda item "${itemId}"` };
  if (lock === 'decided') return { why: `agenda item "${itemId}" is decided; its text is final` };
  if (lock === 'guest') return { why: `guests suggest changes in the item's notes; they do not edit the proposal of "${itemId}"` };
  return null;
}

/** [R20] The item whose proposal or term the path writes while its consent round is on, if any. */
function lockedItemOf(doc: Y.Doc, path: WritePath): string | null {
  const itemId = path.root === ROOT.terms ? path.key : itemIdOfProposalRoot(path.root);
  return itemId !== null && stageOf(doc, itemId) === 'consent' ? itemId : null;
}

/** [O2] A way through is recorded once, with the integration: one of INTEGRATION_PATHS on an integrated objection. */
function wayThroughProblem(before: Record<string, unknown>, after: Record<string, unknown>, where: string): Problem {
  if (after.path === before.path) return null;
  const says = 'the way through an objection is recorded by its author as it is integrated';
  if (before.path !== undefined) return { rule: 'O2', says, why: `it was recorded already: ${where}` };
  if (after.kind !== 'objection' || after.status !== 'integrated' || before.status !== 'open')
    return { rule: 'O2', says, why: `only with the integration of an open objection: ${where}` };
  return (INTEGRATION_PATHS as readonly unknown[]).includes(after.path)
    ? null
    : { rule: 'O2', says, why: `the way is one of ${INTEGRATION_PATHS.join(', ')}: ${where}` };
}

/** [V2] The item whose sealed round a position or nomination write belongs to, if any. */
function sealedItemOf(doc: Y.Doc, path: WritePath): string | null {
  if ((path.root !== ROOT.positions && path.root !== ROOT.nominations) || path.key === null) return null;
  const itemId = splitPositionKey(path.key)?.itemId;
  return itemId !== undefined && isSealedNow(doc, itemId) ? itemId : null;
}

/** [F1][F2] Who may be named facilitator or co-facilitator: a member who attends and was not removed. */
function presentMember(doc: Y.Doc, id: unknown): boolean {
  const p = ParticipantSchema.safeParse(typeof id === 'string' ? participants(doc).get(id) : undefined);
  return p.success && p.data.role === 'member' && p.data.present && p.data.removedAt === undefined;
}

/** [R18] The decided or deferred item whose position or card the path writes, if any. */
function finalItemOf(doc: Y.Doc, path: WritePath): { itemId: string; stage: string } | null {
  const itemIds: unknown[] = [];
  if (path.root === ROOT.positions && path.key !== null) itemIds.push(splitPositionKey(path.key)?.itemId);
  if (path.root === ROOT.objections) {
    for (const v of [path.before, path.after]) if (isObject(v)) itemIds.push(v.itemId);
  }
  for (const itemId of itemIds) {
    if (typeof itemId !== 'string') continue;
    const stage = stageOf(doc, itemId);
    if (stage === 'decided' || stage === 'deferred') return { itemId, stage };
  }
  return null;
}

function ownership(ctx: Ctx, path: WritePath, owner: string | null): Problem {
  if (owner === ctx.self) return null;
  const whose = owner === null ? "nobody's" : `${nameOf(ctx.doc, owner)}'s`;
  return { why: `${describePath(path)} is ${whose}` };
}

function presentOnly(path: WritePath): Problem {
  if (path.op === 'delete' || path.before === undefined)
    return { why: `${describePath(path)} is written by the server when someone joins` };
  if (!isObject(path.before) || !isObject(path.after)) return { why: `${describePath(path)} must stay a participant entry` };
  const changed = changedFields(path.before, path.after).filter((k) => k !== 'present');
  if (changed.length > 0) return { why: `${describePath(path)} would change ${changed.join(', ')}` };
  return typeof path.after.present === 'boolean' ? null : { why: `${describePath(path)}: present is true or false` };
}
