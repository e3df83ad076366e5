// Writers spread over every node of a cluster: each meeting has one writer per node
// (so some clients reach the owner and the rest are forwarded), each typing its own
// paragraph, reconnecting on its own to the next node after a close. The log records
// every open, ack, refusal and close per client with the node and the time, and every
// relayed write a client saw arrive (what must then be durable).
import * as Y from 'yjs';
import { afterAll, beforeAll } from 'vitest';
import { Cluster, type LeaseRow } from './cluster.ts';
import { openMeeting, type Meeting } from './meeting.ts';
import { type ClientEvent, SyncClient } from './syncClient.ts';
import { waitFor } from './wait.ts';
import { addItem, addParagraph } from './writes.ts';

export const ITEM = 'item-cluster';
const MEMBERS = ['Mia', 'Max', 'Ida', 'Leo', 'Ana', 'Bob', 'Eva', 'Tom'];

export interface Writer {
  name: string;
  meeting: Meeting;
  /** The node it first connects to. */
  home: number;
  client: SyncClient;
  body: Y.XmlText;
  /** Everything this writer typed into its paragraph, in order. */
  typed: string;
}

export type Entry = ClientEvent & { writer: string; meetingId: string; node: number };

/** A write of `clientId` up to `clock` that a client saw acknowledged or relayed at `at`. */
export interface Observation {
  meetingId: string;
  clientId: number;
  clock: number;
  at: number;
  how: 'ack' | 'relay';
}

export class ClusterLoad {
  readonly meetings: Meeting[] = [];
  readonly writers: Writer[] = [];
  readonly entries: Entry[] = [];
  readonly observations: Observation[] = [];
  private typing: NodeJS.Timeout | null = null;
  private turn = 0;
  written = 0;

  private constructor(readonly cluster: Cluster) {}

  /** `meetings` meetings, each created on another node, with `perNode` writers on every node. */
  static async open(cluster: Cluster, meetings: number, perNode = 1): Promise<ClusterLoad> {
    const load = new ClusterLoad(cluster);
    const nodes = cluster.nodes.length;
    for (let m = 0; m < meetings; m += 1) {
      const base = cluster.nodes[m % nodes]!.url;
      const names = MEMBERS.slice(0, nodes * perNode - 1);
      const meeting = await openMeeting(base, Object.fromEntries(names.map((n) => [n, 'member' as const])));
      load.meetings.push(meeting);
      const people = ['Fay', ...names];
      const ws: Writer[] = [];
      for (const [i, name] of people.entries()) {
        const home = (m + i) % nodes;
        const w = load.writer(meeting, name, home);
        await w.client.connectAndSync(cluster.nodes[home]!.wsUrl, 20_000);
        ws.push(w);
      }
      // the owner's sync step 1 reached every client, forwarded ones included, and was answered
      await waitFor(() => ws.every((w) => w.client.answered), { what: "every client's answer to the owner's sync step 1" });
      addItem(ws[0]!.client.doc, ITEM);
      await waitFor(() => ws.every((w) => w.client.doc.getArray('agenda').length === 1), { what: 'the agenda item everywhere' });
      for (const w of ws) {
        w.typed = `${w.name}@${meeting.meetingId}:`;
        w.body = addParagraph(w.client.doc, ITEM, w.typed);
      }
      load.writers.push(...ws);
    }
    return load;
  }

  private writer(meeting: Meeting, name: string, home: number): Writer {
    const person = meeting.people[name]!;
    let next = home;
    const nodes = this.cluster.nodes;
    const w = { name, meeting, home, typed: '', body: null as unknown as Y.XmlText } as Writer;
    w.client = new SyncClient(meeting.meetingId, person.token, {
      ack: true,
      answerFirst: true,
      // as a load balancer would: the next node in turn
      reconnect: { next: () => nodes[(next = (next + 1) % nodes.length)]!.wsUrl, timeoutMs: 2 * this.cluster.ttlMs + 2000 },
      onEvent: (e) => this.entries.push({ ...e, writer: name, meetingId: meeting.meetingId, node: this.cluster.nodeOfBase(e.base) }),
    });
    const seen = new Map<number, number>();
    w.client.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== w.client) return;
      const at = Date.now();
      for (const other of this.writers) {
        if (other.meeting !== meeting || other === w) continue;
        const id = other.client.doc.clientID;
        const clock = Y.getState(w.client.doc.store, id);
        if (clock <= (seen.get(id) ?? 0)) continue;
        seen.set(id, clock);
        this.observations.push({ meetingId: meeting.meetingId, clientId: id, clock, at, how: 'relay' });
      }
    });
    return w;
  }

  /** Acks as observations (each a durable clock of the writer's own client). */
  ackObservations(): Observation[] {
    return this.entries.flatMap((e) => {
      if (e.kind !== 'ack' || e.clock === 0) return [];
      const w = this.writers.find((x) => x.name === e.writer && x.meeting.meetingId === e.meetingId)!;
      return [{ meetingId: e.meetingId, clientId: w.client.doc.clientID, clock: e.clock, at: e.at, how: 'ack' as const }];
    });
  }

  /** Every writer types one token in turn, one writer each `everyMs`; offline writes go out on reconnect. */
  startTyping(everyMs: number): void {
    this.typing = setInterval(() => {
      const w = this.writers[this.turn % this.writers.length]!;
      const token = ` ${this.turn}`;
      w.body.insert(w.body.length, token);
      w.typed += token;
      this.turn += 1;
      this.written += 1;
    }, everyMs);
  }

  stopTyping(): void {
    if (this.typing) clearInterval(this.typing);
    this.typing = null;
  }

  writersOf(meetingId: string): Writer[] {
    return this.writers.filter((w) => w.meeting.meetingId === meetingId);
  }

  /** Each meeting's lease now. */
  async leases(): Promise<Map<string, LeaseRow>> {
    const out = new Map<string, LeaseRow>();
    for (const m of this.meetings) {
      const l = await this.cluster.lease(m.meetingId);
      if (l) out.set(m.meetingId, l);
    }
    return out;
  }

  /** Refusals any writer got (honest writers moving between nodes must get none). */
  get refusals(): Entry[] {
    return this.entries.filter((e) => e.kind === 'refused');
  }

  /** Acknowledged writes so far, over every writer. */
  get acks(): number {
    return this.entries.reduce((n, e) => n + (e.kind === 'ack' ? 1 : 0), 0);
  }

  /**
   * The first ack after `since` on a connection opened after `since` (so routed after the
   * fault, to the new owner) for a writer of `meetingId`; `notNode` excludes a node (a stopped
   * or cut node that could still hold connections opened after the fault).
   */
  firstAckAfter(meetingId: string, since: number, notNode = -1): number | null {
    const opened = new Set<string>();
    for (const e of this.entries) {
      if (e.meetingId !== meetingId || e.at < since) continue;
      const key = `${e.writer}#${e.connection}`;
      if (e.kind === 'open' && e.node !== notNode) opened.add(key);
      if (e.kind === 'ack' && opened.has(key)) return e.at;
    }
    return null;
  }

  /** The first ack after `since` for a writer of `meetingId`, on any connection (old or new). */
  firstAnyAckAfter(meetingId: string, since: number): number | null {
    return this.entries.find((e) => e.kind === 'ack' && e.meetingId === meetingId && e.at > since)?.at ?? null;
  }

  /** The connections open at time `t` (opened before, not closed by then). */
  openAt(t: number): Array<{ writer: string; meetingId: string; connection: number; node: number }> {
    const open = new Map<string, Entry>();
    for (const e of this.entries) {
      if (e.at > t) break;
      const key = `${e.meetingId}/${e.writer}#${e.connection}`;
      if (e.kind === 'open') open.set(key, e);
      if (e.kind === 'close') open.delete(key);
    }
    return [...open.values()].map((e) => ({ writer: e.writer, meetingId: e.meetingId, connection: e.connection, node: e.node }));
  }

  /** How the connection ended (its close code), or null while open. */
  closeCode(writer: string, meetingId: string, connection: number): number | null {
    const e = this.entries.find(
      (x) => x.kind === 'close' && x.writer === writer && x.meetingId === meetingId && x.connection === connection,
    );
    return e?.kind === 'close' ? e.code : null;
  }

  close(): void {
    this.stopTyping();
    for (const w of this.writers) w.client.destroy();
  }
}

/** A test file's three nodes with writers on `meetings` meetings: started before its tests, stopped after them. */
export function clusterUnderLoad(meetings: number): { readonly cluster: Cluster; readonly load: ClusterLoad } {
  let cluster: Cluster | undefined;
  let load: ClusterLoad | undefined;
  beforeAll(async () => {
    cluster = await Cluster.start();
    load = await ClusterLoad.open(cluster, meetings);
  });
  afterAll(async () => {
    load?.close();
    await cluster?.dispose();
  });
  return {
    get cluster() {
      return cluster!;
    },
    get load() {
      return load!;
    },
  };
}
