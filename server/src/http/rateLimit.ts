// Per-address token buckets for the API's costly routes (create, join, ticket
// minting): `perMinute` requests a minute per address, in bursts of as many.
// The clock is a parameter. Apply to a route with
// `app.post(path, rateLimit(limiter, 'sync tickets'), handler)`.
import type { MiddlewareHandler } from 'hono';
import { clientAddress } from './clientAddress.ts';

interface Bucket {
  tokens: number;
  at: number;
}

/** Full buckets are forgotten every this many requests, so memory follows the active addresses. */
const PRUNE_EVERY = 1024;

export class AddressRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private takes = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one request of `address`: 0 when allowed, else the whole seconds until one is. */
  take(address: string): number {
    const t = this.now();
    if (++this.takes % PRUNE_EVERY === 0) this.prune(t);
    let b = this.buckets.get(address);
    if (!b) this.buckets.set(address, (b = { tokens: this.perMinute, at: t }));
    b.tokens = Math.min(this.perMinute, b.tokens + Math.max(0, t - b.at) * this.perMs);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000));
  }

  /** Addresses currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  /** A bucket that has refilled is the same as no bucket. */
  private prune(t: number): void {
    for (const [address, b] of this.buckets) {
      if (b.tokens + (t - b.at) * this.perMs >= this.perMinute) this.buckets.delete(address);
    }
  }
}

/** Answers 429 with `Retry-After` once the caller's address has used its requests; `what` names them. */
export function rateLimit(limiter: AddressRateLimiter, what: string): MiddlewareHandler {
  return async (c, next) => {
    const wait = limiter.take(clientAddress(c));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.json({ error: `Too many ${what} from your address (at most ${limiter.perMinute} a minute). Try again in ${wait} s.` }, 429);
    }
    await next();
  };
}
