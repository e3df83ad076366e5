// What the tests look for on a board page, by role and label as a user would.
import type { Locator, Page } from 'playwright-core';

export const editor = (page: Page): Locator => page.getByTestId('proposal-editor');
export const participantRow = (page: Page, name: string): Locator => page.locator(`.participant[data-participant="${name}"]`);
export const consentState = (page: Page): Locator => page.locator('[data-consent-state]');
export const button = (page: Page, name: string | RegExp): Locator => page.getByRole('button', { name, exact: typeof name === 'string' });

/** Polls `read` until `ok` holds, failing with the last value seen. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setImmediate(r));
    last = await read();
  }
  return last;
}

/** The proposal's text, block by block, without the other people's caret labels. */
export async function editorText(page: Page): Promise<string> {
  const text = await editor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const c of copy.querySelectorAll('.collaboration-carets__caret')) c.remove();
    return [...copy.children].map((block) => block.textContent ?? '').join('\n');
  });
  return text.replace(/\u00a0/g, ' ').trim();
}

/**
 * Clicks a facilitator move by its label, e.g. "Move on to the agenda" or "Open consent round";
 * a move that cannot be undone asks first, and the test says yes as a facilitator would.
 */
export async function move(page: Page, label: string): Promise<void> {
  await page.getByRole('group', { name: 'Allowed moves' }).getByRole('button', { name: label, exact: true }).click();
  if (/^(Move on|Start the meeting|Close the meeting|Defer)/.test(label)) {
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, go on' }).click();
  }
}

/** The facilitator adds a consent item to the agenda and waits until it is listed. */
export async function addConsentItem(page: Page, title: string): Promise<void> {
  await button(page, '+ Add item').click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Kind').selectOption('consent');
  await button(page, 'Add').click();
  await page.locator('.agenda-item', { hasText: title }).waitFor();
}

/** The facilitator takes up an item and runs it to its quick reactions, the step before the consent round. */
export async function toQuickReactions(page: Page, title: string): Promise<void> {
  await button(page, `Activate ${title}`).click();
  await move(page, 'Owner presents the proposal');
  await move(page, 'Start clarifying questions');
  await move(page, 'Start quick reactions');
}
