// Ways through an objection and out of an item (issue 17): an objection integrated
// by amending the text, by shortening the term and by adding a measure; an item
// carried to the next meeting and one passed to a broader circle; an action item
// done; an evaluation answer sent to the backlog; then the minutes say it all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { addConsentItem, button, consentState, editor, editorText, move, toQuickReactions, until } from './support/board.ts';
import { daysFromToday } from '@consent/shared/testing/dates';

const KETTLE = 'Buy a kettle';
const SHED = 'Build a shed';
const HALL = 'Rent the hall';
const WAYS = [
  { objection: 'It is too loud for the office.', way: 'The text was amended', sentence: 'A quiet model is named in the text.' },
  {
    objection: 'We do not know if it gets used.',
    way: 'The term was shortened: we review it sooner',
    sentence: 'We review it after three months.',
  },
  {
    objection: 'It could raise the power bill.',
    way: 'A measure was added that watches the effect I feared',
    sentence: 'We read the meter every month.',
  },
] as const;
const ACTION = 'Order the quiet kettle';
// [CI19] the server refuses a review date before today; the shortened term ends sooner
const TERM_END = daysFromToday(270);
const SOONER = daysFromToday(180);
const IMPROVE = 'Start on time.';
const WORKED = 'Short rounds.';

const suite = boardSuite();
let fac: Page;
let ben: Page;

async function newPage(): Promise<Page> {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

/** Activates an item, writes its proposal and runs it up to an open consent round. */
async function toConsentRound(title: string, text: string): Promise<void> {
  await toQuickReactions(fac, title);
  await editor(fac).click();
  await fac.keyboard.type(text);
  await until(
    () => editorText(ben),
    (t) => t === text,
    `the proposal of ${title} on Ben's page`,
  );
  // [M13] the term is part of the proposal: a decision needs its review date
  await setTerm(fac, TERM_END, '');
  await move(fac, 'Open consent round');
}

/** Writes the term of the active item's proposal and waits until Ben's page shows it. */
async function setTerm(page: Page, reviewDate: string, measure: string): Promise<void> {
  await page.getByLabel('Review date').fill(reviewDate);
  await page.getByLabel('Measure of success').fill(measure);
  await button(page, 'Save term').click();
  await expect.poll(() => (page === ben ? fac : ben).getByLabel('Review date').inputValue()).toBe(reviewDate);
}

async function object(page: Page, text: string): Promise<void> {
  await button(page, 'I have an objection: this needs a change').click();
  await page.getByLabel(/Your objection/).fill(text);
  await button(page, 'Raise my objection').click();
  await page.locator('.objection-card', { hasText: text }).waitFor();
}

/** Ends the active item in this meeting by the way the facilitator picks. */
async function exitBy(way: string, note: string): Promise<void> {
  await fac.getByRole('group', { name: 'Allowed moves' }).getByRole('button', { name: 'Defer item…', exact: true }).click();
  const dialog = fac.getByRole('alertdialog');
  await dialog.getByLabel(way).check();
  await dialog.getByLabel('Note for the backlog (optional)').fill(note);
  return void (await dialog.getByRole('button', { name: 'Yes, go on' }).click());
}

describe('ways through an objection and out of an item', () => {
  it('1. setup: Fran facilitates, Ben joins as a member; three consent items', async () => {
    fac = await newPage();
    await fac.goto(`${suite.server.url}/`);
    await fac.getByLabel('Meeting title').fill('Office circle');
    await fac.getByLabel('Your name').fill('Fran');
    await button(fac, 'Create meeting').click();
    await fac.waitForURL(/\/m\/[^/]+$/);
    const memberLink = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();
    ben = await newPage();
    await ben.goto(memberLink);
    await ben.getByLabel('Your name').fill('Ben');
    await button(ben, 'Join').click();
    await ben.waitForURL(/\/m\/[^/]+$/);
    await move(fac, 'Start the meeting: opening round');
    await move(fac, 'Move on to the agenda');
    for (const title of [KETTLE, SHED, HALL]) await addConsentItem(fac, title);
    await move(fac, 'Move on to the items');
  });

  it('2. [O1][O3] three objections, integrated by amending the text, by shortening the term and by adding a measure', async () => {
    await toConsentRound(KETTLE, 'We buy a kettle.');
    for (const w of WAYS) await object(ben, w.objection);
    await until(
      () => consentState(fac).textContent(),
      (t) => t === '3 objections to integrate',
      'three objections',
    );
    await move(fac, 'Resolve objections');
    // the proposal is where the text, the term and the measure change: a quieter model,
    // a review three months sooner, and a measure that watches the noise
    await expect.poll(() => editor(ben).getAttribute('contenteditable')).toBe('true');
    await editor(ben).locator('p').last().click();
    await ben.keyboard.press('End');
    await ben.keyboard.type(' A quiet model.');
    await until(
      () => editorText(fac),
      (t) => t === 'We buy a kettle. A quiet model.',
      'the amended text on Fran’s page',
    );
    await setTerm(ben, SOONER, 'We read the meter every month.');
    for (const [i, w] of WAYS.entries()) {
      const card = ben.locator('.objection-card', { hasText: w.objection });
      await card.getByRole('button', { name: 'Resolved by a change…' }).click();
      const form = card.getByRole('group', { name: 'How was your objection integrated?' });
      await form.getByLabel(w.way).check();
      await card.getByLabel('What changed? (one sentence for the minutes)').fill(w.sentence);
      if (i === 0) await shot(ben, 'w2a-ways-through');
      await card.getByRole('button', { name: 'Resolved by a change', exact: true }).click();
      await fac.locator('.objection-card', { hasText: w.objection }).getByText(w.sentence).waitFor();
    }
    await fac.locator('.objection-card', { hasText: WAYS[1].objection }).getByText('Shortened the term:').waitFor();
    await shot(fac, 'w2b-integrated-three-ways');
    await move(fac, 'Open consent round');
    for (const p of [fac, ben]) await button(p, 'Consent').click();
    await until(
      () => consentState(fac).textContent(),
      (t) => t === 'Consented — ready to record',
      'consented',
    );
    await move(fac, 'Record decision…');
    await button(fac, 'Record decision').click();
  });

  it('3. [AI2][AI3][AI6] an action item beside the item: Ben asks Fran, Fran ticks it off', async () => {
    await button(ben, '+ Add an action item').click();
    await ben.getByLabel('What is to be done').fill(ACTION);
    await ben.getByLabel('Who does it').selectOption({ label: 'Fran' });
    await ben.getByLabel('By when (optional)').fill('2027-01-15');
    await button(ben, 'Add the action item').click();
    const tick = fac.getByRole('checkbox', { name: `Done: ${ACTION}` });
    await tick.check();
    await expect.poll(() => ben.locator('.action', { hasText: ACTION }).getAttribute('data-action-done')).toBe('true');
    await shot(ben, 'w3-action-item');
  });

  it('4. [O4][O9][BL6] an item carried to the next meeting and one passed to a broader circle: both end here and land in the backlog', async () => {
    await toConsentRound(SHED, 'We build a shed.');
    await object(ben, 'There is no permit yet.');
    await fac.getByRole('group', { name: 'Allowed moves' }).getByRole('button', { name: 'Defer item…', exact: true }).click();
    await fac.getByRole('alertdialog').getByLabel('Carry to the next meeting').waitFor();
    await shot(fac, 'w4a-ways-out');
    await fac.getByRole('alertdialog').getByRole('button', { name: 'Not yet' }).click();
    await exitBy('Carry to the next meeting', 'Once the permit is in.');
    await button(fac, `Activate ${HALL}`).click();
    await exitBy('Pass to a broader circle', 'The hall is the general circle’s domain.');
    const backlog = ben.getByRole('region', { name: 'Carried to the next meeting' });
    await backlog.locator('.backlog-entry', { hasText: HALL }).getByText('for a broader circle').waitFor();
    await backlog.locator('.backlog-entry', { hasText: SHED }).getByText('Once the permit is in.').waitFor();
    await ben.getByText('Passed to a broader circle.', { exact: true }).waitFor();
    await shot(ben, 'w4b-backlog');
  });

  it('5. [E2][E5][E6] the evaluation asks what worked and what could improve; an answer goes to the backlog in one click', async () => {
    await move(fac, 'Move on to the closing round');
    await ben.getByLabel('What worked well?').fill(WORKED);
    await ben.getByLabel('What could improve?').fill(IMPROVE);
    await shot(ben, 'w5a-evaluation-prompts');
    await button(ben, 'Add my evaluation').click();
    await button(fac, `Send to the backlog: ${IMPROVE}`).click();
    await fac.locator('.evaluation-summary').getByText('In the backlog').waitFor();
    await ben.getByRole('region', { name: 'Carried to the next meeting' }).getByText(IMPROVE).waitFor();
    expect(await button(ben, `Send to the backlog: ${IMPROVE}`).count()).toBe(0);
    await shot(fac, 'w5b-answer-in-backlog');
  });

  it('6. [O7][BL6][AI5][E4] the minutes show each way through and out, the backlog, the action item and the answers', async () => {
    await button(fac, 'Minutes').click();
    const [json] = await Promise.all([fac.waitForEvent('download'), button(fac, 'Download JSON').click()]);
    const m = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
      items: { title: string; exit: string | null; objections: { text: string; path: string | null; resolution: string | null }[] }[];
      backlog: { title: string; source: string; text: string }[];
      actions: { itemTitle: string; text: string; assignee: { name: string }; due: string | null; done: boolean }[];
      evaluation: { answers: { question: string; text: string; inBacklog: boolean }[] };
    };
    const kettle = m.items.find((i) => i.title === KETTLE)!;
    expect(kettle.objections.map((o) => [o.text, o.path, o.resolution])).toEqual([
      [WAYS[0].objection, 'amend', WAYS[0].sentence],
      [WAYS[1].objection, 'term', WAYS[1].sentence],
      [WAYS[2].objection, 'measure', WAYS[2].sentence],
    ]);
    expect(m.items.map((i) => [i.title, i.exit])).toEqual([
      [KETTLE, null],
      [SHED, 'carried'],
      [HALL, 'broader-circle'],
    ]);
    expect(m.backlog.map((e) => [e.title, e.source])).toEqual([
      [SHED, 'carried'],
      [HALL, 'broader-circle'],
      ['What could improve?', 'evaluation'],
    ]);
    expect(m.actions).toEqual([
      expect.objectContaining({
        itemTitle: KETTLE,
        text: ACTION,
        assignee: expect.objectContaining({ name: 'Fran' }),
        due: '2027-01-15',
        done: true,
      }),
    ]);
    expect(m.evaluation.answers).toEqual([
      { participantId: expect.any(String), name: 'Ben', prompt: 'worked', question: 'What worked well?', text: WORKED, inBacklog: false },
      {
        participantId: expect.any(String),
        name: 'Ben',
        prompt: 'improve',
        question: 'What could improve?',
        text: IMPROVE,
        inBacklog: true,
      },
    ]);
    const [md] = await Promise.all([fac.waitForEvent('download'), button(fac, 'Download Markdown').click()]);
    const text = readFileSync(await md.path(), 'utf8');
    for (const line of [
      'Amended the text: A quiet model',
      'Shortened the term: We review it after three months.',
      'Added a measure that watches the feared effect: We read the meter every month.',
      'Carried to the next meeting, with 1 objection still to integrate.',
      'Passed to a broader circle.',
      '## Carried to the next meeting',
      '## Action items',
      `| ${KETTLE} | ${ACTION} | Fran | 2027-01-15 | done |`,
      `- _What could improve?_ **Ben:** ${IMPROVE} (to the backlog)`,
    ]) {
      expect(text).toContain(line);
    }
    await button(fac, 'Print view').click();
    const printed = fac.frameLocator('[data-testid="minutes-print-view"]');
    await expect.poll(() => printed.locator('body').innerText()).toContain('Passed to a broader circle.');
    expect(await printed.locator('body').innerText()).toContain('Shortened the term: We review it after three months.');
    await printed.getByRole('heading', { name: 'Objections' }).first().scrollIntoViewIfNeeded();
    await shot(fac, 'w6a-minutes-ways-through');
    await printed.getByRole('heading', { name: 'Carried to the next meeting' }).scrollIntoViewIfNeeded();
    await shot(fac, 'w6b-minutes-backlog');
    await button(fac, 'Close').click();
  });
});
