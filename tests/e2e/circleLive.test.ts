// [CI31] The circle page live: Ana keeps the circle page open in her own browser
// context while Fay's meeting of the circle decides in another; the new register
// entry, the new meeting and the new role holder appear on Ana's page without a
// reload, and without the page ever being refocused (those events are swallowed).
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { addConsentItem, button, consentState, editor, editorText, move, toQuickReactions, until } from './support/board.ts';

const suite = boardSuite();
const RULE = 'Watering rota';
const TEXT = 'Whoever opens the gate waters the beds.';
const REVIEW = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('sv');

async function newPage(): Promise<Page> {
  const context = await suite.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

describe('[CI31] the circle page while a meeting decides', () => {
  it('[CI31] Ana’s open circle page shows the new meeting and the decision as the server records them, without reload or refocus', async () => {
    const fay = await newPage();
    await fay.goto(`${suite.server.url}/circles/new`);
    await fay.getByLabel('Circle name').fill('Garden circle');
    await fay.getByLabel('Your name').fill('Fay');
    await button(fay, 'Create circle').click();
    await fay.waitForURL(/\/c\/[^/]+$/);
    const form = fay.getByRole('form', { name: 'Add a member' });
    await form.getByLabel('Name').fill('Ana');
    await form.getByLabel('Role in the circle').selectOption('guest');
    await button(fay, 'Add and make a personal link').click();
    const link = await fay.getByRole('textbox', { name: 'Personal link for Ana' }).inputValue();

    const ana = await newPage();
    // the page must learn of changes from the stream alone: coming back into view reads nothing here
    await ana.addInitScript(() => {
      for (const type of ['focus', 'visibilitychange']) window.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
    });
    await ana.goto(link);
    await button(ana, 'Join the circle').click();
    await ana.waitForURL(/\/c\/[^/]+$/);
    const register = ana.getByRole('region', { name: 'Decision register' });
    await register.waitFor();
    const navigations: string[] = [];
    ana.on('framenavigated', (f) => navigations.push(f.url()));

    await button(fay, 'New meeting').click();
    await fay.getByLabel('Title (optional)').fill('Live meeting');
    await button(fay, 'Create the meeting').click();
    await fay.waitForURL(/\/m\/[^/]+$/);
    await ana.getByRole('link', { name: 'Live meeting' }).waitFor();

    await move(fay, 'Start the meeting: opening round');
    await move(fay, 'Move on to the agenda');
    await addConsentItem(fay, RULE);
    await move(fay, 'Move on to the items');
    await toQuickReactions(fay, RULE);
    await editor(fay).click();
    await fay.keyboard.type(TEXT);
    await until(
      () => editorText(fay),
      (t) => t === TEXT,
      'the proposal text',
    );
    await fay.getByLabel('Review date').fill(REVIEW);
    await fay.getByLabel('Measure of success').fill('No bed dries out.');
    await button(fay, 'Save term').click();
    await move(fay, 'Open consent round');
    await button(fay, 'Consent').click();
    await until(
      () => consentState(fay).textContent(),
      (t) => t === 'Consented — ready to record',
      'consent',
    );
    await move(fay, 'Record decision…');
    await button(fay, 'Record decision').click();

    await register.getByRole('heading', { name: RULE }).waitFor();
    await register.locator('.register-entry', { hasText: RULE }).getByText(`Review by ${REVIEW}`).waitFor();
    if (navigations.length > 0) throw new Error(`Ana’s page navigated: ${navigations.join(', ')}`);
    await shot(ana, 'circle-live-1-register-after-decision');
  });
});
