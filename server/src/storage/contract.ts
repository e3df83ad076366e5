// The behaviour every Storage implementation must show. An implementation's
// test file calls `storageContract` with a factory that opens a fresh store
// (and can reopen the same one, to prove what survives a restart).
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MeetingRecord, Storage } from './Storage.ts';

export interface StorageHarness {
  /** Opens the store under test; called again after `close()` it must reopen the same data. */
  open(): Promise<Storage>;
}

const meeting = (id: string): MeetingRecord => ({
  id,
  createdAt: 1_700_000_000_000,
  codes: { member: `mem-${id}`, guest: `gue-${id}`, observer: `obs-${id}` },
});

function docWith(text: string, clientID: number): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText('t').insert(0, text);
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

/** Successive single-character edits of one client, each as its own update. */
function typing(text: string, clientID: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
  return out;
}

export function storageContract(name: string, harness: StorageHarness): void {
  describe(`Storage contract: ${name}`, () => {
    let open: Storage[] = [];
    const openStore = async () => {
      const s = await harness.open();
      open.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of open) await s.close();
      open = [];
    });

    it('stores a meeting with its codes and initial document', async () => {
      const s = await openStore();
      const { update } = docWith('hello', 1);
      await s.createMeeting(meeting('m1'), update);
      expect(await s.getMeeting('m1')).toEqual(meeting('m1'));
      const loaded = await s.loadDoc('m1');
      expect(textOf(loaded.updates)).toBe('hello');
      expect(loaded.logLength).toBe(0);
    });

    it('stores the client bindings given with a new meeting, in its transaction', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), docWith('hello', 1).update, [{ client: 1, participantId: 'server' }]);
      expect((await s.loadDoc('m1')).clientOwners).toEqual(new Map([[1, 'server']]));
      // a refused duplicate stores none of its bindings
      await expect(s.createMeeting(meeting('m1'), docWith('b', 2).update, [{ client: 2, participantId: 'eve' }])).rejects.toThrow();
      expect((await s.loadDoc('m1')).clientOwners).toEqual(new Map([[1, 'server']]));
    });

    it('answers null for an unknown meeting and refuses to load one', async () => {
      const s = await openStore();
      expect(await s.getMeeting('nope')).toBeNull();
      await expect(s.loadDoc('nope')).rejects.toThrow();
    });

    it('rejects a second meeting with the same id', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), docWith('a', 1).update);
      await expect(s.createMeeting(meeting('m1'), docWith('b', 2).update)).rejects.toThrow();
      expect(textOf((await s.loadDoc('m1')).updates)).toBe('a');
    });

    it('appends updates in order and loads them after the snapshot', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), new Uint8Array([0, 0]));
      const edits = typing('abcdef', 7);
      const seqs = await s.appendUpdates(edits.slice(0, 3).map((update) => ({ meetingId: 'm1', update })));
      await s.appendUpdates(edits.slice(3).map((update) => ({ meetingId: 'm1', update })));
      const loaded = await s.loadDoc('m1');
      expect(textOf(loaded.updates)).toBe('abcdef');
      expect(loaded.logLength).toBe(6);
      expect(loaded.lastSeq).toBeGreaterThan(seqs.get('m1')!);
    });

    it('keeps meetings apart in one batch', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('a'), new Uint8Array([0, 0]));
      await s.createMeeting(meeting('b'), new Uint8Array([0, 0]));
      const [ua] = typing('x', 1);
      const [ub] = typing('y', 2);
      const seqs = await s.appendUpdates([
        { meetingId: 'a', update: ua! },
        { meetingId: 'b', update: ub! },
      ]);
      expect([...seqs.keys()].sort()).toEqual(['a', 'b']);
      expect(textOf((await s.loadDoc('a')).updates)).toBe('x');
      expect(textOf((await s.loadDoc('b')).updates)).toBe('y');
    });

    it('stores nothing of a batch that names an unknown meeting', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('a'), new Uint8Array([0, 0]));
      const [ua] = typing('x', 1);
      await expect(
        s.appendUpdates([
          { meetingId: 'a', update: ua! },
          { meetingId: 'ghost', update: ua! },
        ]),
      ).rejects.toThrow();
      expect((await s.loadDoc('a')).logLength).toBe(0);
    });

    it('compacts the log into a snapshot and keeps later updates', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), new Uint8Array([0, 0]));
      const edits = typing('abcdefgh', 3);
      await s.appendUpdates(edits.slice(0, 5).map((update) => ({ meetingId: 'm1', update })));
      const before = await s.loadDoc('m1');
      const merged = Y.mergeUpdates(before.updates);
      await s.appendUpdates(edits.slice(5).map((update) => ({ meetingId: 'm1', update })));
      await s.compact('m1', merged, before.lastSeq);
      const after = await s.loadDoc('m1');
      expect(after.logLength).toBe(3);
      expect(after.updates).toHaveLength(4);
      expect(textOf(after.updates)).toBe('abcdefgh');
    });

    it('never reuses a sequence number after compaction emptied the log', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), new Uint8Array([0, 0]));
      const edits = typing('abcd', 3);
      await s.appendUpdates(edits.slice(0, 2).map((update) => ({ meetingId: 'm1', update })));
      const loaded = await s.loadDoc('m1');
      await s.compact('m1', Y.mergeUpdates(loaded.updates), loaded.lastSeq);
      await s.appendUpdates(edits.slice(2).map((update) => ({ meetingId: 'm1', update })));
      const after = await s.loadDoc('m1');
      expect(after.lastSeq).toBeGreaterThan(loaded.lastSeq);
      expect(textOf(after.updates)).toBe('abcd');
    });

    it('binds a client id to its first participant, in the update transaction', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), new Uint8Array([0, 0]));
      await s.createMeeting(meeting('m2'), new Uint8Array([0, 0]));
      const [u] = typing('a', 5);
      await s.appendUpdates([{ meetingId: 'm1', update: u! }], [{ meetingId: 'm1', client: 5, participantId: 'ann' }]);
      await s.appendUpdates(
        [],
        [
          { meetingId: 'm1', client: 5, participantId: 'eve' },
          { meetingId: 'm2', client: 5, participantId: 'bob' },
        ],
      );
      expect((await s.loadDoc('m1')).clientOwners).toEqual(new Map([[5, 'ann']]));
      expect((await s.loadDoc('m2')).clientOwners).toEqual(new Map([[5, 'bob']]));
      await expect(s.appendUpdates([], [{ meetingId: 'ghost', client: 1, participantId: 'x' }])).rejects.toThrow();
    });

    it('deletes a meeting with everything stored under it, and nothing of another', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), docWith('first', 1).update);
      await s.createMeeting(meeting('m2'), docWith('second', 2).update);
      const edits = typing('abc', 3);
      await s.appendUpdates(
        edits.map((update) => ({ meetingId: 'm1', update })),
        [{ meetingId: 'm1', client: 3, participantId: 'ann' }],
      );
      const loaded = await s.loadDoc('m1');
      await s.compact('m1', Y.mergeUpdates(loaded.updates), loaded.lastSeq);
      await s.appendUpdates(typing('d', 4).map((update) => ({ meetingId: 'm1', update })));
      await s.setClosedAt('m1', 5);
      expect(await s.deleteMeeting('m1')).toBe(true);
      expect(await s.getMeeting('m1')).toBeNull();
      await expect(s.loadDoc('m1')).rejects.toThrow();
      expect(await s.closedBefore(Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(await s.deleteMeeting('m1')).toBe(false);
      expect(await s.deleteMeeting('never')).toBe(false);
      expect(textOf((await s.loadDoc('m2')).updates)).toBe('second');
      // the id is free again, with nothing of the old meeting under it
      await s.createMeeting(meeting('m1'), docWith('new', 7).update);
      const fresh = await s.loadDoc('m1');
      expect(textOf(fresh.updates)).toBe('new');
      expect(fresh.clientOwners.size).toBe(0);
      expect(fresh.logLength).toBe(0);
    });

    it('records when meetings closed and lists those closed before a time, oldest first', async () => {
      const s = await openStore();
      for (const id of ['a', 'b', 'c', 'd']) await s.createMeeting(meeting(id), new Uint8Array([0, 0]));
      await s.setClosedAt('b', 300);
      await s.setClosedAt('a', 200);
      await s.setClosedAt('c', 100);
      await s.setClosedAt('ghost', 50);
      expect(await s.closedBefore(250)).toEqual(['c', 'a']);
      expect(await s.closedBefore(100)).toEqual([]);
      await s.setClosedAt('c', null);
      expect(await s.closedBefore(1000)).toEqual(['a', 'b']);
      await s.close();
      open = [];
      const again = await openStore();
      expect(await again.closedBefore(1000)).toEqual(['a', 'b']);
    });

    it('keeps everything committed across a close and reopen', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), docWith('start', 9).update);
      await s.appendUpdates(
        typing('xyz', 4).map((update) => ({ meetingId: 'm1', update })),
        [{ meetingId: 'm1', client: 4, participantId: 'p4' }],
      );
      await s.close();
      open = [];
      const again = await openStore();
      expect(await again.getMeeting('m1')).toEqual(meeting('m1'));
      const text = textOf((await again.loadDoc('m1')).updates);
      expect(text).toHaveLength('startxyz'.length);
      expect(text.split('').sort().join('')).toBe('startxyz'.split('').sort().join(''));
      expect((await again.loadDoc('m1')).clientOwners.get(4)).toBe('p4');
    });

    it('rotates the codes of one role and keeps the others', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), docWith('x', 1).update);
      await s.createMeeting(meeting('m2'), docWith('x', 1).update);
      await s.setCodes('m1', { guest: 'new-guest' });
      expect((await s.getMeeting('m1'))?.codes).toEqual({ ...meeting('m1').codes, guest: 'new-guest' });
      expect(await s.getMeeting('m2')).toEqual(meeting('m2'));
    });

    it('keeps a removal, with its first time, across a close and reopen', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), docWith('x', 1).update);
      await s.createMeeting(meeting('m2'), docWith('x', 1).update);
      await s.removeParticipant('m1', 'p1', 100);
      await s.removeParticipant('m1', 'p1', 200);
      await s.close();
      open = [];
      const again = await openStore();
      expect(await again.removedAt('m1', 'p1')).toBe(100);
      expect(await again.removedAt('m1', 'p2')).toBeNull();
      expect(await again.removedAt('m2', 'p1')).toBeNull();
    });

    it('[V3] keeps sealed answers per round, the last one of a participant winning, across a close and reopen', async () => {
      const s = await openStore();
      await s.createMeeting(meeting('m1'), docWith('x', 1).update);
      await s.sealAnswer({ meetingId: 'm1', itemId: 'i1', round: 1, participantId: 'ann', answer: { position: 'object' } });
      await s.sealAnswer({ meetingId: 'm1', itemId: 'i1', round: 1, participantId: 'ann', answer: { position: 'consent' } });
      await s.sealAnswer({ meetingId: 'm1', itemId: 'i1', round: 1, participantId: 'ben', answer: { position: 'concern' } });
      await s.sealAnswer({ meetingId: 'm1', itemId: 'i1', round: 2, participantId: 'ben', answer: { position: 'object' } });
      await s.close();
      open = [];
      const again = await openStore();
      expect([...(await again.sealedAnswers('m1', 'i1', 1))]).toEqual([
        ['ann', { position: 'consent' }],
        ['ben', { position: 'concern' }],
      ]);
      expect([...(await again.sealedAnswers('m1', 'i1', 2))]).toEqual([['ben', { position: 'object' }]]);
      expect((await again.sealedAnswers('m1', 'i2', 1)).size).toBe(0);
    });
  });
}
