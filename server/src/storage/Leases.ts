// The lease boundary of several nodes on one database (docs/deploy.md): each
// loaded meeting has one owner node at a time, which alone validates, appends
// and relays. Leases are taken and renewed with the database's clock only; a
// takeover bumps the epoch, and appends carry the epoch they were made under
// (the fence), so a stale owner's writes are refused.

/** A node of the cluster: its id, and the address (host:port) other nodes reach it at. */
export interface NodeInfo {
  id: string;
  address: string;
}

/** Who holds a meeting's lease now (by the database's clock). */
export interface LeaseHolder {
  owner: string;
  address: string;
  epoch: number;
  /** Milliseconds until the lease expires by the database's clock; 0 when already expired. */
  expiresInMs: number;
}

export type LeaseAnswer = { held: true; epoch: number } | ({ held: false } & LeaseHolder);

export interface LeaseStore {
  /**
   * Takes the meeting's lease for `node` when it is free, expired or already the node's,
   * bumping the epoch (every take is a new epoch); else answers who holds it.
   */
  acquire(meetingId: string, node: NodeInfo, ttlMs: number): Promise<LeaseAnswer>;
  /**
   * Extends the node's leases by `ttlMs` from the database's now; answers the meetings
   * still held (a lease taken over meanwhile, at a higher epoch, is not renewed).
   */
  renew(nodeId: string, held: ReadonlyArray<{ meetingId: string; epoch: number }>, ttlMs: number): Promise<Set<string>>;
  /** Lets the lease go at once (it expires now), if the node still holds it at this epoch. */
  release(meetingId: string, nodeId: string, epoch: number): Promise<void>;
  /** The meeting's lease, or null when none was ever taken. */
  holder(meetingId: string): Promise<LeaseHolder | null>;
}

/** What a fenced store asks of the node: which epoch of a meeting's lease it holds. */
export interface Fence {
  nodeId: string;
  /** The epoch this node took the meeting's lease at, or undefined when it holds none. */
  epochOf(meetingId: string): number | undefined;
}

/** A fenced append or compaction refused: another node took these meetings' leases (or this node holds none). */
export class FencedOut extends Error {
  constructor(readonly meetingIds: readonly string[]) {
    super(`the lease of ${meetingIds.join(', ')} is held by another node`);
    this.name = 'FencedOut';
  }
}
