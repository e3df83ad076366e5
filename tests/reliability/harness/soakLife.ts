// The soak's unit of work, shared by the soak test and the memory probe: one
// meeting's life, and many of them run a few at a time.
import { clientFor, openMeeting } from './meeting.ts';
import type { ServerProcess } from './serverProcess.ts';
import { waitFor } from './wait.ts';
import { addItem, addParagraph } from './writes.ts';

/** One meeting's life: created, joined, written to by two people, one leaves and returns, all leave. */
export async function meetingLife(server: ServerProcess, n: number): Promise<void> {
  const meeting = await openMeeting(server.url, { Mia: 'member' });
  const fay = await clientFor(server.wsUrl, meeting, 'Fay', { ack: true });
  const mia = await clientFor(server.wsUrl, meeting, 'Mia', { ack: true });
  fay.setUser({ id: meeting.people.Fay!.participantId, name: 'Fay' });
  addItem(fay.doc, 'item-soak');
  addParagraph(fay.doc, 'item-soak', `meeting ${n}`);
  await waitFor(() => fay.durableClock === fay.ownClock, { what: 'facilitator writes stored' });
  await mia.close();
  await mia.reconnect(server.wsUrl);
  addParagraph(mia.doc, 'item-soak', 'back again');
  await waitFor(() => mia.durableClock === mia.ownClock, { what: 'member writes stored' });
  await waitFor(() => fay.doc.getXmlFragment('proposal/item-soak').length === 2, { what: 'relay to the facilitator' });
  await Promise.all([fay.close(), mia.close()]);
  fay.destroy();
  mia.destroy();
}

/** `count` meeting lives, `concurrency` at a time, numbered from `first`. */
export async function meetingLives(server: ServerProcess, count: number, { concurrency = 8, first = 0 } = {}): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await meetingLife(server, first + next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
