// The one place where the room asks the domain whether a client's update may
// be applied, and writes the log events an accepted move implies.
import type * as Y from 'yjs';
import type { Actor, DeleteRange, RefusedDeletes } from '@consent/shared';

export interface LogEventDraftLike {
  type: string;
  [key: string]: unknown;
}

export type WriteVerdict =
  /** `clients`: the Yjs client ids the update brings new structs under (the room binds new ones to the sender). */
  ({ ok: true; events: LogEventDraftLike[]; clients: number[] } | { ok: false; rule: string; reason: string }) & {
    /** What to apply (or neutralize) instead of the incoming update: it without what the document already holds [P7, P8]. */
    update?: Uint8Array;
  };

export interface WritePolicy {
  /**
   * Decides on an untrusted update before it is applied. It must bound and decode the
   * update before anything else reads it (Y.applyUpdate trusts declared counts); a
   * malformed update is refused with rule P1 or makes it throw.
   * `ownerOfClient` names the participant a Yjs client id is bound to (rule P6);
   * `refusedDeletes`, the sender's deletions refused before (rule P8).
   */
  check(
    doc: Y.Doc,
    update: Uint8Array,
    actor: Actor,
    ownerOfClient: (client: number) => string | undefined,
    refusedDeletes?: RefusedDeletes,
  ): WriteVerdict;
  /** The deletions of a refused update that delete content alive in `doc` (rule P8); none when absent. */
  liveDeletions?(doc: Y.Doc, update: Uint8Array): DeleteRange[];
  /**
   * The update to apply in place of a refused one: same clocks, no content (keeps the
   * client's chain whole); the ranges of clients `keep` rejects are left out.
   */
  neutralize(update: Uint8Array, keep: (client: number) => boolean): Uint8Array;
  /** Appends the accepted move's events to the meeting's log with the server's clock. */
  appendEvents(doc: Y.Doc, events: LogEventDraftLike[], actorId: string, at: number, meetingId: string): void;
}
