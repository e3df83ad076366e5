// neutralizeUpdate: the stand-in the server applies for a refused update, so
// that the sender's clock chain stays whole (DESIGN §5, rule P5).
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/**
 * The same clients and clock ranges as `update`, each as a GC struct (no
 * content, no parent, touches no type), and an empty delete set. Adjacent
 * ranges of one client merge into one GC; gaps stay gaps (Skip). Clients for
 * which `keep` says false are left out. Throws on a malformed update, as
 * Y.decodeUpdate does.
 */
export function neutralizeUpdate(update: Uint8Array, keep: (client: number) => boolean = () => true): Uint8Array {
  const { structs } = Y.decodeUpdate(update);
  // per client: [clock, length, isGap] runs in clock order
  const runs = new Map<number, { clock: number; len: number; gap: boolean }[]>();
  for (const s of structs) {
    // [P6] ranges of a client id bound to someone else are left alone: filling them would burn that client's clocks
    if (!keep(s.id.client)) continue;
    const gap = s instanceof Y.Skip;
    let list = runs.get(s.id.client);
    if (!list) runs.set(s.id.client, (list = []));
    const last = list[list.length - 1];
    if (last && s.id.clock < last.clock + last.len) throw new Error("malformed update: a client's structs overlap");
    if (last && last.gap === gap && last.clock + last.len === s.id.clock) last.len += s.length;
    else if (last && last.clock + last.len !== s.id.clock)
      list.push(
        { clock: last.clock + last.len, len: s.id.clock - last.clock - last.len, gap: true },
        { clock: s.id.clock, len: s.length, gap },
      );
    else list.push({ clock: s.id.clock, len: s.length, gap });
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, runs.size);
  for (const [client, list] of runs) {
    // a trailing gap carries nothing
    while (list.length > 0 && list[list.length - 1]!.gap) list.pop();
    encoding.writeVarUint(encoder, list.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, list[0]?.clock ?? 0);
    for (const run of list) {
      // update format v1: info byte 0 is a GC struct, 10 a Skip; both followed by their length
      encoding.writeUint8(encoder, run.gap ? 10 : 0);
      encoding.writeVarUint(encoder, run.len);
    }
  }
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}
