// A whole consent meeting across five browsers (issue 4): facilitator, two
// members, a guest and an observer, against the real server and the built board.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, consentState, editor, editorText, move, participantRow, until } from './support/board.ts';
import { installFrameClock, measureKeystrokeLatency } from './support/latency.ts';
import { daysFromToday } from '@consent/shared/testing/dates';

const NAMES = { fac: 'Fran', a: 'Ana', b: 'Ben', guest: 'Gil', obs: 'Olu' } as const;
type Who = keyof typeof NAMES;

const contexts = {} as Record<Who, BrowserContext>;
const pages = {} as Record<Who, Page>;
const all = () => Object.values(pages);
let memberLink = '';
let guestLink = '';
let observerLink = '';
const ITEM = 'Shared tool budget';
// [CI19] the server refuses a review date before today
const REVIEW_DATE = daysFromToday(180);
const OBJECTION = 'No limit per purchase: one person could spend the whole budget.';
const INTEGRATION = 'A limit of 100 per purchase was added.';
const AMENDMENT = 'Each purchase is limited to 100.';

async function openPage(who: Who, phone = false): Promise<Page> {
  contexts[who] = await suite.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  await installFrameClock(contexts[who]);
  const page = await contexts[who].newPage();
  page.on('pageerror', (e) => console.error(`[${who}] page error:`, e.message));
  pages[who] = page;
  return page;
}

async function join(who: Who, link: string, role: 'member' | 'guest' | 'observer') {
  const page = await openPage(who, who === 'obs');
  await page.goto(link);
  await page.getByLabel('Your name').fill(NAMES[who]);
  // The link alone decides the role: the page says which, and offers no choice.
  await page.getByText(`This is a${role === 'observer' ? 'n' : ''} ${role} link`).waitFor();
  expect(await page.getByRole('radio').count()).toBe(0);
  await button(page, 'Join').click();
  await page.waitForURL(/\/m\/[^/]+$/);
  await expect.poll(() => page.locator('.me strong').textContent()).toBe(NAMES[who]);
}

async function everyPageShows(what: string, check: (p: Page) => Promise<boolean>) {
  for (const p of all()) await until(() => check(p), Boolean, `${what} on ${await p.locator('.me strong').textContent()}'s page`);
}

const suite = boardSuite();

describe('a full consent meeting in five browsers', () => {
  it('1. the facilitator creates the meeting and shares links; the others join; everyone sees everyone', async () => {
    const fac = await openPage('fac');
    await fac.goto(`${suite.server.url}/`);
    await fac.getByLabel('Meeting title').fill('Garden circle, November');
    await fac.getByLabel(/^Circle/).fill('Garden circle');
    await fac.getByLabel(/^The circle's aim/).fill('A garden that feeds the neighbourhood all year.');
    await fac.getByLabel('Your name').fill(NAMES.fac);
    await button(fac, 'Create meeting').click();
    // the links are on the board itself, so a reload never loses them
    await fac.waitForURL(/\/m\/[^/]+$/);
    memberLink = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();
    guestLink = await fac.getByRole('textbox', { name: 'Guest link' }).inputValue();
    observerLink = await fac.getByRole('textbox', { name: 'Observer link' }).inputValue();
    expect(memberLink).toMatch(/\/m\/[^/]+\/join\?code=/);
    expect(new Set([memberLink, guestLink, observerLink]).size).toBe(3);
    await shot(fac, '1a-links');

    await join('a', memberLink, 'member');
    await join('b', memberLink, 'member');
    await join('guest', guestLink, 'guest');
    await join('obs', observerLink, 'observer');

    for (const p of all()) {
      for (const name of Object.values(NAMES)) await expect.poll(() => participantRow(p, name).locator('.presence.online').count()).toBe(1);
    }
    await expect.poll(() => participantRow(fac, NAMES.obs).locator('.participant-role').textContent()).toContain('observer');
    await expect.poll(() => participantRow(fac, NAMES.guest).locator('.participant-role').textContent()).toContain('guest');
    await shot(fac, '1b-everyone-present');
  });

  it('2. opening round passes the word person to person; the agenda gets one consent item', async () => {
    const { fac, a } = pages;
    await move(fac, 'Start the meeting: opening round');
    await button(fac, 'Open opening round').click();
    const order = [NAMES.fac, NAMES.a, NAMES.b, NAMES.guest];
    await expect.poll(() => fac.locator('.speakers li > span:first-child').allTextContents()).toEqual(order);
    for (let i = 0; i < order.length; i++) {
      for (const p of all()) await expect.poll(() => p.locator('.speakers li.speaking > span:first-child').textContent()).toBe(order[i]);
      if (i === 1) await shot(a, '2a-opening-round');
      // the last speaker's turn ends the round: one button, not "End of round" beside "Close round"
      await button(fac, i + 1 < order.length ? `Pass to ${order[i + 1]}` : 'Close round').click();
    }
    await everyPageShows('the round closed', async (p) => (await p.locator('#round-heading .badge', { hasText: 'closed' }).count()) === 1);
    await a.getByLabel('Opening round notes').click();
    await a.keyboard.type('Everyone arrived well; Ben is tired.');
    await expect.poll(() => fac.getByLabel('Opening round notes').inputValue()).toBe('Everyone arrived well; Ben is tired.');

    await move(fac, 'Move on to the agenda');
    await button(fac, '+ Add item').click();
    await fac.getByLabel('Title').fill(ITEM);
    await fac.getByLabel('Kind').selectOption('consent');
    await fac.getByLabel('Owner').selectOption({ label: NAMES.a });
    await fac.getByLabel('Timebox (minutes)').fill('20');
    await button(fac, 'Add').click();
    await everyPageShows('the agenda item', async (p) => (await p.locator('.agenda-item', { hasText: ITEM }).count()) === 1);
    await move(fac, 'Move on to the items');
    await button(fac, `Activate ${ITEM}`).click();
    await everyPageShows('the active item', async (p) => (await p.locator('.agenda-item.active', { hasText: ITEM }).count()) === 1);
  });

  it('3. two members type into the proposal at the same time; every page ends with the same text', async () => {
    const { a, b } = pages;
    await editor(a).click();
    await a.keyboard.type('Each member may buy garden tools from the shared budget.');
    await a.keyboard.press('Enter');
    await everyPageShows('the first line', async (p) => (await editorText(p)).includes('shared budget.'));
    // A writes the second paragraph while B writes at the very start: same text, different places.
    await editor(b).locator('p').first().click();
    await b.keyboard.press('Home');
    await Promise.all([a.keyboard.type('Purchases are listed in the tool book.'), b.keyboard.type('The budget is 600 a year. ')]);
    const both = (t: string) =>
      t.includes('Purchases are listed in the tool book.') && t.startsWith('The budget is 600 a year. Each member');
    const reference = await until(() => editorText(a), both, 'both sentences on A');
    for (const p of all())
      await until(
        () => editorText(p),
        (t) => t === reference,
        'the same text on every page',
      );
    await shot(b, '3-co-editing');

    const { obs } = pages;
    expect(await editor(obs).getAttribute('contenteditable')).toBe('false');
    await editor(obs).click();
    await obs.keyboard.type('observer was here');
    expect(await editorText(obs)).toBe(reference);

    const latency = await measureKeystrokeLatency(a, b, 50);
    const { send, wire, render } = latency.legs;
    console.log(
      `keystroke latency A→B over 50 keystrokes: median ${latency.median.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms ` +
        `(medians: keydown→sent ${send.toFixed(1)} ms, sent→received ${wire.toFixed(1)} ms, received→shown ${render.toFixed(1)} ms)`,
    );
    expect(latency.samples).toHaveLength(50);
    for (let i = 0; i < 50; i++) await a.keyboard.press('Backspace');
    const settled = await until(
      () => editorText(a),
      (t) => !t.includes('q'),
      'the latency probe removed',
    );
    for (const p of all())
      await until(
        () => editorText(p),
        (t) => t === settled,
        'the same text after the latency run',
      );
  });

  it('4. [C8] consent round: A consents, B objects with a reason; every page shows "blocked"', async () => {
    const { fac, a, b } = pages;
    // [M10] each step is one button: a stage that is a round opens it
    // [R19][M13] the owner sets the term the circle consents to, before the round
    await a.getByLabel('Review date').fill(REVIEW_DATE);
    await button(a, 'Save term').click();
    await expect.poll(() => fac.getByLabel('Review date').inputValue()).toBe(REVIEW_DATE);
    for (const step of ['Owner presents the proposal', 'Start clarifying questions', 'Start quick reactions', 'Open consent round'])
      await move(fac, step);
    await until(() => button(a, 'Consent').isEnabled(), Boolean, 'A may consent');
    await button(a, 'Consent').click();
    await button(b, 'I have an objection: this needs a change').click();
    await b.getByLabel(/Your objection/).fill(OBJECTION);
    await button(b, 'Raise my objection').click();
    await everyPageShows('an objection to integrate', async (p) => (await consentState(p).textContent()) === '1 objection to integrate');
    await expect.poll(() => participantRow(pages.obs, NAMES.a).locator('.position').getAttribute('data-position')).toBe('consent');
    await shot(fac, '4-blocked');
  });

  it("5. [C4][C13][C1][C9] amended offline by B: A's consent turns stale; B accepts the integration; a new round consents, the guest not counting", async () => {
    const { fac, a, b, guest } = pages;
    await move(fac, 'Resolve objections');
    // [R20] the editor opens again in resolve
    await until(
      () => editor(b).getAttribute('contenteditable'),
      (v) => v === 'true',
      "B's editor open again in resolve",
    );
    // The caret is placed first: Chromium's offline emulation stops the editor from seeing caret moves.
    await editor(b).locator('p').last().click();
    await b.keyboard.press('End');
    await contexts.b.setOffline(true);
    await expect.poll(() => b.locator('[data-save]').getAttribute('data-save')).toBe('offline');
    await b.keyboard.press('Enter');
    await b.keyboard.type(AMENDMENT);
    await shot(b, '5a-offline-edit');
    expect(await editorText(a)).not.toContain(AMENDMENT);
    await contexts.b.setOffline(false);
    await everyPageShows('the offline amendment merged', async (p) => (await editorText(p)).includes(AMENDMENT));
    await expect.poll(() => b.locator('[data-save]').getAttribute('data-save')).toBe('saved');
    await everyPageShows(
      "A's consent stale",
      async (p) => (await participantRow(p, NAMES.a).locator('.position[data-stale]').count()) === 1,
    );
    await shot(fac, '5b-stale');

    await button(b, 'Resolved by a change…').click();
    // [O3] the objector says which way through, and what changed
    await b.getByRole('group', { name: 'How was your objection integrated?' }).getByLabel('The text was amended').check();
    await b.getByLabel('What changed? (one sentence for the minutes)').fill(INTEGRATION);
    await button(b, 'Resolved by a change').click();
    await move(fac, 'Open consent round');
    for (const p of [fac, a, b, guest]) await button(p, 'Consent').click();
    await expect.poll(() => participantRow(fac, NAMES.guest).locator('.position').textContent()).toContain('does not count');
    await everyPageShows('consented', async (p) => (await consentState(p).textContent()) === 'Consented — ready to record');
    await shot(fac, '5c-consented');
  });

  it('6. [M7][R20][R18][R4] the decision is recorded with the term consented to (a late offline position is refused); closing round with evaluations; closed and read-only', async () => {
    const { fac, a, b } = pages;
    const decidedText = await editorText(fac);
    // [R20] the text is steady during the consent round: B's editor is read-only and says why
    expect(await editor(b).getAttribute('contenteditable')).toBe('false');
    await b.getByText('The text and term stay as they are during the consent round; they can change in resolve.').waitFor();
    // B gives a position again offline while the decision is recorded: positions of a decided item are final [R18].
    await contexts.b.setOffline(true);
    await expect.poll(() => b.locator('[data-save]').getAttribute('data-save')).toBe('offline');
    await button(b, 'Consent').click();
    await move(fac, 'Record decision…');
    await fac.getByText(`Review by ${REVIEW_DATE}`).waitFor();
    await button(fac, 'Record decision').click();
    await until(
      () => fac.locator('.banner-ok', { hasText: `Review by ${REVIEW_DATE}` }).count(),
      (n) => n === 1,
      "the decision on the facilitator's page",
    );
    await contexts.b.setOffline(false);
    await everyPageShows('decided', async (p) => (await p.locator('.banner-ok', { hasText: `Review by ${REVIEW_DATE}` }).count()) === 1);
    // [C16][R18] the panel shows the record frozen at the decision; positions on the item are final
    for (const p of [a, b]) {
      expect(await p.getByRole('heading', { name: 'Your position' }).count()).toBe(0);
      expect(await p.locator('.participant', { hasText: 'Ana' }).locator('[data-position]').getAttribute('data-position')).toBe('consent');
    }
    await expect.poll(() => b.getByRole('alert').filter({ hasText: 'Your last change was not accepted' }).count()).toBe(1);
    await until(
      () => editorText(b),
      (t) => t === decidedText,
      "B's board reloaded from the server",
    );
    await shot(b, '6a-refused');
    for (const p of all()) expect(await editorText(p)).toBe(decidedText);
    await move(fac, 'Move on to the closing round');
    await button(fac, 'Open closing round').click();
    for (const [p, score, comment] of [
      [a, 5, 'Clear and kind.'],
      [b, 4, 'Good integration.'],
    ] as const) {
      for (const key of ['Timekeeping', 'Did everyone have an equal voice?', 'Clarity', 'Effectiveness']) {
        await p.getByRole('group', { name: key }).getByLabel(String(score), { exact: true }).check();
      }
      await p.getByLabel('Comment').fill(comment);
      await button(p, 'Add my evaluation').click();
    }
    await everyPageShows('two evaluation cards', async (p) => (await p.getByText('Evaluation (2 cards)').count()) === 1);
    await shot(fac, '6b-evaluation');
    await move(fac, 'Close the meeting…');
    for (const p of all()) {
      await expect.poll(() => p.locator('.stepper li[aria-current="step"]').textContent()).toBe('Closed');
      expect(await editor(p).getAttribute('contenteditable')).toBe('false');
      expect(await p.locator('textarea').count()).toBe(0);
      expect(await p.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    }
    await shot(a, '6c-closed');
  });

  it('7. the minutes hold the final text, the objection and its integration, who consented, the review date, attendance', async () => {
    const { fac } = pages;
    await button(fac, 'Minutes').click();
    const [download] = await Promise.all([fac.waitForEvent('download'), button(fac, 'Download Markdown').click()]);
    const path = await download.path();
    const md = readFileSync(path, 'utf8');
    expect(md).toContain(AMENDMENT);
    expect(md).toContain('tool book');
    expect(md).toContain(OBJECTION);
    expect(md).toContain(INTEGRATION);
    expect(md).toContain(REVIEW_DATE);
    for (const name of [NAMES.fac, NAMES.a, NAMES.b, NAMES.guest, NAMES.obs]) expect(md).toContain(name);
    const [jsonDownload] = await Promise.all([fac.waitForEvent('download'), button(fac, 'Download JSON').click()]);
    const minutes = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as {
      items: { consent: { state: string; consented: string[] }; reviewDate: string }[];
      attendance: { name: string }[];
    };
    expect(minutes.items[0]?.consent.state).toBe('consented');
    expect(minutes.items[0]?.consent.consented).toHaveLength(3);
    expect(minutes.items[0]?.reviewDate).toBe(REVIEW_DATE);
    expect(minutes.attendance.map((p) => p.name).sort()).toEqual(Object.values(NAMES).sort());

    // The print view shows the HTML minutes in a sandboxed frame of the board.
    await button(fac, 'Print view').click();
    const printed = fac.frameLocator('[data-testid="minutes-print-view"]');
    await expect.poll(() => printed.locator('body').innerText()).toContain(INTEGRATION);
    await shot(fac, '7-print-view');
    await button(fac, 'Close').click();
  });

  it("8. [R3] the observer never could write; a reload keeps a member's identity", async () => {
    const { obs, a } = pages;
    expect(await button(obs, 'Consent').count()).toBe(0);
    expect(await button(obs, 'I have an objection: this needs a change').count()).toBe(0);
    expect(await obs.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    expect(await participantRow(obs, NAMES.obs).locator('.position').count()).toBe(0);
    await shot(obs, '8a-observer-phone');
    await a.reload();
    await expect.poll(() => a.locator('.me strong').textContent()).toBe(NAMES.a);
    await expect.poll(() => participantRow(pages.fac, NAMES.a).locator('.presence.online').count()).toBe(1);
    expect(await pages.fac.locator('.participant').count()).toBe(5);
  });
});
