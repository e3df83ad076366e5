// The sync step 2 for clients that join with nothing yet. A large one is kept
// until the document changes (or a few seconds pass), so that many people
// joining a long meeting at once cost one encoding.
import * as Y from 'yjs';
import { syncStep2 } from '@consent/shared';

/** Smaller documents encode fast enough to do it for every joiner. */
const MIN_BYTES = 64 * 1024;
/** Released after this long even if unchanged, so an idle room does not hold two copies. */
const KEEP_MS = 5000;

export class WholeDocFrame {
  private frame: Uint8Array | null = null;

  /** The document changed or was replaced: the next joiner gets a fresh encoding. */
  invalidate(): void {
    this.frame = null;
  }

  get(doc: Y.Doc): Uint8Array {
    if (this.frame) return this.frame;
    const frame = syncStep2(Y.encodeStateAsUpdate(doc));
    if (frame.byteLength >= MIN_BYTES) {
      this.frame = frame;
      setTimeout(() => {
        if (this.frame === frame) this.frame = null;
      }, KEEP_MS).unref();
    }
    return frame;
  }
}
