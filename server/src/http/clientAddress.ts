// The address a per-client limit counts against: the socket's peer (no proxy
// header is trusted), an IPv4-mapped IPv6 address as IPv4, and IPv6 by its /64,
// since one host usually holds a whole /64 and could rotate through it.
import { isIPv6 } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function addressKey(raw: string | undefined): string {
  if (!raw) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  if (mapped) return mapped[1]!;
  if (!isIPv6(raw)) return raw;
  const [head = '', tail = ''] = raw.split('::');
  const left = head ? head.split(':') : [];
  const right = raw.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = raw.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

export function clientAddress(c: Context): string {
  // several nodes: the address a forwarding node vouched for (cluster/httpForwarding.ts)
  const vouched = c.get('consentForwardedFor' as never) as string | undefined;
  if (vouched) return vouched;
  try {
    return addressKey(getConnInfo(c).remote.address);
  } catch {
    // not served by Node (app.request in a test): one shared bucket
    return 'unknown';
  }
}
