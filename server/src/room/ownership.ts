// Why a meeting cannot be served here: it is being deleted, or (several nodes)
// another node owns it; and what the rooms need of the cluster's leases.

/** What the rooms need of the cluster's leases; absent on a single node. */
export interface Ownership {
  /** This node holds the meeting's lease, renewed in time. */
  serving(meetingId: string): boolean;
  /** Takes the lease before the meeting loads; rejects when another node holds it. */
  claim(meetingId: string): Promise<void>;
  /** The room unloaded: another node may take the meeting at once. */
  release(meetingId: string): Promise<void>;
  /** A fenced write was refused: the lease is another node's now. */
  forget(meetingId: string): void;
}

/** Another node owns the meeting; connections and requests for it go there. */
export class OwnedElsewhere extends Error {
  constructor(
    readonly meetingId: string,
    readonly address: string,
    readonly expiresInMs: number,
  ) {
    super(`meeting ${meetingId} is served by ${address}`);
    this.name = 'OwnedElsewhere';
  }
}

/** The meeting is being deleted: it takes no one and loads no more. */
export class MeetingDeleted extends Error {
  constructor(readonly meetingId: string) {
    super('meeting not found');
  }
}
