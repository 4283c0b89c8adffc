/**
 * Experiments in the console, end to end: metrics and an experiment created
 * through the console's forms and wizard, a flag split 50/50 through the
 * API, exposures and events sent to the real ingestion endpoint with a
 * server SDK key, and the results page checked against the results API's
 * answer — every figure, every verdict, the sample-ratio banner on a skewed
 * split — then shipping and stopping, checked in the API.
 */
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatPercent } from '../src/component/charts/format.js';
import { MINUS, effectDecimals, formatChance, formatEffect, formatInterval, formatMetricValue, formatPValue } from '../src/component/experiments/format.js';
import { type Effect, metricVerdicts, shownEffect } from '../src/component/experiments/verdict.js';
import { CHROMIUM, type Harness, signIn, startHarness } from './harness.js';

interface VariantResult {
  variant: string;
  control: boolean;
  units: number;
  value: number | null;
  absolute: Effect | null;
  relative: Effect | null;
}
interface MetricResult {
  metric: string;
  name: string;
  role: 'primary' | 'secondary' | 'guardrail';
  type: 'proportion' | 'mean';
  higherIsBetter: boolean;
  variants: VariantResult[];
}
interface Results {
  status: string;
  control: string;
  alpha: number;
  units: number;
  srm: { mismatch: boolean; message: string | null; variants: { variant: string; units: number; expectedShare: number; observedShare: number | null }[] };
  metrics: MetricResult[];
}
interface Experiment {
  key: string;
  status: string;
  version: number;
  startedAt: string | null;
  stoppedAt: string | null;
  shippedVariant: string | null;
}

const EXPERIMENTS = '/default/production/experiments';
const CHECKOUT = `${EXPERIMENTS}/new-checkout`;
const HALF = { rollout: { split: [{ variant: 'on', weight: 50_000 }, { variant: 'off', weight: 50_000 }] } };
let h: Harness;
let sdkKey = '';

beforeAll(async () => {
  h = await startHarness();
  await h.api('POST', '/projects/default/flags', { key: 'new-checkout', name: 'New checkout', kind: 'boolean' });
  ({ secret: sdkKey } = await h.api<{ secret: string }>('POST', '/tokens', { kind: 'server', name: 'shop', project: 'default', environment: 'production' }));
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

/** Switches a flag on in production with a rollout, as its page would. */
async function split(flag: string, fallthrough: object) {
  const route = `/projects/default/flags/${flag}/environments/production`;
  const { version } = await h.api<{ version: number }>('GET', route);
  await h.api('PATCH', route, { enabled: true, fallthrough, version });
}

/** Sends events to /api/v1/events as a server SDK would, a request per thousand. */
async function send(events: object[]) {
  for (let i = 0; i < events.length; i += 1000) {
    const response = await fetch(`${h.server.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: events.slice(i, i + 1000) }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rejected: [] });
  }
}

/** Waits until the server's clock has passed `at`, so events stamped before it count in results computed now. */
async function after(at: number) {
  while (Date.now() <= at + 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * A shop's users after the experiment started at `start`: every other user
 * sees the new checkout. It doubles purchases (45% against 20%) at half the
 * amount, so revenue per user hardly moves, and quadruples errors (40%
 * against 10%).
 */
function checkoutTraffic(start: number) {
  const events: object[] = [];
  let id = 0;
  const at = (ms: number) => new Date(start + ms).toISOString();
  for (let i = 0; i < 600; i++) {
    const key = `shopper-${i}`;
    const on = i % 2 === 0;
    const j = Math.floor(i / 2);
    events.push({ id: `x-${id++}`, type: 'exposure', name: 'new-checkout', variant: on ? 'on' : 'off', key, timestamp: at(100 + i) });
    if (on ? j % 20 < 9 : j % 5 === 0) events.push({ id: `x-${id++}`, type: 'track', name: 'purchase', key, timestamp: at(800 + i), properties: { amount: on ? 10 : 20 } });
    if (on ? j % 5 < 2 : j % 10 === 0) events.push({ id: `x-${id++}`, type: 'track', name: 'error', key, timestamp: at(900 + i) });
  }
  return events;
}

/** The figures of a metric's results table, by variant and by the figure each cell holds. */
async function shownFigures(table: Locator): Promise<Record<string, Record<string, string | null>>> {
  const rows = await table.locator('tbody tr').all();
  const entries = await Promise.all(
    rows.map(async (row) => {
      const cells = await row.locator('td[data-figure]').all();
      const figures = Object.fromEntries(await Promise.all(cells.map(async (cell) => [await cell.getAttribute('data-figure'), await cell.textContent()])));
      return [await row.getAttribute('data-variant'), figures] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The same figures from the API's answer, written as the page writes them. */
function expectedFigures(metric: MetricResult, prefer: 'relative' | 'absolute' = 'relative') {
  return Object.fromEntries(
    metric.variants.map((variant) => {
      const figures: Record<string, string> = { units: formatCount(variant.units), value: formatMetricValue(variant.value, metric.type) };
      const shown = shownEffect(variant, prefer);
      if (!variant.control && shown !== null) {
        const decimals = effectDecimals(shown.effect.ci, shown.kind, metric.type);
        Object.assign(figures, {
          effect: formatEffect(shown.effect.estimate, shown.kind, metric.type, decimals),
          interval: formatInterval(shown.effect.ci, shown.kind, metric.type, decimals),
          pValue: formatPValue(shown.effect.pValue),
          chanceToWin: formatChance(shown.effect.chanceToWin),
        });
      }
      return [variant.variant, figures];
    }),
  );
}

const verdictTexts = (page: Page, metric: string) => page.getByRole('list', { name: `Verdicts on ${metric}` }).getByRole('listitem').allTextContents();

/** Checks every metric's figures and verdicts on the page against the API's results. */
async function expectResultsShown(page: Page, results: Results, prefer: 'relative' | 'absolute' = 'relative') {
  for (const metric of results.metrics) {
    const table = page.getByRole('table', { name: `${metric.name} by variant` });
    await expect.poll(() => shownFigures(table)).toEqual(expectedFigures(metric, prefer));
    expect(await verdictTexts(page, metric.name)).toEqual(metricVerdicts(metric, { control: results.control, alpha: results.alpha, prefer }).map((verdict) => verdict.text));
  }
}

describe.runIf(existsSync(CHROMIUM) || process.env.CI === 'true')('experiments in Chromium', () => {
  it('creates a metric with an event filter on the metrics page, and edits it', async () => {
    const page = await signedIn('/default/production/metrics');
    await page.getByRole('heading', { name: 'No metrics yet' }).waitFor();
    await page.getByRole('button', { name: 'Create a metric' }).click();
    const form = page.getByRole('form', { name: 'New metric' });
    await form.getByRole('textbox', { name: /^Key/ }).fill('checkout-conversion');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Checkout conversion');
    await form.getByLabel('Event', { exact: true }).fill('purchase');
    await form.getByRole('button', { name: 'Add filter' }).click();
    await form.getByLabel('Filter 1: property').fill('amount');
    await form.getByLabel('Filter 1: operator').selectOption('gte');
    await form.getByLabel('Filter 1: value').fill('one');
    await form.getByRole('button', { name: 'Create metric' }).click();
    // The API refuses a comparison with text; the message stands at the filter's value.
    await expect.poll(() => form.locator('[data-path="where[0].value"]').textContent()).toMatch(/number/);
    await h.screenshot(page, 'experiments-01-metric-refused');
    await form.getByLabel('Filter 1: value').fill('1');
    await form.getByRole('button', { name: 'Create metric' }).click();
    await page.getByRole('heading', { name: 'Checkout conversion' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/default/production/metrics/checkout-conversion');
    expect(await h.api('GET', '/projects/default/metrics/checkout-conversion')).toMatchObject({
      kind: 'conversion',
      event: 'purchase',
      where: [{ property: 'amount', operator: 'gte', value: 1 }],
      windowDays: 7,
      higherIsBetter: true,
    });

    await page.getByRole('spinbutton', { name: /^Window/ }).fill('14');
    await page.getByRole('button', { name: 'Save metric' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await h.api('GET', '/projects/default/metrics/checkout-conversion')).toMatchObject({ windowDays: 14, version: 2 });
    await page.goto('/default/production/metrics');
    const row = page.getByRole('row', { name: /Checkout conversion/ });
    expect(await row.textContent()).toContain('Did purchase (amount ≥ 1) within 14 days of exposure');
    await h.screenshot(page, 'experiments-02-metrics');
  }, 60_000);

  it('creates a journey metric by choosing one of the project\'s journeys instead of an event', async () => {
    await h.api('POST', '/projects/default/journeys', { key: 'checkout', name: 'Checkout', steps: [{ event: 'cart' }, { event: 'purchase' }], conversionWindowSeconds: 3600 });
    const page = await signedIn('/default/production/metrics');
    await page.getByRole('button', { name: 'New metric' }).click();
    const form = page.getByRole('form', { name: 'New metric' });
    await form.getByRole('textbox', { name: /^Key/ }).fill('checkout-time');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Time to checkout');
    await form.getByLabel('Kind').selectOption('journeyDuration');
    // A journey replaces the event and its filters; a duration is better shorter.
    expect(await form.getByLabel('Event', { exact: true }).count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Add filter' }).count()).toBe(0);
    expect(await form.getByRole('radio', { name: /^Lower/ }).isChecked()).toBe(true);
    await form.getByRole('combobox', { name: /^Journey/ }).selectOption({ label: 'Checkout (checkout)' });
    await form.getByRole('button', { name: 'Create metric' }).click();
    await page.getByRole('heading', { name: 'Time to checkout' }).waitFor();
    const metric = await h.api('GET', '/projects/default/metrics/checkout-time');
    expect(metric).toMatchObject({ kind: 'journeyDuration', journey: 'checkout', windowDays: 7, higherIsBetter: false });
    expect(metric).not.toHaveProperty('event');
    const described = 'Seconds from entering journey checkout to its last step, over the units that completed it within 7 days of exposure';
    expect(await page.locator('.page-head').textContent()).toContain(described);
    expect(await page.getByRole('combobox', { name: /^Journey/ }).inputValue()).toBe('checkout');
    await page.goto('/default/production/metrics');
    expect(await page.getByRole('row', { name: /Time to checkout/ }).textContent()).toContain(described);
  }, 60_000);

  it('creates an experiment with the wizard from the flag page, sending a refused field back to its step, and says why it cannot start', async () => {
    await h.api('POST', '/projects/default/metrics', { key: 'revenue', name: 'Revenue per user', kind: 'mean', event: 'purchase', property: 'amount' });
    const page = await signedIn('/default/production/flags/new-checkout');
    await page.getByRole('link', { name: 'New experiment' }).click();
    await page.getByRole('heading', { name: 'New experiment' }).waitFor();
    const step = page.locator('.wizard-step');
    await expect.poll(() => step.getByRole('combobox', { name: /^Flag/ }).inputValue()).toBe('new-checkout');
    expect(await step.getByRole('combobox', { name: /^Environment/ }).inputValue()).toBe('production');
    // The flag is off: the wizard says so before anything is created.
    expect(await page.getByTestId('split-hint').textContent()).toContain('In production, the flag is off, serving "off" to everyone. The draft can be created');

    await page.getByRole('button', { name: 'Next' }).click();
    const control = page.getByRole('group', { name: /^Control/ });
    expect(await control.getByRole('radio', { name: /^off/ }).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: /^Treatments/ }).getByRole('checkbox', { name: /^on/ }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: /^Key/ }).fill('New Checkout');
    await page.getByRole('textbox', { name: /^Hypothesis/ }).fill('A one-page checkout sells more.');

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Role of Checkout conversion').selectOption('primary');
    await page.getByLabel('Role of Revenue per user').selectOption('secondary');
    // A metric made on the spot joins the experiment.
    await page.getByRole('button', { name: 'New metric' }).click();
    const inline = page.getByRole('form', { name: 'New metric' });
    await inline.getByRole('textbox', { name: /^Key/ }).fill('errors');
    await inline.getByRole('textbox', { name: /^Name/ }).fill('Errors per user');
    await inline.getByLabel('Kind').selectOption('mean');
    await inline.getByLabel('Event', { exact: true }).fill('error');
    await inline.getByRole('radio', { name: /^Lower/ }).check();
    await inline.getByRole('button', { name: 'Create metric' }).click();
    await expect.poll(() => page.getByLabel('Role of Errors per user').inputValue()).toBe('secondary');
    await page.getByLabel('Role of Errors per user').selectOption('guardrail');

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Create draft' }).click();
    // The key is refused: the wizard is back on its step, with the message beside it.
    await page.getByRole('heading', { name: 'Hypothesis' }).waitFor();
    await expect.poll(() => page.locator('[data-path="key"]').textContent()).toContain('not a valid experiment key');
    expect(await page.getByRole('alert').first().textContent()).toContain('Dial refused the experiment');
    await h.screenshot(page, 'experiments-03-wizard-refused');
    await page.getByRole('textbox', { name: /^Key/ }).fill('new-checkout');
    await page.getByRole('button', { name: '5. Review' }).click();
    expect(await page.locator('dl.summary').textContent()).toContain('Errors per user');
    await page.getByRole('button', { name: 'Create draft' }).click();

    await page.getByRole('heading', { name: /New checkout/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(CHECKOUT);
    expect(await h.api('GET', '/projects/default/experiments/new-checkout')).toMatchObject({
      status: 'draft',
      flag: 'new-checkout',
      environment: 'production',
      control: 'off',
      treatments: ['on'],
      hypothesis: 'A one-page checkout sells more.',
      primaryMetric: 'checkout-conversion',
      secondaryMetrics: ['revenue'],
      guardrailMetrics: ['errors'],
    });

    // The flag does not split traffic yet: the server's reason is shown, with the way to the flag.
    await page.getByRole('button', { name: 'Start experiment' }).click();
    const refusal = page.locator('.decision-error');
    await expect.poll(() => refusal.getByRole('alert').textContent()).toContain('cannot start: flag "new-checkout" in environment "production": it is off');
    expect(await refusal.getByRole('link', { name: 'new-checkout' }).getAttribute('href')).toBe('/default/production/flags/new-checkout');
    await h.screenshot(page, 'experiments-04-cannot-start');

    await split('new-checkout', HALF);
    await page.getByRole('button', { name: 'Start experiment' }).click();
    await page.locator('h1 .state').filter({ hasText: 'Running' }).waitFor();
    await page.getByRole('heading', { name: 'No units yet' }).waitFor();
    expect(await h.api('GET', '/projects/default/experiments/new-checkout')).toMatchObject({ status: 'running', weights: { off: 50_000, on: 50_000 } });
  }, 90_000);

  it('shows every figure and verdict as the results API computes them, under both tests and both kinds of effect', async () => {
    const { startedAt } = await h.api<Experiment>('GET', '/projects/default/experiments/new-checkout');
    const start = Date.parse(startedAt!);
    await send(checkoutTraffic(start));
    await after(start + 2_000);

    const page = await signedIn(CHECKOUT);
    const results = await h.api<Results>('GET', '/projects/default/experiments/new-checkout/results');
    expect(results.units).toBe(600);
    expect(results.srm.mismatch).toBe(false);
    const [conversion, revenue, errors] = results.metrics;
    // The traffic did what it was made to: a win, no clear change, a breached guardrail.
    expect(conversion!.variants[1]!.relative).toMatchObject({ verdict: 'better' });
    expect(revenue!.variants[1]!.relative).toMatchObject({ verdict: 'inconclusive' });
    expect(errors!.variants[1]!.relative).toMatchObject({ verdict: 'worse' });

    await page.getByRole('table', { name: 'Checkout conversion by variant' }).waitFor();
    await expectResultsShown(page, results);
    expect(await page.getByRole('alert').count()).toBe(0);

    // The verdicts say it in words, numbers as the API has them.
    const lift = conversion!.variants[1]!.relative!;
    const d = effectDecimals(lift.ci, 'relative', 'proportion');
    const pct = (value: number) => formatEffect(value, 'relative', 'proportion', d);
    expect(await verdictTexts(page, 'Checkout conversion')).toEqual([`Checkout conversion ${pct(lift.estimate)} (95% CI ${pct(lift.ci[0]!)} … ${pct(lift.ci[1]!)}), significant: on is better than off.`]);
    expect(pct(lift.estimate)).toMatch(/^\+\d+\.\d%$/);
    const [breach] = await verdictTexts(page, 'Errors per user');
    expect(breach).toMatch(/^Guardrail breached: Errors per user \+[\d.]+% \(95% CI \+[\d.]+% … \+[\d.]+%\), significant: on is worse than off \(lower is better\)\.$/);
    expect(await page.getByRole('list', { name: 'Verdicts on Errors per user' }).locator('li.breach').count()).toBe(1);
    const [unclear] = await verdictTexts(page, 'Revenue per user');
    expect(unclear).toMatch(/^Revenue per user [+−]?[\d.]+% \(95% CI [−+][\d.]+% … \+[\d.]+%\), not significant: no clear difference between on and off yet\.$/);
    expect(unclear).toContain(MINUS);
    // The interval is drawn against zero, and its label says on which side it lies.
    const bar = page.getByRole('table', { name: 'Checkout conversion by variant' }).getByRole('img');
    expect(await bar.getAttribute('aria-label')).toBe(`Lift of on over off: ${pct(lift.estimate)}, interval ${pct(lift.ci[0]!)} to ${pct(lift.ci[1]!)}, entirely above zero`);
    await page.getByRole('figure', { name: /Lift of Checkout conversion over off/ }).waitFor();
    await h.screenshot(page, 'experiments-05-results');

    await page.getByRole('radio', { name: 'Fixed horizon' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('test')).toBe('fixed');
    const fixed = await h.api<Results>('GET', '/projects/default/experiments/new-checkout/results?test=fixed');
    expect(fixed.metrics[0]!.variants[1]!.relative!.ci).not.toEqual(lift.ci);
    await expectResultsShown(page, fixed);
    await page.getByRole('radio', { name: 'Absolute difference' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('effect')).toBe('absolute');
    await expectResultsShown(page, fixed, 'absolute');
    expect(await page.getByRole('table', { name: 'Checkout conversion by variant' }).locator('td[data-figure="effect"]').textContent()).toMatch(/ pp$/);

    const csv = page.getByRole('link', { name: 'Download CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/v1/projects/default/experiments/new-checkout/results.csv?test=fixed');
    const download = await page.request.get((await csv.getAttribute('href'))!);
    expect(download.headers()['content-type']).toContain('text/csv');
    const rows = (await download.text()).trim().split('\r\n');
    expect(rows[0]).toMatch(/^metric,role,variant,control,units,value,/);
    expect(rows).toHaveLength(1 + 3 * 2);
  }, 90_000);

  it('warns with a banner when the split of units does not match the rollout', async () => {
    await h.api('POST', '/projects/default/flags', { key: 'recommendations', name: 'Recommendations', kind: 'boolean' });
    await split('recommendations', HALF);
    await h.api('POST', '/projects/default/experiments', {
      key: 'recommendations',
      name: 'Recommendations',
      flag: 'recommendations',
      environment: 'production',
      control: 'off',
      treatments: ['on'],
      primaryMetric: 'checkout-conversion',
    });
    const { startedAt } = await h.api<Experiment>('POST', '/projects/default/experiments/recommendations/start', { version: 1 });
    const start = Date.parse(startedAt!);
    // 140 against 60 where 50/50 is expected: the treatment's exposures are not all arriving.
    await send(
      Array.from({ length: 200 }, (_, i) => ({
        id: `srm-${i}`,
        type: 'exposure',
        name: 'recommendations',
        variant: i < 140 ? 'off' : 'on',
        key: `reader-${i}`,
        timestamp: new Date(start + 100 + i).toISOString(),
      })),
    );
    await after(start + 400);

    const page = await signedIn(`${EXPERIMENTS}/recommendations`);
    const results = await h.api<Results>('GET', '/projects/default/experiments/recommendations/results');
    expect(results.srm.mismatch).toBe(true);
    const banner = page.getByRole('alert').filter({ hasText: 'Sample ratio mismatch' });
    await banner.waitFor();
    expect(await banner.getByRole('heading').textContent()).toBe('Sample ratio mismatch — do not trust these results');
    expect(await banner.textContent()).toContain(results.srm.message!);
    const shares = await banner.getByRole('table').locator('tbody tr').all();
    expect(await Promise.all(shares.map((row) => row.locator('td').allTextContents()))).toEqual(
      results.srm.variants.map((variant) => [formatCount(variant.units), formatPercent(variant.observedShare), formatPercent(variant.expectedShare)]),
    );
    await expectResultsShown(page, results);
    await h.screenshot(page, 'experiments-06-srm');

    await page.getByRole('button', { name: 'Stop experiment' }).click();
    await page.getByRole('dialog', { name: /^Stop/ }).getByRole('button', { name: 'Stop experiment' }).click();
    await page.locator('h1 .state').filter({ hasText: 'Stopped' }).waitFor();
    const stopped = await h.api<Experiment>('GET', '/projects/default/experiments/recommendations');
    expect(stopped).toMatchObject({ status: 'stopped' });
    expect(stopped.stoppedAt).not.toBeNull();
  }, 60_000);

  it('ships the winning variant after confirming: the status changes and the flag serves it to everyone', async () => {
    const page = await signedIn(CHECKOUT);
    await page.getByRole('table', { name: 'Checkout conversion by variant' }).waitFor();
    await page.getByRole('button', { name: 'Ship a variant…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ship a variant of new-checkout to everyone in production?' });
    await dialog.waitFor();
    // The primary metric's winner is suggested, with its verdict.
    await expect.poll(() => dialog.getByRole('radio', { name: /^on/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: /^on/ }).locator('xpath=..').textContent()).toContain('significant: on is better than off');
    // And what speaks against it: the guardrail it breaks.
    expect(await dialog.getByRole('list', { name: 'Before shipping' }).getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^Guardrail breached: Errors per user/)]);
    await dialog.getByRole('radio', { name: /^off/ }).check();
    expect(await dialog.getByRole('list', { name: 'Before shipping' }).count()).toBe(0);
    await dialog.getByRole('radio', { name: /^on/ }).check();
    await h.screenshot(page, 'experiments-07-ship-dialog');
    await dialog.getByRole('button', { name: 'Ship on' }).click();

    await page.locator('h1 .state').filter({ hasText: 'Shipped' }).waitFor();
    expect(await page.locator('.notice.shipped').textContent()).toBe('Shipped on: new-checkout serves it to everyone in production.');
    expect(await page.getByRole('button', { name: 'Ship a variant…' }).count()).toBe(0);
    const shipped = await h.api<Experiment>('GET', '/projects/default/experiments/new-checkout');
    expect(shipped).toMatchObject({ status: 'shipped', shippedVariant: 'on' });
    expect(shipped.stoppedAt).not.toBeNull();
    const flag = await h.api<{ environments: Record<string, { enabled: boolean; rules: unknown[]; fallthrough: unknown }> }>('GET', '/projects/default/flags/new-checkout');
    expect(flag.environments.production).toMatchObject({ enabled: true, rules: [], fallthrough: { variant: 'on' } });
    await h.screenshot(page, 'experiments-08-shipped');

    // The list shows where each experiment stands.
    await page.goto(EXPERIMENTS);
    const table = page.getByRole('table', { name: 'Experiments' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').all();
    const cells = await Promise.all(rows.map((row) => row.locator('td').allTextContents()));
    expect(cells.map((row) => row.slice(0, 5))).toEqual([
      ['New checkout new-checkout', 'Shipped on', 'new-checkout', 'production', 'Checkout conversion'],
      ['Recommendations recommendations', 'Stopped', 'recommendations', 'production', 'Checkout conversion'],
    ]);
    await h.screenshot(page, 'experiments-09-list');
  }, 60_000);
});
