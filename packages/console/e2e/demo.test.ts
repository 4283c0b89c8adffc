/**
 * The demo shop's checkout funnel in the console, end to end: `dial demo`'s
 * own setup and a small backfill of shoppers, sent through the Node SDK to
 * /api/v1/events of a real Dial, then the journey's page in Chromium, reached
 * as a person reaches it. Every per-step figure the page shows, for everyone
 * and per variant of `new-checkout`, must read as the funnel API's answer for
 * the range the page asked about. The expected texts are written here from
 * the API's numbers, not with the console's own formatting, so a figure
 * rounded or labelled differently fails.
 */
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSummary, runDemo } from '../../cli/src/demo/demo-command.js';
import { parseDemoOptions } from '../../cli/src/demo/demo-options.js';
import { DEMO_ENVIRONMENT, DEMO_FLAGS, DEMO_JOURNEYS, DEMO_PROJECT } from '../../cli/src/demo/demo-project.js';
import { ADMIN_TOKEN, CHROMIUM, type Harness, signIn, startHarness } from './harness.js';

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
  value: string | null;
  label: string;
  steps: StepResult[];
}
interface Funnel {
  total: Group;
  groups: Group[];
}

/** Few enough shoppers for a quick test, enough for every step and both variants to have some. */
const SHOPPERS = 300;
const PROJECT = DEMO_PROJECT.key;
const ENVIRONMENT = DEMO_ENVIRONMENT;
const JOURNEY = DEMO_JOURNEYS[0]!;
const FLAG = DEMO_FLAGS.find((flag) => flag.flag.key === 'new-checkout')!.flag;
const DAY_MS = 86_400_000;

let h: Harness;
let demo: DemoSummary;

beforeAll(async () => {
  h = await startHarness();
  const options = parseDemoOptions(['--url', h.server.url, '--token', ADMIN_TOKEN, '--users', String(SHOPPERS), '--no-live'], {}, () => 'console-e2e');
  if (options === 'help') throw new Error('the demo was asked for its help');
  let output = '';
  const write = (text: string) => (output += text);
  demo = await runDemo(options, { stdout: { write }, stderr: { write } });
  expect(output).not.toMatch(/warning/);
}, 180_000);
afterAll(async () => h?.close(), 60_000);

// ---- What the page should show, written from the API's numbers ----

const DASH = '—';

/** A count as the console writes it: 12,345. */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * `value × 10^shift ÷ divisor`, rounded half up to a whole number, computed
 * exactly from the decimal the API wrote (the shortest one that reads back as
 * the same number), so no binary product can tip a tie either way.
 */
function rounded(value: number, shift: number, divisor = 1n): bigint {
  const decimal = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (decimal === null) throw new Error(`not a non-negative number: ${value}`);
  const digits = BigInt(decimal[1]! + (decimal[2] ?? ''));
  const exponent = Number(decimal[3] ?? 0) - (decimal[2]?.length ?? 0) + shift;
  const numerator = exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits;
  const denominator = exponent >= 0 ? divisor : divisor * 10n ** BigInt(-exponent);
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Tenths as `12.3`, or `12` when whole, or always with the tenth. */
const tenths = (n: bigint, keepZero: boolean) => (n % 10n === 0n && !keepZero ? `${n / 10n}` : `${n / 10n}.${n % 10n}`);

/** A rate (0..1) as a percentage with one decimal: 0.2875 → 28.8%. */
const percent = (rate: number | null) => (rate === null ? DASH : `${tenths(rounded(rate, 3), true)}%`);

/** Seconds in the largest unit under which they stay readable, with at most one decimal: 5400 → 1.5 h. */
function duration(seconds: number | null): string {
  if (seconds === null) return DASH;
  if (seconds < 60) return `${rounded(seconds, 0)} s`;
  const [unit, size] = seconds < 3600 ? ['min', 60n] : seconds < 86_400 ? ['h', 3600n] : ['d', 86_400n];
  return `${tenths(rounded(seconds, 1, size), false)} ${unit}`;
}

const stepName = (step: StepResult) => `${step.index + 1}. ${step.label}`;

/** The funnel table's rows: the step, then each figure by its column. */
const expectedTable = (group: Group) =>
  group.steps.map((step) => ({
    step: stepName(step),
    units: count(step.units),
    conversionFromPrevious: percent(step.conversionFromPrevious),
    conversionFromFirst: percent(step.conversionFromFirst),
    dropOff: step.index === 0 ? DASH : count(step.dropOff),
    dropOffRate: percent(step.dropOffRate),
    medianSecondsFromFirst: duration(step.medianSecondsFromFirst),
    p90SecondsFromFirst: duration(step.p90SecondsFromFirst),
  }));

/** The bars: each step's units and share of entered, and between steps how many went on and dropped off. */
const expectedBars = (group: Group) =>
  group.steps.map((step) => ({
    label: step.label,
    figures: `${count(step.units)} ${step.units === 1 ? 'unit' : 'units'}${step.index === 0 ? '' : ` · ${percent(step.conversionFromFirst)} of entered`}`,
    wentOn: step.index === 0 ? null : `${percent(step.conversionFromPrevious)} went on`,
    dropped: step.index === 0 ? null : `${count(step.dropOff)} dropped off (${percent(step.dropOffRate)})`,
  }));

// ---- What the page shows ----

const text = async (locator: Locator) => ((await locator.count()) === 0 ? null : (await locator.textContent())?.trim());

async function shownTable(page: Page) {
  const rows = await page.getByRole('table', { name: 'Funnel figures' }).locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => {
      const figures = await row.locator('td[data-figure]').all();
      return {
        step: await text(row.locator('th')),
        ...Object.fromEntries(await Promise.all(figures.map(async (cell) => [await cell.getAttribute('data-figure'), await text(cell)]))),
      };
    }),
  );
}

async function shownBars(page: Page) {
  const steps = await page.getByRole('list', { name: 'Units at each step' }).locator(':scope > li').all();
  return Promise.all(
    steps.map(async (step) => ({
      label: await text(step.locator('.funnel-head strong')),
      figures: (await text(step.locator('.funnel-figures')))?.replace(/\s+/g, ' '),
      wentOn: await text(step.locator('.went-on')),
      dropped: await text(step.locator('.dropped')),
    })),
  );
}

/** The side-by-side table: group names over the columns, then per step each group's units and share of entered. */
async function shownGroups(page: Page) {
  const table = page.getByRole('table', { name: 'Funnel by group' });
  const rows = await table.locator('tbody tr').all();
  return {
    groups: await table.locator('thead th[scope="colgroup"]').allTextContents(),
    rows: await Promise.all(rows.map(async (row) => [await text(row.locator('th')), ...(await row.locator('td').allTextContents())])),
  };
}

// ---- The page, as a person gets to it ----

/** The funnel requests the page made, as URLs. */
function funnelRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === `/api/v1/projects/${PROJECT}/journeys/${JOURNEY.key}/funnel`) seen.push(url);
  });
  return seen;
}

/** The last funnel request the page made for a breakdown, and the API's answer to the same question. */
async function askedAndAnswered(requests: readonly URL[], breakdown: string | null): Promise<{ asked: URLSearchParams; funnel: Funnel }> {
  const asked = requests.filter((url) => url.searchParams.get('breakdown') === breakdown).at(-1)?.searchParams;
  expect(asked, `the page asked for the funnel with breakdown ${breakdown}`).toBeDefined();
  expect(asked!.get('environment')).toBe(ENVIRONMENT);
  const question = new URLSearchParams({ environment: ENVIRONMENT, from: asked!.get('from')!, to: asked!.get('to')! });
  if (breakdown !== null) question.set('breakdown', breakdown);
  return { asked: asked!, funnel: await h.api<Funnel>('GET', `/projects/${PROJECT}/journeys/${JOURNEY.key}/funnel?${question}`) };
}

/** The last 30 UTC days, today included, as the API's `from` and `to`, for a moment. */
function last30Days(at: number) {
  const today = Math.floor(at / DAY_MS) * DAY_MS;
  return { from: new Date(today - 29 * DAY_MS).toISOString(), to: new Date(today + DAY_MS).toISOString() };
}

/** Waits until the page shows the figures of its current question, none of them kept from a previous one. */
async function settled(page: Page, by: string) {
  await page.getByRole('status').filter({ hasText: `In ${ENVIRONMENT}, the last 30 days, ${by}.` }).waitFor();
  await page.getByRole('table', { name: 'Funnel figures' }).waitFor();
  await page.locator('[aria-busy="false"]').waitFor();
}

describe.runIf(existsSync(CHROMIUM) || process.env.CI === 'true')("the demo shop's funnel in Chromium", () => {
  it('stored every event the demo sent', () => {
    expect(demo.shoppers).toBe(SHOPPERS);
    expect(demo).toMatchObject({ duplicates: 0, rejected: 0, dropped: 0, accepted: demo.sent.track + demo.sent.exposure });
    expect(demo.sent.track).toBeGreaterThan(SHOPPERS);
  });

  it('shows the checkout funnel with every per-step figure as the API answers it, for everyone and per variant of new-checkout', async () => {
    const opened = Date.now();
    const page = await h.open('/');
    const requests = funnelRequests(page);
    await signIn(page);
    await page.locator('#main').waitFor();
    // The picker's name includes the project it shows: "Project Default".
    await page.getByRole('combobox', { name: /^Project\b/ }).selectOption(PROJECT);
    await page.waitForURL((url) => url.pathname.startsWith(`/${PROJECT}/${ENVIRONMENT}/`));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
    await page.getByRole('link', { name: new RegExp(`^${JOURNEY.name}\\b`) }).click();
    await page.getByRole('heading', { name: JOURNEY.name, exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/${PROJECT}/${ENVIRONMENT}/journeys/${JOURNEY.key}`);

    // Everyone together, over the page's default range.
    await settled(page, 'all users together');
    const all = await askedAndAnswered(requests, null);
    expect([last30Days(opened), last30Days(Date.now())]).toContainEqual({ from: all.asked.get('from'), to: all.asked.get('to') });
    const { total } = all.funnel;
    expect(total.steps.map((step) => step.label)).toEqual(JOURNEY.steps.map((step) => step.label));
    expect(total.steps[0]!.units).toBeGreaterThan(SHOPPERS / 2);
    expect(total.steps[3]!.units).toBeGreaterThan(0);
    expect(await shownTable(page)).toEqual(expectedTable(total));
    expect(await shownBars(page)).toEqual(expectedBars(total));
    await h.screenshot(page, 'demo-01-checkout-funnel');

    // Per variant of new-checkout, chosen in the breakdown picker.
    await page.getByLabel('Break down by').selectOption('flag');
    await page.getByLabel('Flag', { exact: true }).selectOption(FLAG.key);
    await settled(page, `by variant of ${FLAG.key}`);
    expect(new URL(page.url()).searchParams.get('breakdown')).toBe(`flag:${FLAG.key}`);
    const byVariant = await askedAndAnswered(requests, `flag:${FLAG.key}`);
    expect(byVariant.asked.get('from')).toBe(all.asked.get('from'));
    expect(byVariant.asked.get('to')).toBe(all.asked.get('to'));
    const { groups } = byVariant.funnel;
    // Every shopper was served new-checkout before viewing a product: no one is left without a variant.
    expect(groups.map((group) => group.value).sort()).toEqual(FLAG.variants!.map((variant) => variant.key).sort());
    expect(byVariant.funnel.total).toEqual(total);

    // The total's figures stay, and the groups are side by side.
    expect(await shownTable(page)).toEqual(expectedTable(byVariant.funnel.total));
    expect(await shownBars(page)).toEqual(expectedBars(byVariant.funnel.total));
    expect(await shownGroups(page)).toEqual({
      groups: groups.map((group) => group.label),
      rows: total.steps.map((step) => [stepName(step), ...groups.flatMap((group) => [count(group.steps[step.index]!.units), percent(group.steps[step.index]!.conversionFromFirst)])]),
    });
    const sideBySide = page.getByRole('figure', { name: 'Side by side' });
    expect(await sideBySide.getByRole('list', { name: 'Groups' }).getByRole('listitem').allTextContents()).toEqual(groups.map((group) => group.label));
    const chart = sideBySide.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toBe(
      `Share of entered units reaching each step, by variant of ${FLAG.key}: ${groups.map((group) => `${group.label} ${count(group.steps[0]!.units)} entered`).join(', ')}`,
    );
    // Each column's tooltip, and the figure written above it, category by category.
    const columns = total.steps.flatMap((step) => groups.map((group) => ({ step, group, share: percent(group.steps[step.index]!.conversionFromFirst) })));
    expect(await chart.locator('rect.bar title').allTextContents()).toEqual(columns.map(({ step, group, share }) => `${stepName(step)} · ${group.label}: ${share}`));
    expect(await chart.locator('text.value').allTextContents()).toEqual(columns.filter(({ group, step }) => group.steps[step.index]!.units > 0).map(({ share }) => share));
    await h.screenshot(page, 'demo-02-checkout-by-variant');
  }, 90_000);
});
