// The storage boundary of circles (docs/circles.md): a circle, its members
// (removed ones kept, for the record and for refusing their credentials), its
// roles with holder and term, the single-use links that let a device in, and
// which meetings belong to it. Another store implements the same interface.
import type { CircleRecordStorage } from './CircleRecordStorage.ts';
import type { CircleMemberRole, CircleMemberView, CircleRoleView } from '@consent/shared';

export interface CircleRecord {
  id: string;
  name: string;
  aim: string;
  domain: string;
  createdAt: number;
}

export type CircleMember = CircleMemberView;
export type CircleRole = CircleRoleView;

/** A single-use code that lets one device in as one member: a personal link, or a transfer to another device. */
export interface CircleLink {
  /** SHA-256 of the code (base64url): the code itself is never stored. */
  codeHash: string;
  circleId: string;
  personId: string;
  kind: 'invite' | 'transfer';
  createdAt: number;
  /** After this instant the code opens nothing; null for a personal link (it lasts until used or replaced). */
  expiresAt: number | null;
}

export interface CircleMeetingRecord {
  meetingId: string;
  circleId: string;
  title: string;
  createdAt: number;
}

export interface CircleStorage {
  /** The register, the circle's backlog, review links and the calendar feed (CI16–CI30). */
  readonly records: CircleRecordStorage;
  /** Stores a new circle with its founder and its roles in one transaction; rejects a duplicate id. */
  createCircle(circle: CircleRecord, founder: CircleMember, roles: CircleRole[]): Promise<void>;
  getCircle(id: string): Promise<CircleRecord | null>;
  /** Every member ever added, removed ones included, in the order they were added. */
  members(circleId: string): Promise<CircleMember[]>;
  member(circleId: string, personId: string): Promise<CircleMember | null>;
  /** Adds a member; rejects a person id the circle already has. */
  addMember(circleId: string, member: CircleMember): Promise<void>;
  /** Records when the member first opened a link; a later call keeps the first time. */
  markJoined(circleId: string, personId: string, at: number): Promise<void>;
  /**
   * Removes a member: their credentials are refused from then on and their
   * outstanding links are dropped. Removing twice keeps the first time, which it returns;
   * null for a person the circle does not have.
   */
  removeMember(circleId: string, personId: string, at: number): Promise<number | null>;
  /** The circle's roles: the standard ones first, then those the circle defined, by name. */
  roles(circleId: string): Promise<CircleRole[]>;
  /** Creates or replaces the role of this name (names compare without case). */
  setRole(circleId: string, role: CircleRole): Promise<void>;
  /** Stores a link; a new personal link of a person replaces their earlier one, unused or not. */
  addLink(link: CircleLink): Promise<void>;
  /**
   * Uses up the link with this code hash in this circle: resolves its person and kind
   * when it existed, was unused and unexpired at `now`, else null. A link is used at most once,
   * even by concurrent calls.
   */
  redeemLink(circleId: string, codeHash: string, now: number): Promise<Pick<CircleLink, 'personId' | 'kind'> | null>;
  /** Records that a meeting (already stored) belongs to the circle. */
  addMeeting(record: CircleMeetingRecord): Promise<void>;
  /** The circle's meetings, newest first; a deleted meeting leaves the list. */
  meetings(circleId: string): Promise<CircleMeetingRecord[]>;
  /** The circle a meeting belongs to, or null for a one-off meeting. */
  circleOfMeeting(meetingId: string): Promise<string | null>;
}

export type { CircleMemberRole };
