// A circle's memory in Chromium: two meetings of one circle. The first decides a
// policy whose review date is today; the second is offered that review when it is
// created, revises the policy and decides it; the register shows both versions,
// the trends show two meetings, and the calendar feed lists the new review date.
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { addConsentItem, button, consentState, editor, editorText, move, toQuickReactions, until } from './support/board.ts';

const suite = boardSuite();
const DESKTOP: BrowserContextOptions = { viewport: { width: 1200, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const POLICY = 'Tools go back to the shed by sunset.';
const AMENDED = 'In winter, by five o’clock.';
const RULE = 'Tool lending rule';
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv');
const TODAY = day(0);
const NEXT_REVIEW = day(365);

let fay: Page;
let members: Page[] = [];
let circleUrl = '';

async function newPage(options: BrowserContextOptions = DESKTOP): Promise<Page> {
  const context = await suite.newContext(options);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

async function addAndRedeem(name: string): Promise<Page> {
  const form = fay.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Role in the circle').selectOption('member');
  await button(fay, 'Add and make a personal link').click();
  const link = await fay.getByRole('textbox', { name: `Personal link for ${name}` }).inputValue();
  const page = await newPage();
  await page.goto(link);
  await button(page, 'Join the circle').click();
  await page.waitForURL(/\/c\/[^/]+$/);
  return page;
}

/** Every member opens the meeting from "My circles", without joining again. */
async function membersEnter(title: string): Promise<void> {
  for (const page of members) {
    await page.goto(`${suite.server.url}/circles`);
    await page.getByRole('region', { name: 'Tool shed circle' }).getByRole('link', { name: title }).click();
    await page.waitForURL(/\/m\/[^/]+$/);
    await page.locator('.me strong').waitFor();
  }
}

/** From the lobby to an open consent round on the item: present, clarify, react, text and term. */
async function toConsent(itemTitle: string, addText: string, reviewDate: string): Promise<void> {
  await move(fay, 'Start the meeting: opening round');
  await move(fay, 'Move on to the agenda');
  await move(fay, 'Move on to the items');
  await toQuickReactions(fay, itemTitle);
  await editor(fay).locator('p').last().click();
  await fay.keyboard.press('End');
  await fay.keyboard.type(addText);
  const whole = (await editorText(fay)).trim();
  await until(
    () => editorText(members[0]!),
    (t) => t === whole,
    'the text on Ana’s page',
  );
  await fay.getByLabel('Review date').fill(reviewDate);
  await fay.getByLabel('Measure of success').fill('No tool is missing in the morning.');
  await button(fay, 'Save term').click();
  await expect
    .poll(() =>
      members[0]!
        .getByLabel('Review date')
        .inputValue()
        .catch(() => members[0]!.locator('.term-shown').textContent()),
    )
    .toContain(reviewDate);
  await move(fay, 'Open consent round');
  for (const p of [fay, ...members]) await button(p, 'Consent').click();
  await until(
    () => consentState(fay).textContent(),
    (t) => t === 'Consented — ready to record',
    'consent',
  );
  await move(fay, 'Record decision…');
  await button(fay, 'Record decision').click();
}

async function closeMeeting(): Promise<void> {
  await move(fay, 'Move on to the closing round');
  await move(fay, 'Close the meeting…');
}

describe('a circle’s memory across two meetings', () => {
  it('1. [CI1][CI5] Fay creates the circle and adds Ana, Ben and Cy by their personal links', async () => {
    fay = await newPage();
    await fay.goto(`${suite.server.url}/circles/new`);
    await fay.getByLabel('Circle name').fill('Tool shed circle');
    await fay.getByLabel('Your name').fill('Fay');
    await button(fay, 'Create circle').click();
    await fay.waitForURL(/\/c\/[^/]+$/);
    circleUrl = fay.url();
    members = [await addAndRedeem('Ana'), await addAndRedeem('Ben'), await addAndRedeem('Cy')];
  });

  it('2. [CI16][CI19] the first meeting decides the policy with a review date of today; a past date is refused where it is entered', async () => {
    await button(fay, 'New meeting').click();
    await fay.getByLabel('Title (optional)').fill('First meeting');
    await button(fay, 'Create the meeting').click();
    await fay.waitForURL(/\/m\/[^/]+$/);
    await membersEnter('First meeting');
    await move(fay, 'Start the meeting: opening round');
    await move(fay, 'Move on to the agenda');
    await addConsentItem(fay, RULE);
    await move(fay, 'Move on to the items');
    await toQuickReactions(fay, RULE);
    await editor(fay).click();
    await fay.keyboard.type(POLICY);
    await until(
      () => editorText(members[0]!),
      (t) => t === POLICY,
      'the policy on Ana’s page',
    );
    await fay.getByLabel('Review date').fill(day(-1));
    await fay
      .getByRole('alert')
      .filter({ hasText: `The review date (${day(-1)}) is in the past` })
      .waitFor();
    expect(await button(fay, 'Save term').isDisabled()).toBe(true);
    await fay.getByLabel('Review date').fill(TODAY);
    await fay.getByLabel('Measure of success').fill('No tool is missing in the morning.');
    await button(fay, 'Save term').click();
    await expect.poll(() => members[0]!.getByLabel('Review date').inputValue()).toBe(TODAY);
    await move(fay, 'Open consent round');
    for (const p of [fay, ...members]) await button(p, 'Consent').click();
    await until(
      () => consentState(fay).textContent(),
      (t) => t === 'Consented — ready to record',
      'consent',
    );
    await move(fay, 'Record decision…');
    await button(fay, 'Record decision').click();
    await closeMeeting();
    await fay.goto(circleUrl);
    const register = fay.getByRole('region', { name: 'Decision register' });
    await register.getByRole('heading', { name: RULE }).waitFor();
    await register.getByText('Review due today').waitFor();
  });

  it('3. [CI21][CI23] the second meeting is offered the review, revises the policy and decides it; the register keeps both versions', async () => {
    await button(fay, 'New meeting').click();
    await fay.getByLabel('Title (optional)').fill('Second meeting');
    const offer = fay.getByRole('group', { name: 'Reviews due' }).getByLabel(`Review “${RULE}” (review date ${TODAY})`);
    await offer.check();
    await shot(fay, 'circles2-1-new-meeting-offers');
    await button(fay, 'Create the meeting').click();
    await fay.waitForURL(/\/m\/[^/]+$/);
    await fay.locator('.agenda-item', { hasText: `Review: ${RULE}` }).waitFor();
    await membersEnter('Second meeting');
    await toConsentAfterAgenda();
    await closeMeeting();

    await fay.goto(circleUrl);
    const register = fay.getByRole('region', { name: 'Decision register' });
    const entry = register.locator('.register-entry', { hasText: RULE });
    await entry.getByText(`Review by ${NEXT_REVIEW}`).waitFor();
    expect(await register.locator('.register-entry').count()).toBe(1);
    expect(await entry.locator('.register-text').first().textContent()).toBe(`${POLICY} ${AMENDED}`);
    await entry.getByText('Earlier versions (1)').click();
    await entry.locator('.register-history').getByText('in “First meeting”').waitFor();
    expect(await entry.locator('.register-history .register-text').textContent()).toBe(POLICY);
    await register.getByLabel('Search the register').fill('winter');
    await register.getByText('1 decision').waitFor();
    await register.getByLabel('Search the register').fill('kettle');
    await register.getByText('No decision mentions “kettle”.').waitFor();
    await register.getByLabel('Search the register').fill('');
  });

  it('4. [CI28][CI29] the trends show two meetings with a table, and the calendar feed lists the review date', async () => {
    const trends = fay.getByRole('region', { name: 'Trends' });
    await expect.poll(() => trends.locator('.trend-meetings li').allInnerTexts()).toEqual(['First meeting', 'Second meeting']);
    expect(await trends.getByRole('img', { name: /^Objections integrated per meeting: 1: 0, 2: 0$/ }).count()).toBe(1);
    await trends.getByText('The trends as a table').click();
    expect(await trends.locator('tbody tr').count()).toBe(2);
    const url = await fay.getByRole('textbox', { name: 'Calendar address' }).inputValue();
    const feed = await (await fetch(url)).text();
    expect(feed).toContain('BEGIN:VCALENDAR');
    expect(feed).toContain(`DTSTART;VALUE=DATE:${NEXT_REVIEW.replace(/-/g, '')}`);
    expect(feed).toContain(`SUMMARY:Review: ${RULE}`);
    await shot(fay, 'circles2-2-circle-page-desktop');
    // Ana's device keeps her access: her page, at a phone's width
    await members[0]!.setViewportSize(PHONE.viewport!);
    await members[0]!.goto(circleUrl);
    await members[0]!.getByRole('region', { name: 'Decision register' }).getByRole('heading', { name: RULE }).waitFor();
    await shot(members[0]!, 'circles2-3-circle-page-phone');
  });
});

/** The second meeting: phases to the items, then the review item through its consent round to the decision. */
async function toConsentAfterAgenda(): Promise<void> {
  await toConsent(`Review: ${RULE}`, ` ${AMENDED}`, NEXT_REVIEW);
}
