// The decisions of the set-up, as pure functions of what the machine has:
// which pnpm to run, which Node headers a native build may use, where a
// browser for the tests may already be. setup.mjs gathers the facts and acts.
import { dirname, join } from 'node:path';

/**
 * The pinned pnpm, without a global install: the workspace's own copy once
 * installed (it is a dev dependency), a pnpm of the pinned version already on
 * PATH, or else a one-off run through npx (npm's cache, no root needed).
 * @param {{ pin: string, localVersion: string, pathVersion: string, localBin: string }} facts
 * @returns {{ command: string, how: 'workspace' | 'path' | 'npx' }}
 */
export function choosePnpm({ pin, localVersion, pathVersion, localBin }) {
  if (localVersion === pin) return { command: quote(localBin), how: 'workspace' };
  if (pathVersion === pin) return { command: 'pnpm', how: 'path' };
  return { command: `npx --yes pnpm@${pin}`, how: 'npx' };
}

/**
 * The Node headers a native addon (the SQLite driver) is built against: an
 * explicit `npm_config_nodedir` is kept; otherwise the headers installed
 * beside the running Node (`<prefix>/include/node`), when they are there and
 * of the same version; otherwise none, and node-gyp fetches the headers itself.
 * @param {{ execPath: string, version: string, configured: string | undefined, versionHeader: (path: string) => string | null }} facts
 * @returns {string | null} the directory to use as nodedir, or null to leave it to node-gyp
 */
export function chooseNodedir({ execPath, version, configured, versionHeader }) {
  if (configured) return configured;
  const prefix = dirname(dirname(execPath));
  const header = versionHeader(join(prefix, 'include', 'node', 'node_version.h'));
  if (header === null) return null;
  return headerVersion(header) === version ? prefix : null;
}

/** `20.20.2` from the text of node_version.h, or null. */
export function headerVersion(text) {
  const part = (name) => text.match(new RegExp(`#define NODE_${name}_VERSION (\\d+)`))?.[1];
  const [major, minor, patch] = [part('MAJOR'), part('MINOR'), part('PATCH')];
  return major && minor && patch ? `${major}.${minor}.${patch}` : null;
}

/**
 * Where a Chromium or Chrome may already be, in the order tried:
 * CHROMIUM_PATH first (and only it, when set), then the usual places.
 * @param {{ env: Record<string, string | undefined>, platform: string }} facts
 */
export function browserCandidates({ env, platform }) {
  if (env.CHROMIUM_PATH) return [env.CHROMIUM_PATH];
  if (platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
}

/**
 * How the set-up may install a browser when none was found: Debian's package
 * as root or with password-less sudo, else Playwright's own download (no root).
 * @param {{ platform: string, isRoot: boolean, hasApt: boolean, hasSudo: boolean }} facts
 * @returns {('apt' | 'sudo-apt' | 'playwright')[]}
 */
export function browserInstalls({ platform, isRoot, hasApt, hasSudo }) {
  const ways = [];
  if (platform === 'linux' && hasApt && isRoot) ways.push('apt');
  else if (platform === 'linux' && hasApt && hasSudo) ways.push('sudo-apt');
  ways.push('playwright');
  return ways;
}

function quote(path) {
  return /[\s"']/.test(path) ? JSON.stringify(path) : path;
}
