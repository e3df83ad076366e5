// The server's one question about an incoming update: may this actor apply it
// here and now, and which log events does it make? Rules P1–P6, R1–R20, M1–M13.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { checkMove, type Move } from './moves.ts';
import { readMeeting } from './snapshot.ts';
import { PHASES, ROOT, ROUND_KEY, STAGES, agenda, proposalRootName, splitPositionKey, type LogEvent } from './schema.ts';
import type { Actor, MeetingSnapshot } from './types.ts';
import { checkRights, describePath } from './rights.ts';
import { pathsOfDecoded, type DecodedUpdate, type TouchedPath, type WritePath } from './updatePaths.ts';
import { freezeItem } from './itemRecord.ts';
import { freshPart, type RefusedDeletes } from './knownParts.ts';
import { amendmentEvents, timelineEventsOf } from './timelineEvents.ts';
import { deriveAgendaConsent } from './agendaConsent.ts';
import { itemExitsOf } from './itemExits.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A log event as checkUpdate proposes it; the server adds `at` (its clock) and `actorId`. */
export type LogEventDraft = DistributiveOmit<LogEvent, 'at' | 'actorId'>;

export type CheckResult = Verdict & {
  /**
   * The update to apply, or to neutralize when refused: the incoming one without
   * what the document already holds and without deletions refused before [P7, P8].
   */
  update: Uint8Array;
};

type Verdict =
  | {
      ok: true;
      events: LogEventDraft[];
      paths: TouchedPath[];
      /** Yjs client ids that bring new structs: the server binds the unbound ones to the sender [P6]. */
      clients: number[];
    }
  | { ok: false; rule: string; reason: string };

export interface CheckOptions {
  limits?: UpdateLimits;
  /**
   * [P6] The participant a Yjs client id is bound to, if any. Client ids are not
   * authenticated: the server binds an id to the first participant who writes with it.
   */
  ownerOfClient?: (client: number) => string | undefined;
  /** [P8] Deletions refused before from the same participant: taken out of the update before it is judged. */
  refusedDeletes?: RefusedDeletes;
}

/** Bounds on what one incoming update may declare, checked before anything else reads it. */
export interface UpdateLimits {
  maxBytes: number;
  /** Clients with structs in the update (the first count it declares). */
  maxClients: number;
  maxStructs: number;
  maxDeleteRanges: number;
  /** Highest clock a struct or deletion may reach: far above any real client, far below 2^53. */
  maxClock: number;
}

export const UPDATE_LIMITS: UpdateLimits = {
  maxBytes: 1024 * 1024,
  maxClients: 1000,
  maxStructs: 100_000,
  maxDeleteRanges: 100_000,
  maxClock: 2 ** 32,
};

const refuse = (rule: string, reason: string): Verdict => ({ ok: false, rule, reason });

/** Checks an untrusted update against the document as it is now; never applies it. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, actor: Actor, options: CheckOptions = {}): CheckResult {
  const fresh = { update };
  const verdict = judge(doc, fresh, actor, options);
  return { ...verdict, update: fresh.update };
}

function judge(doc: Y.Doc, fresh: { update: Uint8Array }, actor: Actor, options: CheckOptions): Verdict {
  let { update } = fresh;
  const limits = options.limits ?? UPDATE_LIMITS;
  if (update.byteLength > limits.maxBytes)
    return refuse('P3', `update of ${update.byteLength} bytes is above the limit of ${limits.maxBytes}`);
  let decoded: DecodedUpdate;
  try {
    // the first declared count, read before any struct is: Y.decodeUpdate reads lazily, so no count allocates ahead
    const clients = decoding.readVarUint(decoding.createDecoder(update));
    if (clients > limits.maxClients) return refuse('P3', `update declares ${clients} clients, above the limit of ${limits.maxClients}`);
    decoded = Y.decodeUpdate(update) as DecodedUpdate;
  } catch (error) {
    return refuse('P1', `malformed update: ${(error as Error).message}`);
  }
  const order = orderProblem(decoded) ?? forwardReference(decoded);
  if (order) return refuse('P1', `malformed update: ${order}`);
  const bounds = boundsProblem(decoded, limits);
  if (bounds) return refuse('P3', bounds);
  // [P7, P8] a resync resends what is integrated already: only the rest is judged and applied
  const rest = freshPart(doc, decoded, options.refusedDeletes);
  if (rest) {
    fresh.update = update = rest;
    decoded = Y.decodeUpdate(update) as DecodedUpdate;
  }
  const clients = newClients(doc, decoded);
  if (actor.kind === 'participant' && options.ownerOfClient) {
    for (const client of clients) {
      const owner = options.ownerOfClient(client);
      if (owner !== undefined && owner !== actor.participantId) return refuse('P6', `client ${client} writes for another participant`);
    }
  }
  let paths: TouchedPath[];
  try {
    paths = pathsOfDecoded(doc, decoded);
  } catch (error) {
    return refuse('P1', `malformed update: ${(error as Error).message}`);
  }
  const rights = checkRights(doc, actor, paths);
  if (!rights.ok) return rights;
  return checkMovesAndLog(doc, actor, paths as WritePath[], clients);
}

/** Client ids with structs beyond what the document holds. */
function newClients(doc: Y.Doc, { structs }: DecodedUpdate): number[] {
  const out: number[] = [];
  for (const s of structs) {
    if (out[out.length - 1] !== s.id.client && s.id.clock + s.length > Y.getState(doc.store, s.id.client)) out.push(s.id.client);
  }
  return out;
}

/** Each client's structs come as one run (the decoder numbers a run's clocks itself); Yjs would keep only the last run. */
function orderProblem({ structs }: DecodedUpdate): string | null {
  let seen: Set<number> | null = null;
  let client = -1;
  for (const s of structs) {
    if (s.id.client === client) continue;
    if (client !== -1) (seen ??= new Set()).add(client);
    if (seen?.has(s.id.client)) return `client ${s.id.client} appears twice`;
    client = s.id.client;
  }
  return null;
}

/**
 * A struct can only lean on what its client wrote before it: an origin, right
 * origin or parent at its own clock or later can never integrate, and Yjs throws
 * halfway through applying it.
 */
function forwardReference({ structs }: DecodedUpdate): string | null {
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const { client, clock } = s.id;
    for (const ref of [s.origin, s.rightOrigin, s.parent]) {
      if (ref instanceof Y.ID && ref.client === client && ref.clock >= clock) {
        return `struct ${client}:${clock} refers to ${ref.client}:${ref.clock}, which is not before it`;
      }
    }
  }
  return null;
}

function boundsProblem({ structs, ds }: DecodedUpdate, limits: UpdateLimits): string | null {
  if (structs.length > limits.maxStructs) return `update holds ${structs.length} structs, above the limit of ${limits.maxStructs}`;
  for (const s of structs) {
    if (s.id.clock + s.length > limits.maxClock)
      return `a struct reaches clock ${s.id.clock + s.length}, above the limit of ${limits.maxClock}`;
  }
  let ranges = 0;
  for (const list of ds.clients.values()) {
    ranges += list.length;
    if (ranges > limits.maxDeleteRanges) return `update deletes more than ${limits.maxDeleteRanges} ranges`;
    for (const r of list)
      if (r.clock + r.len > limits.maxClock) return `a deletion reaches clock ${r.clock + r.len}, above the limit of ${limits.maxClock}`;
  }
  return null;
}

const isPhase = (v: unknown): v is (typeof PHASES)[number] => (PHASES as readonly unknown[]).includes(v);
const isStage = (v: unknown): v is (typeof STAGES)[number] => (STAGES as readonly unknown[]).includes(v);

/** Phase and stage changes must be allowed moves [M1–M9]; returns the log events of what the update changes. */
function checkMovesAndLog(doc: Y.Doc, actor: Actor, paths: readonly WritePath[], clients: number[]): Verdict {
  const events: LogEventDraft[] = [];
  let snapshot: MeetingSnapshot | null = null;
  const meeting = (): MeetingSnapshot => (snapshot ??= readMeeting(doc).meeting);
  /** Items this update decides or defers: their records are frozen as they stand before it [C16]. */
  const freezing: { itemId: string; to: 'decided' | 'deferred' }[] = [];
  for (const path of paths) {
    const move = moveOf(doc, path);
    if (move === null) {
      const more = timelineEventsOf(path, meeting);
      if (!Array.isArray(more)) return refuse(more.rule, `${more.reason}: ${describePath(path)}`);
      events.push(...more);
      logFacilitation(path, events);
      continue;
    }
    if ('rule' in move) return refuse(move.rule, `${move.reason}: ${describePath(path)}`);
    if (move.kind === 'phase') {
      const verdict = checkMove(meeting(), actor, move);
      if (!verdict.ok) return verdict;
      events.push({ type: 'phase', from: meeting().meta.phase, to: move.to });
      // [A4] the agenda's consent, as it stood when the meeting moved on
      if (move.to === 'items' && meeting().rounds[ROUND_KEY.agenda]?.kind === 'agenda')
        events.push({ type: 'agendaConsent', record: deriveAgendaConsent(meeting()) });
      continue;
    }
    const verdict = checkMove(meeting(), actor, move);
    if (!verdict.ok) return verdict;
    const from = meeting().agenda.find((i) => i.id === move.itemId)!.stage;
    events.push({ type: 'stage', itemId: move.itemId, from, to: move.to });
    if (move.to === 'decided' || move.to === 'deferred') freezing.push({ itemId: move.itemId, to: move.to });
  }
  // [BL5][O6] the way each deferred item leaves: from the exit entry written with its deferral
  const exits = itemExitsOf(paths, new Set(freezing.filter((f) => f.to === 'deferred').map((f) => f.itemId)));
  if ('rule' in exits) return refuse(exits.rule as string, exits.reason as string);
  for (const { itemId, to } of freezing) {
    // consent is derived from the document as it is now; a decision may not change what it rests on
    const touched = paths.find((p) => bearsOnConsent(p, itemId));
    const what = to === 'decided' ? 'a decision' : 'a deferral';
    if (touched) return refuse('R17', `${what} records the consent as it stands; this update also changes ${describePath(touched)}`);
    events.push(
      to === 'decided'
        ? decisionEvent(meeting(), itemId)
        : { type: 'deferral', itemId, ...freezeItem(meeting(), itemId), path: exits.get(itemId) ?? 'deferred' },
    );
    const selected = to === 'decided' ? selectionEvent(meeting(), itemId) : null;
    if (selected) events.push(selected);
  }
  events.push(...amendmentEvents(doc, paths, meeting));
  // moves first: a stage move ends the current turn, so the round and speaker it brings must follow it [T1]
  const isMove = (e: LogEventDraft): boolean => e.type === 'phase' || e.type === 'stage' || e.type === 'agendaConsent';
  return { ok: true, events: [...events.filter(isMove), ...events.filter((e) => !isMove(e))], paths: paths as TouchedPath[], clients };
}

/** [R17] The proposal and its term, positions, cards and round of the item, and attendance, on which its consent rests. */
function bearsOnConsent(p: WritePath, itemId: string): boolean {
  if (p.root === proposalRootName(itemId) || p.root === ROOT.participants) return true;
  if (p.root === ROOT.terms) return p.key === itemId;
  if (p.root === ROOT.rounds) return p.key === itemId;
  if (p.root === ROOT.positions) return p.key !== null && splitPositionKey(p.key)?.itemId === itemId;
  if (p.root !== ROOT.objections) return false;
  const of = (v: unknown): unknown => (typeof v === 'object' && v !== null ? (v as { itemId?: unknown }).itemId : undefined);
  return of(p.before) === itemId || of(p.after) === itemId || (p.before === undefined && p.after === undefined);
}

type Refusal = { rule: string; reason: string };

/** The move a path makes, null if none, or a refusal when it writes a phase or stage that no move can. */
function moveOf(doc: Y.Doc, path: WritePath): Move | Refusal | null {
  if (path.root === ROOT.meta && path.key === 'phase') {
    if (path.op === 'delete' || !isPhase(path.after)) return { rule: 'P4', reason: `the phase is one of ${PHASES.join(', ')}` };
    return path.after === path.before ? null : { kind: 'phase', to: path.after };
  }
  if (path.root !== ROOT.agenda || path.subKey !== 'stage' || path.nested) return null;
  if (path.op === 'delete' || !isStage(path.after)) return { rule: 'P4', reason: `an agenda item's stage is one of ${STAGES.join(', ')}` };
  if (path.itemId === null) return { rule: 'P4', reason: 'an agenda item needs its id' };
  if (path.before === undefined) return newItemStage(doc, path.itemId, path.after);
  return path.after === path.before ? null : { kind: 'stage', itemId: path.itemId, to: path.after };
}

/** [M6] An inserted agenda item is new at `draft`, or a moved copy that keeps its stage. */
function newItemStage(doc: Y.Doc, itemId: string, stage: string): Refusal | null {
  let existing: unknown;
  agenda(doc).forEach((item) => {
    if (existing === undefined && item instanceof Y.Map && item.get('id') === itemId) existing = item.get('stage');
  });
  if (existing === undefined)
    return stage === 'draft' ? null : { rule: 'M6', reason: `a new agenda item starts at "draft", not at "${stage}"` };
  return stage === existing ? null : { rule: 'M6', reason: `a moved agenda item keeps its stage "${String(existing)}", not "${stage}"` };
}

/** [F2] The facilitator hands over, or names a co-facilitator: the log says who and when. */
function logFacilitation(path: WritePath, events: LogEventDraft[]): void {
  if (path.root !== ROOT.meta || path.op !== 'write' || path.after === path.before) return;
  if (path.key === 'facilitatorId' && typeof path.after === 'string' && typeof path.before === 'string') {
    events.push({ type: 'facilitator', from: path.before, to: path.after, how: 'handover' });
  }
  if (path.key === 'coFacilitatorId' && (typeof path.after === 'string' || path.after === null)) {
    events.push({ type: 'coFacilitator', coFacilitatorId: path.after });
  }
}

/** [S6] Deciding a selection item records who holds the role, and until when. */
function selectionEvent(snapshot: MeetingSnapshot, itemId: string): LogEventDraft | null {
  const item = snapshot.agenda.find((i) => i.id === itemId);
  if (item?.kind !== 'selection' || !item.candidateId) return null;
  return { type: 'selection', itemId, roleName: item.roleName ?? item.title, holderId: item.candidateId, termEnd: item.termEnd ?? null };
}

/** [C16][M13] The decision, with the term consented to; the review date is the term's (an older item's own, failing that). */
function decisionEvent(snapshot: MeetingSnapshot, itemId: string): LogEventDraft {
  const frozen = freezeItem(snapshot, itemId);
  return {
    type: 'decision',
    itemId,
    text: frozen.text,
    revision: frozen.revision,
    reviewDate: frozen.term?.reviewDate ?? snapshot.agenda.find((i) => i.id === itemId)?.reviewDate ?? null,
    term: frozen.term,
    consented: frozen.record.consented,
    concerns: frozen.record.concerns,
    record: frozen.record,
    cards: frozen.cards,
  };
}
