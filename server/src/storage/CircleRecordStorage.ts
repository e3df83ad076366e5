// The storage boundary of what a circle keeps between meetings (docs/circles.md,
// CI16–CI30): the decision register with its history, the circle's backlog, which
// agenda item of a meeting reviews which register entry, and the calendar feed's version.
import type { CircleBacklogItem, RegisterEntry } from '@consent/shared';

export interface RegisterQueryOptions {
  /** Today (ISO date): entries whose review date is on or before it come first. */
  today: string;
  /** Text the title or the text contains (case-insensitive), or undefined for all. */
  q?: string;
  limit: number;
  offset: number;
}

/** An entry of the circle's backlog, with where it came from (for idempotent hand-over). */
export interface StoredBacklogItem extends CircleBacklogItem {
  circleId: string;
  /** The id of the meeting's own backlog entry it came from, or null. */
  sourceEntry: string | null;
}

export interface CircleRecordStorage {
  /**
   * [CI16][CI17][CI23] Stores a decision once (a second write of the same id changes nothing);
   * an entry that supersedes another marks that one superseded, in the same transaction.
   * Resolves whether it was new.
   */
  addDecision(entry: RegisterEntry): Promise<boolean>;
  getDecision(id: string): Promise<RegisterEntry | null>;
  /** [CI18] The entries in force (not superseded): review due first, by review date, then newest; with the count of all matching. */
  register(circleId: string, options: RegisterQueryOptions): Promise<{ total: number; entries: RegisterEntry[] }>;
  /** [CI23] The versions an entry replaced, newest first. */
  history(entryId: string): Promise<RegisterEntry[]>;
  /** [CI26] Every entry, superseded ones included, newest decision first. */
  allDecisions(circleId: string): Promise<RegisterEntry[]>;
  /** [CI21] Entries in force whose review date is on or before `day`, oldest review first. */
  dueReviews(circleId: string, day: string): Promise<RegisterEntry[]>;
  /** [CI23] An agenda item of a meeting reviews a register entry. */
  linkReview(meetingId: string, itemId: string, entryId: string): Promise<void>;
  reviewOf(meetingId: string, itemId: string): Promise<string | null>;
  /** [CI24][CI25] Adds a backlog item; one from a meeting's entry is added once (same meeting and entry: nothing new). */
  addBacklog(item: StoredBacklogItem): Promise<boolean>;
  /** The circle's backlog items not taken into a meeting, oldest first. */
  backlog(circleId: string): Promise<CircleBacklogItem[]>;
  /** [CI25] Items taken into a meeting leave the backlog; answers the ones taken. */
  takeBacklog(circleId: string, ids: readonly string[], meetingId: string, at: number): Promise<CircleBacklogItem[]>;
  /** [CI29] The calendar feed's version (0 until the first rotation). */
  feedVersion(circleId: string): Promise<number>;
  /** [CI29] A new version: every earlier feed address stops working. Answers the new version. */
  rotateFeed(circleId: string): Promise<number>;
}
