// Load that runs in a process of its own, so that the test process (which
// measures latency) does not compete with it on the same event loop.
// `node --import tsx loadGenerator.ts '<json job>'` prints one JSON result line.
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { MESSAGE } from '@consent/shared';

export type Job =
  | { kind: 'noToken'; wsUrl: string; meetingId: string; attempts: number; concurrency: number }
  | {
      kind: 'messages';
      wsUrl: string;
      meetingId: string;
      token: string;
      participantId: string;
      name: string;
      rate: number;
      durationMs: number;
    };

export type Outcomes = Record<string, number>;

const count = (outcomes: Outcomes, key: string) => (outcomes[key] = (outcomes[key] ?? 0) + 1);

async function noToken(job: Extract<Job, { kind: 'noToken' }>): Promise<Outcomes> {
  const outcomes: Outcomes = {};
  let next = 0;
  const worker = async () => {
    while (next < job.attempts) {
      next += 1;
      const outcome = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${job.wsUrl}/sync/${job.meetingId}`);
        ws.on('unexpected-response', (_req, res) => {
          res.resume();
          resolve(`http ${res.statusCode}`);
        });
        ws.on('open', () => ws.on('close', (code) => resolve(`close ${code}`)));
        ws.on('error', (err) => resolve(`error ${err.message}`));
      });
      count(outcomes, outcome);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return outcomes;
}

/** Awareness frames of the sender's own identity at `rate` per second; reconnects at once when closed. */
async function messages(job: Extract<Job, { kind: 'messages' }>): Promise<{ closes: Outcomes; sent: number; connections: number }> {
  const closes: Outcomes = {};
  let sent = 0;
  let connections = 0;
  const start = Date.now();
  const clientId = Math.floor(Math.random() * 2 ** 31);
  const frame = (n: number) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, n + 1);
    encoding.writeVarString(inner, JSON.stringify({ user: { id: job.participantId, name: job.name, color: '#000' }, n }));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    return encoding.toUint8Array(e);
  };
  while (Date.now() - start < job.durationMs) {
    connections += 1;
    const ws = new WebSocket(`${job.wsUrl}/sync/${job.meetingId}?token=${job.token}`, { perMessageDeflate: false });
    const closed = new Promise<void>((resolve) => {
      ws.on('close', (code) => {
        count(closes, String(code));
        resolve();
      });
      ws.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => {
      ws.once('open', () => resolve());
      ws.once('close', () => resolve());
    });
    while (ws.readyState === WebSocket.OPEN && Date.now() - start < job.durationMs) {
      const due = Math.floor(((Date.now() - start) / 1000) * job.rate) - sent;
      for (let i = 0; i < due && ws.readyState === WebSocket.OPEN; i += 1) ws.send(frame(sent++));
      await new Promise((r) => setTimeout(r, 5));
    }
    if (ws.readyState === WebSocket.OPEN) ws.close(1000);
    await closed;
  }
  return { closes, sent, connections };
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const result = job.kind === 'noToken' ? await noToken(job) : await messages(job);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
