// Keystroke latency between two pages: the keydown time on the typing page to
// the moment the character shows in the other page's editor, both read from
// the pages' own clocks (one machine, one clock), one keystroke at a time.
import type { BrowserContext, Page } from 'playwright-core';
import { editor } from './board.ts';
import { percentileOfSorted as percentile } from '@consent/shared/testing/percentile';

export interface Latency {
  samples: number[];
  median: number;
  p95: number;
  /** Medians of the legs: keydown → update frame sent, sent → received by the other page, received → shown. */
  legs: { send: number; wire: number; render: number };
}

/**
 * Stamps every sync-update frame a page sends or receives, so a slow keystroke
 * can be told apart: editor, network and server, or the receiving page.
 */
export async function installFrameClock(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __sent: number[]; __recv: number[] };
    w.__sent = [];
    w.__recv = [];
    const isUpdate = (d: Uint8Array) => d[0] === 0 && d[1] === 2;
    const Base = window.WebSocket;
    window.WebSocket = class extends Base {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (e) => {
          if (e.data instanceof ArrayBuffer && isUpdate(new Uint8Array(e.data))) w.__recv.push(performance.timeOrigin + performance.now());
        });
      }
      override send(data: Parameters<WebSocket['send']>[0]) {
        if (data instanceof Uint8Array && isUpdate(data)) w.__sent.push(performance.timeOrigin + performance.now());
        super.send(data);
      }
    };
  });
}

export async function measureKeystrokeLatency(from: Page, to: Page, count: number): Promise<Latency> {
  await to.evaluate(() => {
    const el = document.querySelector('[data-testid="proposal-editor"]');
    if (!el) throw new Error('no editor');
    const w = window as unknown as { __seen: number[]; __count: () => number };
    const base = (el.textContent ?? '').split('q').length - 1;
    const count = () => (el.textContent ?? '').split('q').length - 1 - base;
    w.__seen = [];
    w.__count = count;
    new MutationObserver(() => {
      const n = count();
      while (w.__seen.length < n) w.__seen.push(performance.timeOrigin + performance.now());
    }).observe(el, { childList: true, subtree: true, characterData: true });
  });
  await from.evaluate(() => {
    const w = window as unknown as { __keys: number[] };
    w.__keys = [];
    document.addEventListener('keydown', () => w.__keys.push(performance.timeOrigin + performance.now()), { capture: true });
  });
  await editor(from).locator('p').last().click();
  await from.keyboard.press('End');
  // Only the measured keys count: the caret moves above pressed keys of their own.
  await from.evaluate(() => {
    (window as unknown as { __sent: number[] }).__sent = [];
    (window as unknown as { __keys: number[] }).__keys = [];
  });
  await to.evaluate(() => {
    (window as unknown as { __recv: number[] }).__recv = [];
  });
  // A key with a keydown event (a plain letter): the page stamps the keydown itself.
  for (let i = 1; i <= count; i++) {
    await from.keyboard.press('q');
    await to.waitForFunction((n) => (window as unknown as { __seen: number[] }).__seen.length >= n, i, { polling: 'raf' });
  }
  const keys = await from.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  const seen = await to.evaluate(() => (window as unknown as { __seen: number[] }).__seen);
  const sent = await from.evaluate(() => (window as unknown as { __sent: number[] }).__sent);
  const recv = await to.evaluate(() => (window as unknown as { __recv: number[] }).__recv);
  const samples = keys.slice(0, count).map((k, i) => (seen[i] ?? NaN) - k);
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((x, y) => x - y),
      50,
    );
  const legs = {
    send: median(keys.slice(0, count).map((k, i) => (sent[i] ?? NaN) - k)),
    wire: median(sent.slice(0, count).map((s, i) => (recv[i] ?? NaN) - s)),
    render: median(recv.slice(0, count).map((r, i) => (seen[i] ?? NaN) - r)),
  };
  const sorted = [...samples].sort((x, y) => x - y);
  return { samples, median: percentile(sorted, 50), p95: percentile(sorted, 95), legs };
}
