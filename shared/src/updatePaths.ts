// touchedPaths: which root, key and agenda item an incoming update writes or
// deletes, read from the decoded update and the document without applying it.
import * as Y from 'yjs';
import { ROOT } from './schema.ts';
import { INERT, StructLocator, contentValue, type AnyType, type DecodedUpdate, type Located, type Parent } from './structLocator.ts';

export { nestedTypeOf, type DecodedUpdate, type NestedType } from './structLocator.ts';

/** What one update does to one place of the document (DESIGN §2). */
export interface WritePath {
  /** 'write': content is inserted; 'delete': content is removed. */
  op: 'write' | 'delete';
  /** Root type name (`meta`, `positions`, `proposal/<itemId>`, …). */
  root: string;
  /** The key under a map root (participant id, `<itemId>/<participantId>`, note key…); null under a sequence root. */
  key: string | null;
  /** Under `agenda`: the `id` of the agenda item (null when it has none). */
  itemId: string | null;
  /** Under `agenda`: the key inside the agenda item (`stage`…); null when the item itself is inserted or deleted. */
  subKey: string | null;
  /** True when the change is inside a nested type below the entry (note text, proposal XML, a value's inner type). */
  nested: boolean;
  /** Direct map entries only: the document's current value at the key (undefined: absent). */
  before?: unknown;
  /** Direct map entries only, op 'write': the new value (a nested type reads as a NestedType marker). */
  after?: unknown;
}

/** A struct or deletion whose target is unknown to the document and the update: it would stay pending. */
export interface UnresolvedPath {
  op: 'unresolved';
  client: number;
  clock: number;
  reason: string;
}

export type TouchedPath = WritePath | UnresolvedPath;

/** Decodes the update lazily (never applying it) and lists the places it touches. Throws on a malformed update. */
export function touchedPaths(doc: Y.Doc, update: Uint8Array): TouchedPath[] {
  return pathsOfDecoded(doc, Y.decodeUpdate(update) as DecodedUpdate);
}

/** touchedPaths for an update already decoded with Y.decodeUpdate. */
export function pathsOfDecoded(doc: Y.Doc, decoded: DecodedUpdate): TouchedPath[] {
  return new PathReader(doc, decoded).read();
}

class PathReader {
  private readonly out: TouchedPath[] = [];
  private readonly at: StructLocator;
  private readonly store: Map<number, (Y.Item | Y.GC)[]>;
  /** Direct map entries, folded per (parent, key) when an update writes one key more than once. */
  private readonly entries: { map: unknown; sub: string; path: WritePath; live: boolean }[] = [];
  private seen: Set<string> | null = null;
  private deletedInUpdate: Set<Y.Item> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly update: DecodedUpdate,
  ) {
    this.store = (doc.store as unknown as { clients: Map<number, (Y.Item | Y.GC)[]> }).clients;
    this.at = new StructLocator(doc, update);
  }

  read(): TouchedPath[] {
    const { structs, ds } = this.update;
    if (ds.clients.size > 0) this.readDeletes();
    let client = -1;
    for (const struct of structs) {
      const first = struct.id.client !== client;
      client = struct.id.client;
      const state = this.at.state(client);
      if (first && struct.id.clock > state) {
        this.unresolved(struct.id, 'its client has earlier changes that the document does not have');
        continue;
      }
      if (struct.id.clock + struct.length <= state) continue; // known already: applying it changes nothing
      if (struct instanceof Y.Skip) {
        this.unresolved(struct.id, 'a gap in its client’s changes');
      } else if (struct instanceof Y.Item) {
        this.readItem(struct);
      }
    }
    this.flushEntries();
    return this.out;
  }

  private readItem(item: Y.Item): void {
    const resolved = this.at.resolve(item, 0);
    if (resolved === INERT) return;
    if ('unresolved' in resolved) return this.unresolved(item.id, resolved.unresolved);
    const at = this.at.locate(resolved.parent, resolved.sub, item);
    if (at === INERT) return;
    if ('unresolved' in at) return this.unresolved(item.id, at.unresolved);
    const content = item.content;
    const live = !(content instanceof Y.ContentDeleted) && !this.deletedInUpdate?.has(item);
    this.emit(at, resolved.parent, live ? 'write' : 'delete', live ? contentValue(content) : undefined, live);
  }

  private emit(at: Located, parent: Parent, op: 'write' | 'delete', after: unknown, live: boolean, before?: unknown): void {
    const agendaEntry = at.root === ROOT.agenda;
    const path: WritePath = {
      op,
      root: at.root,
      key: at.key,
      itemId: at.agendaItem ? this.at.agendaItemId(at.agendaItem) : null,
      subKey: at.subKey,
      nested: agendaEntry ? at.depth > 2 : at.depth > 1,
    };
    const sub = agendaEntry ? at.subKey : at.key;
    if ((agendaEntry ? at.depth === 2 : at.depth === 1) && sub !== null) {
      const map = typeof parent === 'string' ? (this.doc.share.get(parent) ?? parent) : parent;
      path.before = op === 'delete' ? before : currentValue(map, sub);
      if (op === 'write') path.after = after;
      this.entries.push({ map, sub, path, live });
    } else if (!this.isDuplicate(path)) {
      this.out.push(path);
    }
  }

  private isDuplicate(path: WritePath): boolean {
    const { out } = this;
    if (out.length < 16) {
      for (const p of out) {
        if (
          p.op === path.op &&
          p.root === path.root &&
          p.key === path.key &&
          p.itemId === path.itemId &&
          p.subKey === path.subKey &&
          p.nested === path.nested
        )
          return true;
      }
      return false;
    }
    if (this.seen === null) {
      this.seen = new Set();
      for (const p of out) if (p.op !== 'unresolved') this.seen.add(pathId(p));
    }
    const id = pathId(path);
    if (this.seen.has(id)) return true;
    this.seen.add(id);
    return false;
  }

  /** One path per (map, key): a key set twice, or replaced (its old value deleted), is one change. */
  private flushEntries(): void {
    const { entries } = this;
    if (entries.length === 1) {
      this.out.push(entries[0]!.path);
      return;
    }
    const groups = new Map<unknown, Map<string, { path: WritePath; written: boolean }>>();
    for (const { map, sub, path, live } of entries) {
      let byKey = groups.get(map);
      if (!byKey) groups.set(map, (byKey = new Map()));
      const prior = byKey.get(sub);
      if (!prior) {
        byKey.set(sub, { path, written: live });
        continue;
      }
      if (prior.path.before === undefined) prior.path.before = path.before;
      if (!live) continue;
      if (!prior.written) {
        prior.path.op = 'write';
        prior.path.after = path.after;
        prior.written = true;
      } else {
        // two live values for one key in one update: judge both
        this.out.push({ ...path, before: prior.path.before });
      }
    }
    for (const byKey of groups.values())
      for (const { path, written } of byKey.values()) {
        if (!written) {
          path.op = 'delete';
          delete path.after;
        }
        this.out.push(path);
      }
  }

  private readDeletes(): void {
    for (const [client, ranges] of this.update.ds.clients) {
      const structs = this.store.get(client);
      const state = this.at.state(client);
      for (const { clock, len } of ranges) {
        const end = clock + len;
        if (structs && clock < state) {
          let i = Y.findIndexSS(structs, clock);
          for (let s = structs[i]; s !== undefined && s.id.clock < end; s = structs[++i]) this.readDeleted(s);
        }
        if (end > state) this.deletesInUpdate(client, Math.max(clock, state), end);
      }
    }
  }

  private readDeleted(struct: Y.Item | Y.GC): void {
    if (!(struct instanceof Y.Item) || struct.deleted || !(struct.parent instanceof Y.AbstractType)) return;
    const parent = struct.parent as AnyType;
    // deleting a type deletes its content with it: the type's own deletion is the change to report
    const holder = parent._item;
    if (holder !== null && (holder.deleted || Y.isDeleted(this.update.ds as Parameters<typeof Y.isDeleted>[0], holder.id))) return;
    const at = this.at.locate(parent, struct.parentSub, struct);
    if (at === INERT || 'unresolved' in at) return;
    const current = struct.parentSub !== null && parent._map.get(struct.parentSub) === struct;
    this.emit(at, parent, 'delete', undefined, false, current ? contentValue(struct.content) : undefined);
  }

  /** Deletions of the update's own new structs: they make those writes intermediate; the rest would stay pending. */
  private deletesInUpdate(client: number, from: number, end: number): void {
    let clock = from;
    while (clock < end) {
      const struct = this.at.findInUpdate(Y.createID(client, clock));
      if (!struct || struct instanceof Y.Skip) {
        this.unresolved(Y.createID(client, clock), 'it deletes something the document does not have');
        return;
      }
      if (struct instanceof Y.Item) (this.deletedInUpdate ??= new Set()).add(struct);
      clock = struct.id.clock + struct.length;
    }
  }

  private unresolved(id: Y.ID, reason: string): void {
    this.out.push({ op: 'unresolved', client: id.client, clock: id.clock, reason });
  }
}

function currentValue(map: unknown, sub: string): unknown {
  if (!(map instanceof Y.AbstractType)) return undefined;
  const item = (map as AnyType)._map.get(sub);
  return item && !item.deleted ? contentValue(item.content) : undefined;
}

function pathId(p: WritePath): string {
  return `${p.op}\u0000${p.root}\u0000${p.key}\u0000${p.itemId}\u0000${p.subKey}\u0000${p.nested}`;
}
