// touchedPaths: which root, key and agenda item an incoming update writes or
// deletes, read from the decoded update and the document without applying it.
import * as Y from 'yjs';
import { ROOT } from './schema.ts';

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

/** What `after` holds when a map entry is set to a nested Yjs type: a marker naming the type. */
export interface NestedType {
  readonly nestedType: 'Y.Array' | 'Y.Map' | 'Y.Text' | 'Y.XmlElement' | 'Y.XmlFragment' | 'Y.XmlHook' | 'Y.XmlText';
}
const marker = (nestedType: NestedType['nestedType']): NestedType => Object.freeze({ nestedType });
// subclasses first: XmlHook extends Map, XmlText extends Text, XmlElement extends XmlFragment
const NESTED: readonly [new (...args: never[]) => unknown, NestedType][] = [
  [Y.XmlHook, marker('Y.XmlHook')],
  [Y.XmlText, marker('Y.XmlText')],
  [Y.XmlElement, marker('Y.XmlElement')],
  [Y.XmlFragment, marker('Y.XmlFragment')],
  [Y.Map, marker('Y.Map')],
  [Y.Text, marker('Y.Text')],
  [Y.Array, marker('Y.Array')],
];

/** The nested type an `after` value names, or null for a plain value. */
export function nestedTypeOf(value: unknown): NestedType['nestedType'] | null {
  for (const [, m] of NESTED) if (value === m) return m.nestedType;
  return null;
}

export interface DecodedUpdate {
  structs: (Y.Item | Y.GC | Y.Skip)[];
  ds: { clients: Map<number, { clock: number; len: number }[]> };
}

/** Where an update item's parent is, once resolved: a root name, a type of the doc, or a type item of the update. */
// Yjs types are generic over their event type, which nothing here reads
type AnyType = Y.AbstractType<any>;
type Parent = string | AnyType | Y.Item;
type Resolved = { parent: Parent; sub: string | null } | 'inert' | { unresolved: string };
const INERT = 'inert' as const;
const MAX_DEPTH = 256;

/** Decodes the update lazily (never applying it) and lists the places it touches. Throws on a malformed update. */
export function touchedPaths(doc: Y.Doc, update: Uint8Array): TouchedPath[] {
  return pathsOfDecoded(doc, Y.decodeUpdate(update) as DecodedUpdate);
}

/** touchedPaths for an update already decoded with Y.decodeUpdate. */
export function pathsOfDecoded(doc: Y.Doc, decoded: DecodedUpdate): TouchedPath[] {
  return new PathReader(doc, decoded).read();
}

interface Located {
  root: string;
  key: string | null;
  /** The agenda item holding the change (doc Y.Map, or the update item creating it). */
  agendaItem: AnyType | Y.Item | null;
  subKey: string | null;
  depth: number;
}

class PathReader {
  private readonly out: TouchedPath[] = [];
  private readonly memo = new Map<Y.Item, Resolved | null>();
  private readonly store: Map<number, (Y.Item | Y.GC)[]>;
  /** Direct map entries, folded per (parent, key) when an update writes one key more than once. */
  private readonly entries: { map: unknown; sub: string; path: WritePath; live: boolean }[] = [];
  private seen: Set<string> | null = null;
  private deletedInUpdate: Set<Y.Item> | null = null;
  private newItemIds: Map<Y.Item, string | null> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly update: DecodedUpdate,
  ) {
    this.store = (doc.store as unknown as { clients: Map<number, (Y.Item | Y.GC)[]> }).clients;
  }

  read(): TouchedPath[] {
    const { structs, ds } = this.update;
    if (ds.clients.size > 0) this.readDeletes();
    let client = -1;
    for (const struct of structs) {
      const first = struct.id.client !== client;
      client = struct.id.client;
      const state = this.state(client);
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
    const resolved = this.resolve(item, 0);
    if (resolved === INERT) return;
    if ('unresolved' in resolved) return this.unresolved(item.id, resolved.unresolved);
    const at = this.locate(resolved.parent, resolved.sub, item);
    if (at === INERT) return;
    if ('unresolved' in at) return this.unresolved(item.id, at.unresolved);
    const content = item.content;
    const live = !(content instanceof Y.ContentDeleted) && !this.deletedInUpdate?.has(item);
    this.emit(at, resolved.parent, live ? 'write' : 'delete', live ? valueOf(content) : undefined, live);
  }

  /** Mirrors Item.getMissing: the parent comes from the item, or its origin, or its right origin. */
  private resolve(item: Y.Item, depth: number): Resolved {
    const known = this.memo.get(item);
    if (known !== undefined) return known ?? { unresolved: 'its parent refers back to itself' };
    if (depth > MAX_DEPTH) return { unresolved: 'nested too deep' };
    this.memo.set(item, null);
    const result = this.resolveFresh(item, depth);
    this.memo.set(item, result);
    return result;
  }

  private resolveFresh(item: Y.Item, depth: number): Resolved {
    const left = item.origin ? this.find(item.origin) : null;
    const right = item.rightOrigin ? this.find(item.rightOrigin) : null;
    if (left === undefined || right === undefined) return { unresolved: 'its neighbour is unknown' };
    if (left instanceof Y.GC || right instanceof Y.GC) return INERT;
    const parent = item.parent;
    if (parent === null) {
      const from = left ?? right;
      if (!(from instanceof Y.Item)) return INERT;
      if (!this.inUpdate(from)) return from.parent === null ? INERT : { parent: from.parent as AnyType, sub: from.parentSub };
      const r = this.resolve(from, depth + 1);
      return r === INERT || 'unresolved' in r ? r : { parent: r.parent, sub: from.parentSub };
    }
    if (typeof parent === 'string') return { parent, sub: item.parentSub };
    if (parent instanceof Y.ID) {
      const holder = this.find(parent);
      if (holder === undefined) return { unresolved: 'its parent is unknown' };
      if (!(holder instanceof Y.Item)) return INERT;
      // a deleted type (its content collected) or a non-type parent: Yjs integrates the item as GC
      if (!(holder.content instanceof Y.ContentType)) return INERT;
      return { parent: this.inUpdate(holder) ? holder : (holder.content.type as AnyType), sub: item.parentSub };
    }
    return { unresolved: 'its parent is not readable' };
  }

  /** Walks from the parent up to the root: root name, top-level key, agenda item and sub-key. */
  private locate(parent: Parent, sub: string | null, self: Y.Item | null): Located | typeof INERT | { unresolved: string } {
    let depth = 1;
    // the item right under the root (top) and the one under it (second), with their keys
    let top: Y.Item | null = null;
    let topSub = sub;
    let secondSub = sub;
    let p: Parent = parent;
    let root: string;
    for (;;) {
      if (depth > MAX_DEPTH) return { unresolved: 'nested too deep' };
      if (typeof p === 'string') {
        root = p;
        break;
      }
      let holder: Y.Item;
      let holderSub: string | null;
      if (p instanceof Y.Item) {
        holder = p;
        const r = this.resolve(p, depth);
        if (r === INERT || 'unresolved' in r) return r;
        p = r.parent;
        holderSub = r.sub;
      } else {
        if (p._item === null) {
          root = rootName(this.doc, p);
          break;
        }
        holder = p._item;
        if (!(holder.parent instanceof Y.AbstractType)) return INERT;
        p = holder.parent as AnyType;
        holderSub = holder.parentSub;
      }
      secondSub = topSub;
      top = holder;
      topSub = holderSub;
      depth++;
    }
    if (root !== ROOT.agenda) return { root, key: topSub, agendaItem: null, subKey: null, depth };
    const holderItem = top ?? self;
    const agendaItem =
      holderItem && holderItem.content instanceof Y.ContentType
        ? this.inUpdate(holderItem) ? holderItem : (holderItem.content.type as AnyType)
        : null;
    return { root, key: null, agendaItem, subKey: top === null ? null : secondSub, depth };
  }

  private emit(at: Located, parent: Parent, op: 'write' | 'delete', after: unknown, live: boolean, before?: unknown): void {
    const agendaEntry = at.root === ROOT.agenda;
    const path: WritePath = {
      op,
      root: at.root,
      key: at.key,
      itemId: at.agendaItem ? this.agendaItemId(at.agendaItem) : null,
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
        if (p.op === path.op && p.root === path.root && p.key === path.key && p.itemId === path.itemId && p.subKey === path.subKey && p.nested === path.nested) return true;
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
    for (const byKey of groups.values()) for (const { path, written } of byKey.values()) {
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
      const state = this.state(client);
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
    const at = this.locate(parent, struct.parentSub, struct);
    if (at === INERT || 'unresolved' in at) return;
    const current = struct.parentSub !== null && parent._map.get(struct.parentSub) === struct;
    this.emit(at, parent, 'delete', undefined, false, current ? valueOf(struct.content) : undefined);
  }

  /** Deletions of the update's own new structs: they make those writes intermediate; the rest would stay pending. */
  private deletesInUpdate(client: number, from: number, end: number): void {
    let clock = from;
    while (clock < end) {
      const struct = this.findInUpdate(Y.createID(client, clock));
      if (!struct || struct instanceof Y.Skip) {
        this.unresolved(Y.createID(client, clock), 'it deletes something the document does not have');
        return;
      }
      if (struct instanceof Y.Item) (this.deletedInUpdate ??= new Set()).add(struct);
      clock = struct.id.clock + struct.length;
    }
  }

  private agendaItemId(item: AnyType | Y.Item): string | null {
    if (!(item instanceof Y.Item)) {
      const id = item._map.get('id');
      const value = id && !id.deleted ? valueOf(id.content) : undefined;
      return typeof value === 'string' ? value : null;
    }
    let id = this.newItemIds?.get(item);
    if (id !== undefined) return id;
    id = null;
    for (const s of this.update.structs) {
      if (s instanceof Y.Item && s.parentSub === 'id' && s.parent instanceof Y.ID && Y.compareIDs(s.parent, item.id)) {
        const value = valueOf(s.content);
        if (typeof value === 'string') id = value;
      }
    }
    (this.newItemIds ??= new Map()).set(item, id);
    return id;
  }

  private unresolved(id: Y.ID, reason: string): void {
    this.out.push({ op: 'unresolved', client: id.client, clock: id.clock, reason });
  }

  private state(client: number): number {
    const structs = this.store.get(client);
    if (structs === undefined) return 0;
    const last = structs[structs.length - 1]!;
    return last.id.clock + last.length;
  }

  private inUpdate(struct: Y.Item): boolean {
    return struct.id.clock >= this.state(struct.id.client);
  }

  /** The struct holding `id`, in the document first, then in the update; undefined when neither has it. */
  private find(id: Y.ID): Y.Item | Y.GC | undefined {
    if (id.clock < this.state(id.client)) {
      const structs = this.store.get(id.client)!;
      return structs[Y.findIndexSS(structs, id.clock)];
    }
    const struct = this.findInUpdate(id);
    return struct instanceof Y.Skip ? undefined : (struct ?? undefined);
  }

  private findInUpdate(id: Y.ID): Y.Item | Y.GC | Y.Skip | null {
    const { structs } = this.update;
    let lo = 0;
    let hi = structs.length - 1;
    // structs are grouped by client, each group in clock order; clients are not sorted, so scan groups
    while (lo <= hi && structs[lo]!.id.client !== id.client) {
      const c = structs[lo]!.id.client;
      while (lo <= hi && structs[lo]!.id.client === c) lo++;
    }
    let end = lo;
    while (end <= hi && structs[end]!.id.client === id.client) end++;
    hi = end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = structs[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }
}

/** The plain value of a map entry's content: the last JSON value, or the marker of its nested type. */
function valueOf(content: Y.Item['content']): unknown {
  if (content instanceof Y.ContentType) {
    for (const [type, m] of NESTED) if (content.type instanceof type) return m;
    return undefined;
  }
  if (content instanceof Y.ContentDeleted) return undefined;
  const values = content.getContent();
  return values[values.length - 1];
}

function currentValue(map: unknown, sub: string): unknown {
  if (!(map instanceof Y.AbstractType)) return undefined;
  const item = (map as AnyType)._map.get(sub);
  return item && !item.deleted ? valueOf(item.content) : undefined;
}

function pathId(p: WritePath): string {
  return `${p.op}\u0000${p.root}\u0000${p.key}\u0000${p.itemId}\u0000${p.subKey}\u0000${p.nested}`;
}

const rootNames = new WeakMap<AnyType, string>();

function rootName(doc: Y.Doc, type: AnyType): string {
  let name = rootNames.get(type);
  if (name === undefined) {
    for (const [key, value] of doc.share) rootNames.set(value, key);
    name = rootNames.get(type) ?? '';
  }
  return name;
}
