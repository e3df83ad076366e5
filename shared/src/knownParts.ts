// What of an incoming update the document already has (rules P7, P8): structs
// whose clocks it holds, as content or as a refusal's placeholder, and
// deletions it refused from the same participant before. A resync resends
// both; they are integrated already and are never judged again.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { DecodedUpdate } from './structLocator.ts';

export interface DeleteRange {
  client: number;
  clock: number;
  len: number;
}

/** Ranges remembered per participant; beyond this, new refused deletions are not remembered (a bound, not a rule). */
export const MAX_REFUSED_RANGES = 10_000;

/**
 * [P8] The deletions a participant made that the server refused: per client id,
 * sorted, merged ranges. A later update of the same participant deletes them
 * again in its delete set (a Yjs step 2 carries the whole delete set); they are
 * taken out before the update is judged or applied.
 */
export class RefusedDeletes {
  private readonly clients = new Map<number, { clock: number; len: number }[]>();
  private count = 0;

  constructor(ranges: Iterable<DeleteRange> = []) {
    for (const r of ranges) this.add(r);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a range; false (and nothing kept) when the bound is reached. */
  add({ client, clock, len }: DeleteRange): boolean {
    if (len <= 0) return true;
    let list = this.clients.get(client);
    if (!list) this.clients.set(client, (list = []));
    let end = clock + len;
    // first range that ends at or after `clock` (binary search: lists grow to the bound)
    let i = 0;
    let hi = list.length;
    while (i < hi) {
      const mid = (i + hi) >> 1;
      if (list[mid]!.clock + list[mid]!.len < clock) i = mid + 1;
      else hi = mid;
    }
    // merge every range that touches [clock, end)
    let j = i;
    while (j < list.length && list[j]!.clock <= end) {
      clock = Math.min(clock, list[j]!.clock);
      end = Math.max(end, list[j]!.clock + list[j]!.len);
      j++;
    }
    const added = 1 - (j - i);
    if (added > 0 && this.count + added > MAX_REFUSED_RANGES) {
      if (list.length === 0) this.clients.delete(client);
      return false;
    }
    list.splice(i, j - i, { clock, len: end - clock });
    this.count += added;
    return true;
  }

  /** The parts of [clock, clock + len) of `client` not covered by a remembered range. */
  uncovered(client: number, clock: number, len: number): { clock: number; len: number }[] {
    const list = this.clients.get(client);
    if (!list) return [{ clock, len }];
    const out: { clock: number; len: number }[] = [];
    let at = clock;
    const end = clock + len;
    for (const r of list) {
      if (r.clock + r.len <= at) continue;
      if (r.clock >= end) break;
      if (r.clock > at) out.push({ clock: at, len: r.clock - at });
      at = Math.max(at, r.clock + r.len);
      if (at >= end) break;
    }
    if (at < end) out.push({ clock: at, len: end - at });
    return out;
  }

  *ranges(): Generator<DeleteRange> {
    for (const [client, list] of this.clients) for (const r of list) yield { client, ...r };
  }
}

/** The document's next clock of `client`. */
function stateOf(store: Map<number, (Y.Item | Y.GC)[]>, client: number): number {
  const structs = store.get(client);
  if (!structs || structs.length === 0) return 0;
  const last = structs[structs.length - 1]!;
  return last.id.clock + last.length;
}

const storeOf = (doc: Y.Doc) => (doc.store as unknown as { clients: Map<number, (Y.Item | Y.GC)[]> }).clients;

/**
 * [P7, P8] The part of a decoded update that is new to `doc`: structs cut at
 * the document's clock of their client (a struct partly held keeps only its
 * new part, as Yjs integrates it), and deletions without the ranges `refused`
 * remembers. Null when nothing is taken out (the update is judged as it is).
 */
export function freshPart(doc: Y.Doc, decoded: DecodedUpdate, refused?: RefusedDeletes): Uint8Array | null {
  const store = storeOf(doc);
  let cut = false;
  for (const s of decoded.structs) if (s.id.clock < stateOf(store, s.id.client)) cut = true;
  let ds = decoded.ds.clients;
  if (refused && refused.size > 0) {
    const kept = new Map<number, { clock: number; len: number }[]>();
    let dropped = false;
    for (const [client, ranges] of ds) {
      const out: { clock: number; len: number }[] = [];
      for (const r of ranges) {
        const rest = refused.uncovered(client, r.clock, r.len);
        if (rest.length !== 1 || rest[0]!.len !== r.len) dropped = true;
        out.push(...rest);
      }
      if (out.length) kept.set(client, out);
    }
    if (dropped) ds = kept;
    cut ||= dropped;
  }
  if (!cut) return null;
  const encoder = new Y.UpdateEncoderV1();
  const groups: { client: number; clock: number; structs: { s: Y.Item | Y.GC | Y.Skip; offset: number }[] }[] = [];
  for (const s of decoded.structs) {
    const state = stateOf(store, s.id.client);
    if (s.id.clock + s.length <= state) continue;
    const offset = Math.max(0, state - s.id.clock);
    let group = groups[groups.length - 1];
    if (!group || group.client !== s.id.client) groups.push((group = { client: s.id.client, clock: s.id.clock + offset, structs: [] }));
    group.structs.push({ s, offset });
  }
  // a group that starts with a gap carries nothing the document can integrate yet; Yjs would keep it pending
  encoding.writeVarUint(encoder.restEncoder, groups.length);
  for (const g of groups) {
    encoding.writeVarUint(encoder.restEncoder, g.structs.length);
    encoder.writeClient(g.client);
    encoding.writeVarUint(encoder.restEncoder, g.clock);
    for (const { s, offset } of g.structs) s.write(encoder, offset);
  }
  writeDeleteSet(encoder.restEncoder, ds);
  return encoder.toUint8Array();
}

/** Update format v1 delete set: clients, then each client's ranges. */
function writeDeleteSet(e: encoding.Encoder, ds: Map<number, { clock: number; len: number }[]>): void {
  encoding.writeVarUint(e, ds.size);
  for (const [client, ranges] of ds) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(e, r.clock);
      encoding.writeVarUint(e, r.len);
    }
  }
}

/**
 * [P8] The ranges of an update's delete set that delete content alive in `doc`
 * (what a refusal leaves alive, and a resync would delete again). Deletions of
 * what is already deleted, or of clocks the document lacks, are left out.
 */
export function liveDeletions(doc: Y.Doc, update: Uint8Array): DeleteRange[] {
  const { ds } = Y.decodeUpdate(update) as DecodedUpdate;
  const store = storeOf(doc);
  const out: DeleteRange[] = [];
  for (const [client, ranges] of ds.clients) {
    const structs = store.get(client);
    if (!structs) continue;
    const state = stateOf(store, client);
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, state);
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const s = structs[i]!;
        if (!(s instanceof Y.Item) || s.deleted) continue;
        const from = Math.max(clock, s.id.clock);
        const to = Math.min(end, s.id.clock + s.length);
        const last = out[out.length - 1];
        if (last && last.client === client && last.clock + last.len === from) last.len += to - from;
        else out.push({ client, clock: from, len: to - from });
      }
    }
  }
  return out;
}

/**
 * An update that deletes, and only deletes, the clock ranges of `placeholder`'s
 * structs: sent to a sender whose write was refused, it removes the refused
 * content from the sender's copy, as the delete set of a resync would.
 */
export function deletionOf(placeholder: Uint8Array): Uint8Array {
  const { structs } = Y.decodeUpdate(placeholder);
  const ds = new Map<number, { clock: number; len: number }[]>();
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    let list = ds.get(s.id.client);
    if (!list) ds.set(s.id.client, (list = []));
    const last = list[list.length - 1];
    if (last && last.clock + last.len === s.id.clock) last.len += s.length;
    else list.push({ clock: s.id.clock, len: s.length });
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  writeDeleteSet(e, ds);
  return encoding.toUint8Array(e);
}
