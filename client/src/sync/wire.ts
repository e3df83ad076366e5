// Reads the payloads of our two opt-in messages (ack, refused) from the
// provider's lib0 decoder, which is a plain { arr, pos } cursor.
interface Cursor {
  arr: Uint8Array;
  pos: number;
}

export function readVarUint(d: Cursor): number {
  let num = 0;
  let mult = 1;
  for (;;) {
    const byte = d.arr[d.pos++];
    if (byte === undefined) throw new Error('unexpected end of message');
    num += (byte & 0x7f) * mult;
    if (byte < 0x80) return num;
    mult *= 128;
    if (mult > 2 ** 53) throw new Error('varint too long');
  }
}

export function readVarString(d: Cursor): string {
  const len = readVarUint(d);
  const bytes = d.arr.subarray(d.pos, d.pos + len);
  d.pos += len;
  return new TextDecoder().decode(bytes);
}

export interface Refusal {
  rule: string;
  reason: string;
  /** Which of the connection's step-2 and update frames was refused (1 = the first). */
  frame?: number;
}

export function parseRefusal(text: string): Refusal {
  try {
    const v = JSON.parse(text) as Partial<Refusal>;
    const frame = Number.isSafeInteger(v.frame) && (v.frame as number) > 0 ? (v.frame as number) : undefined;
    return { rule: String(v.rule ?? ''), reason: String(v.reason ?? 'The server refused a change.'), ...(frame ? { frame } : {}) };
  } catch {
    return { rule: '', reason: text || 'The server refused a change.' };
  }
}
