import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { givePosition, openRound, writeNote } from './commands.ts';
import { checkUpdate } from './checkUpdate.ts';
import { neutralizeUpdate } from './neutralize.ts';
import { notes, positions } from './schema.ts';
import type { Actor } from './types.ts';
import { meetingDoc, NOW, peerOf, updateFrom } from './testing/meeting.ts';

const BEN: Actor = { kind: 'participant', participantId: 'ben' };
const pending = (doc: Y.Doc): unknown => (doc.store as unknown as { pendingStructs: unknown }).pendingStructs;

/** Ben forges Cleo's consent (refused), then writes a note (allowed), from one client. */
function refusedThenAllowed() {
  const server = meetingDoc();
  openRound(server, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW });
  const third = peerOf(server);
  const ben = peerOf(server);
  const refused = updateFrom(ben, (d) => givePosition(d, 'item1', 'cleo', 'consent', NOW));
  const allowed = updateFrom(ben, (d) => writeNote(d, 'opening', 'Ben arrives tired'));
  return { server, third, ben, refused, allowed };
}

describe('neutralizeUpdate', () => {
  it('[P5] keeps the same client and clock ranges as GC structs, with no content and no deletions', () => {
    const { refused } = refusedThenAllowed();
    const before = Y.decodeUpdate(refused);
    const after = Y.decodeUpdate(neutralizeUpdate(refused));
    expect(before.ds.clients.size).toBe(0);
    const range = (s: { id: Y.ID; length: number }) => [s.id.client, s.id.clock, s.id.clock + s.length];
    expect(after.structs.every((s) => s instanceof Y.GC)).toBe(true);
    expect(after.structs.map(range)).toEqual([
      range({ id: before.structs[0]!.id, length: before.structs.reduce((n, s) => n + s.length, 0) }),
    ]);
    expect(after.ds.clients.size).toBe(0);
  });

  it('[P5] drops the delete set and merges runs, keeping gaps as gaps', () => {
    const server = meetingDoc();
    const ben = peerOf(server);
    const first = updateFrom(ben, (d) => notes(d).get('opening')!.insert(0, 'abc'));
    updateFrom(ben, (d) => notes(d).get('opening')!.insert(0, 'x'));
    const third = updateFrom(ben, (d) => {
      notes(d).get('opening')!.insert(0, 'y');
      notes(d).get('opening')!.delete(1, 2);
    });
    const merged = Y.mergeUpdates([first, third]);
    expect(Y.decodeUpdate(merged).ds.clients.size).toBe(1);
    const out = Y.decodeUpdate(neutralizeUpdate(merged));
    expect(out.ds.clients.size).toBe(0);
    const kind = (s: unknown): string => (s instanceof Y.GC ? 'GC' : s instanceof Y.Skip ? 'Skip' : 'Item');
    expect(out.structs.map((s) => [kind(s), s.id.clock, s.length])).toEqual([
      ['GC', 0, 3],
      ['Skip', 3, 1],
      ['GC', 4, 1],
    ]);
  });

  it('[P5] after a refusal, the sender’s next allowed write integrates on the server and on a third peer', () => {
    const { server, third, refused, allowed } = refusedThenAllowed();
    expect(checkUpdate(server, refused, BEN)).toMatchObject({ ok: false, rule: 'R10' });
    const stand = neutralizeUpdate(refused);
    Y.applyUpdate(server, stand);
    expect(checkUpdate(server, allowed, BEN)).toMatchObject({ ok: true });
    Y.applyUpdate(server, allowed);
    expect(pending(server)).toBeNull();
    expect(notes(server).get('opening')!.toString()).toBe('Ben arrives tired');
    expect(positions(server).has('item1/cleo')).toBe(false);

    // a peer that syncs from the server's state
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    expect(pending(fresh)).toBeNull();
    expect(notes(fresh).get('opening')!.toString()).toBe('Ben arrives tired');

    // a peer that receives what the server relays, in order
    Y.applyUpdate(third, stand);
    Y.applyUpdate(third, allowed);
    expect(pending(third)).toBeNull();
    expect(notes(third).get('opening')!.toString()).toBe('Ben arrives tired');
    expect(positions(third).has('item1/cleo')).toBe(false);
  });

  it('[P5] the relayed pair integrates in either delivery order', () => {
    const { third, refused, allowed } = refusedThenAllowed();
    Y.applyUpdate(third, allowed);
    expect(pending(third)).not.toBeNull();
    Y.applyUpdate(third, neutralizeUpdate(refused));
    expect(pending(third)).toBeNull();
    expect(notes(third).get('opening')!.toString()).toBe('Ben arrives tired');
  });

  it('[P5] without the stand-in, the allowed write would stay pending forever', () => {
    const { server, allowed } = refusedThenAllowed();
    Y.applyUpdate(server, allowed);
    expect(pending(server)).not.toBeNull();
    expect(notes(server).get('opening')!.toString()).toBe('');
  });

  it('[P5] keeps a client listed twice as one chain with the gap between (or throws when the runs overlap)', () => {
    const gc = (client: number, clock: number, len: number): number[] => [1, client, clock, 0, len];
    const raw = (...groups: number[][]): Uint8Array => new Uint8Array([groups.length, ...groups.flat(), 0]);
    const out = Y.decodeUpdate(neutralizeUpdate(raw(gc(7, 0, 2), gc(8, 0, 1), gc(7, 5, 1))));
    const kind = (s: unknown): string => (s instanceof Y.GC ? 'GC' : 'Skip');
    expect(out.structs.map((s) => [s.id.client, kind(s), s.id.clock, s.length])).toEqual([
      [7, 'GC', 0, 2],
      [7, 'Skip', 2, 3],
      [7, 'GC', 5, 1],
      [8, 'GC', 0, 1],
    ]);
    expect(() => neutralizeUpdate(raw(gc(7, 0, 2), gc(8, 0, 1), gc(7, 1, 1)))).toThrow(/overlap/);
  });

  it('throws on a malformed update', () => {
    expect(() => neutralizeUpdate(new Uint8Array([1, 1, 7, 0, 9]))).toThrow();
  });
});
