// [N22] PostgreSQL crashes (`pg_ctl -m immediate`, no checkpoint) and starts again
// under load, writers on every node: writes wait or fail loudly (clients are closed
// and resync), no node goes down, every meeting is served again once the database is
// back, and nothing any client saw acknowledged or relayed is missing from the log.
import { describe, expect, it } from 'vitest';
import { checkAll, diagnose, problems, settle } from './harness/clusterChecks.ts';
import { clusterUnderLoad } from './harness/clusterLoad.ts';
import { percentile, pick, report, SCENARIO_TIMEOUT } from './harness/mode.ts';
import { waitFor } from './harness/wait.ts';

const CRASHES = pick(2, 5);
const MEETINGS = 3;

describe('cluster: PostgreSQL crash and restart', () => {
  const run = clusterUnderLoad(MEETINGS);

  it(
    `[N22][N24] ${CRASHES} database crash(es) under load: writes wait or fail loudly, every meeting is served again, nothing acknowledged vanishes`,
    async () => {
      const { cluster, load } = run;
      load.startTyping(8);
      const recoveryMs: number[] = [];
      const downMs: number[] = [];
      for (let crash = 0; crash < CRASHES; crash += 1) {
        const acked = load.acks;
        await waitFor(() => load.acks >= acked + 100, { timeoutMs: 30_000, what: `acknowledged writes before crash ${crash + 1}` });
        const t0 = Date.now();
        cluster.postgres.crash();
        cluster.postgres.start();
        const up = Date.now();
        downMs.push(up - t0);
        // a meeting whose owner had no write in flight and renewed its lease in time keeps its connections
        for (const m of load.meetings) {
          await waitFor(() => load.firstAnyAckAfter(m.meetingId, up) !== null, {
            timeoutMs: 30_000,
            what: `an acknowledged write of ${m.meetingId} after the database came back`,
          }).catch(async (err: Error) => {
            throw new Error(`${err.message}\n${await diagnose(cluster, load)}`);
          });
          recoveryMs.push(load.firstAnyAckAfter(m.meetingId, up)! - t0);
        }
      }

      await settle(load);
      const { checks, figures } = await checkAll(cluster, load);
      const closes = load.entries.filter((e) => e.kind === 'close');
      const codes: Record<string, number> = {};
      for (const e of closes) if (e.kind === 'close') codes[e.code] = (codes[e.code] ?? 0) + 1;
      report('N22 cluster PostgreSQL crash and restart', {
        crashes: CRASHES,
        databaseDownMsMax: Math.max(...downMs),
        crashToFirstAckMsP50: percentile(recoveryMs, 50),
        crashToFirstAckMsP99: percentile(recoveryMs, 99),
        updatesWritten: load.written,
        ...figures,
        closeCodes: codes,
      });
      expect(problems(checks)).toEqual([]);
      expect(load.refusals).toEqual([]);
      // the clients were told: their connections closed and they resynced
      expect(closes.length).toBeGreaterThan(0);
      for (const n of cluster.nodes) expect(n.server.unexpectedExits, `${n.id}\n${n.server.tail()}`).toEqual([]);
    },
    SCENARIO_TIMEOUT,
  );
});
