// Encoders of the sync endpoint's frames (docs/protocol.md): y-websocket's sync
// and awareness messages and our two opt-in extensions. The server sends them;
// tests and other clients build theirs with the same functions.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
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

/** What a `refused` frame says, as a client reads it. */
export interface Refusal {
  rule: string;
  reason: string;
  /** Which of the connection's step-2 and update frames was refused (1 = the first). */
  frame?: number;
}

const RefusalPayload = z.object({
  rule: z.string().max(64).catch(''),
  reason: z.string().min(1).max(5000).catch('The server refused a change.'),
  frame: z.number().int().positive().optional().catch(undefined),
});

/** Reads an ack's count after its message type. */
export const readAck = (decoder: decoding.Decoder): number => decoding.readVarUint(decoder);

/** Reads a refusal after its message type; a payload that is not the documented JSON still reads as a refusal. */
export function readRefusal(decoder: decoding.Decoder): Refusal {
  const text = decoding.readVarString(decoder);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { rule: '', reason: text || 'The server refused a change.' };
  }
  const parsed = RefusalPayload.safeParse(json);
  if (!parsed.success) return { rule: '', reason: 'The server refused a change.' };
  const { rule, reason, frame } = parsed.data;
  return frame === undefined ? { rule, reason } : { rule, reason, frame };
}

/** y-protocols' auth "permission denied" message: the standard provider logs the reason and stays connected. */
export const permissionDeniedFrame = (reason: string): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.auth);
    encoding.writeVarUint(e, AUTH.permissionDenied);
    encoding.writeVarString(e, reason);
  });
