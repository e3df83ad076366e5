// Frame encoding for the load generator and a cheap reader of Yjs v1 updates
// that yields (client, first clock, length) per client section without a Y.Doc.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MESSAGE, SYNC } from '@consent/shared';

/** Called once per client section of an update: clocks [clock, clock + length) of `client`. */
export type SectionSink = (client: number, clock: number, length: number) => void;

/** Frame prefix: Hocuspocus addresses every frame with its document name; the others send nothing. */
export function framePrefix(documentName: string | null): Uint8Array {
  if (documentName === null) return new Uint8Array(0);
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  return encoding.toUint8Array(e);
}

function start(prefix: Uint8Array): encoding.Encoder {
  const e = encoding.createEncoder();
  encoding.writeUint8Array(e, prefix);
  return e;
}

export function syncFrame(prefix: Uint8Array, sub: number, payload: Uint8Array, type: number = MESSAGE.sync): Uint8Array {
  const e = start(prefix);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export const updateFrame = (prefix: Uint8Array, update: Uint8Array): Uint8Array => syncFrame(prefix, SYNC.update, update);

/** An awareness update for one client, written directly (what `encodeAwarenessUpdate` produces). */
export function awarenessFrame(prefix: Uint8Array, clientID: number, clock: number, stateJson: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientID);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, stateJson);
  const e = start(prefix);
  encoding.writeVarUint(e, MESSAGE.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** Hocuspocus wants an auth frame (type 2, token sub-type 0) before anything else on a document. */
export function hocuspocusAuthFrame(prefix: Uint8Array, token: string): Uint8Array {
  const e = start(prefix);
  encoding.writeVarUint(e, MESSAGE.auth);
  encoding.writeVarUint(e, 0);
  encoding.writeVarString(e, token);
  return encoding.toUint8Array(e);
}

/** Skips a length-prefixed string or buffer (read the length first: `d.pos += read(d)` would add to the old position). */
export const skipString = (d: decoding.Decoder): void => {
  const length = decoding.readVarUint(d);
  d.pos += length;
};

/**
 * Walks the struct section of a v1 update. Keystroke updates are one Item
 * each, but servers may merge several into one struct, so lengths are summed
 * per client section from the struct headers (GC, Skip, Item with any content).
 */
export function readUpdateSections(d: decoding.Decoder, sink: SectionSink): void {
  const clients = decoding.readVarUint(d);
  for (let i = 0; i < clients; i++) {
    const structs = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    let length = 0;
    for (let j = 0; j < structs; j++) {
      const info = decoding.readUint8(d);
      const ref = info & 31;
      if (ref === 0 || ref === 10) {
        length += decoding.readVarUint(d);
        continue;
      }
      if (info & 128) {
        decoding.readVarUint(d);
        decoding.readVarUint(d);
      }
      if (info & 64) {
        decoding.readVarUint(d);
        decoding.readVarUint(d);
      }
      if ((info & 192) === 0) {
        if (decoding.readVarUint(d) === 1) skipString(d);
        else {
          decoding.readVarUint(d);
          decoding.readVarUint(d);
        }
        if (info & 32) skipString(d);
      }
      length += contentLength(d, ref);
    }
    sink(client, clock, length);
  }
}

function contentLength(d: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1:
      return decoding.readVarUint(d);
    case 2: {
      const n = decoding.readVarUint(d);
      for (let k = 0; k < n; k++) skipString(d);
      return n;
    }
    case 3:
      skipString(d);
      return 1;
    case 4:
      return decoding.readVarString(d).length;
    case 5:
      skipString(d);
      return 1;
    case 6:
      skipString(d);
      skipString(d);
      return 1;
    case 7: {
      const typeRef = decoding.readVarUint(d);
      if (typeRef === 3 || typeRef === 5) skipString(d);
      return 1;
    }
    case 8: {
      const n = decoding.readVarUint(d);
      for (let k = 0; k < n; k++) decoding.readAny(d);
      return n;
    }
    case 9:
      skipString(d);
      decoding.readAny(d);
      return 1;
    default:
      throw new Error(`unknown struct content ${ref}`);
  }
}
