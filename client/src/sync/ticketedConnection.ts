// Connects a y-websocket provider with a fresh single-use ticket before every
// connect, so that the token never travels in a URL. The provider would
// reconnect by itself with the same (used) ticket, so it never may: after every
// close we ask for a new ticket, and that answer also says why a connection
// failed — a refused upgrade only reaches a browser as close 1006, and a final
// close code (4403, a removal) as no reason at all.
import type { WebsocketProvider } from 'y-websocket';
import { SYNC_PARAM } from '@consent/shared';
import { ApiError } from '../api.ts';
import { isCannotOpenStatus, type CannotOpenStatus } from '../access/words.ts';

export interface TicketedConnection {
  /** Connect now and after every close, until `stop`. */
  start(): void;
  /** Disconnect and stay disconnected (offline, or leaving the board). */
  stop(): void;
}

export interface TicketOptions {
  fetchTicket(): Promise<{ ticket: string }>;
  /** The server refused this device's pass for good: the board cannot open. */
  onRefused(status: CannotOpenStatus, reason: string): void;
  /** No ticket now (no network, server down or busy); we try again later. */
  onUnreachable(): void;
}

export function ticketedConnection(provider: WebsocketProvider, opts: TicketOptions): TicketedConnection {
  let wanted = false;
  let inFlight = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const attempt = async () => {
    timer = undefined;
    if (!wanted || inFlight) return;
    inFlight = true;
    try {
      const { ticket } = await opts.fetchTicket();
      failures = 0;
      if (!wanted) return;
      provider.params = { ...provider.params, [SYNC_PARAM.ticket]: ticket };
      provider.connect();
    } catch (err) {
      if (!wanted) return;
      if (err instanceof ApiError && isCannotOpenStatus(err.status)) {
        wanted = false;
        opts.onRefused(err.status, err.message);
        return;
      }
      failures += 1;
      opts.onUnreachable();
      schedule();
    } finally {
      inFlight = false;
    }
  };

  // The provider's own back-off: 100 ms doubling up to its maxBackoffTime (2.5 s).
  const schedule = () => {
    if (!wanted || timer !== undefined) return;
    const delay = Math.min(2 ** (provider.wsUnsuccessfulReconnects + failures) * 100, provider.maxBackoffTime);
    timer = setTimeout(() => void attempt(), delay);
  };

  provider.on('connection-close', () => {
    // The ticket in its params is used up: the provider must not reconnect with it.
    provider.shouldConnect = false;
    schedule();
  });

  return {
    start() {
      wanted = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      void attempt();
    },
    stop() {
      wanted = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      provider.disconnect();
    },
  };
}
