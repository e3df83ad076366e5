// [N23] One node cut from PostgreSQL (its TCP proxy stops passing bytes both ways,
// nothing is closed) for longer than the lease TTL, then reconnected: its meetings
// move to the other nodes; it acknowledges nothing later than two thirds of the TTL
// after the cut (its last renewal was before it); every write it acknowledged before
// is in the log; its clients are told the meeting moved and resync at the new owner.
import { describe, expect, it } from 'vitest';
import { CLOSE } from '@consent/shared';
import { checkAll, diagnose, problems, settle } from './harness/clusterChecks.ts';
import { clusterUnderLoad } from './harness/clusterLoad.ts';
import { percentile, pick, report, SCENARIO_TIMEOUT } from './harness/mode.ts';
import { waitFor } from './harness/wait.ts';

const CUTS = pick(2, 5);
const MEETINGS = 3;
/** An ack sent by the node just before its deadline still crosses the test process's busy event loop. */
const DELIVERY_SLACK_MS = 250;

describe('cluster: one node cut from PostgreSQL', () => {
  const run = clusterUnderLoad(MEETINGS);

  it(
    `[N23][N24] ${CUTS} node(s) cut from the database past the TTL: meetings move, the cut node stops acknowledging, nothing it acknowledged is lost`,
    async () => {
      const { cluster, load } = run;
      load.startTyping(8);
      const failoverMs: number[] = [];
      const cutMs: number[] = [];
      const lateAcks: string[] = [];
      let lastAckAfterCut = Number.NEGATIVE_INFINITY;
      let moves = 0;
      let told4010 = 0;
      for (let cut = 0; cut < CUTS; cut += 1) {
        const acked = load.acks;
        await waitFor(() => load.acks >= acked + 40, { timeoutMs: 30_000, what: `acknowledged writes before cut ${cut + 1}` });
        const leases = await load.leases();
        const victim = leases.get(load.meetings[cut % MEETINGS]!.meetingId)!.node;
        const node = cluster.nodes[victim]!;
        const moved = [...leases].filter(([, l]) => l.node === victim);
        const t0 = Date.now();
        node.proxy.pause();
        // connections the cut node served: open at the cut (direct or forwarded to it)
        const served = load.openAt(t0).filter((c) => moved.some(([m]) => m === c.meetingId));
        for (const [meetingId, before] of moved) {
          await waitFor(
            async () => load.firstAckAfter(meetingId, t0, victim) !== null && (await cluster.lease(meetingId))!.node !== victim,
            {
              timeoutMs: 30_000,
              what: `${meetingId} to move off the cut ${node.id} and acknowledge a write`,
            },
          ).catch(async (err: Error) => {
            throw new Error(`${err.message}\n${await diagnose(cluster, load)}`);
          });
          failoverMs.push(load.firstAckAfter(meetingId, t0, victim)! - t0);
          expect((await cluster.lease(meetingId))!.epoch).toBeGreaterThan(before.epoch);
          moves += 1;
        }
        await waitFor(() => served.every((c) => load.closeCode(c.writer, c.meetingId, c.connection) !== null), {
          timeoutMs: 15_000,
          what: 'the cut node’s connections to close',
        });
        for (const c of served)
          expect(load.closeCode(c.writer, c.meetingId, c.connection), `${c.writer} on node-${c.node}`).toBe(CLOSE.moved);
        told4010 += served.length;
        // the fault lasts at least one and a half TTLs (a measured duration, not a synchronisation)
        await waitFor(() => Date.now() - t0 >= 1.5 * cluster.ttlMs, { what: 'the fault’s duration' });
        const t1 = Date.now();
        cutMs.push(t1 - t0);
        node.proxy.resume();
        // acks on the cut node's connections (or on any opened straight to it during the cut)
        const deadline = t0 + (cluster.ttlMs * 2) / 3 + DELIVERY_SLACK_MS;
        const servedKeys = new Set(served.map((c) => `${c.meetingId}/${c.writer}#${c.connection}`));
        for (const e of load.entries) {
          if (e.kind !== 'ack' || e.at < t0 || e.at > t1 || !moved.some(([m]) => m === e.meetingId)) continue;
          const key = `${e.meetingId}/${e.writer}#${e.connection}`;
          const fromCut = servedKeys.has(key) || e.node === victim;
          if (!fromCut) continue;
          lastAckAfterCut = Math.max(lastAckAfterCut, e.at - t0);
          if (e.at > deadline) lateAcks.push(`${e.writer} on node-${e.node} at +${e.at - t0} ms`);
        }
      }

      await settle(load);
      const { checks, figures } = await checkAll(cluster, load);
      report('N23 cluster node cut from PostgreSQL', {
        cuts: CUTS,
        ttlMs: cluster.ttlMs,
        cutMsMax: Math.max(...cutMs),
        meetingsMoved: moves,
        failoverMsP50: percentile(failoverMs, 50),
        failoverMsP99: percentile(failoverMs, 99),
        lastAckFromCutNodeMsAfterCut: Number.isFinite(lastAckAfterCut) ? lastAckAfterCut : 'none',
        connectionsTold4010: told4010,
        updatesWritten: load.written,
        ...figures,
      });
      expect(lateAcks).toEqual([]);
      expect(problems(checks)).toEqual([]);
      expect(load.refusals).toEqual([]);
      expect(cutMs.every((ms) => ms > cluster.ttlMs)).toBe(true);
      for (const n of cluster.nodes) expect(n.server.unexpectedExits, n.id).toEqual([]);
    },
    SCENARIO_TIMEOUT,
  );
});
