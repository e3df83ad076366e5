// The set-up's decisions, for machines this one is not: another Node prefix,
// no pnpm, a Mac, a user without root.
import { describe, expect, it } from 'vitest';
import { browserCandidates, browserInstalls, chooseNodedir, choosePnpm, headerVersion } from '../../scripts/setupPlan.mjs';

const header = (v: string) => {
  const [major, minor, patch] = v.split('.');
  return `#define NODE_MAJOR_VERSION ${major}\n#define NODE_MINOR_VERSION ${minor}\n#define NODE_PATCH_VERSION ${patch}\n`;
};

describe('choosePnpm', () => {
  const base = { pin: '12.4.2', localBin: '/repo/node_modules/.bin/pnpm' };
  it.each([
    { localVersion: '12.4.2', pathVersion: '', how: 'workspace', command: '/repo/node_modules/.bin/pnpm' },
    { localVersion: '12.4.2', pathVersion: '12.4.2', how: 'workspace', command: '/repo/node_modules/.bin/pnpm' },
    { localVersion: '', pathVersion: '12.4.2', how: 'path', command: 'pnpm' },
    { localVersion: '11.0.0', pathVersion: '9.1.0', how: 'npx', command: 'npx --yes pnpm@12.4.2' },
    { localVersion: '', pathVersion: '', how: 'npx', command: 'npx --yes pnpm@12.4.2' },
  ])('local $localVersion, on PATH $pathVersion → $how', ({ localVersion, pathVersion, how, command }) => {
    expect(choosePnpm({ ...base, localVersion, pathVersion })).toEqual({ how, command });
  });

  it('quotes a workspace path with a space', () => {
    expect(choosePnpm({ pin: '1.0.0', localBin: '/Users/a b/repo/pnpm', localVersion: '1.0.0', pathVersion: '' }).command).toBe(
      '"/Users/a b/repo/pnpm"',
    );
  });
});

describe('chooseNodedir', () => {
  const headersAt = (files: Record<string, string>) => (path: string) => files[path] ?? null;

  it('uses the headers beside the running Node when their version matches', () => {
    const versionHeader = headersAt({ '/opt/node-20/include/node/node_version.h': header('20.20.2') });
    expect(chooseNodedir({ execPath: '/opt/node-20/bin/node', version: '20.20.2', configured: undefined, versionHeader })).toBe(
      '/opt/node-20',
    );
  });

  it('leaves headers of another version to node-gyp', () => {
    const versionHeader = headersAt({ '/usr/include/node/node_version.h': header('20.11.0') });
    expect(chooseNodedir({ execPath: '/usr/bin/node', version: '20.20.2', configured: undefined, versionHeader })).toBeNull();
  });

  it('leaves a Node without headers (nvm, fnm, a Mac installer) to node-gyp', () => {
    expect(
      chooseNodedir({
        execPath: '/home/a/.nvm/versions/node/v20.20.2/bin/node',
        version: '20.20.2',
        configured: undefined,
        versionHeader: () => null,
      }),
    ).toBeNull();
  });

  it('keeps an explicit npm_config_nodedir', () => {
    expect(chooseNodedir({ execPath: '/usr/bin/node', version: '20.20.2', configured: '/somewhere', versionHeader: () => null })).toBe(
      '/somewhere',
    );
  });

  it('reads a version from node_version.h, or nothing from another file', () => {
    expect(headerVersion(header('22.1.0'))).toBe('22.1.0');
    expect(headerVersion('#define SOMETHING 1')).toBeNull();
  });
});

describe('browser', () => {
  it('tries only CHROMIUM_PATH when it is set', () => {
    expect(browserCandidates({ env: { CHROMIUM_PATH: '/x/chrome' }, platform: 'linux' })).toEqual(['/x/chrome']);
  });

  it('looks in the usual places of each platform', () => {
    expect(browserCandidates({ env: {}, platform: 'linux' })[0]).toBe('/usr/bin/chromium');
    expect(browserCandidates({ env: {}, platform: 'darwin' }).every((p) => p.startsWith('/Applications/'))).toBe(true);
  });

  it.each([
    { facts: { platform: 'linux', isRoot: true, hasApt: true, hasSudo: false }, ways: ['apt', 'playwright'] },
    { facts: { platform: 'linux', isRoot: false, hasApt: true, hasSudo: true }, ways: ['sudo-apt', 'playwright'] },
    { facts: { platform: 'linux', isRoot: false, hasApt: true, hasSudo: false }, ways: ['playwright'] },
    { facts: { platform: 'darwin', isRoot: false, hasApt: false, hasSudo: true }, ways: ['playwright'] },
  ])('installs a browser by $ways', ({ facts, ways }) => {
    expect(browserInstalls(facts)).toEqual(ways);
  });
});
