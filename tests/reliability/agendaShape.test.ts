// Regression: nested Yjs types inside agenda items (rule P4). An agenda item's
// entries are plain JSON; a facilitator's update that nests a Y.Text or Y.Map
// in one, or pushes something other than a Y.Map into the agenda, makes every
// reader drop the item as invalid. Such an update must be refused whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agenda, readMeeting } from '@consent/shared';
import { filesContaining } from './harness/database.ts';
import { clientFor, openMeeting, type Meeting } from './harness/meeting.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import { SyncClient } from './harness/syncClient.ts';
import { waitFor } from './harness/wait.ts';
import { addItem, addParagraph } from './harness/writes.ts';

const ITEM = 'item-shape';
const itemMap = (doc: Y.Doc) => agenda(doc).get(0);

const CASES: { name: string; forge: (doc: Y.Doc, marker: string) => void }[] = [
  { name: 'a Y.Text as an agenda item title', forge: (doc, m) => itemMap(doc).set('title', new Y.Text(m)) },
  {
    name: 'a Y.Map with content under a new key of an agenda item',
    forge: (doc, m) => {
      const nested = new Y.Map<unknown>();
      itemMap(doc).set('extra', nested);
      nested.set('x', m);
    },
  },
  { name: 'a Y.Text pushed into the agenda', forge: (doc, m) => agenda(doc).push([new Y.Text(m) as unknown as Y.Map<unknown>]) },
];

describe('[P4] nested content in agenda items', () => {
  const server = new ServerProcess();
  let meeting: Meeting;
  let max: SyncClient;

  beforeAll(async () => {
    await server.start();
    meeting = await openMeeting(server.url, { Max: 'member' });
    const fay = await clientFor(server.wsUrl, meeting, 'Fay', { ack: true });
    addItem(fay.doc, ITEM);
    await waitFor(() => fay.durableClock === fay.ownClock, { what: 'agenda item stored' });
    fay.disconnect();
    max = await clientFor(server.wsUrl, meeting, 'Max', { ack: true });
  });
  afterAll(async () => {
    max.disconnect();
    await server.dispose();
  });

  for (const [i, c] of CASES.entries()) {
    it(`[P4] refuses ${c.name} from the facilitator; the item stays readable everywhere`, async () => {
      const marker = `FORGED-agenda-${i}`;
      const fay = await clientFor(server.wsUrl, meeting, 'Fay', { ack: true });
      c.forge(fay.doc, marker);
      await waitFor(() => fay.refusals.length > 0, { timeoutMs: 3_000, what: 'the refusal' });
      expect(fay.refusals[0]!.rule).toBe('P4');
      // the facilitator's next honest write reaches Max: the forgery is behind it
      addParagraph(fay.doc, ITEM, 'after');
      const clock = fay.ownClock;
      await waitFor(() => Y.getState(max.doc.store, fay.doc.clientID) >= clock, { what: 'the next honest write' });
      fay.disconnect();
      expect(readMeeting(max.doc).meeting.agenda.map((item) => item.id)).toEqual([ITEM]);
      expect(readMeeting(max.doc).ignored).toEqual([]);
      expect(Buffer.from(Y.encodeStateAsUpdate(max.doc)).includes(marker)).toBe(false);
    });
  }

  it('keeps none of them on disk after kill -9 and a restart', async () => {
    await server.kill9();
    await server.start();
    const reader = new SyncClient(meeting.meetingId, meeting.people.Max!.token);
    await reader.connectAndSync(server.wsUrl);
    reader.disconnect();
    expect(readMeeting(reader.doc).ignored).toEqual([]);
    expect(CASES.flatMap((_c, i) => filesContaining(server.dataDir, `FORGED-agenda-${i}`))).toEqual([]);
  });
});
