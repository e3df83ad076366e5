import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomCode, resolveTokenSecret, TokenSigner } from './tokens.ts';

const dir = mkdtempSync(join(tmpdir(), 'consent-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tokens', () => {
  const signer = new TokenSigner('a-secret-of-sixteen+');

  it('round-trips the claims of a signed token', () => {
    const token = signer.sign({ meetingId: 'm1', participantId: 'p1', role: 'guest' });
    expect(signer.verify(token)).toEqual({ meetingId: 'm1', participantId: 'p1', role: 'guest' });
  });

  it('refuses a token with any part changed', () => {
    const token = signer.sign({ meetingId: 'm1', participantId: 'p1', role: 'observer' });
    const [m, p, , mac] = token.split('.');
    expect(signer.verify(`${m}.${p}.member.${mac}`)).toBeNull();
    expect(signer.verify(`m2.${p}.observer.${mac}`)).toBeNull();
    expect(signer.verify(token.slice(0, -2))).toBeNull();
    expect(signer.verify('')).toBeNull();
    expect(signer.verify('a.b.c')).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const other = new TokenSigner('another-secret-of-16');
    expect(signer.verify(other.sign({ meetingId: 'm1', participantId: 'p1', role: 'member' }))).toBeNull();
  });

  it('makes readable codes of the asked length', () => {
    const code = randomCode();
    expect(code).toMatch(/^[a-z2-9]{10}$/);
    expect(randomCode()).not.toBe(code);
  });

  it('generates the secret once, keeps it with mode 600, and prefers a configured one', () => {
    const first = resolveTokenSecret(undefined, dir);
    expect(resolveTokenSecret(undefined, dir)).toBe(first);
    expect(readFileSync(join(dir, 'secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(resolveTokenSecret('configured-secret-123', dir)).toBe('configured-secret-123');
  });
});
