/**
 * Journeys and feature usage in the console, end to end: a journey created
 * through the editor, events sent through the real ingestion endpoint with a
 * server SDK key, and the figures the pages show checked against the API's
 * answer to the same question.
 */
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, apiRange, dayOf, presetRange } from '../src/component/analytics/range.js';
import { formatCount, formatDuration, formatPercent } from '../src/component/charts/format.js';
import { CHROMIUM, type Harness, signIn, startHarness } from './harness.js';

interface StepResult {
  index: number;
  label: string;
  units: number;
  conversionFromPrevious: number | null;
  conversionFromFirst: number | null;
  dropOff: number;
  dropOffRate: number | null;
  medianSecondsFromFirst: number | null;
  p90SecondsFromFirst: number | null;
}
interface Group {
  label: string;
  steps: StepResult[];
}
interface Funnel {
  total: Group;
  groups: Group[];
}

const JOURNEYS = '/default/production/journeys';
const CHECKOUT = `${JOURNEYS}/checkout`;
const HOUR = 3_600_000;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => h?.close(), 60_000);

async function signedIn(pathname: string): Promise<Page> {
  const page = await h.open(pathname);
  const form = page.getByLabel('Admin token', { exact: true });
  const main = page.locator('#main');
  await Promise.race([form.waitFor(), main.waitFor()]);
  if (await form.isVisible()) await signIn(page);
  await main.waitFor();
  return page;
}

/** The query the journey page makes by default: the last 30 UTC days, today included. */
const last30Days = () => new URLSearchParams({ environment: 'production', ...apiRange(presetRange(30, Date.now())) });

/**
 * Forty users of a shop over the last days, sent as a server would: exposures
 * to `new-checkout`, product views, carts and purchases — some out of order,
 * some too late for the window, some repeated.
 */
function shopEvents(now: number) {
  const events: object[] = [];
  let id = 0;
  const event = (type: 'track' | 'exposure', name: string, key: string, at: number, extra: object = {}) =>
    events.push({ id: `e2e-${id++}`, type, name, key, timestamp: new Date(at).toISOString(), attributes: { country: ['DE', 'FR', 'US'][id % 3] }, ...extra });
  for (let i = 0; i < 40; i++) {
    const key = `user-${i}`;
    const start = now - (i % 5) * 24 * HOUR - 6 * HOUR - i * 60_000;
    const variant = i % 2 === 0 ? 'on' : 'off';
    event('exposure', 'new-checkout', key, start - 60_000, { variant });
    event('track', 'view-product', key, start, { properties: { plan: i % 4 === 0 ? 'pro' : 'free' } });
    if (i % 7 === 0) event('track', 'view-product', key, start + 30_000);
    if (i % 4 !== 3) event('track', 'add-to-cart', key, start + (i + 1) * 45_000, { properties: { quantity: 1 + (i % 3) } });
    // The new checkout converts better; one purchase comes before its cart, one after the window.
    if ((variant === 'on' && i % 4 !== 3) || i % 5 === 0) event('track', 'purchase', key, start + (i + 2) * 600_000, { properties: { amount: 10 + i } });
    if (i === 9) event('track', 'purchase', key, start - 1_000, { properties: { amount: 5 } });
    if (i === 13) event('track', 'purchase', key, start + 3 * 24 * HOUR, { properties: { amount: 7 } });
  }
  return events;
}

/** The cells of a table's body, row by row, as the page shows them. */
async function bodyCells(table: Locator): Promise<(string | null)[][]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map((row) => row.locator('td').allTextContents()));
}

/** The figures of the funnel table, row by row, by the figure each cell holds. */
async function shownFunnel(page: Page, table: string): Promise<Record<string, string>[]> {
  const rows = await page.getByRole('table', { name: table }).locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => {
      const cells = await row.locator('td[data-figure]').all();
      return Object.fromEntries(await Promise.all(cells.map(async (cell) => [await cell.getAttribute('data-figure'), await cell.textContent()])));
    }),
  );
}

/** The same figures from the API's answer, written as the page writes them. */
const expectedFunnel = (group: Group) =>
  group.steps.map((step) => ({
    units: formatCount(step.units),
    conversionFromPrevious: formatPercent(step.conversionFromPrevious),
    conversionFromFirst: formatPercent(step.conversionFromFirst),
    dropOff: step.index === 0 ? '—' : formatCount(step.dropOff),
    dropOffRate: formatPercent(step.dropOffRate),
    medianSecondsFromFirst: formatDuration(step.medianSecondsFromFirst),
    p90SecondsFromFirst: formatDuration(step.p90SecondsFromFirst),
  }));

describe.runIf(existsSync(CHROMIUM) || process.env.CI === 'true')('journeys and usage in Chromium', () => {
  it('creates a journey through the editor, showing a refused field next to it', async () => {
    const page = await signedIn(JOURNEYS);
    await page.getByRole('heading', { name: 'No journeys yet' }).waitFor();
    await page.getByRole('button', { name: 'Create a journey' }).click();
    const form = page.getByRole('form', { name: 'New journey' });
    await form.getByRole('textbox', { name: /^Key/ }).fill('checkout');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Checkout');
    await form.getByLabel('Step 1 event').fill('view-product');
    await form.getByLabel('Step 1 label').fill('View product');
    await form.getByLabel('Step 2 event').fill('add-to-cart');
    await form.getByRole('button', { name: 'Add step' }).click();
    await form.getByLabel('Step 3 event').fill('purchase');
    await form.getByRole('listitem', { name: 'Step 3' }).getByRole('button', { name: 'Add filter' }).click();
    await form.getByLabel('Step 3 filter 1: property').fill('amount');
    await form.getByLabel('Step 3 filter 1: operator').selectOption('gte');
    await form.getByLabel('Step 3 filter 1: value').fill('1');
    await form.getByLabel('Conversion window', { exact: true }).fill('0');
    await form.getByRole('button', { name: 'Create journey' }).click();
    await expect.poll(() => form.locator('[data-path="conversionWindowSeconds"]').textContent()).toMatch(/./);
    await h.screenshot(page, 'journeys-01-refused-window');

    await form.getByLabel('Conversion window', { exact: true }).fill('2');
    await form.getByRole('button', { name: 'Create journey' }).click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(CHECKOUT);
    const journey = await h.api('GET', '/projects/default/journeys/checkout');
    expect(journey).toMatchObject({
      key: 'checkout',
      name: 'Checkout',
      conversionWindowSeconds: 2 * 86_400,
      steps: [
        { event: 'view-product', label: 'View product', filters: [] },
        { event: 'add-to-cart', label: 'add-to-cart', filters: [] },
        { event: 'purchase', label: 'purchase', filters: [{ property: 'amount', operator: 'gte', value: 1 }] },
      ],
    });
    // No events yet: the page says how to send them.
    await page.getByRole('heading', { name: 'Nobody entered this journey in this range' }).waitFor();
    expect(await page.locator('.snippet').textContent()).toContain('dial.track("view-product"');
    await h.screenshot(page, 'journeys-02-created');
  }, 60_000);

  it('shows per-step numbers equal to the API funnel for events sent to /api/v1/events, overall and by variant', async () => {
    await h.api('POST', '/projects/default/flags', { key: 'new-checkout', name: 'New checkout', kind: 'boolean' });
    const { secret } = await h.api<{ secret: string }>('POST', '/tokens', { kind: 'server', name: 'shop', project: 'default', environment: 'production' });
    const response = await fetch(`${h.server.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: shopEvents(Date.now()) }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rejected: [] });

    const page = await signedIn(CHECKOUT);
    const funnel = await h.api<Funnel>('GET', `/projects/default/journeys/checkout/funnel?${last30Days()}`);
    expect(funnel.total.steps[0]!.units).toBe(40);
    expect(funnel.total.steps[2]!.units).toBeGreaterThan(0);
    await page.getByRole('table', { name: 'Funnel figures' }).waitFor();
    expect(await shownFunnel(page, 'Funnel figures')).toEqual(expectedFunnel(funnel.total));
    // The bars say the same.
    const bars = await page.getByRole('list', { name: 'Units at each step' }).locator('.funnel-figures strong').allTextContents();
    expect(bars).toEqual(funnel.total.steps.map((step) => formatCount(step.units)));
    await h.screenshot(page, 'journeys-03-funnel');

    await page.getByLabel('Break down by').selectOption('flag');
    await page.getByLabel('Flag', { exact: true }).selectOption('new-checkout');
    await page.getByRole('table', { name: 'Funnel by group' }).waitFor();
    expect(new URL(page.url()).searchParams.get('breakdown')).toBe('flag:new-checkout');
    const byVariant = await h.api<Funnel>('GET', `/projects/default/journeys/checkout/funnel?${last30Days()}&breakdown=flag:new-checkout`);
    expect(byVariant.groups.map((group) => group.label).sort()).toEqual(['off', 'on']);
    const table = page.getByRole('table', { name: 'Funnel by group' });
    const header = await table.locator('thead tr').first().locator('th[scope="colgroup"]').allTextContents();
    expect(header).toEqual(byVariant.groups.map((group) => group.label));
    const rows = await bodyCells(table);
    expect(rows).toEqual(byVariant.total.steps.map((_, s) => byVariant.groups.flatMap((group) => [formatCount(group.steps[s]!.units), formatPercent(group.steps[s]!.conversionFromFirst)])));
    await page.getByRole('heading', { name: 'Conversion over time' }).waitFor();
    await h.screenshot(page, 'journeys-04-by-variant');
  }, 60_000);

  it('refuses a stale save of the journey with the conflict dialog, then deletes it after confirming', async () => {
    const page = await signedIn(`${CHECKOUT}/edit`);
    const name = page.getByRole('textbox', { name: /^Name/ });
    await name.fill('Checkout flow');
    await page.getByRole('button', { name: 'Save journey' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const { key: _key, createdAt: _created, updatedAt: _updated, ...saved } = await h.api<{ key: string; name: string; createdAt: string; updatedAt: string }>(
      'GET',
      '/projects/default/journeys/checkout',
    );
    expect(saved.name).toBe('Checkout flow');

    // Someone else renames it meanwhile; this tab still edits the version it loaded.
    await h.api('PUT', '/projects/default/journeys/checkout', { ...saved, name: 'Checkout (theirs)' });
    await name.fill('Checkout (mine)');
    await page.getByRole('button', { name: 'Save journey' }).click();
    const dialog = page.getByRole('dialog', { name: /was changed meanwhile/ });
    await dialog.waitFor();
    expect(await dialog.locator('pre').textContent()).toContain('Checkout (theirs)');
    await h.screenshot(page, 'journeys-05-conflict');
    await dialog.getByRole('button', { name: 'Reload newer version' }).click();
    await expect.poll(() => name.inputValue()).toBe('Checkout (theirs)');

    await page.getByRole('button', { name: 'Delete journey' }).click();
    const confirm = page.getByRole('dialog', { name: /Delete/ });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: 'No journeys yet' }).waitFor();
    const { journeys } = await h.api<{ journeys: unknown[] }>('GET', '/projects/default/journeys');
    expect(journeys).toEqual([]);
  }, 60_000);

  it('lists the most used events on the usage page, as the API counts them', async () => {
    const page = await signedIn('/default/production/usage');
    const table = page.getByRole('table', { name: 'Most used events' });
    await table.waitFor();
    const { events } = await h.api<{ events: { name: string; units: number; events: number }[] }>('GET', `/projects/default/usage/events?${last30Days()}&limit=20`);
    expect(events.map((event) => event.name)).toEqual(['view-product', 'add-to-cart', 'purchase']);
    const rows = await bodyCells(table);
    expect(rows).toEqual(events.map((event) => [event.name, formatCount(event.units), formatCount(event.events)]));
    // The three most used are charted, with their totals for the range.
    const figure = page.getByRole('figure', { name: 'Daily usage' });
    await figure.waitFor();
    expect(await figure.locator('.legend li').allTextContents()).toEqual(events.map((event) => `${event.name} (${formatCount(event.units)})`));
    await h.screenshot(page, 'journeys-06-usage');

    // Custom days: the last two, as the API counts them for the same range.
    const range = { preset: null, first: addDays(dayOf(Date.now()), -1), last: dayOf(Date.now()) };
    await page.getByLabel('Range (UTC days)').selectOption('custom');
    await page.getByLabel('First day').fill(range.last);
    await page.getByLabel('Last day').fill(range.first);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('The first day is after the last.').waitFor();
    await page.getByLabel('First day').fill(range.first);
    await page.getByLabel('Last day').fill(range.last);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(range.first);
    const recent = await h.api<{ events: { name: string; units: number; events: number }[] }>(
      'GET',
      `/projects/default/usage/events?${new URLSearchParams({ environment: 'production', ...apiRange(range), limit: '20' })}`,
    );
    const expected = recent.events.map((event) => [event.name, formatCount(event.units), formatCount(event.events)]);
    await expect.poll(() => bodyCells(table)).toEqual(expected);
  }, 60_000);
});
