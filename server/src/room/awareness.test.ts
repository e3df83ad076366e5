import { describe, expect, it } from 'vitest';
import { AwarenessStore, decodeAwareness } from './awareness.ts';

const fran = { participantId: 'p-fran', name: 'Fran' };
const state = (id: string, name: string) => JSON.stringify({ user: { id, name, color: '#f00' }, cursor: null });

describe('AwarenessStore', () => {
  it('keeps only states that present the connection as its own participant', () => {
    const store = new AwarenessStore();
    const conn = {};
    const changed = store.apply(
      conn,
      [
        { clientId: 1, clock: 1, json: state('p-fran', 'Fran') },
        { clientId: 2, clock: 1, json: state('p-ann', 'Fran') },
        { clientId: 3, clock: 1, json: state('p-fran', 'Ann') },
        { clientId: 4, clock: 1, json: '{"cursor":1}' },
      ],
      fran,
    );
    expect(changed).toEqual([1]);
    expect(decodeAwareness(store.encode()).map((e) => e.clientId)).toEqual([1]);
  });

  it('says who is online changed when a state appears or is removed, not when it is renewed or a caret moves', () => {
    const store = new AwarenessStore();
    const conn = {};
    store.apply(conn, [{ clientId: 1, clock: 1, json: state('p-fran', 'Fran') }], fran);
    expect(store.livenessChanged).toBe(true);
    store.apply(conn, [{ clientId: 1, clock: 2, json: state('p-fran', 'Fran') }], fran);
    expect(store.livenessChanged).toBe(false);
    store.apply(conn, [{ clientId: 1, clock: 3, json: 'null' }], fran);
    expect(store.livenessChanged).toBe(true);
    store.apply(conn, [{ clientId: 1, clock: 4, json: state('p-fran', 'Fran') }], fran);
    expect(store.livenessChanged).toBe(true);
  });

  it('lets no connection set or clear a client id another one introduced', () => {
    const store = new AwarenessStore();
    const mine = {};
    const other = {};
    store.apply(mine, [{ clientId: 1, clock: 1, json: state('p-fran', 'Fran') }], fran);
    expect(store.apply(other, [{ clientId: 1, clock: 2, json: 'null' }], fran)).toEqual([]);
    expect(store.apply(other, [{ clientId: 1, clock: 3, json: state('p-fran', 'Fran') }], fran)).toEqual([]);
    expect(store.apply(mine, [{ clientId: 1, clock: 1, json: state('p-fran', 'Fran') }], fran)).toEqual([]);
  });

  it("removes a closed connection's states with a newer clock, and relays a removal it sent just before closing", () => {
    const store = new AwarenessStore();
    const conn = {};
    store.apply(
      conn,
      [
        { clientId: 1, clock: 4, json: state('p-fran', 'Fran') },
        { clientId: 2, clock: 1, json: state('p-fran', 'Fran') },
      ],
      fran,
    );
    // the provider clears client 2 itself, then its socket closes before the relay went out
    expect(store.apply(conn, [{ clientId: 2, clock: 2, json: 'null' }], fran)).toEqual([2]);
    expect(store.removeOwner(conn)).toEqual([1]);
    const relayed = decodeAwareness(store.encode([2, 1]));
    expect(relayed).toEqual([
      { clientId: 2, clock: 2, json: 'null' },
      { clientId: 1, clock: 5, json: 'null' },
    ]);
    store.forget([2, 1]);
    expect(store.size).toBe(0);
  });
});
