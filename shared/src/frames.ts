// Encoders of the sync endpoint's frames (docs/protocol.md): y-websocket's sync
// and awareness messages and our two opt-in extensions. The server sends them;
// tests and other clients build theirs with the same functions.
import * as encoding from 'lib0/encoding';
import { AUTH, MESSAGE, SYNC } from './protocol.ts';

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** A `sync` frame of the given sub-type (SYNC.step1 / step2 / update). */
export const syncFrame = (subType: number, payload: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, subType);
    encoding.writeVarUint8Array(e, payload);
  });

export const syncStep1 = (stateVector: Uint8Array): Uint8Array => syncFrame(SYNC.step1, stateVector);
export const syncStep2 = (update: Uint8Array): Uint8Array => syncFrame(SYNC.step2, update);
export const syncUpdate = (update: Uint8Array): Uint8Array => syncFrame(SYNC.update, update);

export const awarenessFrame = (awarenessUpdate: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });

/** `count`: how many of this connection's update frames are now durable (or finished as refused). */
export const ackFrame = (count: number): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.ack);
    encoding.writeVarUint(e, count);
  });

/**
 * A refused write, for a client with `?ack=1`. `frame`: which of the connection's
 * step-2 and update frames it was (the count an ack would carry for it), so the
 * client knows which of its writes to drop.
 */
export const refusedFrame = (rule: string, reason: string, frameNumber?: number): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.refused);
    encoding.writeVarString(e, JSON.stringify(frameNumber === undefined ? { rule, reason } : { rule, reason, frame: frameNumber }));
  });

/** y-protocols' auth "permission denied" message: the standard provider logs the reason and stays connected. */
export const permissionDeniedFrame = (reason: string): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.auth);
    encoding.writeVarUint(e, AUTH.permissionDenied);
    encoding.writeVarString(e, reason);
  });
