// A board whose pass is refused says why and what to do, never "Loading…" for
// ever: a tampered token, a participant the facilitator removed, a meeting that
// does not exist (as after a deletion). Real server, built board, Chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, move, participantRow } from './support/board.ts';

const suite = boardSuite();

async function newPage(): Promise<Page> {
  const context = await suite.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

/** The facilitator creates a meeting on the start page; answers the board page and the member link. */
async function createMeeting(): Promise<{ fac: Page; memberLink: string }> {
  const fac = await newPage();
  await fac.goto(`${suite.server.url}/`);
  await fac.getByLabel('Meeting title').fill('Tool shed circle');
  await fac.getByLabel('Your name').fill('Fran');
  await button(fac, 'Create meeting').click();
  await fac.waitForURL(/\/m\/[^/]+$/);
  const memberLink = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();
  return { fac, memberLink };
}

async function joinAs(name: string, link: string): Promise<Page> {
  const page = await newPage();
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await button(page, 'Join').click();
  await page.waitForURL(/\/m\/[^/]+$/);
  await expect.poll(() => page.locator('.me strong').textContent()).toBe(name);
  return page;
}

const cannotOpen = (page: Page) => page.getByRole('heading', { name: 'This board cannot open' });

describe('the "cannot open this board" screen', () => {
  it('a tampered token: says the pass is not valid and to ask for a new link', async () => {
    const { memberLink } = await createMeeting();
    const ana = await joinAs('Ana', memberLink);
    await ana.evaluate(() => {
      for (const key of Object.keys(localStorage)) {
        const session = JSON.parse(localStorage.getItem(key)!) as { token: string };
        localStorage.setItem(key, JSON.stringify({ ...session, token: `${session.token.slice(0, -4)}AAAA` }));
      }
    });
    await ana.reload();
    await cannotOpen(ana).waitFor();
    expect(await ana.getByRole('alert').textContent()).toMatch(/not valid, or it has expired/);
    expect(await ana.getByText('Ask the facilitator for a new link of your role').count()).toBe(1);
    expect(await ana.getByText('Loading the meeting…').count()).toBe(0);
    await shot(ana, 'access-1-tampered-token');
  });

  it('a removed participant: the facilitator removes Ana; her open board closes with the reason, and her entry shows as removed', async () => {
    const { fac, memberLink } = await createMeeting();
    const ana = await joinAs('Ana', memberLink);
    await expect.poll(() => participantRow(fac, 'Ana').locator('.presence.online').count()).toBe(1);
    await button(fac, 'Remove Ana…').click();
    await shot(fac, 'access-2a-remove-confirm');
    await fac.getByRole('group', { name: 'Remove Ana…' }).getByRole('button', { name: 'Remove', exact: true }).click();
    await cannotOpen(ana).waitFor();
    expect(await ana.getByRole('alert').textContent()).toMatch(/the facilitator removed you/);
    expect(await ana.getByText(/removed this participant from the meeting/).count()).toBe(1);
    await shot(ana, 'access-2b-removed');
    await expect.poll(() => participantRow(fac, 'Ana').locator('.participant-role').textContent()).toContain('removed');
    expect(await button(fac, 'Remove Ana…').count()).toBe(0);
    await ana.reload();
    await cannotOpen(ana).waitFor();
  });

  it('a meeting that does not exist (deleted): says so and offers to start a new one', async () => {
    const page = await newPage();
    await page.goto(`${suite.server.url}/`);
    await page.evaluate(() => {
      const session = { participantId: 'p1', token: 'NoSuchMeeting0001.p1.member.zzzzzz.x', role: 'member', name: 'Ana' };
      localStorage.setItem('consent-board:session:NoSuchMeeting0001', JSON.stringify(session));
    });
    await page.goto(`${suite.server.url}/m/NoSuchMeeting0001`);
    await cannotOpen(page).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/does not exist: it was deleted, or the address is wrong/);
    expect(await page.getByRole('link', { name: 'Start a new meeting' }).count()).toBe(1);
    await shot(page, 'access-3-no-such-meeting');
  });
});

describe('a closed meeting', () => {
  it('[M3][DESIGN §5] takes no one new: a late joiner with the member link is told why, and the record keeps its people', async () => {
    const { fac, memberLink } = await createMeeting();
    await joinAs('Ana', memberLink);
    for (const step of [
      'Start the meeting: opening round',
      'Move on to the agenda',
      'Move on to the items',
      'Move on to the closing round',
      'Close the meeting…',
    ]) {
      await move(fac, step);
    }
    await expect.poll(() => fac.locator('.stepper li[aria-current="step"]').textContent()).toBe('Closed');
    const late = await newPage();
    await late.goto(memberLink);
    // the join page knows from the link that the meeting is closed: it says so and offers no form
    await late.getByText('This meeting is closed: it takes no new participants.').waitFor();
    expect(await late.getByLabel('Your name').count()).toBe(0);
    expect(late.url()).toContain('/join');
    await shot(late, 'access-4-closed-to-newcomers');
    expect(await fac.locator('.participant').count()).toBe(2);
    expect(await button(fac, 'Remove Ana…').count()).toBe(0);
  });
});
