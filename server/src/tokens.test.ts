import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomCode, resolveTokenSecret, TokenSigner } from './tokens.ts';

const dir = mkdtempSync(join(tmpdir(), 'consent-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tokens', () => {
  const signer = new TokenSigner('a-secret-of-sixteen+');

  const expiresAt = Date.UTC(2030, 0, 1);

  it('round-trips the claims of a signed token, its expiry included', () => {
    const token = signer.sign({ meetingId: 'm1', participantId: 'p1', role: 'guest', expiresAt });
    expect(signer.verify(token)).toEqual({ meetingId: 'm1', participantId: 'p1', role: 'guest', expiresAt });
  });

  it('refuses a token with any part changed, its expiry included', () => {
    const token = signer.sign({ meetingId: 'm1', participantId: 'p1', role: 'observer', expiresAt });
    const [m, p, , exp, mac] = token.split('.');
    expect(signer.verify(`${m}.${p}.member.${exp}.${mac}`)).toBeNull();
    expect(signer.verify(`m2.${p}.observer.${exp}.${mac}`)).toBeNull();
    expect(signer.verify(`${m}.${p}.observer.${(parseInt(exp!, 36) + 86_400).toString(36)}.${mac}`)).toBeNull();
    expect(signer.verify(`${m}.${p}.observer.${mac}`)).toBeNull();
    expect(signer.verify(token.slice(0, -2))).toBeNull();
    expect(signer.verify('')).toBeNull();
    expect(signer.verify('a.b.c')).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const other = new TokenSigner('another-secret-of-16');
    expect(signer.verify(other.sign({ meetingId: 'm1', participantId: 'p1', role: 'member', expiresAt }))).toBeNull();
  });

  it('still reads a token of the first release, which has no expiry part', () => {
    const body = 'm1.p1.member';
    const legacy = `${body}.${createHmac('sha256', 'a-secret-of-sixteen+').update(body).digest('base64url')}`;
    expect(signer.verify(legacy)).toEqual({ meetingId: 'm1', participantId: 'p1', role: 'member', expiresAt: null });
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
