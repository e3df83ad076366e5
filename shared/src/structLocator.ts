// Where a struct of an incoming update lands in the document, found without
// applying it: its parent as Yjs would integrate it, then the walk up to the root.
import * as Y from 'yjs';
import { ROOT } from './schema.ts';

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

/** Y.decodeUpdate's result: the structs (grouped by client, each group in clock order) and the delete set. */
export interface DecodedUpdate {
  structs: (Y.Item | Y.GC | Y.Skip)[];
  ds: { clients: Map<number, { clock: number; len: number }[]> };
}

// Yjs types are generic over their event type, which nothing here reads
// biome-ignore lint/suspicious/noExplicitAny: Yjs types its shared types' events with any
export type AnyType = Y.AbstractType<any>;
/** Where an update item's parent is: a root name, a type of the doc, or the update's item creating the type. */
export type Parent = string | AnyType | Y.Item;
/** A resolved parent and key; INERT when Yjs would integrate the struct as GC (touching nothing); or why it would stay pending. */
export type Resolved = { parent: Parent; sub: string | null } | typeof INERT | { unresolved: string };
export const INERT = 'inert' as const;
const MAX_DEPTH = 256;

/** A change's place: root, top-level key, and under `agenda` the item and its sub-key; depth 1 is right under the root. */
export interface Located {
  root: string;
  key: string | null;
  /** The agenda item holding the change (doc Y.Map, or the update item creating it). */
  agendaItem: AnyType | Y.Item | null;
  subKey: string | null;
  depth: number;
}

/** Answers for one update against one document; memoizes what it resolved. */
export class StructLocator {
  private readonly memo = new Map<Y.Item, Resolved | null>();
  private readonly store: Map<number, (Y.Item | Y.GC)[]>;
  private newItemIds: Map<Y.Item, string | null> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly update: DecodedUpdate,
  ) {
    this.store = (doc.store as unknown as { clients: Map<number, (Y.Item | Y.GC)[]> }).clients;
  }

  /** Mirrors Item.getMissing: the parent comes from the item, or its origin, or its right origin. */
  resolve(item: Y.Item, depth: number): Resolved {
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
  locate(parent: Parent, sub: string | null, self: Y.Item | null): Located | typeof INERT | { unresolved: string } {
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
        ? this.inUpdate(holderItem)
          ? holderItem
          : (holderItem.content.type as AnyType)
        : null;
    return { root, key: null, agendaItem, subKey: top === null ? null : secondSub, depth };
  }

  agendaItemId(item: AnyType | Y.Item): string | null {
    if (!(item instanceof Y.Item)) {
      const id = item._map.get('id');
      const value = id && !id.deleted ? contentValue(id.content) : undefined;
      return typeof value === 'string' ? value : null;
    }
    let id = this.newItemIds?.get(item);
    if (id !== undefined) return id;
    id = null;
    for (const s of this.update.structs) {
      if (s instanceof Y.Item && s.parentSub === 'id' && s.parent instanceof Y.ID && Y.compareIDs(s.parent, item.id)) {
        const value = contentValue(s.content);
        if (typeof value === 'string') id = value;
      }
    }
    (this.newItemIds ??= new Map()).set(item, id);
    return id;
  }

  state(client: number): number {
    const structs = this.store.get(client);
    if (structs === undefined) return 0;
    const last = structs[structs.length - 1]!;
    return last.id.clock + last.length;
  }

  inUpdate(struct: Y.Item): boolean {
    return struct.id.clock >= this.state(struct.id.client);
  }

  /** The struct holding `id`, in the document first, then in the update; undefined when neither has it. */
  find(id: Y.ID): Y.Item | Y.GC | undefined {
    if (id.clock < this.state(id.client)) {
      const structs = this.store.get(id.client)!;
      return structs[Y.findIndexSS(structs, id.clock)];
    }
    const struct = this.findInUpdate(id);
    return struct instanceof Y.Skip ? undefined : (struct ?? undefined);
  }

  findInUpdate(id: Y.ID): Y.Item | Y.GC | Y.Skip | null {
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
export function contentValue(content: Y.Item['content']): unknown {
  if (content instanceof Y.ContentType) {
    for (const [type, m] of NESTED) if (content.type instanceof type) return m;
    return undefined;
  }
  if (content instanceof Y.ContentDeleted) return undefined;
  const values = content.getContent();
  return values[values.length - 1];
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
