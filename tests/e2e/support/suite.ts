// One server and one Chromium for an e2e file, started before its tests. A
// missing browser or build fails every test (never skips it): the start-up
// error is kept and rethrown. Browser contexts opened here close at the end.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface BoardSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A context with the suite's default timeout of 15 s; closed after the file's tests. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** `env`: extra settings of the server process (e.g. a shorter FACILITATOR_AWAY_MS). */
export function boardSuite(env: Record<string, string> = {}): BoardSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let setupError: unknown = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    try {
      server = await startServer(env);
      browser = await launchBrowser();
    } catch (e) {
      setupError = e;
    }
  });
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async newContext(options) {
      const context = await browser!.newContext(options);
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context;
    },
  };
}
