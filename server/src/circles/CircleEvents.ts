// [CI31] Who watches a circle live: the open event streams of its members, told
// which part of the circle changed after the server wrote it, and ended with a
// reason when their member is removed. In memory: a stream lives on one server.
import type { CircleChangePart } from '@consent/shared';

export interface CircleWatcher {
  changed(parts: CircleChangePart[]): void;
  /** The stream ends; `reason` is the sentence the board shows. */
  end(reason: string): void;
}

interface Entry {
  circleId: string;
  personId: string;
  address: string;
  watcher: CircleWatcher;
}

export interface CircleEventLimits {
  /** Open streams a circle takes (each member's devices together). */
  perCircle: number;
  /** Open streams one address holds, over all circles. */
  perAddress: number;
}

export const CIRCLE_EVENT_LIMITS: CircleEventLimits = { perCircle: 200, perAddress: 20 };

export class CircleEvents {
  private readonly entries = new Set<Entry>();

  constructor(private readonly limits: CircleEventLimits = CIRCLE_EVENT_LIMITS) {}

  /** Adds a watcher; answers the sentence of the limit it meets instead, or its unsubscribe. */
  watch(circleId: string, personId: string, address: string, watcher: CircleWatcher): { refused: string } | { stop(): void } {
    let ofCircle = 0;
    let ofAddress = 0;
    for (const e of this.entries) {
      if (e.circleId === circleId) ofCircle++;
      if (e.address === address) ofAddress++;
    }
    if (ofCircle >= this.limits.perCircle)
      return { refused: `This circle has ${this.limits.perCircle} live pages open already: close one, or reload later.` };
    if (ofAddress >= this.limits.perAddress)
      return { refused: `Your address has ${this.limits.perAddress} live circle pages open already: close one first.` };
    const entry = { circleId, personId, address, watcher };
    this.entries.add(entry);
    return { stop: () => this.entries.delete(entry) };
  }

  /** Tells every watcher of the circle what changed. */
  changed(circleId: string, ...parts: CircleChangePart[]): void {
    for (const e of [...this.entries]) if (e.circleId === circleId) e.watcher.changed(parts);
  }

  /** Ends the streams of one member (removed), with the reason. */
  endMember(circleId: string, personId: string, reason: string): void {
    for (const e of [...this.entries]) {
      if (e.circleId !== circleId || e.personId !== personId) continue;
      this.entries.delete(e);
      e.watcher.end(reason);
    }
  }

  /** Ends every stream (the server stops). */
  endAll(reason: string): void {
    for (const e of [...this.entries]) e.watcher.end(reason);
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
