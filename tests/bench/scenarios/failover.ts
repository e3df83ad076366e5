// Failover: a writer connected through one node to a meeting another node owns;
// the owner is killed (SIGKILL). The forwarding node closes the writer's socket
// (4010), the writer reconnects as y-websocket does (after 100 ms, doubling per
// failed attempt, at most 2.5 s) to the same node, which takes the meeting once
// the dead owner's lease expires by the database's clock. Timed from the kill to
// the first acknowledged write (`?ack=1`: the write durable on the new owner).
import { BenchClient, counters } from '../load/client.ts';
import { sleep } from '../load/drive.ts';
import { FRAGMENT, openMeeting, waitFor } from '../load/room.ts';
import { Typist } from '../load/typist.ts';
import type { Cluster, Node } from '../cluster/nodes.ts';

const BACKOFF_START_MS = 100;
const BACKOFF_MAX_MS = 2500;
/** One failover that has not written by then is counted as failed. */
const GIVE_UP_MS = 30_000;

let seed = 90_000;

/** Opens a client and waits until it is synced, or until its socket closed first (false). */
async function connect(node: Node, meetingId: string, token: string, clientID: number): Promise<BenchClient | null> {
  const c = new BenchClient({ kind: 'ours', base: node.target.ws, room: meetingId, token, ack: true }, clientID);
  c.opened.catch(() => {});
  let closed = false;
  c.ws.once('close', () => {
    closed = true;
  });
  await waitFor(() => closed || c.ws.readyState === c.ws.OPEN, GIVE_UP_MS, 'socket open or closed');
  const synced = c.synced.then(() => true);
  const ended = new Promise<false>((resolve) => c.ws.once('close', () => resolve(false)));
  if (closed || !(await Promise.race([synced, ended]))) {
    counters.closedUnexpectedly--; // refused while the meeting had no owner: expected here
    return null;
  }
  return c;
}

/** Sends the typist's next keystroke; resolves when acknowledged (true) or the socket closed first (false). */
async function ackedWrite(c: BenchClient, typist: Typist): Promise<boolean> {
  const before = c.ackLatencies.length;
  c.sendUpdate(typist.next().update);
  let closed = false;
  c.ws.once('close', () => {
    closed = true;
  });
  await waitFor(() => closed || c.ackLatencies.length > before, GIVE_UP_MS, 'an acknowledged write');
  return !closed;
}

/** One failover; answers ms from the kill to the first acknowledged write, and the killed node's replacement. */
export async function oneFailover(cluster: Cluster, round: number): Promise<{ ms: number; ownerWas: string }> {
  const n = cluster.nodes.length;
  const owner = cluster.nodes[round % n]!;
  const via = cluster.nodes[(round + 1) % n]!;
  const { meeting } = await openMeeting(owner.target, 1);
  const found = await cluster.owner(meeting.meetingId);
  if (found !== owner.id) throw new Error(`meeting owned by ${found}, expected ${owner.id}`);
  const typist = new Typist(FRAGMENT, seed++);
  typist.prepare(50);
  const token = meeting.facilitator.token;
  const first = await connect(via, meeting.meetingId, token, typist.clientID);
  if (first === null) throw new Error('the writer could not connect before the failover');
  first.sendUpdate(typist.setupUpdate);
  await waitFor(() => first.ackLatencies.length > 0, 10_000, 'the first write acknowledged');
  const movedAway = new Promise<void>((resolve) => first.ws.once('close', () => resolve()));
  const t0 = performance.now();
  await cluster.kill(owner);
  await movedAway;
  counters.closedUnexpectedly--; // the forwarding node closes the writer's socket: what is measured
  let fails = 0;
  for (;;) {
    await sleep(Math.min(BACKOFF_START_MS * 2 ** fails, BACKOFF_MAX_MS));
    if (performance.now() - t0 > GIVE_UP_MS) throw new Error(`no acknowledged write ${GIVE_UP_MS / 1000} s after the kill`);
    const c = await connect(via, meeting.meetingId, token, typist.clientID);
    if (c === null) {
      fails++;
      continue;
    }
    const ok = await ackedWrite(c, typist);
    const ms = performance.now() - t0;
    await c.close();
    if (ok) {
      cluster.nodes[round % n] = await cluster.startNode();
      return { ms, ownerWas: owner.id };
    }
    counters.closedUnexpectedly--;
    fails = 0;
  }
}
