#!/usr/bin/env node
// Installs what the two commands need on a fresh clone: the pinned pnpm, the
// workspace dependencies and, for the browser tests, Debian's Chromium.
// Idempotent: on a set-up machine it only confirms and takes about a second.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmPin = pkg.packageManager.replace(/^pnpm@/, '');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function step(what) {
  console.log(`[setup] ${what}`);
}

function run(cmd, env = {}) {
  execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

function output(cmd) {
  try {
    return execSync(cmd, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return '';
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[setup] Node ${process.versions.node} is too old: Consent Board needs Node 20.19 or newer.`);
  process.exit(1);
}

if (output('pnpm --version') !== pnpmPin) {
  step(`installing pnpm ${pnpmPin}`);
  run(`npm install -g pnpm@${pnpmPin}`);
}

step('installing dependencies');
// node-gyp (better-sqlite3) must build against the local Node headers: there is no download.
run('pnpm install --frozen-lockfile', { npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' });

if (args.has('--browser') && !existsSync(CHROMIUM)) {
  step('installing Chromium for the browser tests (Debian package)');
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  run(`${sudo}apt-get update`);
  run(`${sudo}apt-get install -y chromium`);
  if (!existsSync(CHROMIUM)) {
    console.error(`[setup] Chromium is still missing at ${CHROMIUM}; the browser tests cannot run.`);
    process.exit(1);
  }
}
step('ready');
