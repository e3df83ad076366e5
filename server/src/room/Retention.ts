// RETENTION_DAYS: meetings closed longer ago than that are deleted, like a
// facilitator's delete. Checked at start and then every hour, on a timer that
// keeps no process alive; the clock is a parameter.
import type { Logger } from 'pino';
import type { Storage } from '../storage/Storage.ts';
import { OwnedElsewhere, type RoomManager } from './RoomManager.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface RetentionOptions {
  days: number;
  storage: Storage;
  manager: RoomManager;
  log: Logger;
  now(): number;
  intervalMs?: number;
}

export class Retention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string[]> | null = null;

  constructor(private readonly opts: RetentionOptions) {}

  start(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.opts.intervalMs ?? 3600_000);
    this.timer.unref();
  }

  /** Deletes every meeting closed more than `days` ago; resolves with their ids. One sweep at a time. */
  sweep(): Promise<string[]> {
    this.running ??= this.purge().finally(() => (this.running = null));
    return this.running;
  }

  private async purge(): Promise<string[]> {
    const before = this.opts.now() - this.opts.days * DAY_MS;
    const deleted: string[] = [];
    try {
      for (const id of await this.opts.storage.closedBefore(before)) {
        try {
          if (await this.opts.manager.deleteMeeting(id)) deleted.push(id);
        } catch (err) {
          // several nodes: another node has it open; deleted by a later sweep, once it let go
          if (!(err instanceof OwnedElsewhere)) throw err;
        }
      }
    } catch (err) {
      this.opts.log.error({ err }, 'the retention sweep failed; it runs again at the next interval');
    }
    if (deleted.length)
      this.opts.log.info({ count: deleted.length, days: this.opts.days }, 'closed meetings deleted after their retention');
    return deleted;
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
