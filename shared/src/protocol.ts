// Wire constants of the sync endpoint: y-websocket message types, our two
// opt-in extensions, and the close codes the server uses. One owner: server,
// board and tests import them from here (docs/protocol.md explains each).

/** First varint of every websocket frame. 0–3 are the standard y-websocket types. */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** server → client, only with `?ack=1`: varint count of this connection's updates now durable on disk. */
  ack: 100,
  /** server → client, only with `?ack=1`: a write was refused; varstring JSON `{ rule, reason, frame }`. */
  refused: 101,
} as const;
export type MessageType = (typeof MESSAGE)[keyof typeof MESSAGE];

/** y-protocols auth sub-types (second varint of an `auth` frame). */
export const AUTH = { permissionDenied: 0 } as const;

/** y-protocols sync sub-types (second varint of a `sync` frame). */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

/**
 * Close codes. The standard provider reconnects after every code except
 * 4400–4499, which it treats as final; we use that range only for final refusals.
 */
export const CLOSE = {
  /** normal closure */
  normal: 1000,
  /** server shutting down or room unloading; reconnect later */
  goingAway: 1001,
  /** a frame the protocol decoder rejected (bad varint, unknown type, corrupt update) */
  malformed: 1007,
  /** a frame above the size limit */
  tooBig: 1009,
  /** server error while handling the frame; reconnect */
  internalError: 1011,
  /** rate limit or overload; reconnect later */
  tryAgainLater: 1013,
  /** no longer sent: a refused write keeps the connection (docs/protocol.md, Refusal); kept so that the code is never reused */
  refused: 4001,
  /**
   * several nodes: this node no longer owns the meeting (its lease was taken over or could
   * not be renewed), or the owner it forwarded to went away; reconnect at once (docs/deploy.md)
   */
  moved: 4010,
  /** token missing or invalid (final) */
  unauthorized: 4401,
  /**
   * the token may not open this meeting (final): another meeting's token, or the facilitator
   * removed its participant — the one code the server sends on an open socket in this range
   */
  forbidden: 4403,
  /** meeting does not exist, or was deleted while the socket was open (final) */
  notFound: 4404,
} as const;
export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** Query parameters of `GET /sync/:meetingId`. */
export const SYNC_PARAM = { ticket: 'ticket', token: 'token', ack: 'ack' } as const;

/** Transaction origins of the shared commands, so observers can tell who wrote. */
export const ORIGIN = {
  local: 'consent:local',
  server: 'consent:server',
  remote: 'consent:remote',
} as const;

/** A command's transaction origin: one of ORIGIN, or whatever a caller passes on to Yjs. */
export type Origin = unknown;
