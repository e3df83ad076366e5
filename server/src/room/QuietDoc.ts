// A room's Y.Doc, put to sleep while the meeting is quiet: after `sleepAfterMs`
// with no use of the document, it is kept only as its encoded state (a
// meeting of about 1 kB encoded holds about 19 kB as a Y.Doc), and woken, with
// the same client id, by the next use. Joiners' sync replies, the state vector
// and the awareness identity check are answered from the sleeping form without
// waking it. Only small documents sleep: waking a large one would stall the loop.
import * as Y from 'yjs';
import { participants } from '@consent/shared';

/** Documents larger than this (encoded) stay awake. */
const MAX_SLEEPING_BYTES = 256 * 1024;

interface Who {
  name: string | undefined;
  removed: boolean;
}

export class QuietDoc {
  /** Null while asleep: nothing of the document is held but its encoding. */
  private current: Y.Doc | null;
  private clientID: number;
  private asleep: Uint8Array | null = null;
  /** Participants' names and removals as the document said when it fell asleep. */
  private who = new Map<string, Who>();
  private uses = 0;
  private usesAtLastCheck = -1;
  /** Attaches the room's listeners to a (new or woken) document. */
  private attach: (doc: Y.Doc) => void = () => {};

  constructor() {
    this.current = new Y.Doc();
    this.clientID = this.current.clientID;
  }

  /** The document, woken if asleep. Every use keeps it awake a while longer. */
  get doc(): Y.Doc {
    this.uses++;
    return this.current ?? this.wake();
  }

  get sleeping(): boolean {
    return this.asleep !== null;
  }

  /** A freshly loaded document replaces the current one; `attach` is run on it now and on every wake. */
  adopt(doc: Y.Doc, attach: (doc: Y.Doc) => void): void {
    this.current?.destroy();
    this.asleep = null;
    this.current = doc;
    this.clientID = doc.clientID;
    this.attach = attach;
    attach(doc);
    this.uses++;
  }

  /** The whole state, encoded (from the sleeping form when asleep). */
  encode(): Uint8Array {
    return this.asleep ?? Y.encodeStateAsUpdate(this.current!);
  }

  stateVector(): Uint8Array {
    return this.asleep ? Y.encodeStateVectorFromUpdate(this.asleep) : Y.encodeStateVector(this.current!);
  }

  /** What a peer with `stateVector` lacks. */
  diff(stateVector: Uint8Array): Uint8Array {
    return this.asleep ? Y.diffUpdate(this.asleep, stateVector) : Y.encodeStateAsUpdate(this.current!, stateVector);
  }

  /** A participant's name and whether they were removed, without waking the document. */
  participant(id: string): Who {
    if (this.asleep) return this.who.get(id) ?? { name: undefined, removed: false };
    const entry = participants(this.current!).get(id) as { name?: unknown; removedAt?: unknown } | undefined;
    return { name: typeof entry?.name === 'string' ? entry.name : undefined, removed: entry?.removedAt !== undefined };
  }

  /**
   * Called now and then (the room manager's sweep): a document unused since
   * the last check, with nothing of it waiting to be stored (`idle`), sleeps.
   */
  check(idle: boolean): void {
    if (this.current === null) return;
    const unused = this.uses === this.usesAtLastCheck;
    this.usesAtLastCheck = this.uses;
    if (!unused || !idle) return;
    const doc = this.current;
    const encoded = Y.encodeStateAsUpdate(doc);
    if (encoded.byteLength > MAX_SLEEPING_BYTES) return;
    const who = new Map<string, Who>();
    participants(doc).forEach((entry, id) => {
      const e = entry as { name?: unknown; removedAt?: unknown } | undefined;
      who.set(id, { name: typeof e?.name === 'string' ? e.name : undefined, removed: e?.removedAt !== undefined });
    });
    this.who = who;
    this.asleep = encoded;
    this.clientID = doc.clientID;
    this.current = null;
    doc.destroy();
  }

  private wake(): Y.Doc {
    const encoded = this.asleep!;
    const doc = new Y.Doc();
    // The same client id: the server's own writes stay bound to it (rule P6) and
    // continue its clock. Yjs picks a new id when an applied update holds structs
    // of its own id (it takes them for another client's), so the id is set after.
    Y.applyUpdate(doc, encoded);
    doc.clientID = this.clientID;
    this.asleep = null;
    this.who = new Map();
    this.current = doc;
    this.attach(doc);
    return doc;
  }

  destroy(): void {
    this.current?.destroy();
    this.current = null;
    this.asleep = null;
  }
}
