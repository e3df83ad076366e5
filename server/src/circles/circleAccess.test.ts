// Circle access across a restart and into meetings that changed since they were
// created: closed, or with the member removed by the meeting's facilitator (CI12, CI15).
import { afterEach, describe, expect, it } from 'vitest';
import { meta, movePhase, PHASES, type CircleView, type EnteredMeeting, type Phase, type PersonalLink } from '@consent/shared';
import { api, connectPeer, serversPerTest, synced, waitFor, type Peer, type TestServer } from '../testing/harness.ts';
import { circleWith } from './testing.ts';

const start = serversPerTest();
const peers: Peer[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.destroy();
});

async function closeMeeting(s: TestServer, m: EnteredMeeting): Promise<void> {
  const fac = connectPeer(s.wsBase, m.meetingId, m.token, { ack: true });
  peers.push(fac);
  await synced(fac);
  for (const to of PHASES.slice(1)) movePhase(fac.doc, to as Phase);
  await waitFor(() => meta(s.manager.room(m.meetingId)!.doc).get('phase') === 'closed', 'the meeting closed on the server');
}

describe('circle access over time', () => {
  it('[CI15] a circle, its members and their credentials survive a restart of the server', async () => {
    const s = await start();
    const c = await circleWith(s.url, [['Sam', 'member']]);
    await s.close();
    const again = await start({ dataDir: s.dataDir });
    const v = await api(again.url, 'GET', `/api/circles/${c.circleId}`, undefined, c.who.sam!.credential);
    expect(v.status).toBe(200);
    expect((v.json as unknown as CircleView).members.map((m) => m.name)).toEqual(['Fay', 'Sam']);
  });

  it('[CI12] a closed meeting opens for the members it seated, and takes nobody new', async () => {
    const s = await start();
    const c = await circleWith(s.url, [['Sam', 'member']]);
    const path = (rest: string) => `/api/circles/${c.circleId}${rest}`;
    const m = (await api(s.url, 'POST', path('/meetings'), {}, c.who.fay!.credential)).json as unknown as EnteredMeeting;
    await closeMeeting(s, m);
    const link = (await api(s.url, 'POST', path('/members'), { memberName: 'Nia', role: 'member' }, c.who.fay!.credential))
      .json as unknown as PersonalLink;
    const nia = (await api(s.url, 'POST', path('/redeem'), { code: link.code })).json as { credential: string };
    expect(await api(s.url, 'POST', path(`/meetings/${m.meetingId}/enter`), undefined, nia.credential)).toMatchObject({
      status: 409,
      json: { error: expect.stringContaining('This meeting is closed') },
    });
    const sam = await api(s.url, 'POST', path(`/meetings/${m.meetingId}/enter`), undefined, c.who.sam!.credential);
    expect(sam).toMatchObject({ status: 200, json: { role: 'member' } });
    // reading the record of a closed meeting does not make Sam arrive in it
    const peer = connectPeer(s.wsBase, m.meetingId, String(sam.json.token));
    peers.push(peer);
    await synced(peer);
    expect(peer.doc.getMap('participants').get(c.who.sam!.personId)).toMatchObject({ present: false });
  });

  it('[CI12] a member the meeting’s facilitator removed does not enter that meeting again', async () => {
    const s = await start();
    const c = await circleWith(s.url, [['Sam', 'member']]);
    const path = (rest: string) => `/api/circles/${c.circleId}${rest}`;
    const m = (await api(s.url, 'POST', path('/meetings'), {}, c.who.fay!.credential)).json as unknown as EnteredMeeting;
    expect(
      (await api(s.url, 'DELETE', `/api/meetings/${m.meetingId}/participants/${c.who.sam!.personId}`, undefined, m.token)).status,
    ).toBe(200);
    expect(await api(s.url, 'POST', path(`/meetings/${m.meetingId}/enter`), undefined, c.who.sam!.credential)).toMatchObject({
      status: 403,
      json: { error: 'The facilitator removed you from this meeting.' },
    });
    expect((await api(s.url, 'GET', path(''), undefined, c.who.sam!.credential)).status).toBe(200);
  });
});
