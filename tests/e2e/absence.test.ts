// Quorum, absent members and concerns carried into the review (issue 17, parts 3 and 6),
// in three browsers: the facilitator sets the decision rules, a member is away, quorum
// blocks and then allows the decision, a concern is checked once and reaches the minutes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, consentState, editor, move, participantRow, until } from './support/board.ts';
import { daysFromToday } from '@consent/shared/testing/dates';

const NAMES = { fac: 'Fay', a: 'Ana', b: 'Bo' } as const;
type Who = keyof typeof NAMES;
const pages = {} as Record<Who, Page>;
const ITEM = 'Tool library hours';
const CONCERN = 'Saturday mornings may be too few for people who work shifts.';
// [CI19] the server refuses a review date before today
const REVIEW_DATE = daysFromToday(90);

const suite = boardSuite();

async function openPage(who: Who): Promise<Page> {
  const context = await suite.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${who}] page error:`, e.message));
  pages[who] = page;
  return page;
}

const attendance = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Attendance' }).getByRole('checkbox', { name: new RegExp(`^${name} `) });
const quorum = (page: Page) => page.locator('.quorum-status');
const movesOffered = (page: Page) => page.getByRole('group', { name: 'Allowed moves' }).getByRole('button').allTextContents();

describe('[Q1–Q9][C25–C28] quorum, absent members and concerns on the board', () => {
  it('1. [Q1][R22] the facilitator sets the quorum and the absentee policy in the lobby', async () => {
    const fac = await openPage('fac');
    await fac.goto(`${suite.server.url}/`);
    await fac.getByLabel('Meeting title').fill('Tool library, March');
    await fac.getByLabel(/^Circle/).fill('Tool library circle');
    await fac.getByLabel(/^The circle's aim/).fill('Tools shared by the whole street.');
    await fac.getByLabel('Your name').fill(NAMES.fac);
    await button(fac, 'Create meeting').click();
    await fac.waitForURL(/\/m\/[^/]+$/);
    const memberLink = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();
    for (const who of ['a', 'b'] as const) {
      const page = await openPage(who);
      await page.goto(memberLink);
      await page.getByLabel('Your name').fill(NAMES[who]);
      await button(page, 'Join').click();
      await page.waitForURL(/\/m\/[^/]+$/);
      await expect.poll(() => participantRow(fac, NAMES[who]).count()).toBe(1);
    }
    const rules = fac.getByRole('form', { name: 'Decision rules' });
    await expect.poll(() => rules.getByText('Leave empty for more than half of the members (now 2 of 3).').count()).toBe(1);
    await rules.getByLabel('Quorum: members present needed for a decision').fill('2');
    await rules.getByLabel('Absent members').selectOption({ label: 'Their consent is assumed unless they left an objection' });
    await button(fac, 'Save decision rules').click();
    await shot(fac, 'absence-1-decision-rules');
    // nobody but the facilitator sees the form
    expect(await pages.a.getByRole('form', { name: 'Decision rules' }).count()).toBe(0);
  });

  it('2. [Q9] Bo is marked absent; before the round he gives his position beforehand', async () => {
    const { fac, a, b } = pages;
    await move(fac, 'Start the meeting: opening round');
    await move(fac, 'Move on to the agenda');
    // [R22] from the agenda on, the rules stand
    expect(await fac.getByRole('form', { name: 'Decision rules' }).count()).toBe(0);
    await button(fac, '+ Add item').click();
    await fac.getByLabel('Title').fill(ITEM);
    await fac.getByLabel('Kind').selectOption('consent');
    await fac.getByLabel('Owner').selectOption({ label: NAMES.a });
    await button(fac, 'Add').click();
    await attendance(fac, NAMES.b).uncheck();
    await expect.poll(() => participantRow(a, NAMES.b).locator('.participant-role').textContent()).toContain('absent');
    await move(fac, 'Move on to the items');
    await button(fac, `Activate ${ITEM}`).click();
    await until(
      () => a.locator('.agenda-item.active', { hasText: ITEM }).count(),
      (n) => n === 1,
      'the active item on Ana’s page',
    );
    await editor(a).click();
    await a.keyboard.type('The tool library opens on Saturday mornings, 9 to 12.');
    // [M13] the term is part of the proposal: a decision needs its review date
    await a.getByLabel('Review date').fill(REVIEW_DATE);
    await button(a, 'Save term').click();
    await expect.poll(() => fac.getByLabel('Review date').inputValue()).toBe(REVIEW_DATE);
    for (const step of ['Owner presents the proposal', 'Start clarifying questions', 'Start quick reactions']) await move(fac, step);
    await until(
      () => b.getByText('You are marked absent.', { exact: false }).count(),
      (n) => n === 1,
      'the beforehand hint on Bo’s page',
    );
    await button(b, 'Consent').click();
    await until(
      () => b.getByText('You gave:', { exact: false }).count(),
      (n) => n === 1,
      'Bo’s position given',
    );
    await expect.poll(() => quorum(b).innerText()).toContain('Bo — their position given on this text counts');
    await shot(b, 'absence-2-position-beforehand');
  });

  it('3. [C26][C25] Ana consents with a concern after answering "Is this an objection?"', async () => {
    const { fac, a } = pages;
    await move(fac, 'Open consent round');
    await until(
      () => button(fac, 'Consent').count(),
      (n) => n === 1,
      'the consent round on Fay’s page',
    );
    await button(fac, 'Consent').click();
    await button(a, 'Concern…').click();
    await a.getByLabel('Your concern (you still consent)').fill(CONCERN);
    await button(a, 'Consent with concern').click();
    const check = a.getByRole('group', { name: 'Is this an objection?' });
    await expect
      .poll(() => check.innerText())
      .toContain('An objection means the proposal would harm the circle’s aim; a concern is something to watch.');
    await expect.poll(() => check.innerText()).toContain(CONCERN);
    await shot(a, 'absence-3-is-this-an-objection');
    await button(a, 'Record as a concern').click();
    await expect.poll(() => participantRow(fac, NAMES.a).locator('.position').getAttribute('data-position')).toBe('concern');
    await expect.poll(() => fac.locator('.objection-cards, .cards').innerText()).toContain(CONCERN);
  });

  it('4. [Q4][Q6][Q2] quorum met: Bo’s position given beforehand counts; the decision is offered', async () => {
    const { fac } = pages;
    await expect.poll(() => consentState(fac).textContent()).toBe('Consented — ready to record');
    await expect.poll(() => quorum(fac).innerText()).toContain('Quorum met: 2 of 3 members present, 2 needed.');
    await expect.poll(() => quorum(fac).innerText()).toContain('Bo — their position given on this text counts');
    await expect.poll(() => movesOffered(fac)).toContain('Record decision…');
    await shot(fac, 'absence-4-quorum-met');
  });

  it('5. [Q3] Ana steps out: below quorum the decision is not offered, and the board says why', async () => {
    const { fac } = pages;
    await attendance(fac, NAMES.a).uncheck();
    await expect.poll(() => quorum(fac).innerText()).toContain('Quorum not met: 1 of 3 members present, 2 needed.');
    await expect.poll(() => consentState(fac).textContent()).toBe('Consented — quorum not met');
    // [Q4] Ana's concern, given on this text, still counts while she is away
    await expect.poll(() => quorum(fac).innerText()).toContain('Ana — their position given on this text counts');
    await expect.poll(() => movesOffered(fac)).not.toContain('Record decision…');
    await shot(fac, 'absence-5-quorum-not-met');
  });

  it('6. [Q3][C27] Ana is back: the decision is recorded with her concern', async () => {
    const { fac } = pages;
    await attendance(fac, NAMES.a).check();
    await expect.poll(() => quorum(fac).innerText()).toContain('Quorum met: 2 of 3 members present, 2 needed.');
    await move(fac, 'Record decision…');
    await button(fac, 'Record decision').click();
    await until(
      () => fac.locator('.banner-ok', { hasText: `Review by ${REVIEW_DATE}` }).count(),
      (n) => n === 1,
      'the decision on Fay’s page',
    );
  });

  it('7. [C28] the minutes list the concern under "Questions for the review", with who raised it', async () => {
    const { fac } = pages;
    await button(fac, 'Minutes').click();
    const [download] = await Promise.all([fac.waitForEvent('download'), button(fac, 'Download Markdown').click()]);
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toContain(`#### Questions for the review\n\n- ${CONCERN} — raised by **${NAMES.a}**`);
    expect(md).toContain(
      'Quorum: 2 of 3 members present, 2 needed (met); absent members are assumed to consent unless they left an objection',
    );
    const [jsonDownload] = await Promise.all([fac.waitForEvent('download'), button(fac, 'Download JSON').click()]);
    const minutes = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as {
      items: { reviewQuestions: { name: string; text: string }[]; consent: { concerns: string[]; absent: string[] } }[];
    };
    expect(minutes.items[0]?.reviewQuestions).toMatchObject([{ name: NAMES.a, text: CONCERN }]);
    expect(minutes.items[0]?.consent.absent).toHaveLength(1);
    await button(fac, 'Print view').click();
    const printed = fac.frameLocator('[data-testid="minutes-print-view"]');
    await expect.poll(() => printed.locator('body').innerText()).toContain('Questions for the review');
    await expect.poll(() => printed.locator('body').innerText()).toContain(`${CONCERN} — raised by ${NAMES.a}`);
    await printed.getByRole('heading', { name: 'Questions for the review' }).scrollIntoViewIfNeeded();
    await shot(fac, 'absence-7-minutes-review-questions');
    await button(fac, 'Close').click();
  });
});
