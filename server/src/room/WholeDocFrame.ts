// The sync step 2 for clients that join with nothing yet, kept until the
// document changes (or a few seconds pass), so that many people joining at
// once — a meeting starting, everyone reconnecting after a network blip —
// cost one encoding, whatever the document's size.
import { syncStep2 } from '@consent/shared';

/** Released after this long even if unchanged, so an idle room does not hold two copies. */
const KEEP_MS = 5000;

export class WholeDocFrame {
  private frame: Uint8Array | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** The document changed or was replaced: the next joiner gets a fresh encoding. */
  invalidate(): void {
    this.frame = null;
  }

  /** `encode`: the whole document's state. */
  get(encode: () => Uint8Array): Uint8Array {
    if (this.frame) return this.frame;
    const frame = syncStep2(encode());
    this.frame = frame;
    // one timer per room at a time, not one per encoding
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.frame = null;
      }, KEEP_MS);
      this.timer.unref();
    }
    return frame;
  }
}
