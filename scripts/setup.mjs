#!/usr/bin/env node
// Installs what the two commands need on a fresh clone: the pinned pnpm (never
// globally), the workspace dependencies and, for the full test run only, a
// Chromium and PostgreSQL's server binaries. Idempotent: on a set-up machine it only confirms, in about a second.
// Works without root: nothing here writes outside the clone and the user's caches.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_HELP, findBrowser } from './browser.mjs';
import { findPostgres, POSTGRES_HELP } from './postgres.mjs';
import { browserInstalls, chooseNodedir, choosePnpm } from './setupPlan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pin = pkg.packageManager.replace(/^pnpm@/, '');

function step(what) {
  console.log(`[setup] ${what}`);
}

function fail(why) {
  console.error(`[setup] ${why}`);
  process.exit(1);
}

function run(cmd, env = {}) {
  execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

function output(cmd) {
  try {
    return execSync(cmd, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return '';
  }
}

function readOrNull(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  fail(`Node ${process.versions.node} is too old: Consent Board needs Node 20.19 or newer.`);
}

const localBin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm');
const pnpm = choosePnpm({
  pin,
  localBin,
  localVersion: existsSync(localBin) ? output(`"${localBin}" --version`) : '',
  pathVersion: output('pnpm --version'),
});
step(pnpm.how === 'npx' ? `fetching pnpm ${pin} through npx (no global install)` : `pnpm ${pin} (${pnpm.how})`);

const nodedir = chooseNodedir({
  execPath: process.execPath,
  version: process.versions.node,
  configured: process.env.npm_config_nodedir,
  versionHeader: readOrNull,
});
step(
  nodedir
    ? `Node headers for native builds: ${nodedir}`
    : 'Node headers for native builds: none beside this Node; node-gyp fetches them if a build needs them',
);
step('installing dependencies');
// The SQLite driver may be compiled from source: against the local Node headers
// when they are there, else node-gyp downloads them.
run(`${pnpm.command} install --frozen-lockfile`, nodedir ? { npm_config_nodedir: nodedir } : {});

if (args.has('--browser')) {
  ensureBrowser();
  ensurePostgres();
}
step('ready');

function playwrightCli() {
  const require = createRequire(join(root, 'tests', 'package.json'));
  const dir = dirname(require.resolve('playwright-core/package.json'));
  return { cli: join(dir, 'cli.js'), executable: require('playwright-core').chromium.executablePath() };
}

function ensureBrowser() {
  const playwright = playwrightCli();
  const found = findBrowser(playwright.executable);
  if (found) {
    step(`browser for the tests: ${found}`);
    return;
  }
  if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist. ${BROWSER_HELP}`);
  const ways = browserInstalls({
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    hasApt: existsSync('/usr/bin/apt-get'),
    hasSudo: output('sudo -n true && echo yes') === 'yes',
  });
  for (const way of ways) {
    try {
      if (way === 'playwright') {
        step('installing Chromium for the browser tests (Playwright download)');
        run(`"${process.execPath}" "${playwright.cli}" install chromium`);
      } else {
        const sudo = way === 'sudo-apt' ? 'sudo -n ' : '';
        step('installing Chromium for the browser tests (Debian package)');
        run(`${sudo}apt-get update`);
        run(`${sudo}apt-get install -y chromium`);
      }
    } catch {
      step(`the ${way} install of Chromium did not work`);
      continue;
    }
    const now = findBrowser(playwright.executable);
    if (now) {
      step(`browser for the tests: ${now}`);
      return;
    }
  }
  fail(`No browser for the end-to-end tests, and none could be installed here. ${BROWSER_HELP}`);
}

/** The server tests start a throwaway PostgreSQL: Debian's package as root or with password-less sudo, else a sentence. */
function ensurePostgres() {
  const found = findPostgres();
  if (found) {
    step(`PostgreSQL for the server tests: ${found}`);
    return;
  }
  const isRoot = process.getuid?.() === 0;
  const canApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get');
  if (canApt && (isRoot || output('sudo -n true && echo yes') === 'yes')) {
    const sudo = isRoot ? '' : 'sudo -n ';
    try {
      step('installing PostgreSQL for the server tests (Debian package)');
      run(`${sudo}apt-get update`);
      run(`${sudo}apt-get install -y postgresql`);
    } catch {
      step('the apt install of PostgreSQL did not work');
    }
    const now = findPostgres();
    if (now) {
      step(`PostgreSQL for the server tests: ${now}`);
      return;
    }
  }
  fail(`PostgreSQL's server binaries are not installed, and could not be installed here. ${POSTGRES_HELP}`);
}
