// [F1–F6] Facilitator handover over real websockets: the server watches the
// facilitator's awareness presence, and with an injected clock (no sleeping)
// lets the co-facilitator take over once they have been gone for a minute, or a
// present member whom the others present consent to.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { FACILITATOR_AWAY_MS, movePhase, nameCoFacilitator, readMeeting } from '@consent/shared';
import {
  api,
  connectPeer,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  synced,
  waitFor,
  writeOnce,
  type Meeting,
  type Peer,
  type TestServer,
} from '../testing/harness.ts';

let s: TestServer;
let m: Meeting;
let clock = 1_800_000_000_000;
const who: Record<string, { id: string; token: string; name: string }> = {};
let online: Record<string, Peer> = {};

const path = (rest: string) => `/api/meetings/${m.meetingId}/${rest}`;
const post = (name: string, rest: string, body?: unknown) => api(s.url, 'POST', path(rest), body, who[name]!.token);
const as = (name: string, write: (d: Y.Doc) => void) => writeOnce(s.wsBase, m.meetingId, who[name]!.token, write);

/** Opens a board for `name`: a standard provider announcing its user in awareness. */
async function arrive(name: string): Promise<Peer> {
  const p = connectPeer(s.wsBase, m.meetingId, who[name]!.token);
  p.provider.awareness.setLocalStateField('user', { id: who[name]!.id, name: who[name]!.name, color: '#336699' });
  online[name] = p;
  await synced(p);
  return p;
}
const leave = (name: string) => {
  online[name]!.destroy();
  delete online[name];
};
const watcher = () => Object.values(online)[0]!;
const snap = () => readMeeting(watcher().doc).meeting;

beforeEach(async () => {
  s = await startTestServer({}, { now: () => clock });
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  who.fran = { id: m.participantId, token: m.token, name: 'Fran' };
  for (const name of ['Ann', 'Ben', 'Cleo']) {
    const j = await join(s.url, m, name);
    who[name.toLowerCase()] = { id: j.participantId, token: j.token, name };
  }
  for (const name of ['fran', 'ann', 'ben', 'cleo']) await arrive(name);
  expect(await as('fran', (d) => movePhase(d, 'opening'))).toBeNull();
});
afterEach(async () => {
  for (const name of Object.keys(online)) leave(name);
  online = {};
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('facilitator handover', () => {
  it('[F3][F4][F6] the co-facilitator takes over once the facilitator has had no presence for a minute, not before; logged', async () => {
    expect(await as('fran', (d) => nameCoFacilitator(d, who.ann!.id))).toBeNull();
    await waitFor(() => snap().meta.coFacilitatorId === who.ann!.id, 'the co-facilitator');
    expect((await post('ann', 'facilitation/take-over')).json.error).toContain('is here and facilitates');
    leave('fran');
    await waitFor(() => snap().handover?.away?.participantId === who.fran!.id, 'the absence to be published');
    expect(snap().handover?.away).toEqual({ participantId: who.fran!.id, since: clock, takeoverAt: clock + FACILITATOR_AWAY_MS });
    clock += FACILITATOR_AWAY_MS - 1000;
    const early = await post('ann', 'facilitation/take-over');
    expect(early).toMatchObject({
      status: 409,
      json: { error: 'Fran left only a moment ago; someone may take over in 1 seconds if they do not come back.' },
    });
    expect((await post('ben', 'facilitation/take-over')).status).toBe(403);
    clock += 1000;
    expect(await post('ann', 'facilitation/take-over')).toMatchObject({ status: 200, json: { facilitatorId: who.ann!.id } });
    await waitFor(() => snap().meta.facilitatorId === who.ann!.id, 'Ann to facilitate');
    expect(snap().meta.coFacilitatorId).toBeNull();
    expect(snap().handover).toEqual({});
    expect(snap().log.at(-1)).toMatchObject({ type: 'facilitator', from: who.fran!.id, to: who.ann!.id, how: 'takeover', at: clock });
    // the meeting is no longer stuck: Ann moves it on, and Fran no longer writes meta [R5]
    expect(await as('ann', (d) => movePhase(d, 'agenda'))).toBeNull();
    expect(await as('fran', (d) => movePhase(d, 'items'))).toMatchObject({ rule: 'R5' });
    // the facilitator's HTTP routes follow the document, not the role the token was issued with
    expect((await api(s.url, 'GET', path('codes'), undefined, who.fran!.token)).status).toBe(403);
    expect((await api(s.url, 'GET', path('codes'), undefined, who.ann!.token)).status).toBe(200);
  });

  it('[F3] the facilitator coming back clears the absence, and a takeover is refused again', async () => {
    expect(await as('fran', (d) => nameCoFacilitator(d, who.ann!.id))).toBeNull();
    leave('fran');
    await waitFor(() => snap().handover?.away !== undefined, 'the absence');
    clock += FACILITATOR_AWAY_MS;
    await arrive('fran');
    await waitFor(() => snap().handover?.away === undefined, 'the absence to be cleared');
    expect((await post('ann', 'facilitation/take-over')).status).toBe(409);
    expect(snap().meta.facilitatorId).toBe(who.fran!.id);
  });

  it('[F5] without a co-facilitator, a present member proposes themselves and takes over when every other present member consents', async () => {
    leave('fran');
    await waitFor(() => snap().handover?.away !== undefined, 'the absence');
    clock += FACILITATOR_AWAY_MS;
    expect(await post('ben', 'facilitation/proposal')).toMatchObject({
      status: 200,
      json: { proposal: { candidateId: who.ben!.id, waitingFor: [who.ann!.id, who.cleo!.id].sort() } },
    });
    expect((await post('ben', 'facilitation/answer', { answer: 'consent' })).status).toBe(409);
    expect((await post('cleo', 'facilitation/proposal')).json.error).toContain('Ben has already proposed');
    expect(await post('ann', 'facilitation/answer', { answer: 'consent' })).toMatchObject({
      status: 200,
      json: { facilitatorId: who.fran!.id, proposal: { waitingFor: [who.cleo!.id] } },
    });
    expect(await post('cleo', 'facilitation/answer', { answer: 'consent' })).toMatchObject({
      status: 200,
      json: { facilitatorId: who.ben!.id, proposal: null },
    });
    await waitFor(() => snap().meta.facilitatorId === who.ben!.id, 'Ben to facilitate');
    expect(snap().log.at(-1)).toMatchObject({ type: 'facilitator', from: who.fran!.id, to: who.ben!.id, how: 'consent' });
  });

  it('[F5] one objection ends the proposal; members who are not online are not asked', async () => {
    leave('fran');
    leave('cleo');
    await waitFor(() => snap().handover?.away !== undefined, 'the absence');
    clock += FACILITATOR_AWAY_MS;
    expect(await post('ben', 'facilitation/proposal')).toMatchObject({ json: { proposal: { waitingFor: [who.ann!.id] } } });
    expect(await post('ann', 'facilitation/answer', { answer: 'object' })).toMatchObject({
      status: 200,
      json: { proposal: null, facilitatorId: who.fran!.id },
    });
    await waitFor(() => snap().handover?.proposal === undefined, 'the proposal to end');
    expect(await post('cleo', 'facilitation/proposal')).toMatchObject({ status: 403 });
    expect(await post('ann', 'facilitation/answer', { answer: 'maybe' })).toMatchObject({ status: 400, json: { field: 'answer' } });
  });
});
