// Facilitation that holds up (issue 10), in four browsers against the real
// server: positions revealed together, a selection with sealed nominations,
// the rule that keeps an item from being stranded, and a facilitator handover.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, consentState, editor, move, until } from './support/board.ts';

const NAMES = { fac: 'Fran', a: 'Ana', b: 'Ben', c: 'Cleo' } as const;
type Who = keyof typeof NAMES;
const OBJECTION = 'A kettle this loud disturbs the calls next door.';
const AWAY_MS = 1500;

const suite = boardSuite({ FACILITATOR_AWAY_MS: String(AWAY_MS) });
const contexts = {} as Record<Who, BrowserContext>;
const pages = {} as Record<Who, Page>;
/** Pages whose tab was closed are no longer checked. */
const closed = new Set<Who>();
const open = () => (Object.keys(pages) as Who[]).filter((w) => !closed.has(w)).map((w) => pages[w]);

async function openPage(who: Who): Promise<Page> {
  contexts[who] = await suite.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await contexts[who].newPage();
  page.on('pageerror', (e) => console.error(`[${who}] page error:`, e.message));
  pages[who] = page;
  return page;
}

async function everyPageShows(what: string, check: (p: Page) => Promise<boolean>) {
  for (const p of open()) await until(() => check(p), Boolean, what);
}
const shows = (text: string | RegExp) => async (p: Page) => (await p.getByText(text).count()) > 0;

describe('facilitation that holds up', () => {
  it('0. a meeting with a consent item and a selection item, four members', async () => {
    const fac = await openPage('fac');
    await fac.goto(`${suite.server.url}/`);
    await fac.getByLabel('Meeting title').fill('Office circle');
    await fac.getByLabel('Your name').fill(NAMES.fac);
    await button(fac, 'Create meeting').click();
    await fac.waitForURL(/\/m\/[^/]+$/);
    const link = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();
    for (const who of ['a', 'b', 'c'] as const) {
      const p = await openPage(who);
      await p.goto(link);
      await p.getByLabel('Your name').fill(NAMES[who]);
      await button(p, 'Join').click();
      await p.waitForURL(/\/m\/[^/]+$/);
    }
    await move(fac, 'Start the meeting: opening round');
    await move(fac, 'Move on to the agenda');
    for (const [title, kind] of [
      ['Buy a kettle', 'consent'],
      ['Choose a treasurer', 'selection'],
    ]) {
      await button(fac, '+ Add item').click();
      await fac.getByLabel('Title').fill(title!);
      await fac.getByLabel('Kind').selectOption(kind!);
      await button(fac, 'Add').click();
    }
    await move(fac, 'Move on to the items');
    await button(fac, 'Activate Buy a kettle').click();
    await everyPageShows('Fran as facilitator', shows('Facilitator: Fran'));
  });

  it('1. [V1][V3][V6][M11] positions are given privately, counted, and revealed all at once', async () => {
    const { fac, a, b } = pages;
    // [C17] a consent round needs a proposal
    await editor(fac).click();
    await fac.keyboard.type('We buy a quiet kettle.');
    for (const step of ['Owner presents the proposal', 'Start clarifying questions', 'Start quick reactions']) await move(fac, step);
    // the one step has a sealed alternative [V1]
    await button(fac, 'Open consent round, positions revealed together').click();
    await everyPageShows('the sealed round', shows('0 of 4 have given their position'));
    await button(a, 'Consent').click();
    await button(b, 'I have an objection: this needs a change').click();
    await b.getByLabel(/Your objection/).fill(OBJECTION);
    await button(b, 'Object privately').click();
    await everyPageShows('the progress', shows('2 of 4 have given their position'));
    await expect.poll(() => b.getByText('You gave privately: objection.').count()).toBe(1);
    // nobody else can read it: no card, no position on any other page, the facilitator's included
    for (const p of [fac, a, pages.c]) {
      expect(await p.getByText(OBJECTION).count()).toBe(0);
      expect(await p.locator('.position[data-position]').count()).toBe(0);
    }
    // [M11] the item is mid-process: the meeting cannot be moved to Closing
    expect(await fac.getByRole('button', { name: 'Move on to the closing round' }).count()).toBe(0);
    await shot(fac, 'f1a-sealed-progress');
    await shot(b, 'f1b-sealed-mine');
    await button(fac, 'Reveal now').click();
    await everyPageShows('the revealed objection', shows(OBJECTION));
    await everyPageShows('blocked', async (p) => (await consentState(p).textContent()) === '1 objection to integrate');
    await shot(a, 'f1c-revealed');
    await move(fac, 'Defer item…');
    await expect.poll(() => fac.getByRole('button', { name: 'Move on to the closing round' }).count()).toBe(1);
  });

  it('2. [S1][S2][S3][S4][M12][S5][S6] a treasurer is selected: role and term, private nominations, a change, a candidate, consent', async () => {
    const { fac, a, b, c } = pages;
    await button(fac, 'Activate Choose a treasurer').click();
    await move(fac, 'Owner presents the proposal');
    await fac.getByLabel('Role').fill('Treasurer');
    await fac.getByLabel('Term ends').fill('2027-06-30');
    await button(fac, 'Set role and term').click();
    await everyPageShows('the role', shows('Selecting: Treasurer, term until 2027-06-30'));
    // the stage opens its own round: nominations, revealed together [S2]
    await move(fac, 'Open nominations round (revealed together)');
    const picks: [Page, string, string][] = [
      [a, NAMES.b, 'Ben keeps tidy books'],
      [b, NAMES.a, 'Ana did it before'],
      [c, NAMES.c, 'I have the time'],
      [fac, NAMES.a, 'Ana is careful'],
    ];
    for (const [p, whom, why] of picks.slice(0, 3)) {
      await p.getByLabel('I nominate').selectOption({ label: whom });
      await p.getByLabel('because').fill(why);
      await button(p, 'Nominate privately').click();
    }
    await everyPageShows('nomination progress', shows('3 of 4 have given their nomination'));
    expect(await fac.getByText('Ben keeps tidy books').count()).toBe(0);
    await shot(c, 'f2a-nominating');
    const [p4, whom4, why4] = picks[3]!;
    await p4.getByLabel('I nominate').selectOption({ label: whom4 });
    await p4.getByLabel('because').fill(why4);
    await button(p4, 'Nominate privately').click();
    await everyPageShows('the nominations revealed', shows('Ben keeps tidy books'));
    await move(fac, 'Open change round');
    await c.getByText('Change my nomination').first().click();
    await c.getByLabel('I nominate').selectOption({ label: NAMES.a });
    await c.getByLabel('because').fill('Heard Ana: she has the time too');
    await button(c, 'Change my nomination').click();
    await everyPageShows('the change', shows('(changed from Cleo)'));
    expect(await fac.getByRole('button', { name: 'Open consent round' }).count()).toBe(0);
    await fac.getByLabel('Candidate').selectOption({ label: NAMES.a });
    await button(fac, 'Propose as candidate').click();
    await everyPageShows('the candidate', shows('Proposed candidate: Ana'));
    await shot(fac, 'f2b-candidate');
    await move(fac, 'Open consent round');
    for (const p of [fac, a, b, c]) await button(p, 'Consent').click();
    await everyPageShows('consented', async (p) => (await consentState(p).textContent()) === 'Consented — ready to record');
    await move(fac, 'Record decision…');
    await button(fac, 'Record decision').click();
    await everyPageShows('decided', async (p) => (await consentState(p).textContent())?.startsWith('Decided') ?? false);
    await everyPageShows('the holder', shows('Selected: Ana as Treasurer, term until 2027-06-30'));
  });

  it('3. [F1][F3][F4] the facilitator names a co-facilitator, closes the tab, and the co-facilitator takes over', async () => {
    const { fac, a } = pages;
    await fac.getByText('Co-facilitator and handover').click();
    await fac.getByLabel('Co-facilitator', { exact: true }).selectOption({ label: NAMES.a });
    await everyPageShows('the co-facilitator', shows('Co-facilitator: Ana'));
    await contexts.fac.close();
    closed.add('fac');
    await everyPageShows('Fran gone', shows('Fran has left the meeting.'));
    await shot(a, 'f3a-facilitator-gone');
    await until(() => button(a, 'Take over facilitation').isEnabled(), Boolean, 'the takeover to be possible');
    await button(a, 'Take over facilitation').click();
    await everyPageShows('Ana facilitating', shows('Facilitator: Ana'));
    await expect.poll(() => a.getByRole('heading', { name: 'Facilitate' }).count()).toBe(1);
    expect(await pages.b.getByRole('heading', { name: 'Facilitate' }).count()).toBe(0);
    await shot(a, 'f3b-took-over');
  });
});
