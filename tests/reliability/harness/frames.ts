// Hostile and broken websocket frames for the fuzz scenario (fast-check
// arbitraries), and a strict decoder that says whether a frame is well formed
// by the wire grammar of docs/protocol.md.
import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MESSAGE, SYNC, syncFrame } from '@consent/shared';

export type FrameKind =
  | 'random'
  | 'truncatedVarint'
  | 'outOfRangeVarint'
  | 'nonCanonicalVarint'
  | 'unknownType'
  | 'serverOnlyType'
  | 'hugeLength'
  | 'hostileStructs'
  | 'corruptUpdate'
  | 'mutatedValid';

export interface FuzzFrame {
  kind: FrameKind;
  bytes: Uint8Array;
}

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/** A few honest frames of a small document, to mutate. */
function validFrames(seed: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 1_000_000 + seed;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getXmlFragment('proposal/fuzz');
  const paragraph = new Y.XmlElement('paragraph');
  text.insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText(`fuzz ${seed}`)]);
  doc.getMap('notes').set('x', seed);
  const awareness = frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(
      e,
      frame((a) => {
        encoding.writeVarUint(a, 1);
        encoding.writeVarUint(a, doc.clientID);
        encoding.writeVarUint(a, 1);
        encoding.writeVarString(a, JSON.stringify({ user: { id: 'x', name: 'y', color: '#000' } }));
      }),
    );
  });
  return [
    syncFrame(SYNC.step1, Y.encodeStateVector(doc)),
    syncFrame(SYNC.step2, Y.encodeStateAsUpdate(doc)),
    ...updates.map((u) => syncFrame(SYNC.update, u)),
    awareness,
    frame((e) => encoding.writeVarUint(e, MESSAGE.queryAwareness)),
  ];
}

const VALID = Array.from({ length: 8 }, (_, i) => validFrames(i)).flat();

const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max });
const contByte = fc.integer({ min: 0x80, max: 0xff });

/** A varint prefix that ends inside the varint (continuation bit set on the last byte). */
const truncatedVarint = fc
  .tuple(
    fc.constantFrom([] as number[], [MESSAGE.sync], [MESSAGE.sync, SYNC.update], [MESSAGE.awareness]),
    fc.array(contByte, { minLength: 1, maxLength: 12 }),
  )
  .map(([prefix, tail]) => new Uint8Array([...prefix, ...tail]));

/** A varint above 2^53 (lib0 refuses it). */
const outOfRangeVarint = fc
  .tuple(
    fc.constantFrom([] as number[], [MESSAGE.sync], [MESSAGE.sync, SYNC.update]),
    fc.array(contByte, { minLength: 8, maxLength: 12 }),
    bytes(16),
  )
  .map(([prefix, body, rest]) => new Uint8Array([...prefix, ...body, 0x7f, ...rest]));

/** A small value padded with continuation bytes: decodes to the same number. */
const nonCanonicalVarint = fc.tuple(fc.constantFrom(...VALID), fc.integer({ min: 1, max: 6 })).map(([valid, pad]) => {
  const first = valid[0]! & 0x7f;
  return new Uint8Array([first | 0x80, ...Array<number>(pad - 1).fill(0x80), 0x00, ...valid.subarray(1)]);
});

const unknownType = fc
  .tuple(fc.oneof(fc.integer({ min: 4, max: 99 }), fc.integer({ min: 102, max: 2 ** 31 })), bytes(64))
  .map(([type, rest]) =>
    frame((e) => {
      encoding.writeVarUint(e, type);
      encoding.writeUint8Array(e, rest);
    }),
  );

/** ack and refused go from the server to the client only. */
const serverOnlyType = fc.tuple(fc.constantFrom(MESSAGE.ack, MESSAGE.refused), bytes(16)).map(([type, rest]) =>
  frame((e) => {
    encoding.writeVarUint(e, type);
    encoding.writeUint8Array(e, rest);
  }),
);

/** A length prefix far beyond the frame's end. */
const hugeLength = fc
  .tuple(
    fc.constantFrom([MESSAGE.sync, SYNC.step1], [MESSAGE.sync, SYNC.step2], [MESSAGE.sync, SYNC.update], [MESSAGE.awareness]),
    fc.oneof(fc.integer({ min: 2 ** 20, max: 2 ** 31 }), fc.constant(2 ** 53 - 1)),
    bytes(32),
  )
  .map(([prefix, length, rest]) =>
    frame((e) => {
      for (const n of prefix) encoding.writeVarUint(e, n);
      encoding.writeVarUint(e, length);
      encoding.writeUint8Array(e, rest);
    }),
  );

/** A tiny update that declares millions of clients, structs or delete ranges. */
const hostileStructs = fc
  .tuple(fc.constantFrom('clients', 'structs', 'deletes', 'content'), fc.integer({ min: 1_000_000, max: 2 ** 31 }), bytes(24))
  .map(([what, count, rest]) => {
    const update = frame((e) => {
      if (what === 'clients') {
        encoding.writeVarUint(e, count);
      } else if (what === 'structs') {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, count);
        encoding.writeVarUint(e, 424242);
        encoding.writeVarUint(e, 0);
      } else if (what === 'deletes') {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, count);
      } else {
        // one string item whose ContentAny declares `count` entries
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 424243);
        encoding.writeVarUint(e, 0);
        encoding.writeUint8(e, 8); // info: ContentAny, parent by key
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 'notes');
        encoding.writeVarUint(e, count);
      }
      encoding.writeUint8Array(e, rest);
    });
    return syncFrame(SYNC.update, update);
  });

/** An honest update with bytes flipped, dropped or cut. */
const corruptUpdate = fc
  .tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom('flip', 'cut', 'drop'))
  .map(([which, at, value, how]) => {
    const updates = VALID.filter((f) => f[0] === MESSAGE.sync && f[1] !== SYNC.step1);
    const d = decoding.createDecoder(updates[which % updates.length]!);
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    const update = decoding.readVarUint8Array(d).slice();
    const i = at % update.length;
    let broken: Uint8Array;
    if (how === 'flip') {
      update[i] = update[i]! ^ value;
      broken = update;
    } else if (how === 'cut') broken = update.subarray(0, i);
    else broken = new Uint8Array([...update.subarray(0, i), ...update.subarray(i + 1)]);
    return syncFrame(SYNC.update, broken);
  });

/** Any honest frame with a mutation anywhere, including its headers. */
const mutatedValid = fc
  .tuple(
    fc.nat(),
    fc.array(fc.tuple(fc.constantFrom('flip', 'insert', 'delete', 'cut', 'dup'), fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([which, edits]) => {
    let out = Array.from(VALID[which % VALID.length]!);
    for (const [how, at, value] of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      if (how === 'flip') out[i] = (out[i] ?? 0) ^ (value || 1);
      else if (how === 'insert') out.splice(i, 0, value);
      else if (how === 'delete') out.splice(i, 1);
      else if (how === 'cut') out = out.slice(0, i);
      else out = [...out, ...out.slice(i)];
    }
    return new Uint8Array(out);
  });

const kinds: Record<FrameKind, fc.Arbitrary<Uint8Array>> = {
  random: bytes(512),
  truncatedVarint,
  outOfRangeVarint,
  nonCanonicalVarint,
  unknownType,
  serverOnlyType,
  hugeLength,
  hostileStructs,
  corruptUpdate,
  mutatedValid,
};

export const fuzzFrame: fc.Arbitrary<FuzzFrame> = fc.oneof(
  ...Object.entries(kinds).map(([kind, arb]) => arb.map((b) => ({ kind: kind as FrameKind, bytes: b }))),
);

/**
 * The wire grammar, strictly: a known client message type, its payload
 * complete, and any Yjs update or state vector decodable. Bytes after a
 * complete message are not read, as in y-protocols.
 * Returns why a frame is malformed, or null when it is well formed.
 * An update is judged against `base`, the receiver's copy of the document:
 * structs it already holds are skipped, so a broken repeat of them is harmless.
 */
export function malformation(bytes: Uint8Array, base?: Y.Doc): string | null {
  try {
    const d = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE.sync) {
      const subtype = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (subtype === SYNC.step1) Y.decodeStateVector(payload);
      else if (subtype === SYNC.step2 || subtype === SYNC.update) {
        if (!updateApplies(payload, base)) return 'undecodable update';
      } else return `unknown sync subtype ${subtype}`;
    } else if (type === MESSAGE.awareness) {
      const payload = decoding.createDecoder(decoding.readVarUint8Array(d));
      const n = decoding.readVarUint(payload);
      for (let i = 0; i < n; i++) {
        decoding.readVarUint(payload);
        decoding.readVarUint(payload);
        JSON.parse(decoding.readVarString(payload));
      }
    } else if (type === MESSAGE.queryAwareness || type === MESSAGE.auth) {
      // no payload the server reads (auth is a server-to-client message; the server ignores it)
    } else return `unknown message type ${type}`;
    return null;
  } catch (error) {
    return (error as Error).message || 'decode error';
  }
}

/** Whether the server answers this frame with a sync step 2 of its own (a readable step 1). */
export function isStep1(bytes: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(bytes);
    if (decoding.readVarUint(d) !== MESSAGE.sync || decoding.readVarUint(d) !== SYNC.step1) return false;
    Y.decodeStateVector(decoding.readVarUint8Array(d));
    return true;
  } catch {
    return false;
  }
}

function updateApplies(update: Uint8Array, base?: Y.Doc): boolean {
  try {
    // Apply to a scratch copy, as the receiver would (decodeUpdate alone accepts dangling references).
    const doc = new Y.Doc();
    if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(doc, update);
    return true;
  } catch {
    return false;
  }
}
