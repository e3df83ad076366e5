// [C16] A decided item's consent record is frozen when the decision is recorded:
// over the wire, later attendance changes, joins and late positions leave the
// minutes' record of the item byte for byte as it was, and forged writes to the
// frozen record are refused and never stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { daysFromToday } from '@consent/shared/testing/dates';
import {
  addAgendaItem,
  appendLog,
  givePosition,
  log,
  movePhase,
  moveStage,
  openRound,
  proposal,
  readMeeting,
  recordDecision,
  setPresent,
  setTerm,
  type LogEvent,
} from '@consent/shared';
import {
  api,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  storedDoc,
  writeOnce,
  type Meeting,
  type TestServer,
} from '../testing/harness.ts';

let s: TestServer;
let m: Meeting;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const NOW = 1_800_000_000_000;

const as = (who: string, write: (doc: Y.Doc) => void) => writeOnce(s.wsBase, m.meetingId, tokens[who]!, write);

async function allowed(who: string, write: (doc: Y.Doc) => void): Promise<void> {
  expect(await as(who, write)).toBeNull();
}

/** The item's part of the minutes: its JSON entry, and its Markdown section. */
async function recordOfItem(): Promise<{ json: string; markdown: string }> {
  const json = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, tokens.fran);
  const md = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.md`, undefined, tokens.fran);
  expect(json.status).toBe(200);
  const item = (json.json as unknown as { items: unknown[] }).items[0];
  const section = /### 1\. [\s\S]*?(?=\n## )/.exec(md.text)?.[0] ?? '';
  return { json: JSON.stringify(item), markdown: section };
}

const decisions = (events: readonly LogEvent[]) => events.filter((e) => e.type === 'decision');

beforeAll(async () => {
  s = await startTestServer();
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  tokens.fran = m.token;
  ids.fran = m.participantId;
  for (const name of ['Ann', 'Ben']) {
    const j = await join(s.url, m, name, 'member');
    tokens[name.toLowerCase()] = j.token;
    ids[name.toLowerCase()] = j.participantId;
  }
  for (const to of ['opening', 'agenda', 'items'] as const) await allowed('fran', (d) => movePhase(d, to));
  await allowed('fran', (d) => addAgendaItem(d, { id: 'i1', title: 'Buy seeds', kind: 'consent', ownerId: ids.ann!, timeboxMin: 20 }));
  await allowed('ann', (d) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('We buy heirloom seeds.')]);
    proposal(d, 'i1').insert(0, [p]);
  });
  await allowed('ann', (d) => setTerm(d, 'i1', { reviewDate: daysFromToday(150), measure: 'Beds sown by May' }));
  for (const to of ['present', 'clarify', 'react', 'consent'] as const) await allowed('fran', (d) => moveStage(d, 'i1', to));
  await allowed('fran', (d) => openRound(d, 'i1', { kind: 'consent', order: [ids.fran!, ids.ann!, ids.ben!], now: NOW }));
  for (const who of ['fran', 'ann', 'ben'])
    await allowed(who, (d) => givePosition(d, 'i1', ids[who]!, who === 'ben' ? 'concern' : 'consent', NOW));
  await allowed('fran', (d) => recordDecision(d, 'i1'));
});
afterAll(async () => {
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('[C16] the consent record of a decided item is frozen at the decision', () => {
  let atDecision: { json: string; markdown: string };

  it('[C16] the minutes show the record of the decision', async () => {
    atDecision = await recordOfItem();
    expect(JSON.parse(atDecision.json)).toMatchObject({
      stage: 'decided',
      consent: { state: 'consented', eligible: [ids.ann, ids.ben, ids.fran].sort(), concerns: [ids.ben] },
      recordFrozen: { reason: 'decision', by: { name: 'Fran' } },
    });
    expect(atDecision.markdown).toContain('_As recorded at the decision,');
    expect(atDecision.markdown).toMatch(/Consented: (Ann|Fran), (Ann|Fran)\\\nWith a concern: Ben/);
  });

  it('[C16][R18] attendance changes, a new member and late positions leave it byte for byte as it was', async () => {
    await allowed('fran', (d) => setPresent(d, ids.ann!, false));
    const lou = await join(s.url, m, 'Lou', 'member');
    tokens.lou = lou.token;
    expect(await as('lou', (d) => givePosition(d, 'i1', lou.participantId, 'object', NOW + 1))).toMatchObject({
      rule: 'R18',
      reason: /i1" is decided/,
    });
    expect(await as('ben', (d) => givePosition(d, 'i1', ids.ben!, 'object', NOW + 1))).toMatchObject({ rule: 'R18' });
    const after = await recordOfItem();
    // the live document has moved on: Ann is absent and Lou is a present member
    const minutes = (await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, tokens.fran)).json as unknown as {
      attendance: { name: string; present: boolean }[];
    };
    expect(minutes.attendance).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Ann', present: false }),
        expect.objectContaining({ name: 'Lou', present: true }),
      ]),
    );
    expect(after.json).toBe(atDecision.json);
    expect(after.markdown).toBe(atDecision.markdown);
  });

  it('[R2] a forged decision and the removal of the frozen one are refused, and not stored', async () => {
    const forged: LogEvent = {
      type: 'decision',
      at: NOW,
      actorId: ids.fran!,
      itemId: 'i1',
      text: 'Forged',
      revision: 'r',
      reviewDate: null,
      consented: [ids.fran!],
      concerns: [],
    };
    expect(await as('fran', (d) => appendLog(d, [forged]))).toMatchObject({ rule: 'R2' });
    expect(
      await as('fran', (d) => {
        const at = log(d)
          .toArray()
          .findIndex((e) => (e as { type?: string }).type === 'decision');
        log(d).delete(at, 1);
      }),
    ).toMatchObject({ rule: 'R2' });
    await s.close();
    const doc = await storedDoc(s.dataDir, m.meetingId);
    s = await startTestServer({ dataDir: s.dataDir });
    const stored = decisions(readMeeting(doc).meeting.log);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ text: 'We buy heirloom seeds.', record: JSON.parse(atDecision.json).consent });
    expect(await recordOfItem()).toEqual(atDecision);
  });
});
