// Keystroke latency between two pages: the keydown time on the typing page to
// the moment the character shows in the other page's editor, both read from
// the pages' own clocks (one machine, one clock), one keystroke at a time.
import type { Page } from 'playwright-core';
import { editor } from './board.ts';

export interface Latency {
  samples: number[];
  median: number;
  p95: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

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
  await editor(from).click();
  await from.keyboard.press('Control+End');
  // A key with a keydown event (a plain letter): the page stamps the keydown itself.
  for (let i = 1; i <= count; i++) {
    await from.keyboard.press('q');
    await to.waitForFunction((n) => (window as unknown as { __seen: number[] }).__seen.length >= n, i, { polling: 'raf' });
  }
  const keys = await from.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  const seen = await to.evaluate(() => (window as unknown as { __seen: number[] }).__seen);
  const samples = keys.slice(0, count).map((k, i) => (seen[i] ?? NaN) - k);
  const sorted = [...samples].sort((x, y) => x - y);
  return { samples, median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}
