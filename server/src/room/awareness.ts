// The server's copy of a room's awareness (who is online, carets), in the
// y-protocols wire format, with the identity rule: a connection sets only the
// states of its own client ids, and only as `user.id`/`user.name` of its participant.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { awarenessFrame } from '@consent/shared';

interface Entry {
  clock: number;
  /** The state as received (JSON text), or 'null' once removed. */
  json: string;
  /** Connection that owns this client id. */
  owner: object;
}

export interface AwarenessIdentity {
  participantId: string;
  /** The participant's current name in the document. */
  name: string | undefined;
}

export type AwarenessEntry = { clientId: number; clock: number; json: string };

/** Reads an awareness update; throws on a malformed one. */
export function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const out: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    out.push({ clientId, clock, json });
  }
  return out;
}

export function encodeAwareness(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries];
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, list.length);
  for (const { clientId, clock, json } of list) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
}

/** Whether a state (parsed JSON) presents the given participant under their own id and name. */
export function claimsIdentity(state: unknown, who: AwarenessIdentity): boolean {
  if (state === null) return true;
  if (typeof state !== 'object' || Array.isArray(state)) return false;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return false;
  const { id, name } = user as { id?: unknown; name?: unknown };
  return id === who.participantId && who.name !== undefined && name === who.name;
}

/** Client ids one connection may set states for: its document's, and the new one Yjs picks after an id clash. */
export const MAX_IDS_PER_CONNECTION = 8;

export class AwarenessStore {
  private readonly states = new Map<number, Entry>();
  /** Whether the last apply() made a state appear or removed one (who is online may have changed). */
  livenessChanged = false;

  /**
   * Applies the entries a connection sent, keeping only those it may set.
   * Returns the client ids whose state changed (to relay), per y-protocols' clock rule.
   */
  apply(owner: object, entries: AwarenessEntry[], who: AwarenessIdentity): number[] {
    const changed: number[] = [];
    this.livenessChanged = false;
    for (const entry of entries) {
      const current = this.states.get(entry.clientId);
      if (current && current.owner !== owner) continue;
      // a connection that makes up client ids would fill the server's and every peer's memory
      if (!current && this.idsOf(owner) >= MAX_IDS_PER_CONNECTION) continue;
      let state: unknown;
      try {
        state = JSON.parse(entry.json);
      } catch {
        throw new Error('awareness state is not JSON');
      }
      if (!claimsIdentity(state, who)) continue;
      const isRemoval = state === null;
      const newer = !current || current.clock < entry.clock || (current.clock === entry.clock && isRemoval && current.json !== 'null');
      if (!newer) continue;
      if (isRemoval && !current) continue;
      // a state that appears or is removed changes who is online; a renewal or a caret move does not
      if (!current || (current.json === 'null') !== isRemoval) this.livenessChanged = true;
      this.states.set(entry.clientId, { clock: entry.clock, json: isRemoval ? 'null' : entry.json, owner });
      changed.push(entry.clientId);
    }
    return changed;
  }

  private idsOf(owner: object): number {
    let n = 0;
    for (const entry of this.states.values()) if (entry.owner === owner) n += 1;
    return n;
  }

  /** Whether `owner` holds a live (not removed) state: its participant is online through it. */
  hasLive(owner: object): boolean {
    for (const entry of this.states.values()) if (entry.owner === owner && entry.json !== 'null') return true;
    return false;
  }

  /** Marks every state of `owner` removed (its socket closed); returns the ids to relay. */
  removeOwner(owner: object): number[] {
    const removed: number[] = [];
    for (const [clientId, entry] of this.states) {
      // A state already null is waiting for its relay, which forgets it afterwards.
      if (entry.owner !== owner || entry.json === 'null') continue;
      removed.push(clientId);
      // The removal is relayed with clock + 1 so that every peer accepts it.
      entry.clock += 1;
      entry.json = 'null';
    }
    return removed;
  }

  /** Drops removed states once their removal was relayed (every removal is relayed, so none lingers). */
  forget(clientIds: number[]): void {
    for (const id of clientIds) if (this.states.get(id)?.json === 'null') this.states.delete(id);
  }

  /** The encoded entries for the given ids (removed ones as null), or all live ones. */
  encode(clientIds?: Iterable<number>): Uint8Array {
    const ids = clientIds ? [...clientIds] : [...this.states.keys()].filter((id) => this.states.get(id)!.json !== 'null');
    const entries: AwarenessEntry[] = [];
    for (const clientId of ids) {
      const e = this.states.get(clientId);
      if (e) entries.push({ clientId, clock: e.clock, json: e.json });
    }
    return encodeAwareness(entries);
  }

  get size(): number {
    return this.states.size;
  }
}

/**
 * Sends a room's awareness changes as one frame: a lone change at once, a
 * stream of them at most every `intervalMs`, so that each client receives a
 * bounded number of awareness frames per second however many people move.
 */
export class AwarenessRelay {
  private readonly due = new Set<number>();
  private last = -Infinity;

  constructor(
    private readonly store: AwarenessStore,
    private readonly intervalMs: number,
    private readonly broadcast: (frame: Uint8Array) => void,
  ) {}

  queue(clientIds: number[]): void {
    const first = this.due.size === 0;
    for (const id of clientIds) this.due.add(id);
    if (!first) return;
    const wait = this.last + this.intervalMs - performance.now();
    if (wait <= 0) setImmediate(() => this.flush());
    else setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.last = performance.now();
    const ids = [...this.due];
    this.due.clear();
    if (!ids.length) return;
    // The sender gets its own state back too, as from y-websocket's server: the
    // provider reconnects after 30 s without any incoming frame, and a client
    // alone in a room would otherwise hear nothing.
    this.broadcast(awarenessFrame(this.store.encode(ids)));
    this.store.forget(ids);
  }
}
