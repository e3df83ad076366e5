import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE, SYNC, writeNote } from '@consent/shared';
import { meetingDoc } from '@consent/shared/testing';
import { PendingWrites, REAPPLIED, reapply } from './pendingWrites.ts';

const u = (n: number) => new Uint8Array([n]);

/** A connection that numbers the frames it sends from 1, as the server counts them. */
function connection() {
  const frames: Uint8Array[] = [];
  return { frames, send: (frame: Uint8Array) => frames.push(frame) };
}

describe("PendingWrites: this device's writes the server has not confirmed", () => {
  it('sends each unsent write in a sync update frame of its own, once', () => {
    const pending = new PendingWrites([u(1), u(2)]);
    const c = connection();
    pending.sendEach(c.send);
    expect(c.frames.map((f) => [f[0], f[1]])).toEqual([
      [MESSAGE.sync, SYNC.update],
      [MESSAGE.sync, SYNC.update],
    ]);
    pending.sendEach(c.send);
    expect(c.frames).toHaveLength(2);
  });

  it('an ack of the first frames makes their writes durable; later ones stay', () => {
    const pending = new PendingWrites();
    pending.record(u(1), 1);
    pending.record(u(2), 2);
    pending.record(u(3), null);
    pending.acked(1);
    expect(pending.updates()).toEqual([u(2), u(3)]);
    pending.acked(2);
    expect(pending.updates()).toEqual([u(3)]);
  });

  it('a refusal drops only the write of the refused frame, oldest first', () => {
    const pending = new PendingWrites();
    pending.record(u(1), 1);
    pending.record(u(2), 2);
    pending.record(u(3), 3);
    pending.record(u(4), null);
    expect(pending.refused(2)).toEqual([u(1), u(3), u(4)]);
  });

  it('a refusal without a frame number keeps nothing', () => {
    const pending = new PendingWrites([u(1)]);
    expect(pending.refused(undefined)).toEqual([]);
  });

  it('after a reconnect every write is unsent again and goes out anew, numbered by the new connection', () => {
    const pending = new PendingWrites();
    const first = connection();
    pending.record(u(1), null);
    pending.sendEach(first.send);
    pending.reconnected();
    const second = connection();
    pending.sendEach(second.send);
    expect(second.frames).toHaveLength(1);
    pending.acked(1);
    expect(pending.updates()).toEqual([]);
  });

  it('reapply puts kept writes onto a fresh copy, marked as re-applied', () => {
    const server = meetingDoc();
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    const writes: Uint8Array[] = [];
    device.on('update', (update: Uint8Array) => writes.push(update));
    writeNote(device, 'opening', 'Hello');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const origins: unknown[] = [];
    fresh.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin));
    reapply(fresh, writes);
    expect(fresh.getMap('notes').toJSON().opening).toBe('Hello');
    expect(origins).toEqual([REAPPLIED]);
  });
});
