import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { ackFrame, awarenessFrame, readAck, readRefusal, refusedFrame, syncStep1, syncStep2, syncUpdate } from './frames.ts';
import { MESSAGE, SYNC } from './protocol.ts';

const payload = new Uint8Array([1, 2, 3]);

describe('frames (docs/protocol.md)', () => {
  it.each([
    ['step 1', syncStep1, SYNC.step1],
    ['step 2', syncStep2, SYNC.step2],
    ['update', syncUpdate, SYNC.update],
  ] as const)('a sync %s frame carries its sub-type and payload', (_name, encode, sub) => {
    const d = decoding.createDecoder(encode(payload));
    expect(decoding.readVarUint(d)).toBe(MESSAGE.sync);
    expect(decoding.readVarUint(d)).toBe(sub);
    expect(decoding.readVarUint8Array(d)).toEqual(payload);
    expect(decoding.hasContent(d)).toBe(false);
  });

  it('an awareness frame carries the awareness update', () => {
    const d = decoding.createDecoder(awarenessFrame(payload));
    expect(decoding.readVarUint(d)).toBe(MESSAGE.awareness);
    expect(decoding.readVarUint8Array(d)).toEqual(payload);
  });

  it('an ack frame carries the durable count, a refused frame its rule and reason as JSON', () => {
    const ack = decoding.createDecoder(ackFrame(300));
    expect([decoding.readVarUint(ack), decoding.readVarUint(ack)]).toEqual([MESSAGE.ack, 300]);
    const refused = decoding.createDecoder(refusedFrame('R10', 'not yours'));
    expect(decoding.readVarUint(refused)).toBe(MESSAGE.refused);
    expect(JSON.parse(decoding.readVarString(refused))).toEqual({ rule: 'R10', reason: 'not yours' });
  });

  it('readAck and readRefusal read what the server sends', () => {
    const ack = decoding.createDecoder(ackFrame(70_000));
    decoding.readVarUint(ack);
    expect(readAck(ack)).toBe(70_000);
    const refused = decoding.createDecoder(refusedFrame('R10', 'not yours', 3));
    decoding.readVarUint(refused);
    expect(readRefusal(refused)).toEqual({ rule: 'R10', reason: 'not yours', frame: 3 });
  });

  it.each([
    ['plain text', 'server says no', { rule: '', reason: 'server says no' }],
    ['empty', '', { rule: '', reason: 'The server refused a change.' }],
    ['JSON of another shape', '[1,2]', { rule: '', reason: 'The server refused a change.' }],
    ['a bad frame number', JSON.stringify({ rule: 'P1', reason: 'malformed', frame: -2 }), { rule: 'P1', reason: 'malformed' }],
  ])('readRefusal still reads a refusal from %s', (_name, text, expected) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, text);
    expect(readRefusal(decoding.createDecoder(encoding.toUint8Array(e)))).toEqual(expected);
  });
});
