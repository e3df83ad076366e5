// Merges the updates of one write batch cheaply. A transaction that only
// inserted structs of one client (typing) yields an update that is exactly
// [1][that client's block][empty delete set]; blocks of distinct clients, and
// consecutive blocks of one client, are concatenated byte for byte. Anything
// else falls back to Y.mergeUpdates. Each recipient's variant (all but its own
// writes: the server never echoes) costs one concatenation, not a merge.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** The struct block of an update that inserts structs of one client and deletes nothing. */
export interface Block {
  client: number;
  /** First clock of the block; `to` is one past the last. */
  from: number;
  to: number;
  /** Number of structs. */
  n: number;
  /** The encoded structs, without the block header. */
  structs: Uint8Array;
}

/**
 * The block of a transaction's V1 update, or null when the transaction deleted
 * something or wrote structs of more than one client.
 */
export function blockOf(update: Uint8Array, tr: Y.Transaction): Block | null {
  if (tr.deleteSet.clients.size !== 0 || update[update.length - 1] !== 0) return null;
  const d = decoding.createDecoder(update);
  // A transaction's update lists exactly the clients whose state it advanced.
  if (decoding.readVarUint(d) !== 1) return null;
  const n = decoding.readVarUint(d);
  const client = decoding.readVarUint(d);
  const from = decoding.readVarUint(d);
  const to = tr.afterState.get(client);
  if (to === undefined || from !== (tr.beforeState.get(client) ?? 0)) return null;
  return { client, from, to, n, structs: update.subarray(d.pos, update.length - 1) };
}

interface Group<O> {
  client: number;
  from: number;
  to: number;
  n: number;
  parts: Uint8Array[];
  origin: O;
}

export class UpdateBatch<O> {
  private readonly groups = new Map<number, Group<O>>();
  /** Updates that could not be concatenated, merged with Y.mergeUpdates. */
  private readonly loose: Array<{ update: Uint8Array; origin: O }> = [];
  private count = 0;
  private single: { update: Uint8Array; origin: O } | null = null;

  private readonly origins = new Set<O>();

  add(update: Uint8Array, origin: O, block: Block | null): void {
    this.count += 1;
    this.origins.add(origin);
    this.single = this.count === 1 ? { update, origin } : null;
    const g = block && this.groups.get(block.client);
    if (block && !g) {
      this.groups.set(block.client, { client: block.client, from: block.from, to: block.to, n: block.n, parts: [block.structs], origin });
    } else if (block && g && g.to === block.from && g.origin === origin) {
      g.to = block.to;
      g.n += block.n;
      g.parts.push(block.structs);
    } else this.loose.push({ update, origin });
  }

  get size(): number {
    return this.count;
  }

  /** Whether `origin` wrote any update of the batch. */
  wrote(origin: O): boolean {
    return this.origins.has(origin);
  }

  /** Every update of the batch as one. */
  all(): Uint8Array {
    if (this.single) return this.single.update;
    return this.merge(() => true);
  }

  /** Every update not written by `origin`, as one; null when there is none. */
  without(origin: O): Uint8Array | null {
    if (this.single) return this.single.origin === origin ? null : this.single.update;
    const keep = (o: O) => o !== origin;
    let any = false;
    for (const g of this.groups.values()) any ||= keep(g.origin);
    for (const l of this.loose) any ||= keep(l.origin);
    return any ? this.merge(keep) : null;
  }

  private merge(keep: (o: O) => boolean): Uint8Array {
    // Clients in descending order, as Yjs writes them: Y.mergeUpdates relies on it.
    const groups = [...this.groups.values()].filter((g) => keep(g.origin)).sort((a, b) => b.client - a.client);
    const loose = this.loose.filter((l) => keep(l.origin)).map((l) => l.update);
    if (!groups.length) return loose.length === 1 ? loose[0]! : Y.mergeUpdates(loose);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, groups.length);
    for (const g of groups) {
      encoding.writeVarUint(e, g.n);
      encoding.writeVarUint(e, g.client);
      encoding.writeVarUint(e, g.from);
      for (const p of g.parts) encoding.writeUint8Array(e, p);
    }
    encoding.writeVarUint(e, 0);
    const concatenated = encoding.toUint8Array(e);
    return loose.length ? Y.mergeUpdates([concatenated, ...loose]) : concatenated;
  }
}
