// The one place where the room asks the domain whether a client's update may
// be applied, and writes the log events an accepted move implies.
import type * as Y from 'yjs';
import type { Actor } from '@consent/shared';

export interface LogEventDraftLike {
  type: string;
  [key: string]: unknown;
}

export type WriteVerdict =
  | { ok: true; events: LogEventDraftLike[] }
  | { ok: false; rule: string; reason: string };

export interface WritePolicy {
  /** Decides on an untrusted update before it is applied; may throw on a malformed update. */
  check(doc: Y.Doc, update: Uint8Array, actor: Actor): WriteVerdict;
  /** The update to apply in place of a refused one: same clocks, no content (keeps the client's chain whole). */
  neutralize(update: Uint8Array): Uint8Array;
  /** Appends the accepted move's events to the document's log with the server's clock. */
  appendEvents(doc: Y.Doc, events: LogEventDraftLike[], actorId: string, at: number): void;
}
