// This device's own writes that the server has not yet confirmed, each with the
// number of the frame that carried it (the server's ack and refused messages
// count the same frames). A refusal drops only the write it names; the rest
// is re-applied to the copy reloaded from the server.
import * as Y from 'yjs';
import { syncUpdate } from '@consent/shared';

interface Pending {
  update: Uint8Array;
  /** The frame that carried it on this connection; null while unsent. */
  frame: number | null;
}

/** The origin of re-applied writes: they are pending again until confirmed. */
export const REAPPLIED = 'consent:reapplied';

export class PendingWrites {
  private entries: Pending[] = [];

  constructor(initial: Uint8Array[] = []) {
    this.entries = initial.map((update) => ({ update, frame: null }));
  }

  /** The writes still waiting for the server, oldest first. */
  updates(): Uint8Array[] {
    return this.entries.map((e) => e.update);
  }

  /** A local write; `frame` is the frame that carried it, or null when it was not sent. */
  record(update: Uint8Array, frame: number | null): void {
    this.entries.push({ update, frame });
  }

  /** A new connection: its frames count from 0, and nothing is sent yet. */
  reconnected(): void {
    for (const e of this.entries) e.frame = null;
  }

  /**
   * Sends every unsent write in a frame of its own, before the provider's step 2,
   * which would carry them all in one (a single refused one would refuse all).
   */
  sendEach(send: (frame: Uint8Array) => number): void {
    for (const e of this.entries) if (e.frame === null) e.frame = send(syncUpdate(e.update));
  }

  /** The server has handled the first `count` frames: writes in them are durable. */
  acked(count: number): void {
    this.entries = this.entries.filter((e) => e.frame === null || e.frame > count);
  }

  /**
   * The server refused frame `frame`: the writes it carried are dropped; the others are
   * returned, oldest first. Without a frame number nothing can be told apart: none is kept.
   */
  refused(frame: number | undefined): Uint8Array[] {
    if (frame === undefined) return [];
    return this.entries.filter((e) => e.frame !== frame).map((e) => e.update);
  }
}

/** Re-applies kept writes to a copy freshly loaded from the server. */
export function reapply(doc: Y.Doc, updates: Uint8Array[]): void {
  for (const u of updates) Y.applyUpdate(doc, u, REAPPLIED);
}
