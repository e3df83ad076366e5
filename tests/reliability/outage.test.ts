// Scenario 2, outage and offline: the server goes down while three people keep
// editing; one of them also closes the board and opens it again from its saved
// local state. When the server is back, every copy converges on every edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clientFor, openMeeting, type Meeting } from './harness/meeting.ts';
import { pick, report, SCENARIO_TIMEOUT } from './harness/mode.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import { SyncClient } from './harness/syncClient.ts';
import { tick, waitFor } from './harness/wait.ts';
import { addItem, addParagraph, paragraphs } from './harness/writes.ts';

/** How long the server stays down: a scenario parameter, not a synchronisation. */
const OUTAGE_MS = pick(5_000, 60_000);
const ITEM = 'item-outage';

describe('outage and offline editing', () => {
  const server = new ServerProcess();
  let meeting: Meeting;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    await server.start();
    // both type into the proposal, which guests do not edit (R12): members
    meeting = await openMeeting(server.url, { Mia: 'member', Gus: 'member' });
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server.dispose();
  });

  it(
    `converges on every edit after a ${OUTAGE_MS / 1000} s outage, including a client restarted from its saved state`,
    async () => {
      const fay = await clientFor(server.wsUrl, meeting, 'Fay', { ack: true });
      addItem(fay.doc, ITEM);
      const mia = await clientFor(server.wsUrl, meeting, 'Mia', { ack: true });
      const gus = await clientFor(server.wsUrl, meeting, 'Gus', { ack: true });
      clients.push(fay, mia, gus);
      await waitFor(() => clients.every((c) => c.doc.getArray('agenda').length === 1), { what: 'agenda item everywhere' });

      const bodies = new Map<SyncClient, Y.XmlText>(clients.map((c, i) => [c, addParagraph(c.doc, ITEM, `p${i}:`)]));
      const tokens: { token: string; by: SyncClient }[] = [];
      let n = 0;
      const edit = (c: SyncClient, body: Y.XmlText, phase: string) => {
        const token = `${phase}${n++}`;
        body.insert(body.length, ` ${token}`);
        tokens.push({ token, by: c });
      };
      for (let i = 0; i < 30; i += 1) for (const c of clients) edit(c, bodies.get(c)!, 'on');
      const online = tokens.length;
      await waitFor(() => clients.every((c) => c.durableClock === c.ownClock), { what: 'online edits durable' });

      // The outage: the process dies; everyone keeps typing for OUTAGE_MS.
      await server.kill9();
      await waitFor(() => clients.every((c) => !c.isOpen), { what: 'clients to see the outage' });
      const downAt = Date.now();
      let saved: Uint8Array | null = null;
      let savedAfter = 0;
      while (Date.now() - downAt < OUTAGE_MS) {
        for (const c of clients) edit(c, bodies.get(c)!, 'off');
        // Halfway, Gus's board saves its local state (as y-indexeddb does on every change)...
        if (!saved && Date.now() - downAt > OUTAGE_MS / 2) {
          saved = Y.encodeStateAsUpdate(gus.doc);
          savedAfter = tokens.length;
        }
        await tick(20);
      }
      // ...and is then closed: what Gus typed after the save was never stored anywhere.
      const lostWithTab = new Set(
        tokens
          .slice(savedAfter)
          .filter((t) => t.by === gus)
          .map((t) => t.token),
      );
      gus.disconnect();
      const reopened = new SyncClient(meeting.meetingId, meeting.people.Gus!.token, { ack: true });
      Y.applyUpdate(reopened.doc, saved!);
      const restoredParagraphs = paragraphs(reopened.doc, ITEM).length;
      const reopenedBody = addParagraph(reopened.doc, ITEM, 'reopened:');
      for (let i = 0; i < 10; i += 1) edit(reopened, reopenedBody, 're');
      const offlineEdits = tokens.length - online;

      await server.start();
      const live = [fay, mia, reopened];
      await Promise.all(live.map((c) => c.connectAndSync(server.wsUrl)));
      const reader = new SyncClient(meeting.meetingId, meeting.people.Fay!.token);
      await waitFor(() => live.every((c) => c.durableClock === c.ownClock), { timeoutMs: 30_000, what: 'offline edits durable' });
      await reader.connectAndSync(server.wsUrl);
      const all = [...live, reader];
      const sv = (c: SyncClient) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64');
      await waitFor(() => all.every((c) => sv(c) === sv(reader)), { timeoutMs: 30_000, what: 'all copies to converge' });
      reader.disconnect();

      const expected = tokens.map((t) => t.token).filter((t) => !lostWithTab.has(t));
      const finalText = paragraphs(reader.doc, ITEM).join('\n');
      const missing = expected.filter((t) => !new RegExp(` ${t}(?!\\d)`).test(finalText));
      const texts = all.map((c) => paragraphs(c.doc, ITEM).join('\n'));

      report('2 outage and offline', {
        outageMs: OUTAGE_MS,
        editsOnline: online,
        editsOffline: offlineEdits,
        notSavedBeforeTabClosed: lostWithTab.size,
        expected: expected.length,
        missing: missing.length,
        converged: new Set(texts).size === 1,
        restoredParagraphs,
      });
      expect(missing).toEqual([]);
      expect(new Set(texts).size).toBe(1);
      expect(restoredParagraphs).toBe(3);
      expect(server.unexpectedExits).toEqual([]);
    },
    SCENARIO_TIMEOUT,
  );
});
