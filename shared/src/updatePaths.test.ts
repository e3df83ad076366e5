import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  givePosition,
  moveAgendaItem,
  moveStage,
  openRound,
  raiseObjection,
  removeAgendaItem,
  withdrawObjection,
  writeNote,
} from './commands.ts';
import { agenda, meta, notes, positions, proposal } from './schema.ts';
import { edit, meetingDoc, NOW, peerOf, updateFrom } from './testing/meeting.ts';
import { nestedTypeOf, touchedPaths, type TouchedPath, type WritePath } from './updatePaths.ts';
import { neutralizeUpdate } from './neutralize.ts';

const writes = (paths: TouchedPath[]): WritePath[] => paths.filter((p): p is WritePath => p.op !== 'unresolved');
const brief = (p: TouchedPath): string =>
  p.op === 'unresolved' ? `unresolved ${p.reason}` : `${p.op} ${p.root}|${p.key}|${p.itemId}|${p.subKey}|${p.nested ? 'nested' : 'direct'}`;

function consentRound(server: Y.Doc): void {
  openRound(server, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW });
}

describe('touchedPaths: plain map entries', () => {
  it('reports a new position with its value', () => {
    const server = meetingDoc();
    consentRound(server);
    const update = edit(server, (d) => givePosition(d, 'item1', 'ben', 'consent', NOW));
    const [path, ...rest] = touchedPaths(server, update);
    expect(rest).toEqual([]);
    expect(path).toMatchObject({
      op: 'write',
      root: 'positions',
      key: 'item1/ben',
      itemId: null,
      subKey: null,
      nested: false,
      before: undefined,
    });
    expect((path as WritePath).after).toMatchObject({ position: 'consent', round: 1 });
  });

  it('reports an overwrite as one write with the value before and after (parent read from the origin)', () => {
    const server = meetingDoc();
    consentRound(server);
    givePosition(server, 'item1', 'ben', 'object', NOW);
    const update = edit(server, (d) => givePosition(d, 'item1', 'ben', 'consent', NOW + 1));
    const paths = touchedPaths(server, update);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatchObject({ op: 'write', key: 'item1/ben', before: { position: 'object' }, after: { position: 'consent' } });
  });

  it('folds a key written twice in one update into one change', () => {
    const server = meetingDoc();
    consentRound(server);
    const peer = peerOf(server);
    const update = updateFrom(peer, (d) => {
      givePosition(d, 'item1', 'ben', 'object', NOW);
      givePosition(d, 'item1', 'ben', 'concern', NOW + 1);
    });
    const paths = touchedPaths(server, update);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatchObject({ op: 'write', key: 'item1/ben', before: undefined, after: { position: 'concern' } });
  });

  it('reports the status change of an objection with before and after', () => {
    const server = meetingDoc();
    raiseObjection(server, { id: 'o1', itemId: 'item1', authorId: 'ben', kind: 'objection', text: 'Too loud', now: NOW });
    const update = edit(server, (d) => withdrawObjection(d, 'o1', NOW + 5));
    expect(touchedPaths(server, update)).toEqual([
      expect.objectContaining({
        op: 'write',
        root: 'objections',
        key: 'o1',
        before: expect.objectContaining({ status: 'open' }),
        after: expect.objectContaining({ status: 'withdrawn', resolvedAt: NOW + 5 }),
      }),
    ]);
  });

  it('reports the deletion of a map entry with the value it removes', () => {
    const server = meetingDoc();
    consentRound(server);
    givePosition(server, 'item1', 'ben', 'object', NOW);
    const update = edit(server, (d) => positions(d).delete('item1/ben'));
    expect(touchedPaths(server, update)).toEqual([
      {
        op: 'delete',
        root: 'positions',
        key: 'item1/ben',
        itemId: null,
        subKey: null,
        nested: false,
        before: expect.objectContaining({ position: 'object' }),
      },
    ]);
  });

  it('reports meta.phase with the phase before and after', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => meta(d).set('phase', 'opening'));
    expect(touchedPaths(server, update)).toEqual([
      { op: 'write', root: 'meta', key: 'phase', itemId: null, subKey: null, nested: false, before: 'lobby', after: 'opening' },
    ]);
  });

  it('marks a nested type set as a map entry, and writes inside it as nested', () => {
    const server = meetingDoc();
    const peer = peerOf(server);
    const first = updateFrom(peer, (d) => positions(d).set('item1/ben', new Y.Map()));
    const [set] = touchedPaths(server, first);
    expect(nestedTypeOf((set as WritePath).after)).toBe('Y.Map');
    Y.applyUpdate(server, first);
    const second = updateFrom(peer, (d) => (positions(d).get('item1/ben') as Y.Map<unknown>).set('position', 'consent'));
    expect(touchedPaths(server, second).map(brief)).toEqual(['write positions|item1/ben|null|null|nested']);
  });
});

describe('touchedPaths: agenda items', () => {
  it('reports a stage change as agenda item and sub-key', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => moveStage(d, 'item1', 'present'));
    expect(touchedPaths(server, update)).toEqual([
      { op: 'write', root: 'agenda', key: null, itemId: 'item1', subKey: 'stage', nested: false, before: 'draft', after: 'present' },
    ]);
  });

  it('reports a new item and its entries, the item map arriving in the same update', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => addAgendaItem(d, { id: 'item3', title: 'Rota', kind: 'consent', ownerId: null, timeboxMin: 5 }));
    const paths = writes(touchedPaths(server, update));
    expect(paths.map(brief)).toContain('write agenda|null|item3|null|direct');
    expect(paths.find((p) => p.subKey === 'stage')).toMatchObject({ itemId: 'item3', before: undefined, after: 'draft' });
    expect(paths.find((p) => p.root === 'notes')).toMatchObject({ key: 'item3', after: { nestedType: 'Y.Text' } });
  });

  it('reports removing an item with the id of the item removed', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => removeAgendaItem(d, 'item2'));
    expect(touchedPaths(server, update).map(brief)).toEqual(['delete agenda|null|item2|null|direct']);
  });

  it('reports moving an item as delete and insert of its copy', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => moveAgendaItem(d, 'item2', 0));
    const paths = writes(touchedPaths(server, update));
    expect(
      paths
        .filter((p) => p.subKey === null)
        .map(brief)
        .sort(),
    ).toEqual(['delete agenda|null|item2|null|direct', 'write agenda|null|item2|null|direct']);
    expect(paths.filter((p) => p.subKey === 'stage')).toHaveLength(1);
    expect(paths.find((p) => p.subKey === 'stage')).toMatchObject({ itemId: 'item2', before: undefined, after: 'draft' });
  });
});

describe('touchedPaths: text and XML', () => {
  it('reports a keystroke in the proposal as nested content of its root', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => ((proposal(d, 'item1').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(3, 'x'));
    expect(touchedPaths(server, update)).toEqual([
      { op: 'write', root: 'proposal/item1', key: null, itemId: null, subKey: null, nested: true },
    ]);
  });

  it('reports a new paragraph at the top level and its text nested, once each', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('More')]);
      proposal(d, 'item1').insert(1, [p]);
    });
    expect(touchedPaths(server, update).map(brief).sort()).toEqual([
      'write proposal/item1|null|null|null|direct',
      'write proposal/item1|null|null|null|nested',
    ]);
  });

  it('reports a deleted range of proposal text as a nested delete', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => ((proposal(d, 'item1').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 3));
    expect(touchedPaths(server, update).map(brief)).toEqual(['delete proposal/item1|null|null|null|nested']);
  });

  it('reports note edits under the note key', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => writeNote(d, 'opening', 'Everyone is here'));
    expect(touchedPaths(server, update).map(brief)).toEqual(['write notes|opening|null|null|nested']);
    Y.applyUpdate(server, update);
    const cut = edit(server, (d) => writeNote(d, 'opening', 'Everyone here'));
    expect(touchedPaths(server, cut).map(brief)).toEqual(['delete notes|opening|null|null|nested']);
  });

  it('reports a formatting change (attributes of the text) as nested proposal content', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => ((proposal(d, 'item1').get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { bold: {} }));
    expect(writes(touchedPaths(server, update)).every((p) => p.root === 'proposal/item1' && p.nested)).toBe(true);
  });
});

describe('touchedPaths: parents in the same update, in both orders of client ids', () => {
  for (const [creator, typist] of [
    [5, 9],
    [9, 5],
  ] as const) {
    it(`resolves text typed into a note created by another client (creator ${creator}, typist ${typist})`, () => {
      const server = meetingDoc();
      const a = peerOf(server);
      a.clientID = creator;
      const b = new Y.Doc();
      b.clientID = typist;
      const created = updateFrom(a, (d) => notes(d).set('extra', new Y.Text('Hi')));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      const typed = updateFrom(b, (d) => {
        notes(d).get('extra')!.insert(2, ' all');
        notes(d).get('extra')!.delete(0, 1);
      });
      const paths = touchedPaths(server, Y.mergeUpdates([typed, created]));
      expect(paths.map(brief).sort()).toEqual([
        'delete notes|extra|null|null|nested',
        'write notes|extra|null|null|direct',
        'write notes|extra|null|null|nested',
      ]);
    });
  }

  it('[P2] reports text typed into a note the document does not have as unresolved', () => {
    const server = meetingDoc();
    const a = peerOf(server);
    const created = updateFrom(a, (d) => notes(d).set('extra', new Y.Text('Hi')));
    const typed = updateFrom(a, (d) => notes(d).get('extra')!.insert(2, '!'));
    const other = peerOf(server);
    Y.applyUpdate(other, created);
    const cut = updateFrom(other, (d) => notes(d).get('extra')!.delete(0, 1));
    expect(touchedPaths(server, typed).map((p) => p.op)).toEqual(['unresolved']);
    expect(touchedPaths(server, cut)).toEqual([
      expect.objectContaining({ op: 'unresolved', reason: expect.stringMatching(/deletes something/) }),
    ]);
  });

  it('[P2] reports a struct after a gap in its client’s clock as unresolved', () => {
    const server = meetingDoc();
    const a = peerOf(server);
    updateFrom(a, (d) => meta(d).set('title', 'x'));
    const later = updateFrom(a, (d) => meta(d).set('aim', 'y'));
    expect(touchedPaths(server, later)).toContainEqual(
      expect.objectContaining({ op: 'unresolved', reason: expect.stringMatching(/earlier changes/) }),
    );
  });

  it('reports nothing for content whose parent the server holds as GC (it integrates as GC)', () => {
    const server = meetingDoc();
    const a = peerOf(server);
    const created = updateFrom(a, (d) => notes(d).set('extra', new Y.Text('Hi')));
    Y.applyUpdate(server, neutralizeUpdate(created));
    const typed = updateFrom(a, (d) => notes(d).get('extra')!.insert(2, '!'));
    expect(touchedPaths(server, typed)).toEqual([]);
  });

  it('reports nothing for an update the document already holds', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => meta(d).set('title', 'Again'));
    Y.applyUpdate(server, update);
    expect(touchedPaths(server, update)).toEqual([]);
    expect(touchedPaths(server, Y.encodeStateAsUpdate(server))).toEqual([]);
  });

  it('throws on a malformed update', () => {
    expect(() => touchedPaths(meetingDoc(), new Uint8Array([3, 200, 200, 200]))).toThrow();
  });

  it('reports the content of a removed agenda item’s entries as inert after its removal', () => {
    const server = meetingDoc();
    const a = peerOf(server);
    removeAgendaItem(server, 'item2');
    const update = updateFrom(a, (d) => (agenda(d).get(1) as Y.Map<unknown>).set('title', 'Old news'));
    // item2's map is deleted on the server: Yjs integrates the write and deletes it at once
    expect(writes(touchedPaths(server, update)).every((p) => p.root === 'agenda' && p.itemId === null)).toBe(true);
  });
});

describe('touchedPaths: what would stay pending, and what integrates as GC', () => {
  it('[P2] reports text typed by another client next to text the server does not have', () => {
    const server = meetingDoc();
    const a = peerOf(server);
    const created = updateFrom(a, (d) => notes(d).set('extra', new Y.Text('Hi')));
    const b = peerOf(server);
    Y.applyUpdate(b, created);
    const typed = updateFrom(b, (d) => notes(d).get('extra')!.insert(2, '!'));
    expect(touchedPaths(server, typed)).toEqual([expect.objectContaining({ op: 'unresolved', reason: 'its neighbour is unknown' })]);
  });

  it('[P2] reports text typed by another client into an empty note the server does not have', () => {
    const server = meetingDoc();
    const a = peerOf(server);
    const created = updateFrom(a, (d) => notes(d).set('extra', new Y.Text()));
    const b = peerOf(server);
    Y.applyUpdate(b, created);
    const typed = updateFrom(b, (d) => notes(d).get('extra')!.insert(0, 'Hello'));
    expect(touchedPaths(server, typed)).toEqual([expect.objectContaining({ op: 'unresolved', reason: 'its parent is unknown' })]);
  });

  it('[P2] reports the structs after a gap in a merged update', () => {
    const server = meetingDoc();
    const a = peerOf(server);
    const first = updateFrom(a, (d) => notes(d).get('opening')!.insert(0, 'abc'));
    updateFrom(a, (d) => notes(d).get('opening')!.insert(0, 'x'));
    const third = updateFrom(a, (d) => notes(d).get('opening')!.insert(0, 'y'));
    const paths = touchedPaths(server, Y.mergeUpdates([first, third]));
    expect(paths).toContainEqual(expect.objectContaining({ op: 'unresolved', reason: expect.stringMatching(/gap/) }));
  });

  it('reports nothing for text put into a paragraph the server has deleted (it integrates as GC)', () => {
    const server = meetingDoc();
    const a = peerOf(server);
    proposal(server, 'item1').delete(0, 1);
    const update = updateFrom(a, (d) => (proposal(d, 'item1').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('late')]));
    expect(touchedPaths(server, update)).toEqual([]);
  });
});

describe('touchedPaths: folding and de-duplication', () => {
  it('reports a key set and removed again in one update as its deletion', () => {
    const server = meetingDoc();
    openRound(server, 'item1', { kind: 'consent', order: ['ben'], now: NOW });
    givePosition(server, 'item1', 'ben', 'object', NOW);
    const peer = peerOf(server);
    const update = updateFrom(peer, (d) => {
      givePosition(d, 'item1', 'ben', 'consent', NOW + 1);
      positions(d).delete('item1/ben');
    });
    expect(touchedPaths(server, update)).toEqual([
      {
        op: 'delete',
        root: 'positions',
        key: 'item1/ben',
        itemId: null,
        subKey: null,
        nested: false,
        before: expect.objectContaining({ position: 'object' }),
      },
    ]);
  });

  it('reports both values when two clients set one key in one merged update', () => {
    const server = meetingDoc();
    const a = edit(server, (d) => meta(d).set('title', 'A'));
    const b = edit(server, (d) => meta(d).set('title', 'B'));
    const paths = writes(touchedPaths(server, Y.mergeUpdates([a, b])));
    expect(paths.map((p) => p.after).sort()).toEqual(['A', 'B']);
    expect(paths.every((p) => p.before === 'Budget')).toBe(true);
  });

  it('reports each place once however many structs write it', () => {
    const server = meetingDoc();
    const peer = peerOf(server);
    const update = updateFrom(peer, (d) => {
      for (let i = 0; i < 20; i++) notes(d).set(`n${i}`, new Y.Text());
      for (let round = 0; round < 2; round++) for (let i = 0; i < 20; i++) notes(d).get(`n${i}`)!.insert(0, `note ${i} ${round} `);
    });
    const paths = touchedPaths(server, update);
    const nested = paths.map(brief).filter((b) => b.endsWith('nested'));
    expect(new Set(nested).size).toBe(nested.length);
    expect(nested).toHaveLength(20);
    expect(paths).toHaveLength(40);
  });
});
