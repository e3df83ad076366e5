// A circle in Chromium: created on the start page, three members let in by their
// personal links (each on a device of their own), a meeting created from the circle
// page and opened from "My circles" without joining again, a removed member's device
// told why. Screenshots of the circle page on a desktop and on a phone.
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, participantRow } from './support/board.ts';

const suite = boardSuite();
const DESKTOP: BrowserContextOptions = { viewport: { width: 1200, height: 850 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function newPage(options: BrowserContextOptions = DESKTOP): Promise<Page> {
  const context = await suite.newContext(options);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

/** The facilitator adds a member on the circle page and reads the personal link it gives. */
async function addMember(fay: Page, name: string, role: 'member' | 'guest'): Promise<string> {
  const form = fay.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Role in the circle').selectOption(role);
  await button(fay, 'Add and make a personal link').click();
  const link = fay.getByRole('textbox', { name: `Personal link for ${name}` });
  await link.waitFor();
  expect(await fay.getByRole('img', { name: `QR code of the personal link for ${name}` }).count()).toBe(1);
  return link.inputValue();
}

/** A person opens their personal link on their own device and joins the circle once. */
async function redeem(link: string, options?: BrowserContextOptions): Promise<Page> {
  const page = await newPage(options);
  await page.goto(link);
  await button(page, 'Join the circle').click();
  await page.waitForURL(/\/c\/[^/]+$/);
  await page.getByRole('heading', { name: 'Tool shed circle' }).waitFor();
  return page;
}

describe('circles', () => {
  it('[CI1][CI5][CI11][CI12][CI3] a circle lets its members into its meetings without joining again, and tells a removed member why', async () => {
    const fay = await newPage();
    await fay.goto(`${suite.server.url}/`);
    await fay.getByRole('link', { name: 'New circle' }).click();
    await fay.getByLabel('Circle name').fill('Tool shed circle');
    await fay.getByLabel('Aim').fill('Keep the shared tools working and easy to borrow.');
    await fay.getByLabel('Domain').fill('The tool shed, its tools and the lending rules.');
    await fay.getByLabel('Your name').fill('Fay');
    await button(fay, 'Create circle').click();
    await fay.waitForURL(/\/c\/[^/]+$/);
    await fay.getByText('You facilitate this circle.').waitFor();
    const circleUrl = fay.url();

    const links = {
      Ana: await addMember(fay, 'Ana', 'member'),
      Ben: await addMember(fay, 'Ben', 'member'),
      Gil: await addMember(fay, 'Gil', 'guest'),
    };
    expect(links.Ana).not.toBe(links.Ben);
    const ana = await redeem(links.Ana);
    const ben = await redeem(links.Ben);
    const gil = await redeem(links.Gil, PHONE);
    expect(await ana.getByText('You are Ana.').count()).toBe(1);
    // a personal link opens once
    const again = await newPage();
    await again.goto(links.Ana);
    await button(again, 'Join the circle').click();
    await again.getByRole('alert').filter({ hasText: 'used already' }).waitFor();

    await fay.reload();
    const members = fay.getByRole('region', { name: 'Members' });
    await expect.poll(() => members.getByText('invited, not joined yet').count()).toBe(0);
    expect(await members.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Fay'),
      expect.stringContaining('Ana'),
      expect.stringContaining('Ben'),
      expect.stringContaining('Gil'),
    ]);
    await shot(fay, 'circles-1-circle-page-desktop');

    await button(fay, 'New meeting').click();
    // [CI21] nothing is due yet: the form says so, and creates the meeting
    await fay.getByText('Nothing is due').waitFor();
    await button(fay, 'Create the meeting').click();
    await fay.waitForURL(/\/m\/[^/]+$/);
    await participantRow(fay, 'Ana').waitFor();

    for (const [page, name] of [
      [ana, 'Ana'],
      [ben, 'Ben'],
      [gil, 'Gil'],
    ] as const) {
      await page.goto(`${suite.server.url}/circles`);
      await page
        .getByRole('region', { name: 'Tool shed circle' })
        .getByRole('link', { name: /^Tool shed circle · / })
        .click();
      await page.waitForURL(/\/m\/[^/]+$/);
      await expect.poll(() => page.locator('.me strong').textContent()).toBe(name);
    }
    for (const [name, role] of [
      ['Fay', 'facilitator'],
      ['Ana', 'member'],
      ['Ben', 'member'],
      ['Gil', 'guest'],
    ] as const) {
      await expect.poll(() => participantRow(ana, name).locator('.participant-role').textContent()).toBe(role);
    }
    expect(await ana.getByLabel('Your name').count()).toBe(0);

    await gil.goto(circleUrl);
    await gil.getByRole('heading', { name: 'Tool shed circle' }).waitFor();
    await shot(gil, 'circles-2-circle-page-phone');

    await fay.goto(circleUrl);
    await button(fay, 'Remove Ben…').click();
    await button(fay, 'Remove').click();
    await fay.getByRole('region', { name: 'Members' }).getByText('removed').waitFor();
    await ben.goto(`${suite.server.url}/circles`);
    const reason = ben.getByRole('region', { name: 'Tool shed circle' }).getByRole('alert');
    await reason.waitFor();
    expect(await reason.textContent()).toMatch(
      /^The circle’s facilitator removed you from this circle on \d{4}-\d{2}-\d{2}: this device no longer opens it or its meetings\.$/,
    );
    await shot(ben, 'circles-3-removed-member');
  });

  it('[CI7][CI8] "Move to my phone" shows a QR code whose link opens the circle once on the phone, as the same member', async () => {
    // the facilitator works on a phone here: the circle page reads in one column
    const fay = await newPage(PHONE);
    await fay.goto(`${suite.server.url}/circles/new`);
    await fay.getByLabel('Circle name').fill('Tool shed circle');
    await fay.getByLabel('Aim').fill('Keep the shared tools working and easy to borrow.');
    await fay.getByLabel('Your name').fill('Fay');
    await button(fay, 'Create circle').click();
    await fay.waitForURL(/\/c\/[^/]+$/);
    await addMember(fay, 'Ana', 'member');
    await shot(fay, 'circles-4-facilitator-phone-personal-link');
    // [CI8] a role's term: a past end is refused with the server's sentence
    await button(fay, 'Change Secretary…').click();
    const form = fay.getByRole('form', { name: 'Who holds the role Secretary' });
    await form.getByLabel('Holder').selectOption({ label: 'Ana' });
    await form.getByLabel('End of the term').fill('2020-01-31');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').filter({ hasText: 'The end of the term (2020-01-31) is in the past' }).waitFor();
    await form.getByLabel('End of the term').fill('2099-01-31');
    await form.getByRole('button', { name: 'Save' }).click();
    await fay.getByText(/^ · \d{4}-\d{2}-\d{2} to 2099-01-31$/).waitFor();
    await button(fay, 'Move to my phone').click();
    const qr = fay.getByRole('img', { name: 'QR code that opens the circle on another device' });
    const url = await qr.getAttribute('data-qr-url');
    expect(url).toMatch(/\/c\/[^/]+\/join#.+/);
    await shot(fay, 'circles-5-move-to-phone');
    const phone = await redeem(url!, PHONE);
    expect(await phone.getByText('You are Fay.').count()).toBe(1);
    expect(await phone.getByText('You facilitate this circle.').count()).toBe(1);
    const other = await newPage(PHONE);
    await other.goto(url!);
    await button(other, 'Join the circle').click();
    await other.getByRole('alert').filter({ hasText: 'used already' }).waitFor();
  });
});
