// Measures checkUpdate on a realistic meeting document: the time the server
// spends judging one incoming keystroke. Prints medians; never fails on a time.
// Run: cd server && npx tsx ../shared/bench/checkUpdate.ts
import * as Y from 'yjs';
import { addAgendaItem, addParticipant, createMeeting, givePosition, openRound, raiseObjection, writeNote } from '../src/commands.ts';
import { checkUpdate } from '../src/checkUpdate.ts';
import { proposal } from '../src/schema.ts';
import { proposalNodes } from '../src/revision.ts';
import { proposalPlainText } from '../src/minutes/proposalText.ts';
import { movePhase } from '../src/commands.ts';
import type { Actor } from '../src/types.ts';

const NOW = 1_700_000_000_000;
const server = new Y.Doc();
createMeeting(server, { title: 'Quarterly', circle: 'Ops', aim: 'Keep going', facilitatorId: 'p0', facilitatorName: 'P0', now: NOW });
for (let i = 1; i < 10; i++) addParticipant(server, `p${i}`, { name: `Person ${i}`, role: i < 8 ? 'member' : 'guest', now: NOW });
for (let i = 1; i <= 5; i++) addAgendaItem(server, { id: `item${i}`, title: `Item ${i}`, kind: 'consent', ownerId: 'p1', timeboxMin: 15 });

// three typists write every proposal char by char, interleaved, synced after each keystroke
const typists = [0, 1, 2].map(() => {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
  d.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === 'sync') return;
    Y.applyUpdate(server, u, 'sync');
  });
  return d;
});
const sync = (d: Y.Doc): void => Y.applyUpdate(d, Y.encodeStateAsUpdate(server, Y.encodeStateVector(d)), 'sync');
const words = 'the circle consents to buy a quiet kettle for the kitchen and reviews it in spring '.split(' ');
for (let item = 1; item <= 5; item++) {
  for (const d of typists) {
    sync(d);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('')]);
    const f = proposal(d, `item${item}`);
    f.insert(f.length, [p]);
  }
  for (let n = 0; n < 800; n++) {
    const d = typists[n % 3]!;
    sync(d);
    const text = (proposal(d, `item${item}`).get(n % 3) as Y.XmlElement).get(0) as Y.XmlText;
    const w = `${words[n % words.length]} `;
    text.insert(Math.floor((text.length * ((n * 7) % 10)) / 10), w.slice(0, 1 + (n % 3)));
  }
}
openRound(server, 'item1', { kind: 'consent', order: ['p0', 'p1', 'p2'], now: NOW });
for (let i = 0; i < 8; i++) givePosition(server, 'item1', `p${i}`, 'consent', NOW);
raiseObjection(server, { id: 'o1', itemId: 'item1', authorId: 'p3', kind: 'concern', text: 'Noise', now: NOW });
writeNote(server, 'opening', 'Everyone arrived on time. '.repeat(20));

const size = Y.encodeStateAsUpdate(server).byteLength;
const chars = [1, 2, 3, 4, 5].map((i) => proposalPlainText(proposalNodes(proposal(server, `item${i}`))).length);
const structs = [...(server.store as unknown as { clients: Map<number, unknown[]> }).clients.values()].reduce((n, l) => n + l.length, 0);

const peer = new Y.Doc();
Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
const actor: Actor = { kind: 'participant', participantId: 'p2' };
const facilitator: Actor = { kind: 'participant', participantId: 'p0' };

function measure(label: string, n: number, make: (i: number) => void): void {
  const times: number[] = [];
  let refused = 0;
  for (let i = 0; i < n; i++) {
    let update: Uint8Array | null = null;
    const grab = (u: Uint8Array): void => void (update = u);
    peer.on('update', grab);
    make(i);
    peer.off('update', grab);
    const t0 = performance.now();
    const result = checkUpdate(server, update!, actor);
    times.push(performance.now() - t0);
    if (!result.ok) refused++;
    Y.applyUpdate(server, update!);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): string => `${(times[Math.floor(q * (times.length - 1))]! * 1000).toFixed(1)} µs`;
  console.log(
    `${label.padEnd(34)} median ${at(0.5)}  p90 ${at(0.9)}  p99 ${at(0.99)}  (${n} updates${refused ? `, ${refused} refused` : ''})`,
  );
}

console.log(`document: ${size} bytes encoded, ${structs} structs, proposals of ${chars.join('/')} characters, 10 participants, 5 items`);
const textOf = (i: number): Y.XmlText => (proposal(peer, `item${1 + (i % 5)}`).get(i % 3) as Y.XmlElement).get(0) as Y.XmlText;
for (let round = 0; round < 2; round++) {
  measure('keystroke (insert 1 char)', 3000, (i) => textOf(i).insert(Math.floor(textOf(i).length / 2), 'x'));
  measure('backspace (delete 1 char)', 3000, (i) => textOf(i).delete(Math.floor(textOf(i).length / 3), 1));
  measure('position (own, overwrite)', 1000, (i) => givePosition(peer, 'item1', 'p2', i % 2 ? 'consent' : 'concern', NOW + i));
  measure('forged position (refused)', 1000, (i) => givePosition(peer, 'item1', 'p5', i % 2 ? 'consent' : 'concern', NOW + i));
}

// a phase move reads the whole meeting (readMeeting) once: rare, and measured apart
{
  let update: Uint8Array | null = null;
  peer.on('update', (u: Uint8Array) => void (update = u));
  movePhase(peer, 'opening');
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    checkUpdate(server, update!, facilitator);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${'phase move (reads the snapshot)'.padEnd(34)} median ${(times[100]! * 1000).toFixed(1)} µs`);
}
