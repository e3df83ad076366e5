import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blockOf, UpdateBatch } from './updateBatch.ts';

/** A server doc receiving each client's updates; the batch sees the server's transactions, as in a room. */
function scenario(seed: number) {
  let s = seed;
  const rand = (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const base = new Y.Doc();
  base.getText('t').insert(0, 'shared start');
  const start = Y.encodeStateAsUpdate(base);
  const server = new Y.Doc();
  Y.applyUpdate(server, start);
  const clients = Array.from({ length: 4 }, () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, start);
    return d;
  });
  const batch = new UpdateBatch<string>();
  const byOrigin = new Map<string, Uint8Array[]>();
  const simple: boolean[] = [];
  server.on('update', (u: Uint8Array, origin: string, _d: Y.Doc, tr: Y.Transaction) => {
    const block = blockOf(u, tr);
    simple.push(block !== null);
    batch.add(u, origin, block);
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), u]);
  });
  for (let step = 0; step < 30; step++) {
    const i = rand(clients.length);
    const c = clients[i]!;
    const before = Y.encodeStateVector(c);
    const text = c.getText('t');
    if (rand(5) === 0 && text.length > 2) text.delete(rand(text.length - 1), 1);
    else if (rand(7) === 0) c.getMap('m').set(`k${rand(3)}`, step);
    else text.insert(rand(text.length + 1), String.fromCharCode(97 + rand(26)));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(c, before), `c${i}`);
  }
  return { start, server, batch, byOrigin, simple };
}

const contentOf = (updates: Uint8Array[]) => {
  const d = new Y.Doc();
  for (const u of updates) Y.applyUpdate(d, u);
  return { text: d.getText('t').toString(), map: d.getMap('m').toJSON(), sv: Y.encodeStateVector(d) };
};

describe('UpdateBatch', () => {
  it('finds the single block of a typing transaction, and none for a deletion', () => {
    const { simple } = scenario(7);
    expect(simple).toContain(true);
    expect(simple).toContain(false);
  });

  it.each(Array.from({ length: 40 }, (_, i) => i * 7919 + 1))(
    "merges a batch to the same content as its updates, and each writer's variant to the others' (seed %i)",
    (seed) => {
      const { start, server, batch, byOrigin } = scenario(seed);
      const merged = contentOf([start, batch.all()]);
      expect(merged.text).toBe(server.getText('t').toString());
      expect(merged.map).toEqual(server.getMap('m').toJSON());
      for (const origin of byOrigin.keys()) {
        const others = [...byOrigin].filter(([o]) => o !== origin).flatMap(([, us]) => us);
        const without = batch.without(origin);
        expect(contentOf([start, ...(without ? [without] : [])])).toEqual(contentOf([start, ...others]));
        expect(batch.wrote(origin)).toBe(true);
      }
      expect(batch.wrote('nobody')).toBe(false);
    },
  );

  it('gives nothing back to the only writer of a batch', () => {
    const batch = new UpdateBatch<string>();
    const d = new Y.Doc();
    d.on('update', (u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => batch.add(u, 'a', blockOf(u, tr)));
    d.getText('t').insert(0, 'a');
    d.getText('t').insert(1, 'b');
    expect(batch.without('a')).toBeNull();
    expect(contentOf([batch.all()]).text).toBe('ab');
  });
});
