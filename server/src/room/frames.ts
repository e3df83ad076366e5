// Reads one client frame of the y-websocket protocol into what the room acts
// on; anything that does not decode is a MalformedFrame (close code 1007).
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MESSAGE, SYNC } from '@consent/shared';
import { type AwarenessEntry, decodeAwareness } from './awareness.ts';
import { MalformedFrame } from './ClientWrites.ts';

export type ClientFrame =
  | { kind: 'step1'; stateVector: Uint8Array }
  | { kind: 'update'; payload: Uint8Array; resync: boolean }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' };

function read<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new MalformedFrame(e instanceof Error ? e.message : 'undecodable');
  }
}

export function readClientFrame(data: Uint8Array): ClientFrame {
  const d = decoding.createDecoder(data);
  const type = read(() => decoding.readVarUint(d));
  if (type === MESSAGE.sync) {
    const sub = read(() => decoding.readVarUint(d));
    const payload = read(() => decoding.readVarUint8Array(d));
    if (sub === SYNC.step1) {
      read(() => Y.decodeStateVector(payload));
      return { kind: 'step1', stateVector: payload };
    }
    if (sub === SYNC.step2 || sub === SYNC.update) return { kind: 'update', payload, resync: sub === SYNC.step2 };
    throw new MalformedFrame(`unknown sync message ${sub}`);
  }
  if (type === MESSAGE.awareness) return { kind: 'awareness', entries: read(() => decodeAwareness(decoding.readVarUint8Array(d))) };
  if (type === MESSAGE.queryAwareness) return { kind: 'queryAwareness' };
  if (type === MESSAGE.auth) return { kind: 'auth' };
  throw new MalformedFrame(`unknown message type ${type}`);
}
