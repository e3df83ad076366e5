// Regression: awareness states under made-up client ids. The awareness rule
// lets a connection set the states of client ids it introduced, each under its
// own identity; nothing bounded how many. One member could register hundreds
// of thousands of states: the server keeps them all, and relays them to every
// peer, whose board keeps them too. A client has one awareness id (its
// document's), rarely a second one; the server must keep no more than a few.
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE } from '@consent/shared';
import { clientFor, openMeeting, type Meeting } from './harness/meeting.ts';
import { mib, report } from './harness/mode.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import type { SyncClient } from './harness/syncClient.ts';

const FRAMES = 100;
const PER_FRAME = 5_000;
/** More than any honest client needs (its document's id, and a new one after an id clash). */
const FEW = 16;

describe('awareness under made-up client ids', () => {
  const server = new ServerProcess();
  let meeting: Meeting;
  let max: SyncClient;
  let mia: SyncClient;

  beforeAll(async () => {
    await server.start();
    meeting = await openMeeting(server.url, { Mia: 'member', Max: 'member' });
    max = await clientFor(server.wsUrl, meeting, 'Max');
    mia = await clientFor(server.wsUrl, meeting, 'Mia');
  });
  afterAll(async () => {
    max.disconnect();
    mia.disconnect();
    await server.dispose();
  });

  it(`keeps a few states of one connection, not ${FRAMES * PER_FRAME}, and relays no more`, async () => {
    const rssBefore = server.rss();
    const state = JSON.stringify({ user: { id: meeting.people.Mia!.participantId, name: 'Mia', color: '#e91e63' } });
    let clientId = 1;
    for (let f = 0; f < FRAMES; f += 1) {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, PER_FRAME);
      for (let i = 0; i < PER_FRAME; i += 1) {
        encoding.writeVarUint(inner, clientId++);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, state);
      }
      const frame = encoding.createEncoder();
      encoding.writeVarUint(frame, MESSAGE.awareness);
      encoding.writeVarUint8Array(frame, encoding.toUint8Array(inner));
      mia.send(encoding.toUint8Array(frame));
      // keep within the frame rate limit; the round trip also orders what follows
      if (f % 10 === 9) await mia.roundTrip().catch(() => undefined);
    }
    await mia.roundTrip().catch(() => undefined);
    // Max's round trip comes after the awareness relay of the same turns
    await max.roundTrip();
    await max.roundTrip();
    const seenByMax = max.awareness.getStates().size;
    const growth = server.rss() - rssBefore;
    report('5 floods: awareness under made-up client ids', {
      statesSent: clientId - 1,
      statesSeenByPeer: seenByMax,
      rssGrowthMiB: mib(growth),
    });
    expect(seenByMax).toBeLessThanOrEqual(FEW);
    expect(growth).toBeLessThan(50 * 1024 * 1024);
  });
});
