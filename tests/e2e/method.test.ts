// True to the method (issue 17, parts of it): the term inside the proposal, a
// steady text during the consent round, guests suggesting in the notes, an
// objection the circle integrates and its author confirms in one click, and
// minutes that show the term and the measure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, consentState, editor, editorText, move, until } from './support/board.ts';
import { daysFromToday } from '@consent/shared/testing/dates';

const TITLE = 'Kitchen circle';
const ITEM = 'A kettle for the office';
const PROPOSAL = 'We buy an electric kettle for the office.';
// [CI19] the server refuses a review date before today
const REVIEW_DATE = daysFromToday(120);
const MEASURE = 'Nobody waits for hot water at the morning break.';
const SUGGESTION = 'Suggestion: say who descales it.';
const OBJECTION = 'A loud kettle would disturb the calls in the open office.';
const AMENDMENT = ' It is a quiet model, under 50 dB.';

const suite = boardSuite();
let fac: Page;
let ana: Page; // member, owner of the item
let ben: Page; // member who objects
let gil: Page; // guest

async function newPage(): Promise<Page> {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

async function joinAs(link: string, name: string): Promise<Page> {
  const page = await newPage();
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await button(page, 'Join').click();
  await page.waitForURL(/\/m\/[^/]+$/);
  return page;
}

describe('true to the method: term, steady text, objections to integrate', () => {
  it('1. [R19][M13] the owner writes the proposal and its term; without a review date the board says a decision needs one', async () => {
    fac = await newPage();
    await fac.goto(`${suite.server.url}/`);
    await fac.getByLabel('Meeting title').fill(TITLE);
    await fac.getByLabel('Your name').fill('Fran');
    await button(fac, 'Create meeting').click();
    await fac.waitForURL(/\/m\/[^/]+$/);
    const memberLink = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();
    const guestLink = await fac.getByRole('textbox', { name: 'Guest link' }).inputValue();
    ana = await joinAs(memberLink, 'Ana');
    ben = await joinAs(memberLink, 'Ben');
    gil = await joinAs(guestLink, 'Gil');

    await move(fac, 'Start the meeting: opening round');
    await move(fac, 'Move on to the agenda');
    await button(fac, '+ Add item').click();
    await fac.getByLabel('Title').fill(ITEM);
    await fac.getByLabel('Kind').selectOption('consent');
    await fac.getByLabel('Owner').selectOption({ label: 'Ana' });
    await button(fac, 'Add').click();
    await move(fac, 'Move on to the items');
    await button(fac, `Activate ${ITEM}`).click();

    await editor(ana).click();
    await ana.keyboard.type(PROPOSAL);
    await until(
      () => editorText(fac),
      (t) => t === PROPOSAL,
      'the proposal on the facilitator’s page',
    );
    await fac.getByText('No review date yet. A decision needs one: set it before the consent round.').waitFor();
    await ana.getByLabel('Review date').fill(REVIEW_DATE);
    await ana.getByLabel('Measure of success').fill(MEASURE);
    await button(ana, 'Save term').click();
    await expect.poll(() => fac.getByLabel('Measure of success').inputValue()).toBe(MEASURE);
    expect(await fac.getByLabel('Review date').inputValue()).toBe(REVIEW_DATE);
    expect(await fac.getByText('No review date yet.', { exact: false }).count()).toBe(0);
    await shot(ana, 'm1-term');
  });

  it('2. [R12] a guest cannot edit the proposal: the board says why, and the guest suggests in the item’s notes', async () => {
    await gil.getByText('Guests suggest changes in the notes below; members edit the proposal.').waitFor();
    expect(await editor(gil).getAttribute('contenteditable')).toBe('false');
    expect(await gil.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    // the term is shown, not offered for editing
    expect(await gil.getByLabel('Review date').count()).toBe(0);
    await gil.getByText(MEASURE).waitFor();
    await editor(gil).click();
    await gil.keyboard.type('guest was here');
    expect(await editorText(gil)).toBe(PROPOSAL);
    await gil.getByLabel(`Notes and suggestions on “${ITEM}”`).fill(SUGGESTION);
    await expect.poll(() => fac.getByLabel(`Notes and suggestions on “${ITEM}”`).inputValue()).toBe(SUGGESTION);
    await shot(gil, 'm2-guest-suggests');
  });

  it('3. [R20] during the consent round the text and term are locked for everyone, the owner and the facilitator included', async () => {
    for (const step of ['Owner presents the proposal', 'Start clarifying questions', 'Start quick reactions', 'Open consent round'])
      await move(fac, step);
    for (const p of [fac, ana]) {
      await p.getByText('The text and term stay as they are during the consent round; they can change in resolve.').waitFor();
      expect(await editor(p).getAttribute('contenteditable')).toBe('false');
      expect(await p.getByLabel('Review date').count()).toBe(0);
    }
    await shot(ana, 'm3-locked-in-round');
  });

  it('4. [C8] Ana consents; Ben raises an objection with a neutral button; the card is the circle’s to integrate', async () => {
    await button(ana, 'Consent').click();
    const object = button(ben, 'I have an objection: this needs a change');
    // neutral, not a danger-styled veto button
    expect((await object.getAttribute('class')) ?? '').not.toContain('danger');
    await object.click();
    await ben.getByLabel(/Your objection/).fill(OBJECTION);
    await button(ben, 'Raise my objection').click();
    for (const p of [fac, ana, ben, gil]) {
      await until(
        () => consentState(p).textContent(),
        (t) => t === '1 objection to integrate',
        'an objection to integrate',
      );
      await p.getByText('Ours to integrate: how can the proposal change so this is resolved?').waitFor();
    }
    await shot(fac, 'm4-objection-to-integrate');
  });

  it('5. [R20] in resolve Ana amends the text; Ana’s consent was given on an earlier version', async () => {
    await move(fac, 'Resolve objections');
    await until(
      () => editor(ana).getAttribute('contenteditable'),
      (v) => v === 'true',
      'the editor open again in resolve',
    );
    await editor(ana).locator('p').last().click();
    await ana.keyboard.press('End');
    await ana.keyboard.type(AMENDMENT);
    const amended = PROPOSAL + AMENDMENT;
    await until(
      () => editorText(ben),
      (t) => t === amended,
      'the amendment on Ben’s page',
    );
    await fac
      .locator('.participant[data-participant="Ana"] .position[data-stale]', { hasText: 'Given on an earlier version — please confirm' })
      .waitFor();
    await shot(fac, 'm5-amended-in-resolve');
  });

  it('6. [C18] Ben consents to the new text and confirms in one click that the change resolved his objection; the item is decided with its term', async () => {
    await move(fac, 'Open consent round');
    await button(ben, 'Consent').click();
    const ask = ben.getByRole('group', { name: 'Did the change resolve your objection?' });
    await ask.waitFor();
    // only the author is asked
    expect(await ana.getByRole('group', { name: 'Did the change resolve your objection?' }).count()).toBe(0);
    await shot(ben, 'm6a-did-the-change-resolve-it');
    await ask.getByRole('button', { name: 'Yes, resolved by the change' }).click();
    await fac.locator('.objection-card[data-objection-status="integrated"]').waitFor();
    expect(await ask.count()).toBe(0);
    for (const p of [fac, ana]) await button(p, 'Consent').click();
    await until(
      () => consentState(fac).textContent(),
      (t) => t === 'Consented — ready to record',
      'consented',
    );
    await move(fac, 'Record decision…');
    await fac.getByText(`Review by ${REVIEW_DATE} · Measured by: ${MEASURE.slice(0, -1)}`).waitFor();
    await button(fac, 'Record decision').click();
    for (const p of [fac, ana, ben, gil])
      await p.locator('.banner-ok', { hasText: `Review by ${REVIEW_DATE} · Measured by: ${MEASURE}` }).waitFor();
    await shot(fac, 'm6b-decided-with-term');
  });

  it('7. [C16] the minutes show the term and the measure, and how the objection was resolved', async () => {
    await button(fac, 'Minutes').click();
    const [json] = await Promise.all([fac.waitForEvent('download'), button(fac, 'Download JSON').click()]);
    const m = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
      items: {
        stage: string;
        term: { reviewDate: string; measure: string };
        decision: { reviewDate: string; measure: string };
        objections: { status: string; resolution: string }[];
      }[];
    };
    expect(m.items[0]).toMatchObject({
      stage: 'decided',
      term: { reviewDate: REVIEW_DATE, measure: MEASURE },
      decision: { reviewDate: REVIEW_DATE, measure: MEASURE },
    });
    expect(m.items[0]!.objections[0]).toMatchObject({
      status: 'integrated',
      resolution: 'The objector consented to the amended proposal.',
    });
    const [md] = await Promise.all([fac.waitForEvent('download'), button(fac, 'Download Markdown').click()]);
    const text = readFileSync(await md.path(), 'utf8');
    expect(text).toContain(`**Review date:** ${REVIEW_DATE}`);
    expect(text).toContain(`**Measure of success:** ${MEASURE}`);
    expect(text).toContain(SUGGESTION);
    await button(fac, 'Print view').click();
    const printed = fac.frameLocator('[data-testid="minutes-print-view"]');
    await expect.poll(() => printed.locator('body').innerText()).toContain(`success measured by: ${MEASURE}`);
    await shot(fac, 'm7-minutes-print-view');
    await button(fac, 'Close').click();
  });
});
