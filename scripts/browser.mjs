// Finds the browser the end-to-end tests drive: the set-up and the tests ask
// the same question here, so they agree on the answer.
import { existsSync } from 'node:fs';
import { browserCandidates } from './setupPlan.mjs';

/**
 * The first Chromium or Chrome that exists, else Playwright's own download
 * when it was installed, else null.
 * @param {string | null} [playwrightPath] where Playwright keeps its Chromium
 * @returns {string | null}
 */
export function findBrowser(playwrightPath = null) {
  for (const path of browserCandidates({ env: process.env, platform: process.platform })) {
    if (existsSync(path)) return path;
  }
  if (process.env.CHROMIUM_PATH) return null;
  return playwrightPath && existsSync(playwrightPath) ? playwrightPath : null;
}

export const BROWSER_HELP =
  'Install Chromium or Google Chrome, or set CHROMIUM_PATH to a Chromium-based browser, then run `npm test` again.';
