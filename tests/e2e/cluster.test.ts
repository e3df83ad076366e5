// Several nodes behind a load balancer, in Chromium (docs/deploy.md): two nodes
// on one real PostgreSQL, every connection to the next node in turn. A meeting
// runs across both; the node that owns it is killed with SIGKILL; the board
// reconnects to the other node, which takes the meeting, and the meeting goes
// on with nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startPostgres, type ThrowawayPostgres } from '@consent/server/testing/postgres';
import { startBalancer, type Balancer } from './support/balancer.ts';
import { launchBrowser, shot } from './support/browser.ts';
import { addConsentItem, button, editor, editorText, move, participantRow, toQuickReactions, until } from './support/board.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ITEM = 'Shared bike';
const FIRST = 'We share one bike.';
const MORE = ' Anyone may book it.';

let pg: ThrowawayPostgres | undefined;
let nodes: RunningServer[] = [];
let balancer: Balancer | undefined;
let browser: Browser | undefined;
let fac: Page;
let ben: Page;

interface Health {
  node: { id: string };
  leases: { held: number };
}

const health = async (node: RunningServer): Promise<Health> => (await fetch(`${node.url}/api/health`)).json() as Promise<Health>;

beforeAll(async () => {
  pg = await startPostgres();
  const env = (id: string) => ({ DATABASE_URL: pg!.url, TOKEN_SECRET: 'cluster e2e secret, 16+ chars', NODE_ID: id, LEASE_TTL_MS: '1500' });
  nodes = [await startServer(env('node-a')), await startServer(env('node-b'))];
  balancer = await startBalancer(nodes.map((n) => Number(new URL(n.url).port)));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await balancer?.close();
  for (const n of nodes) await n.stop();
  pg?.destroy();
});

async function newPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

describe('a meeting on two nodes behind a load balancer', () => {
  it('1. the facilitator creates a meeting and a member joins, each through whichever node the balancer picks', async () => {
    fac = await newPage();
    await fac.goto(`${balancer!.url}/`);
    await fac.getByLabel('Meeting title').fill('Bike circle');
    await fac.getByLabel(/^Circle/).fill('Bike circle');
    await fac.getByLabel(/^The circle's aim/).fill('Bikes for everyone on the street.');
    await fac.getByLabel('Your name').fill('Fran');
    await button(fac, 'Create meeting').click();
    await fac.waitForURL(/\/m\/[^/]+$/);
    const memberLink = await fac.getByRole('textbox', { name: 'Member link' }).inputValue();
    expect(memberLink.startsWith(balancer!.url)).toBe(true);

    ben = await newPage();
    await ben.goto(memberLink);
    await ben.getByLabel('Your name').fill('Ben');
    await button(ben, 'Join').click();
    await ben.waitForURL(/\/m\/[^/]+$/);
    for (const page of [fac, ben]) {
      for (const name of ['Fran', 'Ben']) await expect.poll(() => participantRow(page, name).locator('.presence.online').count()).toBe(1);
    }
    // both nodes took connections; exactly one of them owns the meeting
    expect([...balancer!.taken.values()].every((n) => n > 0)).toBe(true);
    const held = await Promise.all(nodes.map(async (n) => (await health(n)).leases.held));
    expect(held.sort()).toEqual([0, 1]);
    await shot(ben, 'cluster-1-joined');
  });

  it('2. the proposal typed on one page reaches the other, whichever node each is on', async () => {
    await move(fac, 'Start the meeting: opening round');
    await move(fac, 'Move on to the agenda');
    await addConsentItem(fac, ITEM);
    await move(fac, 'Move on to the items');
    await toQuickReactions(fac, ITEM);
    await editor(fac).click();
    await fac.keyboard.type(FIRST);
    await until(
      () => editorText(ben),
      (t) => t === FIRST,
      "the proposal on Ben's page",
    );
  });

  it('3. the owner is killed: the board reconnects to the other node, which takes the meeting; nothing typed is lost', async () => {
    const owner = (await Promise.all(nodes.map(async (n) => (await health(n)).leases.held))).indexOf(1);
    const survivor = nodes[1 - owner]!;
    await nodes[owner]!.kill();
    // the survivor takes the meeting once the dead owner's lease expires (1.5 s)
    await until(
      async () => (await health(survivor)).leases.held,
      (n) => n === 1,
      'the surviving node to own the meeting',
    );
    await until(
      () => editorText(fac),
      (t) => t === FIRST,
      "the proposal on Fran's page after the failover",
    );
    await editor(ben).click();
    await ben.keyboard.press('End');
    await ben.keyboard.type(MORE);
    for (const page of [fac, ben]) {
      await until(
        () => editorText(page),
        (t) => t === FIRST + MORE,
        'the proposal typed after the failover on both pages',
      );
    }
    for (const page of [fac, ben]) {
      for (const name of ['Fran', 'Ben']) await expect.poll(() => participantRow(page, name).locator('.presence.online').count()).toBe(1);
    }
    await shot(fac, 'cluster-2-after-failover');
  });
});
