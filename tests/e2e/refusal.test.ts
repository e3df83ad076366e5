// A refused write on the board keeps the member's other unsynced edits [P9]:
// offline notes before and after a forbidden write (made through the document,
// as a modified client would) reach the others; the forbidden write does not.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, move } from './support/board.ts';

const suite = boardSuite();

const notesOf = (p: Page) => p.getByLabel('Opening round notes');
const phaseOf = (p: Page) => p.locator('.stepper li[aria-current="step"]').textContent();
type Doc = { getMap(n: string): { get(k: string): unknown; set(k: string, v: unknown): void } };
const titleOf = (p: Page) =>
  p.evaluate(() => (window as unknown as { consentBoard: { doc: Doc } }).consentBoard.doc.getMap('meta').get('title'));

describe('a refusal on the board', () => {
  it('[P9][R5] keeps the offline edits around a refused write: they reach the others, the refused one does not', async () => {
    const facCtx = await suite.newContext();
    const fac = await facCtx.newPage();
    await fac.goto(`${suite.server.url}/`);
    await fac.getByLabel('Meeting title').fill('Refusal check');
    await fac.getByLabel(/^Circle/).fill('Garden circle');
    await fac.getByLabel(/^The circle's aim/).fill('Food all year.');
    await fac.getByLabel('Your name').fill('Fran');
    await button(fac, 'Create meeting').click();
    // the board opens at once, with the links in its lobby
    await fac.waitForURL(/\/m\/[^/]+$/);
    const invite = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();

    const memberCtx = await suite.newContext();
    const ana = await memberCtx.newPage();
    await ana.goto(invite);
    await ana.getByLabel('Your name').fill('Ana');
    await button(ana, 'Join').click();
    await ana.waitForURL(/\/m\/[^/]+$/);
    await move(fac, 'Start the meeting: opening round');
    await expect.poll(() => phaseOf(ana)).toBe('Opening');

    await memberCtx.setOffline(true);
    await expect.poll(() => ana.locator('[data-save]').getAttribute('data-save')).toBe('offline');
    await notesOf(ana).click();
    await ana.keyboard.type('Arrived well');
    // A forbidden write, straight into the document: only the facilitator writes meta [R5].
    await ana.evaluate(() =>
      (window as unknown as { consentBoard: { doc: Doc } }).consentBoard.doc.getMap('meta').set('title', 'Taken over'),
    );
    expect(await titleOf(ana)).toBe('Taken over');
    await ana.keyboard.press('End');
    await ana.keyboard.type(' and rested');
    await memberCtx.setOffline(false);

    await expect
      .poll(() => ana.getByRole('alert').filter({ hasText: 'Your last change was not accepted' }).count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => ana.getByRole('alert').textContent()).toContain('R5');
    await expect.poll(() => notesOf(fac).inputValue(), { timeout: 15_000 }).toBe('Arrived well and rested');
    await expect.poll(() => notesOf(ana).inputValue(), { timeout: 15_000 }).toBe('Arrived well and rested');
    await expect.poll(() => titleOf(ana)).toBe('Refusal check');
    await expect.poll(() => ana.locator('[data-save]').getAttribute('data-save')).toBe('saved');
    expect(await titleOf(fac)).toBe('Refusal check');
    expect(await phaseOf(ana)).toBe('Opening');
    await shot(ana, 'refusal-kept-edits');
    await facCtx.close();
    await memberCtx.close();
  });
});
