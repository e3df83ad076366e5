// [D2–D4] Deleting a meeting over HTTP: only its facilitator may; its sockets
// close with 4404; every byte of it leaves the SQLite files (read raw). And
// RETENTION_DAYS: closed meetings are purged on a fixed clock.
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addAgendaItem, meta, movePhase, proposal } from '@consent/shared';
import { filesHold } from '../testing/dbFiles.ts';
import { api, connectPeer, createMeeting, join, serversPerTest, synced, waitFor, type Peer, type TestServer } from '../testing/harness.ts';

const server = serversPerTest();
const peers: Peer[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.destroy();
});
function peer(s: TestServer, meetingId: string, token: string): Peer {
  const p = connectPeer(s.wsBase, meetingId, token);
  peers.push(p);
  return p;
}
const unique = (what: string) => `${what}-${Math.random().toString(36).slice(2)}-marker`;

describe('DELETE /api/meetings/:id', () => {
  it('[D2] the facilitator deletes a meeting: sockets close with 4404 and every byte of it leaves the database files', async () => {
    const s = await server({ compactEvery: 2 });
    const db = joinPath(s.dataDir, 'consent.db');
    const titleMarker = unique('title');
    const textMarker = unique('proposal');
    const m = await createMeeting(s.url, titleMarker);
    const ana = await join(s.url, m, 'Ana');
    const fran = peer(s, m.meetingId, m.token);
    const anaPeer = peer(s, m.meetingId, ana.token);
    await Promise.all([synced(fran), synced(anaPeer)]);
    fran.doc.transact(() => addAgendaItem(fran.doc, { id: 'item-1', title: 'Budget', kind: 'consent', ownerId: null, timeboxMin: 10 }));
    fran.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`We agree: ${textMarker}`)]);
      proposal(fran.doc, 'item-1').insert(0, [paragraph]);
    });
    await waitFor(() => proposal(anaPeer.doc, 'item-1').toString().includes(textMarker), 'the proposal relayed (so stored)');
    await waitFor(() => filesHold(db, textMarker) && filesHold(db, titleMarker), 'both markers in the database files');

    expect((await api(s.url, 'DELETE', `/api/meetings/${m.meetingId}`)).status).toBe(401);
    const byMember = await api(s.url, 'DELETE', `/api/meetings/${m.meetingId}`, undefined, ana.token);
    expect(byMember.status).toBe(403);
    expect(byMember.json.error).toBe('Only the facilitator may delete the meeting.');
    const other = await createMeeting(s.url);
    expect((await api(s.url, 'DELETE', `/api/meetings/${m.meetingId}`, undefined, other.token)).status).toBe(403);

    const done = await api(s.url, 'DELETE', `/api/meetings/${m.meetingId}`, undefined, m.token);
    expect(done.status).toBe(204);
    expect(done.text).toBe('');
    await waitFor(() => fran.closes.length > 0 && anaPeer.closes.length > 0, 'both sockets closed');
    expect([fran.closes, anaPeer.closes]).toEqual([[CLOSE.notFound], [CLOSE.notFound]]);
    expect(s.manager.room(m.meetingId)).toBeUndefined();

    expect(filesHold(db, textMarker)).toBe(false);
    expect(filesHold(db, titleMarker)).toBe(false);
    expect(filesHold(db, m.codes.member)).toBe(false);
    expect((await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, m.token)).status).toBe(404);
    expect((await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Ben', code: m.codes.member })).status).toBe(404);
    expect((await api(s.url, 'DELETE', `/api/meetings/${m.meetingId}`, undefined, m.token)).status).toBe(404);
    // the other meeting is untouched
    expect((await api(s.url, 'GET', `/api/meetings/${other.meetingId}/minutes.json`, undefined, other.token)).status).toBe(200);
  });

  it('[D3] a meeting with no room loaded is deleted from storage alone', async () => {
    const s = await server();
    const marker = unique('title');
    const m = await createMeeting(s.url, marker);
    await waitFor(() => s.manager.room(m.meetingId) === undefined, 'the room unloaded');
    expect((await api(s.url, 'DELETE', `/api/meetings/${m.meetingId}`, undefined, m.token)).status).toBe(204);
    expect(filesHold(joinPath(s.dataDir, 'consent.db'), marker)).toBe(false);
    expect(await s.storage.getMeeting(m.meetingId)).toBeNull();
  });
});

describe('RETENTION_DAYS', () => {
  const DAY = 24 * 3600 * 1000;

  /** The facilitator walks the meeting through every phase to closed; resolves once the room unloaded. */
  async function close(s: TestServer, meetingId: string, token: string): Promise<void> {
    const fran = peer(s, meetingId, token);
    await synced(fran);
    for (const to of ['opening', 'agenda', 'items', 'closing', 'closed'] as const) {
      movePhase(fran.doc, to);
      await waitFor(() => meta(s.manager.room(meetingId)!.doc).get('phase') === to, `the server in phase ${to}`);
    }
    fran.destroy();
    await waitFor(() => s.manager.room(meetingId) === undefined, 'the room unloaded');
  }

  it('[D4] a sweep deletes the meetings closed more than N days ago, by the server clock, and keeps the rest', async () => {
    let t = 1_800_000_000_000;
    const s = await server({ retentionDays: 30 }, { now: () => t });
    const closed = await createMeeting(s.url, 'Closed one');
    const open = await createMeeting(s.url, 'Still open');
    await close(s, closed.meetingId, closed.token);
    const closedAt = t;
    expect(await s.storage.closedBefore(Number.MAX_SAFE_INTEGER)).toEqual([closed.meetingId]);

    t = closedAt + 30 * DAY;
    expect(await s.retention!.sweep()).toEqual([]);
    t = closedAt + 30 * DAY + 1;
    expect(await s.retention!.sweep()).toEqual([closed.meetingId]);
    expect(await s.storage.getMeeting(closed.meetingId)).toBeNull();
    expect(await s.storage.getMeeting(open.meetingId)).not.toBeNull();
    expect(await s.retention!.sweep()).toEqual([]);
  });

  it('[D4] is off unless configured', async () => {
    const s = await server();
    expect(s.retention).toBeNull();
  });
});
