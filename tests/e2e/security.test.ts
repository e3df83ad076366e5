// [W4–W6] The built board under its Content-Security-Policy in Chromium: it runs
// and syncs with no violation, and script injected into titles never runs in the
// minutes' print view — not even when the escaping is bypassed. [D5] The
// facilitator deletes the meeting from the board, after a confirmation.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { boardSuite } from './support/suite.ts';
import { shot } from './support/browser.ts';
import { button, editor, editorText, move } from './support/board.ts';
import { FLAGS, MARKER_PATH, PAYLOAD, watchPolicy, type PolicyWatch } from './support/policy.ts';

const TITLE = `Garden ${PAYLOAD}`;
const ITEM = `Budget ${PAYLOAD}`;

let fac: Page;
let member: Page;
let facWatch: PolicyWatch;
let memberWatch: PolicyWatch;

async function newPage(): Promise<{ page: Page; watch: PolicyWatch }> {
  const context = await suite.newContext({ viewport: { width: 1280, height: 860 } });
  const watch = await watchPolicy(context);
  return { page: await context.newPage(), watch };
}

/** Whether the server's database files hold `text`, read as raw bytes. */
const databaseHolds = (text: string) =>
  ['consent.db', 'consent.db-wal', 'consent.db-shm']
    .map((f) => join(suite.server.dataDir, f))
    .some((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(text)));

async function openPrintView(page: Page): Promise<Frame> {
  const menu = page.getByRole('button', { name: 'Minutes' });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await button(page, 'Print view').click();
  return printFrame(page);
}

async function printFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('[data-testid="minutes-print-view"]').elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('the print view has no frame');
  return frame;
}

const suite = boardSuite();

describe('the board under its security policy', () => {
  it('[W4] runs, joins and co-edits over the sync socket with no policy violation', async () => {
    ({ page: fac, watch: facWatch } = await newPage());
    await fac.goto(`${suite.server.url}/`);
    await fac.getByLabel('Meeting title').fill(TITLE);
    await fac.getByLabel('Your name').fill('Fran');
    await button(fac, 'Create meeting').click();
    // the board opens at once, with the links in its lobby
    await fac.waitForURL(/\/m\/[^/]+$/);
    const invite = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();
    // React escapes the title: it shows as text
    await expect.poll(() => fac.locator('.topbar-title h1').textContent()).toBe(TITLE);

    ({ page: member, watch: memberWatch } = await newPage());
    await member.goto(invite);
    await member.getByLabel('Your name').fill('Ana');
    await button(member, 'Join').click();
    await member.waitForURL(/\/m\/[^/]+$/);

    await move(fac, 'Start the meeting: opening round');
    await move(fac, 'Move on to the agenda');
    await button(fac, '+ Add item').click();
    await fac.getByLabel('Title').fill(ITEM);
    await button(fac, 'Add').click();
    await move(fac, 'Move on to the items');
    await button(fac, `Activate ${ITEM}`).click();

    // typing on one page shows on the other: the websocket is allowed by connect-src 'self'
    await editor(member).click();
    await member.keyboard.type('We share one tool budget.');
    await expect.poll(() => editorText(fac)).toBe('We share one tool budget.');
    // the other's caret is drawn (TipTap styles it through the CSSOM, which the policy allows)
    await expect.poll(() => fac.locator('.collaboration-carets__caret').count()).toBeGreaterThan(0);
    expect(facWatch.violations).toEqual([]);
    expect(memberWatch.violations).toEqual([]);
    expect(await fac.evaluate(FLAGS)).toEqual({ script: 0, img: 0 });
  });

  it('[W5] script in the meeting and item titles does not run in the print view', async () => {
    const frame = await openPrintView(fac);
    // the payload reached the view, as text
    await expect.poll(() => frame.locator('h1').textContent()).toBe(TITLE);
    await expect.poll(() => frame.locator('body').innerText()).toContain(ITEM);
    expect(await frame.locator('script, img').count()).toBe(0);
    await shot(fac, 'security-print-view');
    expect(await fac.evaluate(FLAGS)).toEqual({ script: 0, img: 0 });
    expect(await frame.evaluate(FLAGS)).toEqual({ script: 0, img: 0 });
    expect(facWatch.markerRequests).toEqual([]);
    await button(fac, 'Close').click();
  });

  it('[W6] an escaping slip cannot run script in the print view either (and the same page runs it anywhere else)', async () => {
    // A slip in the renderer is simulated by answering the minutes with the payload unescaped.
    const slip = `<!doctype html><html><head><title>slip</title></head><body><h1 id="slip">Unescaped</h1>${PAYLOAD}</body></html>`;
    await fac.route('**/minutes.html', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: slip }));
    const frame = await openPrintView(fac);
    await expect.poll(() => frame.locator('#slip').count()).toBe(1);
    // the markup is there, and the image failed to load, so its handler would have fired by now
    await expect.poll(() => frame.locator('img').evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
    expect(await frame.locator('script').count()).toBe(1);
    expect(await frame.evaluate(FLAGS)).toEqual({ script: 0, img: 0 });
    expect(await fac.evaluate(FLAGS)).toEqual({ script: 0, img: 0 });
    expect(facWatch.markerRequests).toEqual([]);
    await button(fac, 'Close').click();
    await fac.unroute('**/minutes.html');

    // Control: the same page served bare (no board, no policy, no sandbox) does run the payload.
    const { page: control, watch } = await newPage();
    await control.route('http://control.test/**', (route) =>
      route.request().url().includes(MARKER_PATH)
        ? route.fulfill({ status: 204 })
        : route.fulfill({ status: 200, contentType: 'text/html', body: slip }),
    );
    await control.goto('http://control.test/minutes.html');
    await expect.poll(() => control.evaluate(FLAGS)).toEqual({ script: 1, img: 1 });
    await expect.poll(() => watch.markerRequests.length).toBeGreaterThan(0);
  });

  it('[D5] the facilitator deletes the meeting after confirming; everyone is disconnected and it leaves the database', async () => {
    const meetingPath = new URL(fac.url()).pathname;
    const meetingId = decodeURIComponent(meetingPath.split('/')[2]!);
    expect(databaseHolds(TITLE)).toBe(true);
    expect(await button(member, 'Delete meeting…').count()).toBe(0);

    await button(fac, 'Delete meeting…').click();
    const dialog = fac.getByRole('dialog', { name: 'Delete this meeting?' });
    await dialog.waitFor();
    await shot(fac, 'delete-confirmation');
    await dialog.getByRole('button', { name: 'Keep the meeting' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(databaseHolds(TITLE)).toBe(true);

    await button(fac, 'Delete meeting…').click();
    await fac.getByRole('dialog', { name: 'Delete this meeting?' }).getByRole('button', { name: 'Delete for good' }).click();
    await fac.waitForURL(`${suite.server.url}/`);
    expect(await fac.evaluate((id) => localStorage.getItem(`consent-board:session:${id}`), meetingId)).toBeNull();
    expect(databaseHolds(TITLE)).toBe(false);
    const minutes = await fetch(`${suite.server.url}/api/meetings/${meetingId}/minutes.json`);
    expect(minutes.status).toBe(404);
    // the member's socket was closed with 4404: the board says the meeting is gone
    await expect.poll(() => member.getByRole('alert').textContent()).toMatch(/This meeting does not exist: it was deleted/);
    await shot(member, 'deleted-meeting-member');
  });
});
