// The set-up on a fresh copy of the repository, run the way a newcomer without
// root runs it: no pnpm installed, a Node from an unusual prefix, no browser
// they may install. Each run is a real `node scripts/setup.mjs` process.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const PIN = (
  JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: REPO, encoding: 'utf8' })) as {
    packageManager: string;
  }
).packageManager.replace('pnpm@', '');
const USER = 'consent-setup';
const isRoot = process.getuid?.() === 0;

let work: string;
let clone: string;
let home: string;
let shadow: string;

/** Runs a command as the unprivileged user (this user, when the tests already run without root). */
function asUser(command: string, args: string[], env: Record<string, string>, cwd = clone) {
  const base = { HOME: home, PATH: `${shadow}:${process.env.PATH}`, LANG: 'C.UTF-8', npm_config_store_dir: join(work, 'store'), ...env };
  const [cmd, argv] = isRoot
    ? ['runuser', ['-u', USER, '--', 'env', ...Object.entries(base).map(([k, v]) => `${k}=${v}`), command, ...args]]
    : [command, args];
  const result = spawnSync(cmd, argv, { cwd, encoding: 'utf8', env: isRoot ? { PATH: process.env.PATH ?? '' } : base, timeout: 240_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'consent-setup-'));
  chmodSync(work, 0o755);
  clone = join(work, 'clone');
  home = join(work, 'home');
  shadow = join(work, 'shadow');
  mkdirSync(home);
  mkdirSync(shadow);
  // A fresh clone: the files git knows, nothing built or installed.
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(REPO, file))) continue;
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(REPO, file), join(clone, file));
  }
  // An old pnpm on PATH that must never install anything: the set-up uses the pinned one, without a global install.
  const marker = join(work, 'global-pnpm-called');
  writeFileSync(join(shadow, 'pnpm'), `#!/bin/sh\n[ "$1" = "--version" ] && echo 9.0.0 && exit 0\necho "$@" > "${marker}"\nexit 1\n`, {
    mode: 0o755,
  });
  // The packages already fetched on this machine, so the run needs no more than the registry's pnpm itself.
  const store = execFileSync(join(REPO, 'node_modules', '.bin', 'pnpm'), ['store', 'path'], { cwd: REPO, encoding: 'utf8' }).trim();
  cpSync(store, join(work, 'store', 'v11'), { recursive: true });
  if (isRoot) {
    spawnSync('userdel', [USER]);
    execFileSync('useradd', ['--no-create-home', '--home-dir', home, '--shell', '/bin/sh', USER]);
    execFileSync('chown', ['-R', `${USER}:`, work]);
  }
}, 240_000);

afterAll(() => {
  if (isRoot) spawnSync('userdel', [USER]);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('set-up without root and without pnpm', () => {
  it('installs through the pinned pnpm fetched by npx, never a pnpm on PATH, and the SQLite driver loads', () => {
    const run = asUser('node', ['scripts/setup.mjs'], {});
    expect(run.out).toContain(`fetching pnpm ${PIN} through npx`);
    expect(run.status, run.out).toBe(0);
    expect(existsSync(join(work, 'global-pnpm-called'))).toBe(false);
    expect(asUser(join(clone, 'node_modules', '.bin', 'pnpm'), ['--version'], {}).out.trim()).toBe(PIN);
    const sqlite = asUser(
      'node',
      ['-e', "const D=require('better-sqlite3'); console.log(new D(':memory:').prepare('select 40+2 as n').get().n)"],
      {},
      join(clone, 'server'),
    );
    expect(sqlite.out.trim()).toBe('42');
  });

  it('a second run uses the workspace pnpm and changes nothing', () => {
    const run = asUser('node', ['scripts/setup.mjs'], {});
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain(`pnpm ${PIN} (workspace)`);
    expect(existsSync(join(work, 'global-pnpm-called'))).toBe(false);
  });

  it('a missing browser it may not install ends with a sentence that says what to do', () => {
    const run = asUser('node', ['scripts/setup.mjs', '--browser'], { CHROMIUM_PATH: join(work, 'no-such-chrome') });
    expect(run.status).toBe(1);
    expect(run.out).toContain('CHROMIUM_PATH is set to');
    expect(run.out).toContain('then run `npm test` again');
  });

  it('the browser step finds an installed browser and installs nothing', () => {
    const run = asUser('node', ['scripts/setup.mjs', '--browser'], {});
    expect(run.status, run.out).toBe(0);
    expect(run.out).toMatch(/browser for the tests: \//);
    expect(run.out).not.toContain('installing Chromium');
  });
});

describe('set-up with a Node from another prefix', () => {
  let prefix: string;
  beforeAll(() => {
    prefix = join(work, 'node-prefix');
    mkdirSync(join(prefix, 'bin'), { recursive: true });
    copyFileSync(process.execPath, join(prefix, 'bin', 'node'));
    chmodSync(join(prefix, 'bin', 'node'), 0o755);
    if (isRoot) execFileSync('chown', ['-R', `${USER}:`, prefix]);
  });

  it('without headers beside it, leaves them to node-gyp instead of borrowing another Node’s', () => {
    const run = asUser(join(prefix, 'bin', 'node'), ['scripts/setup.mjs'], {});
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain('Node headers for native builds: none beside this Node');
  });

  it('with its own headers of the same version, builds against them', () => {
    const headers = join(dirname(process.execPath), '..', 'include', 'node');
    expect(existsSync(join(headers, 'node_version.h')), `this machine's Node has headers at ${headers}`).toBe(true);
    mkdirSync(join(prefix, 'include'));
    symlinkSync(headers, join(prefix, 'include', 'node'));
    const run = asUser(join(prefix, 'bin', 'node'), ['scripts/setup.mjs'], {});
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain(`Node headers for native builds: ${prefix}`);
  });
});
