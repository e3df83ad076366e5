// A typist: a real Y.Doc whose keystrokes (one character appended to its own
// paragraph in a proposal fragment) are recorded ahead of time, so sending
// costs nothing but the frame and every update carries a known (client, clock).
import * as Y from 'yjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz     ';

export class Typist {
  readonly doc = new Y.Doc();
  private readonly text: Y.XmlText;
  private readonly captured: Uint8Array[] = [];
  private readonly queue: { update: Uint8Array; clock: number }[] = [];
  private head = 0;
  private seed: number;
  /** The update that created this typist's paragraph; send it once before typing. */
  readonly setupUpdate: Uint8Array;

  constructor(fragmentName: string, seed: number) {
    this.doc.on('update', (u: Uint8Array) => {
      this.captured.push(u);
    });
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    this.doc.getXmlFragment(fragmentName).insert(0, [paragraph]);
    this.text = text;
    this.setupUpdate = this.captured.pop()!;
    this.seed = seed;
  }

  get clientID(): number {
    return this.doc.clientID;
  }

  /** Records `n` more keystrokes (outside any measured window). */
  prepare(n: number): void {
    for (let i = 0; i < n; i++) {
      this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff;
      const clock = Y.getState(this.doc.store, this.doc.clientID);
      this.text.insert(this.text.length, LETTERS[this.seed % LETTERS.length]!);
      this.queue.push({ update: this.captured.pop()!, clock });
    }
  }

  /** Keystrokes recorded but not yet sent. */
  get ready(): number {
    return this.queue.length - this.head;
  }

  next(): { update: Uint8Array; clock: number } {
    if (this.head >= this.queue.length) this.prepare(200);
    const k = this.queue[this.head]!;
    this.queue[this.head++] = undefined as never;
    if (this.head > 4096) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return k;
  }
}

/** Builds a proposal document of about `bytes` encoded size, delivered as updates of at most `chunk` bytes. */
export function buildDocument(fragmentName: string, bytes: number, chunk = 256 * 1024): Uint8Array[] {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(fragmentName);
  const parts: Uint8Array[] = [];
  let size = 0;
  doc.on('update', (u: Uint8Array) => {
    parts.push(u);
    size += u.byteLength;
  });
  const sentence = 'The circle agrees to review the budget each quarter and to publish the minutes within a week. ';
  let n = 0;
  // the sum of the edits' updates slightly overstates the merged state; close enough to pick a size class
  while (size < bytes) {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    text.insert(0, `${sentence.repeat(10)} (${n++})`);
    // a little editing history: a struck word and a bold span, as real drafts have
    text.delete(20, 6);
    text.format(40, 12, { bold: true });
  }
  const out: Uint8Array[] = [];
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  for (const p of parts) {
    if (batchBytes + p.byteLength > chunk && batch.length > 0) {
      out.push(Y.mergeUpdates(batch));
      batch = [];
      batchBytes = 0;
    }
    batch.push(p);
    batchBytes += p.byteLength;
  }
  if (batch.length > 0) out.push(Y.mergeUpdates(batch));
  return out;
}
