import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8787);
    expect(c.host).toBe('127.0.0.1');
    expect(c.maxFrameBytes).toBe(1024 * 1024);
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.clientDist).toMatch(/\/client\/dist$/);
    expect(c.tokenSecret).toBeUndefined();
    expect(c.sqliteCacheMb).toBe(8);
    expect(c.tokenTtlDays).toBe(30);
    expect(c).toMatchObject({
      meetingsPerMinute: 10,
      joinsPerMinute: 60,
      ticketsPerMinute: 300,
      maxParticipants: 200,
      maxPendingConnections: 32,
      maxPendingUpgrades: 16,
      headersTimeoutMs: 10_000,
      retentionDays: 0,
    });
  });

  it('reads the abuse limits and the retention', () => {
    const c = loadConfig({ MEETINGS_PER_MINUTE: '3', JOINS_PER_MINUTE: '4', MAX_PARTICIPANTS: '5', RETENTION_DAYS: '30' });
    expect(c).toMatchObject({ meetingsPerMinute: 3, joinsPerMinute: 4, maxParticipants: 5, retentionDays: 30 });
  });

  it('reads and coerces the variables', () => {
    const c = loadConfig({ PORT: '0', DATA_DIR: '/tmp/x', COMPACT_EVERY: '5', LOG_LEVEL: 'warn', ROOM_GRACE_MS: '' });
    expect(c).toMatchObject({ port: 0, dataDir: '/tmp/x', compactEvery: 5, logLevel: 'warn', roomGraceMs: 10_000 });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MAX_FRAME_BYTES', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['TOKEN_SECRET', 'short'],
    ['MAX_MESSAGES_PER_SECOND', '0'],
    ['SQLITE_CACHE_MB', '0'],
    ['TOKEN_TTL_DAYS', '0'],
    ['MEETINGS_PER_MINUTE', '0'],
    ['MAX_PARTICIPANTS', 'many'],
    ['MAX_PENDING_CONNECTIONS', '0'],
    ['HEADERS_TIMEOUT_MS', '10'],
    ['RETENTION_DAYS', '-1'],
  ])('a bad %s stops the start naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
