// [N21] SIGSTOP of a meeting's owner for longer than the lease TTL, then SIGCONT:
// another node takes the meeting while the stopped one still believes it owns it.
// When it wakes, it notices the lease is gone (its log says "lease lost" or "the lease
// moved"), lets the meeting go, and every client it served is closed with 4010 and
// resyncs at the new owner. The log never shows the old epoch after the new one.
import { describe, expect, it } from 'vitest';
import { CLOSE } from '@consent/shared';
import { checkAll, problems, settle } from './harness/clusterChecks.ts';
import { clusterUnderLoad } from './harness/clusterLoad.ts';
import { percentile, pick, report, SCENARIO_TIMEOUT } from './harness/mode.ts';
import { waitFor } from './harness/wait.ts';

const STOPS = pick(2, 5);
const MEETINGS = 3;
const LET_GO = /lease lost|the lease moved/;

describe('cluster: SIGSTOP of the owner past its lease', () => {
  const run = clusterUnderLoad(MEETINGS);

  it(
    `[N21][N24] ${STOPS} owner(s) frozen past the TTL: another node takes over, the woken node lets go with 4010, the fence keeps the log in epoch order`,
    async () => {
      const { cluster, load } = run;
      load.startTyping(8);
      const failoverMs: number[] = [];
      const stoppedMs: number[] = [];
      const moves: string[] = [];
      let told4010 = 0;
      for (let stop = 0; stop < STOPS; stop += 1) {
        const acked = load.acks;
        await waitFor(() => load.acks >= acked + 40, { timeoutMs: 30_000, what: `acknowledged writes before stop ${stop + 1}` });
        const leases = await load.leases();
        const victim = leases.get(load.meetings[stop % MEETINGS]!.meetingId)!.node;
        const node = cluster.nodes[victim]!;
        const moved = [...leases].filter(([, l]) => l.node === victim);
        const mark = node.server.linesPrinted;
        const t0 = Date.now();
        node.server.suspend();
        const served = load.openAt(t0).filter((c) => moved.some(([m]) => m === c.meetingId));
        for (const [meetingId, before] of moved) {
          // the stop lasts until the meeting has a new owner that acknowledged a write
          await waitFor(
            async () => load.firstAckAfter(meetingId, t0, victim) !== null && (await cluster.lease(meetingId))!.node !== victim,
            {
              timeoutMs: 30_000,
              what: `${meetingId} to move off the stopped ${node.id} and acknowledge a write`,
            },
          ).catch(async (err: Error) => {
            throw new Error(`${err.message}\n${await cluster.activity()}\n${cluster.tails()}`);
          });
          failoverMs.push(load.firstAckAfter(meetingId, t0, victim)! - t0);
          const after = (await cluster.lease(meetingId))!;
          expect(after.epoch).toBeGreaterThan(before.epoch);
          moves.push(`${meetingId}: ${before.owner}@${before.epoch} → ${after.owner}@${after.epoch}`);
        }
        // the fault lasts at least one and a half TTLs (a measured duration, not a synchronisation)
        await waitFor(() => Date.now() - t0 >= 1.5 * cluster.ttlMs, { what: 'the fault’s duration' });
        stoppedMs.push(Date.now() - t0);
        node.server.resume();
        await waitFor(() => node.server.printed(LET_GO, mark), { timeoutMs: 15_000, what: `${node.id} to log that it let the meeting go` });
        // every connection of the moved meetings open at the stop, direct or forwarded, is told the meeting moved
        await waitFor(() => served.every((c) => load.closeCode(c.writer, c.meetingId, c.connection) !== null), {
          timeoutMs: 15_000,
          what: 'the stopped owner’s connections to close',
        });
        for (const c of served)
          expect(load.closeCode(c.writer, c.meetingId, c.connection), `${c.writer} on node-${c.node}`).toBe(CLOSE.moved);
        told4010 += served.length;
      }

      await settle(load);
      const { checks, figures } = await checkAll(cluster, load);
      report('N21 cluster SIGSTOP of the owner', {
        stops: STOPS,
        ttlMs: cluster.ttlMs,
        stoppedMsMax: Math.max(...stoppedMs),
        meetingsMoved: moves.length,
        failoverMsP50: percentile(failoverMs, 50),
        failoverMsP99: percentile(failoverMs, 99),
        connectionsTold4010: told4010,
        updatesWritten: load.written,
        ...figures,
      });
      expect(problems(checks)).toEqual([]);
      expect(load.refusals).toEqual([]);
      expect(moves.length).toBeGreaterThanOrEqual(STOPS);
      expect(stoppedMs.every((ms) => ms > cluster.ttlMs)).toBe(true);
      for (const n of cluster.nodes) expect(n.server.unexpectedExits, n.id).toEqual([]);
    },
    SCENARIO_TIMEOUT,
  );
});
