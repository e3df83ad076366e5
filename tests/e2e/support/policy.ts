// Watches a browser context for Content-Security-Policy violations and for requests
// to a marker path that only injected script would ask for.
import type { BrowserContext } from 'playwright-core';

export const MARKER_PATH = '/pwned-marker';

/** Script and an event handler that, if they ever run, set flags and call the marker URL. */
export const PAYLOAD =
  `<script>window.__pwnedScript=1;fetch('${MARKER_PATH}')</script>` +
  `<img src="data:," onerror="window.__pwnedImg=1;fetch('${MARKER_PATH}')">`;

export interface PolicyWatch {
  violations: string[];
  markerRequests: string[];
}

export async function watchPolicy(context: BrowserContext): Promise<PolicyWatch> {
  const watch: PolicyWatch = { violations: [], markerRequests: [] };
  context.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) watch.violations.push(msg.text());
  });
  context.on('request', (req) => {
    if (req.url().includes(MARKER_PATH)) watch.markerRequests.push(req.url());
  });
  return watch;
}

/** The flags PAYLOAD sets in a window, if it ran there. */
export const FLAGS = () => {
  const w = window as unknown as { __pwnedScript?: number; __pwnedImg?: number };
  return { script: w.__pwnedScript ?? 0, img: w.__pwnedImg ?? 0 };
};
