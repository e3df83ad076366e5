// [N20] kill -9 of a meeting's owner under load, writers on every node: the meeting
// moves to another node once the lease expires, every client reconnects (4010 from a
// forwarding node, a dropped socket from the dead one) and resyncs, and nothing any
// client saw acknowledged or relayed is lost. The killed node comes back each time.
import { describe, expect, it } from 'vitest';
import { checkAll, problems, settle } from './harness/clusterChecks.ts';
import { clusterUnderLoad } from './harness/clusterLoad.ts';
import { percentile, pick, report, SCENARIO_TIMEOUT } from './harness/mode.ts';
import { waitFor } from './harness/wait.ts';

const KILLS = pick(3, 20);
const MEETINGS = 3;

describe('cluster: kill -9 of the owner', () => {
  const run = clusterUnderLoad(MEETINGS);

  it(
    `[N20][N24] ${KILLS} owners killed under load: meetings move, nothing acknowledged or relayed is lost, the log replays to every client`,
    async () => {
      const { cluster, load } = run;
      load.startTyping(8);
      const failoverMs: number[] = [];
      const moves: string[] = [];
      for (let kill = 0; kill < KILLS; kill += 1) {
        const acked = load.acks;
        await waitFor(() => load.acks >= acked + 40, { timeoutMs: 30_000, what: `acknowledged writes before kill ${kill + 1}` });
        const leases = await load.leases();
        const target = load.meetings[kill % MEETINGS]!.meetingId;
        const victim = leases.get(target)!.node;
        const moved = [...leases].filter(([, l]) => l.node === victim);
        const t0 = Date.now();
        await cluster.nodes[victim]!.server.kill9();
        for (const [meetingId, before] of moved) {
          await waitFor(() => load.firstAckAfter(meetingId, t0) !== null, {
            timeoutMs: 30_000,
            what: `an acknowledged write of ${meetingId} after kill ${kill + 1}\n${cluster.tails()}`,
          });
          failoverMs.push(load.firstAckAfter(meetingId, t0)! - t0);
          const after = (await cluster.lease(meetingId))!;
          expect(after.node, `${meetingId} still on the killed node`).not.toBe(victim);
          expect(after.epoch).toBeGreaterThan(before.epoch);
          moves.push(`${meetingId}: ${before.owner}@${before.epoch} → ${after.owner}@${after.epoch}`);
        }
        await cluster.nodes[victim]!.server.start();
      }

      await settle(load);
      const { checks, figures } = await checkAll(cluster, load);
      const closes = load.entries.filter((e) => e.kind === 'close');
      report('N20 cluster kill -9 of the owner', {
        kills: KILLS,
        meetingsMoved: moves.length,
        failoverMsP50: percentile(failoverMs, 50),
        failoverMsP99: percentile(failoverMs, 99),
        failoverMsMax: Math.round(Math.max(...failoverMs)),
        updatesWritten: load.written,
        ...figures,
        closes4010: closes.filter((e) => e.code === 4010).length,
        closesOther: closes.filter((e) => e.code !== 4010).length,
      });
      expect(problems(checks)).toEqual([]);
      expect(load.refusals).toEqual([]);
      expect(moves.length).toBeGreaterThanOrEqual(KILLS);
      expect(figures.acksChecked).toBeGreaterThan(KILLS * 40);
      // clients of forwarding nodes were told the meeting moved
      expect(closes.some((e) => e.code === 4010)).toBe(true);
      for (const n of cluster.nodes) expect(n.server.unexpectedExits, n.id).toEqual([]);
    },
    SCENARIO_TIMEOUT,
  );
});
