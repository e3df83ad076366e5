// The set-up's Chromium driven by playwright-core; missing browser = failure, not a skip.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import { BROWSER_HELP, findBrowser } from '../../../scripts/browser.mjs';
import { REPO } from './server.ts';

export const ARTIFACTS = join(REPO, 'tests', 'e2e', 'artifacts');

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser(chromium.executablePath());
  if (!executablePath) throw new Error(`No browser for the end-to-end tests: run \`npm run setup -- --browser\`. ${BROWSER_HELP}`);
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A screenshot to look at, and an axe-core check of the same screen (serious or critical violations fail). */
export async function shot(page: Page, name: string): Promise<string> {
  await expectAccessible(page, name);
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
