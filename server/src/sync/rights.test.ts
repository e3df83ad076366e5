// DESIGN §5 end to end: for each row of the rights table an allowed write
// reaches the other peers and the disk; a forbidden one reaches neither, and
// its sender is told why. Then the meeting's minutes in all three formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMeeting, type MeetingSnapshot } from '@consent/shared';
import {
  api,
  connectPeer,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  storedDoc,
  synced,
  waitFor,
  writeOnce,
  type Meeting,
  type Peer,
  type TestServer,
} from '../testing/harness.ts';
import { type Case, matrixCases, REVIEW, type Who } from './rightsMatrix.ts';

let s: TestServer;
let m: Meeting;
const ids = { fran: '', ann: '', ben: '', gil: '', olga: '' };
const tokens = { fran: '', ann: '', ben: '', gil: '', olga: '' };
let watcher: Peer;
const NOW = 1_800_000_000_000;
const started = Date.now();

/** One write by `who` from a fresh copy of the meeting; resolves with the refusal, if any. */
const act = (who: Who, write: (doc: Y.Doc) => void) => writeOnce(s.wsBase, m.meetingId, tokens[who], write);

const snap = (doc: Y.Doc): MeetingSnapshot => readMeeting(doc).meeting;

beforeAll(async () => {
  s = await startTestServer();
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  ids.fran = m.participantId;
  tokens.fran = m.token;
  for (const [who, role] of [
    ['ann', 'member'],
    ['ben', 'member'],
    ['gil', 'guest'],
    ['olga', 'observer'],
  ] as const) {
    const j = await join(s.url, m, who[0]!.toUpperCase() + who.slice(1), role);
    ids[who] = j.participantId;
    tokens[who] = j.token;
  }
  watcher = connectPeer(s.wsBase, m.meetingId, tokens.olga);
  await synced(watcher);
});
afterAll(async () => {
  watcher?.destroy();
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('rights matrix (DESIGN §5) over the wire', () => {
  const results: Array<{ c: Case; refusal: { rule: string; reason: string } | null }> = [];

  it('[R2–R14][M7] accepts each allowed write and refuses each forbidden one, telling the sender', async () => {
    for (const c of matrixCases(ids, NOW)) {
      const refusal = await act(c.who, c.write);
      results.push({ c, refusal });
      if (c.refused === null) expect(refusal, c.title).toBeNull();
      else {
        expect(refusal?.rule, c.title).toBe(c.refused);
        expect(refusal?.reason, c.title).toMatch(/\S/);
      }
    }
  });

  it('[R2–R14] relays the allowed writes to other peers and none of the forbidden ones', async () => {
    await waitFor(() => snap(watcher.doc).agenda[0]?.stage === 'decided', 'the last write at the watcher');
    const seen = snap(watcher.doc);
    for (const { c } of results) expect(c.visible(seen), c.title).toBe(c.refused === null);
  });

  it('logs the accepted moves with the server clock, and the decision', async () => {
    const log = snap(watcher.doc).log;
    const types = log.map((e) => e.type);
    expect(types.filter((t) => t === 'phase')).toHaveLength(3);
    expect(types.filter((t) => t === 'stage')).toHaveLength(5);
    expect(types).toContain('decision');
    // Clients stamp their writes with NOW (a later day); the log carries the server's clock.
    expect(log.every((e) => e.at >= started && e.at <= Date.now())).toBe(true);
  });

  it('[R3] an observer who comes back with a copy holding deletions is not refused', async () => {
    const copy = Y.encodeStateAsUpdate(watcher.doc);
    // the matrix rewrote entries, so the copy's delete set is not empty: the reconnect resends it
    expect(Y.decodeUpdate(copy).ds.clients.size).toBeGreaterThan(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, copy);
    const back = connectPeer(s.wsBase, m.meetingId, tokens.olga, { ack: true, doc });
    try {
      await synced(back);
      await waitFor(() => back.acks.length > 0, 'the server to handle the observer step 2');
      expect(back.refusals).toEqual([]);
    } finally {
      back.destroy();
    }
  });

  it('[R2–R14] stores the allowed writes and none of the forbidden ones (read from the database after a restart)', async () => {
    await s.close();
    const doc = await storedDoc(s.dataDir, m.meetingId);
    s = await startTestServer({ dataDir: s.dataDir });
    const stored = snap(doc);
    for (const { c } of results) expect(c.visible(stored), c.title).toBe(c.refused === null);
  });

  it('exports the minutes of the decided item in Markdown, HTML and JSON to any participant', async () => {
    const json = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, tokens.olga);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(/filename="garden-circle-\d{4}-\d{2}-\d{2}-minutes\.json"/);
    const minutes = json.json as unknown as {
      meeting: { id: string; title: string };
      items: Array<{ id: string; stage: string; consent: { state: string }; decision: unknown }>;
    };
    expect(minutes.meeting).toMatchObject({ id: m.meetingId, title: 'Garden circle' });
    expect(minutes.items[0]).toMatchObject({ id: 'i1', stage: 'decided', consent: { state: 'consented' } });
    expect(minutes.items[0]!.decision).toBeTruthy();
    // [C16] the term consented to is in the record
    expect(minutes.items[0]).toMatchObject({
      term: { reviewDate: REVIEW, measure: 'Half the beds sown by May' },
      decision: { reviewDate: REVIEW, measure: 'Half the beds sown by May' },
    });
    const md = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.md`, undefined, tokens.ann);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(md.text).toContain('Garden circle');
    expect(md.text).toContain('Buy seeds');
    expect(md.text).toContain('success measured by: Half the beds sown by May');
    const html = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.html`, undefined, tokens.fran);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.text).toMatch(/<html/i);
    expect(html.text).toContain('Buy seeds');
  });
});
