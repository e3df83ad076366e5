// What a raw sync client is told to do (options) and what it records (closes, sent frames, events).
import type * as Y from 'yjs';

export interface ClientOptions {
  /** Opt in to MESSAGE.ack and MESSAGE.refused. */
  ack?: boolean;
  doc?: Y.Doc;
  /** Extra query parameters, or `token: null` to send none. */
  token?: string | null;
  /** Every open, ack, refusal and close, as it happens (the cluster checker's log). */
  onEvent?: (event: ClientEvent) => void;
  /**
   * Reconnect on its own after a close it did not ask for, as a y-websocket provider does:
   * `next()` answers the address to try (another node, say), each try bounded by `timeoutMs`.
   */
  reconnect?: { next(): string; timeoutMs?: number };
  /**
   * Send no update frame on a connection before the answer to the server's step 1, which carries
   * every write the server lacks (as the board resends unconfirmed writes first): a write typed
   * meanwhile would otherwise reach a new owner ahead of the earlier ones and be refused (P2).
   */
  answerFirst?: boolean;
}

export type ClientEvent =
  | { kind: 'open'; connection: number; base: string; at: number }
  /** A frame carrying own writes, up to `clock`. */
  | { kind: 'send'; connection: number; base: string; clock: number; at: number }
  | { kind: 'ack'; connection: number; base: string; clock: number; at: number }
  | { kind: 'refused'; connection: number; base: string; rule: string; at: number }
  | { kind: 'close'; connection: number; base: string; code: number; at: number };

export interface Closed {
  code: number;
  reason: string;
  at: number;
}

/** One frame this client sent that carried its own writes. */
export interface SentUpdate {
  /** Connection number (acks count per connection). */
  connection: number;
  /** This client's own clock after the update: everything below it was sent. */
  clock: number;
  at: number;
}
