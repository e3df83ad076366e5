// Encoders for the frames the server sends: y-websocket's sync and awareness
// messages and our two opt-in extensions (ack, refused). Types from shared/protocol.
import * as encoding from 'lib0/encoding';
import { MESSAGE, SYNC } from '@consent/shared';

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const syncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const syncStep2 = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step2);
    encoding.writeVarUint8Array(e, update);
  });

export const syncUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, update);
  });

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

export const refusedFrame = (rule: string, reason: string): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.refused);
    encoding.writeVarString(e, JSON.stringify({ rule, reason }));
  });

/** Close reasons are limited to 123 bytes by the websocket protocol. */
export function truncateReason(reason: string): string {
  const bytes = Buffer.from(reason);
  return bytes.length <= 120 ? reason : `${bytes.subarray(0, 117).toString('utf8')}...`;
}
