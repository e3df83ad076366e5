// [N36] A circle's live pages on every node: a write on one node reaches the
// streams held by the others through PostgreSQL's LISTEN/NOTIFY. The payload
// names only the circle and what changed (or whose streams end, and why); a
// page then reads the data itself. A lost listening connection is opened again.
import type pg from 'pg';
import type { Logger } from 'pino';
import { z } from 'zod';
import { CIRCLE_CHANGE_PARTS, type CircleChangePart } from '@consent/shared';
import { CircleEvents } from '../circles/CircleEvents.ts';

const CHANNEL = 'consent_circle_events';

const Message = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changed'), from: z.string(), circleId: z.string(), parts: z.array(z.enum(CIRCLE_CHANGE_PARTS)) }),
  z.object({ kind: z.literal('ended'), from: z.string(), circleId: z.string(), personId: z.string(), reason: z.string() }),
]);
type Message = z.infer<typeof Message>;

export class ClusterCircleEvents extends CircleEvents {
  private listener: { client: pg.PoolClient; drop(err?: Error): void } | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly nodeId: () => string,
    private readonly log: Logger,
  ) {
    super();
  }

  /** Starts listening; resolves once the LISTEN is in place. */
  async listen(): Promise<void> {
    const client = await this.pool.connect();
    let released = false;
    const drop = (err?: Error) => {
      if (released) return;
      released = true;
      if (this.listener?.client === client) this.listener = null;
      client.release(err);
    };
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.received(n.payload);
    });
    client.on('error', (err) => {
      this.log.warn({ err: err.message }, 'circle events connection lost; listening again');
      drop(err);
      this.relisten();
    });
    try {
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      drop(err instanceof Error ? err : new Error(String(err)));
      throw err;
    }
    this.listener = { client, drop };
  }

  /** Listens again a second later, and again until the database answers. */
  private relisten(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped && !this.listener) this.listen().catch(() => this.relisten());
    }, 1000);
    this.retry.unref();
  }

  override changed(circleId: string, ...parts: CircleChangePart[]): void {
    super.changed(circleId, ...parts);
    this.publish({ kind: 'changed', from: this.nodeId(), circleId, parts });
  }

  override endMember(circleId: string, personId: string, reason: string): void {
    super.endMember(circleId, personId, reason);
    this.publish({ kind: 'ended', from: this.nodeId(), circleId, personId, reason });
  }

  private publish(message: Message): void {
    this.pool
      .query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)])
      .catch((err: unknown) => this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'telling other nodes failed'));
  }

  private received(payload: string): void {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return;
    }
    const parsed = Message.safeParse(json);
    if (!parsed.success || parsed.data.from === this.nodeId()) return;
    const m = parsed.data;
    if (m.kind === 'changed') super.changed(m.circleId, ...m.parts);
    else super.endMember(m.circleId, m.personId, m.reason);
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const listener = this.listener;
    if (!listener) return;
    await listener.client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
    listener.drop();
  }
}
