// The board re-renders only what changed: with ten pages open on one meeting,
// a member types in the proposal and another page commits only the components
// that show it (counted as React's DevTools profiler counts them); and the
// keystroke reaches the other pages quickly. Prints its figures; asserts the
// count of committed components (a count, never a time).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, editor, editorText, move, until } from './support/board.ts';
import { installFrameClock, measureKeystrokeLatency } from './support/latency.ts';
import { installRenderCounter, pageNow, quiet, rendersSince } from './support/renders.ts';

const suite = boardSuite();
const PAGES = 10;
const ITEM = 'Watering rota';
const pages: Page[] = [];

async function openPage(): Promise<Page> {
  const context = await suite.newContext({ viewport: { width: 1280, height: 860 } });
  await installFrameClock(context);
  await installRenderCounter(context);
  const page = await context.newPage();
  pages.push(page);
  return page;
}

describe('the board re-renders only what changed', () => {
  it('ten pages join one meeting with an active consent item', async () => {
    const fac = await openPage();
    await fac.goto(`${suite.server.url}/`);
    await fac.getByLabel('Meeting title').fill('Render check');
    await fac.getByLabel(/^Circle/).fill('Garden circle');
    await fac.getByLabel(/^The circle's aim/).fill('A garden that feeds the neighbourhood.');
    await fac.getByLabel('Your name').fill('Fran');
    await button(fac, 'Create meeting').click();
    await fac.waitForURL(/\/m\/[^/]+$/);
    const memberLink = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();
    for (let i = 1; i < PAGES; i++) {
      const page = await openPage();
      await page.goto(memberLink);
      await page.getByLabel('Your name').fill(`Member ${i}`);
      await button(page, 'Join').click();
      await page.waitForURL(/\/m\/[^/]+$/);
    }
    await move(fac, 'Start the meeting: opening round');
    await move(fac, 'Move on to the agenda');
    await button(fac, '+ Add item').click();
    await fac.getByLabel('Title').fill(ITEM);
    await fac.getByLabel('Kind').selectOption('consent');
    await button(fac, 'Add').click();
    await move(fac, 'Move on to the items');
    await button(fac, `Activate ${ITEM}`).click();
    for (const p of pages)
      await until(
        () => p.locator('.agenda-item.active', { hasText: ITEM }).count(),
        (n) => n === 1,
        'the active item on every page',
      );
    const typist = pages[1]!;
    await editor(typist).click();
    await typist.keyboard.type('Whoever is first in the garden waters the beds.');
    for (const p of pages)
      await until(
        () => editorText(p),
        (t) => t.includes('the beds.'),
        'the first line on every page',
      );
    await shot(pages[2]!, 'renders-ten-pages');
  });

  it('a remote keystroke in the proposal commits at most 3 components on another page', async () => {
    const typist = pages[1]!;
    const watcher = pages[2]!;
    await editor(typist).locator('p').last().click();
    await typist.keyboard.press('End');
    const perKey: string[][] = [];
    for (let i = 0; i < 20; i++) {
      const before = await editorText(watcher);
      const from = await pageNow(watcher);
      await typist.keyboard.press('x');
      await until(
        () => editorText(watcher),
        (t) => t !== before,
        'the keystroke on the other page',
      );
      await quiet(watcher, from, 300);
      perKey.push(await rendersSince(watcher, from));
    }
    const counts = perKey.map((n) => n.length);
    const worst = perKey[counts.indexOf(Math.max(...counts))]!;
    console.log(
      `components committed per remote keystroke over 20 keystrokes: max ${Math.max(...counts)}, ` +
        `mean ${(counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(2)}; the most: ${worst.join(', ') || 'none'}`,
    );
    expect(Math.max(...counts)).toBeLessThanOrEqual(3);
  });

  it('keystroke latency to another page with ten pages open (printed, not asserted)', async () => {
    const latency = await measureKeystrokeLatency(pages[1]!, pages[2]!, 40);
    const { send, wire, render } = latency.legs;
    console.log(
      `keystroke → other page with ${PAGES} pages open, 40 keystrokes: median ${latency.median.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms ` +
        `(legs, median: editor → frame ${send.toFixed(1)} ms, wire and server ${wire.toFixed(1)} ms, frame → shown ${render.toFixed(1)} ms)`,
    );
    expect(latency.samples).toHaveLength(40);
  });

  // last: it opens the consent round, which locks the proposal for everyone (R20)
  it('a position re-renders the consent panel, not the agenda or the editor', async () => {
    const fac = pages[0]!;
    const member = pages[3]!;
    for (const step of ['Owner presents the proposal', 'Start clarifying questions', 'Start quick reactions', 'Open consent round'])
      await move(fac, step);
    const watcher = pages[2]!;
    await until(() => button(member, 'Consent').isEnabled(), Boolean, 'Member 3 may consent');
    await quiet(watcher, await pageNow(watcher), 300);
    const from = await pageNow(watcher);
    await button(member, 'Consent').click();
    await until(
      () => watcher.locator('.participant[data-participant="Member 3"] .position').getAttribute('data-position'),
      (v) => v === 'consent',
      'the position on the other page',
    );
    await quiet(watcher, from, 300);
    const names = await rendersSince(watcher, from);
    console.log(`components committed on another page for one position: ${names.length} (${names.join(', ')})`);
    // named by the element each renders first: the editor's <div class="proposal">, the panels' <aside class="panel …">
    expect(names.filter((n) => n.includes('<proposal') || n.includes('agenda-panel'))).toEqual([]);
    expect(names.filter((n) => n.includes('consent-panel')).length).toBeGreaterThanOrEqual(1);
  });
});
