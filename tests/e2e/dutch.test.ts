// A whole short meeting in Dutch: two browsers whose language is Dutch run it by
// the Dutch words, and no English sentence of the catalogue shows on any screen.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, editor, until } from './support/board.ts';
import { englishLeaks } from './support/leaks.ts';
import { nl } from '../../client/src/i18n/nl/index.ts';
import { daysFromToday } from '@consent/shared/testing/dates';

// [CI19] the server refuses a review date before today
const REVIEW_DATE = daysFromToday(180);

const suite = boardSuite();
const pages = {} as { fran: Page; ana: Page };
const ITEM = 'Gereedschapsbudget';
let memberLink = '';

async function dutchPage(): Promise<Page> {
  const context = await suite.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

/** No English words of the catalogue on the screen; a screenshot and axe check of it. */
async function noEnglish(page: Page, name: string) {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  expect(await englishLeaks(page, nl), `English on “${name}”`).toEqual([]);
  await shot(page, `nl-${name}`);
}

/** A facilitator's move by its Dutch label; phase moves ask first. */
async function stap(page: Page, label: string) {
  await page.getByRole('group', { name: 'Mogelijke stappen' }).getByRole('button', { name: label, exact: true }).click();
  if (/^(Door naar|Vergadering beginnen|Vergadering sluiten)/.test(label)) {
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, doorgaan' }).click();
  }
}

describe('a meeting in Dutch', () => {
  it('the start page and the board speak Dutch when the browser does', async () => {
    const fran = (pages.fran = await dutchPage());
    await fran.goto(`${suite.server.url}/`);
    await fran.getByLabel('Titel van de vergadering').waitFor();
    await noEnglish(fran, 'start');
    await fran.getByLabel('Titel van de vergadering').fill('Tuinkring, november');
    await fran.getByLabel(/^Kring/).fill('Tuinkring');
    await fran.getByLabel(/^Het doel van de kring/).fill('Een tuin die de buurt het hele jaar voedt.');
    await fran.getByLabel('Je naam').fill('Fenna');
    await button(fran, 'Vergadering maken').click();
    await fran.waitForURL(/\/m\/[^/]+$/);
    memberLink = await fran.getByRole('textbox', { name: 'Link voor leden' }).inputValue();
    await noEnglish(fran, 'lobby');

    const ana = (pages.ana = await dutchPage());
    await ana.goto(memberLink);
    await ana.getByLabel('Je naam').fill('Anouk');
    await ana.getByText('Dit is een link voor leden').waitFor();
    await noEnglish(ana, 'join');
    await button(ana, 'Deelnemen').click();
    await ana.waitForURL(/\/m\/[^/]+$/);
    await expect.poll(() => ana.locator('.me strong').textContent()).toBe('Anouk');
  });

  it('opening round, agenda with its consent, one item through consent to a decision', async () => {
    const { fran, ana } = pages;
    await stap(fran, 'Vergadering beginnen: openingsronde');
    await button(fran, 'Openingsronde openen').click();
    await button(fran, /^Woord aan /).click();
    await noEnglish(fran, 'opening');
    await button(fran, 'Ronde sluiten').click();

    await stap(fran, 'Door naar de agenda');
    await button(fran, '+ Punt toevoegen').click();
    await fran.getByLabel('Titel').fill(ITEM);
    await fran.getByLabel('Soort').selectOption('consent');
    await fran.getByLabel('Indiener').selectOption({ label: 'Anouk' });
    await button(fran, 'Toevoegen').click();
    await button(fran, 'De kring om consent over de agenda vragen').click();
    await button(ana, 'Consent op de agenda').click();
    await button(fran, 'Consent op de agenda').click();
    await expect.poll(() => fran.locator('[data-agenda-consent]').getAttribute('data-agenda-consent')).toBe('consented');
    await noEnglish(fran, 'agenda');

    await stap(fran, 'Door naar de agendapunten');
    await button(fran, `Activeren ${ITEM}`).click();
    await editor(ana).click();
    await ana.keyboard.type('Elk lid mag tuingereedschap kopen uit het gezamenlijke budget.');
    await ana.getByLabel('Evaluatiedatum').fill(REVIEW_DATE);
    await button(ana, 'Termijn opslaan').click();
    await expect.poll(() => fran.getByLabel('Evaluatiedatum').inputValue()).toBe(REVIEW_DATE);
    for (const s of ['Indiener licht het voorstel toe', 'Verhelderingsvragen starten', 'Korte reacties starten', 'Consentronde openen'])
      await stap(fran, s);
    await until(() => button(ana, 'Consent').isEnabled(), Boolean, 'Anouk may consent');
    await noEnglish(ana, 'consent-round');
    await button(ana, 'Consent').click();
    await button(fran, 'Consent').click();
    await stap(fran, 'Besluit vastleggen…');
    await button(fran, 'Besluit vastleggen').click();
    await until(
      () => fran.getByText('Besloten', { exact: true }).count(),
      (n) => n > 0,
      'the decision on the board',
    );
    await noEnglish(fran, 'decided');
  });

  it('closing, and minutes in Dutch', async () => {
    const { fran, ana } = pages;
    await stap(fran, 'Door naar de sluitingsronde');
    await button(fran, 'Sluitingsronde openen').click();
    await ana.getByRole('group', { name: 'Tijdsbewaking' }).getByLabel('4', { exact: true }).check();
    await ana.getByLabel('Opmerking').fill('Fijn tempo.');
    await button(ana, 'Mijn evaluatie toevoegen').click();
    await ana.getByText('Je evaluatie staat op het bord.').waitFor();
    await noEnglish(ana, 'closing');
    await until(
      () => fran.getByRole('heading', { name: 'Evaluatie (1 kaart)' }).count(),
      (n) => n === 1,
      'one evaluation card on the board',
    );
    await noEnglish(fran, 'closing-facilitator');
    await stap(fran, 'Vergadering sluiten…');
    await button(fran, 'Verslag').click();
    await noEnglish(fran, 'closed');
    const [download] = await Promise.all([fran.waitForEvent('download'), button(fran, 'Markdown downloaden').click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const minutes = readFileSync(path, 'utf8');
    expect(minutes).toContain(ITEM);
    for (const words of ['## Aanwezigheid', '## Agendapunten', '#### Besluit', 'De kring gaf consent op de agenda.', '1 evaluatiekaart.'])
      expect(minutes).toContain(words);
    expect(minutes).not.toContain('## Attendance');
  });

  it('the switch changes the language, and the device remembers it', async () => {
    const { ana } = pages;
    await ana.getByLabel('Taal').selectOption('en');
    await button(ana, 'Minutes').waitFor();
    expect(await ana.evaluate(() => document.documentElement.lang)).toBe('en');
    await ana.reload();
    await button(ana, 'Minutes').waitFor();
    await ana.getByLabel('Language').selectOption('nl');
    await button(ana, 'Verslag').waitFor();
    expect(await ana.evaluate(() => document.documentElement.lang)).toBe('nl');
  });
});
