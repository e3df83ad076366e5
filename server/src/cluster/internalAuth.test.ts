import { describe, expect, it } from 'vitest';
import { InternalAuth } from './internalAuth.ts';

const auth = new InternalAuth('a secret of at least sixteen');
const identity = { meetingId: 'm1', participantId: 'p1', role: 'member' as const };

describe('signed words between nodes', () => {
  it('[N34] a forwarded identity reads back on the owner, for its meeting, within 30 s', () => {
    const header = auth.forwarded(identity, true, 1000);
    expect(auth.readForwarded(header, 'm1', 1000)).toEqual({ identity, ack: true });
    expect(auth.readForwarded(header, 'm2', 1000)).toBeNull();
    expect(auth.readForwarded(header, 'm1', 1000 + 30_001)).toBeNull();
  });

  it('[N34] a header signed with another secret, altered, or not JSON opens nothing', () => {
    const other = new InternalAuth('another secret, sixteen or more');
    expect(auth.readForwarded(other.forwarded(identity, false, 0), 'm1', 0)).toBeNull();
    const [body, mac] = auth.forwarded(identity, false, 0).split('.');
    const facilitator = Buffer.from(JSON.stringify({ ...identity, role: 'facilitator', ack: false, exp: 30_000 })).toString('base64url');
    expect(auth.readForwarded(`${facilitator}.${mac}`, 'm1', 0)).toBeNull();
    expect(auth.readForwarded(`${body}`, 'm1', 0)).toBeNull();
    expect(auth.readForwarded(undefined, 'm1', 0)).toBeNull();
  });

  it('[N35] a hop carries the client address for the owner, and expires', () => {
    const hop = auth.hop(5000, '203.0.113.9');
    expect(auth.readHop(hop, 5000)).toBe('203.0.113.9');
    expect(auth.readHop(hop, 5000 + 30_001)).toBeNull();
    expect(
      auth.readHop(
        hop.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        5000,
      ),
    ).toBeNull();
  });
});
