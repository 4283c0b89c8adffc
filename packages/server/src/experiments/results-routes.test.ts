import { compareArms, sampleRatioMismatch } from '@dial/core/stats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlag, expectStatus, patchConfig, projectUrl } from '../flags/test-flags.js';
import { type TestApp, testApp } from '../test-support.js';
import { createExperiment, createMetric } from './test-experiments.js';

const DAY = 86_400_000;
const START = Date.parse('2026-03-02T09:00:00Z');
let clock = START;
let t: TestApp;
let environmentId: number;

const HALF = { rollout: { split: [{ variant: 'on', weight: 50_000 }, { variant: 'off', weight: 50_000 }] } };

/** Stores first exposures and purchase events as ingestion would, for `flag`. */
async function traffic(flag: string, units: { unit: string; variant: string; at: number; purchases?: number[] }[]) {
  await t.db.query(
    `INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id)
     SELECT $1, $2, unit, variant, at, 'x-' || unit FROM unnest($3::text[], $4::text[], $5::timestamptz[]) AS u(unit, variant, at)`,
    [environmentId, flag, units.map((u) => u.unit), units.map((u) => u.variant), units.map((u) => new Date(u.at).toISOString())],
  );
  const purchases = units.flatMap((u) => (u.purchases ?? []).map((amount, i) => ({ unit: u.unit, amount, at: u.at + (i + 1) * 60_000 })));
  await t.db.query(
    `INSERT INTO events (environment_id, event_id, type, name, unit_key, properties, occurred_at, received_at)
     SELECT $1, 'p-' || unit || '-' || extract(epoch FROM at), 'track', 'purchase', unit, jsonb_build_object('amount', amount), at, now()
       FROM unnest($2::text[], $3::numeric[], $4::timestamptz[]) AS u(unit, amount, at)`,
    [environmentId, purchases.map((p) => p.unit), purchases.map((p) => p.amount), purchases.map((p) => new Date(p.at).toISOString())],
  );
}

const results = (key: string, query = '') => t.app.inject({ method: 'GET', url: projectUrl(`/experiments/${key}/results${query}`), headers: t.admin });
const act = (key: string, action: string, version: number) => t.app.inject({ method: 'POST', url: projectUrl(`/experiments/${key}/${action}`), headers: t.admin, payload: { version } });

/** A running experiment on a flag of its own, 50/50 between off (control) and on. */
async function running(key: string) {
  await createFlag(t, { key });
  expectStatus(await patchConfig(t, key, { enabled: true, fallthrough: HALF }), 200);
  await createExperiment(t, { key, flag: key, environment: 'production', control: 'off', treatments: ['on'], primaryMetric: 'bought', secondaryMetrics: ['revenue'] });
  clock = START;
  expectStatus(await act(key, 'start', 1), 200);
}

beforeAll(async () => {
  t = await testApp({ experiments: { now: () => clock } });
  environmentId = Number((await t.db.query<{ id: number }>("SELECT id FROM environments WHERE key = 'production'")).rows[0]!.id);
  await createMetric(t, { key: 'bought', name: 'Bought', kind: 'conversion', event: 'purchase' });
  await createMetric(t, { key: 'revenue', name: 'Revenue', kind: 'mean', event: 'purchase', property: 'amount' });
});
afterAll(async () => t.close());

describe('experiment results', () => {
  it('are refused for a draft, which has none', async () => {
    await createFlag(t, { key: 'drafted' });
    await createExperiment(t, { key: 'drafted', flag: 'drafted', environment: 'production', control: 'off', treatments: ['on'], primaryMetric: 'bought' });
    const res = await results('drafted');
    expectStatus(res, 409);
    expect(res.json().error.message).toContain('has not started');
  });

  it('give each metric’s units, values and effects against the control, sequential by default and fixed on request', async () => {
    await running('lift');
    // off: 200 units, 20 buy for 10 each; on: 200 units, 100 buy for 10 each. Half of each is exposed on the second day.
    const units = Array.from({ length: 400 }, (_, i) => ({
      unit: `lift-${i}`,
      variant: i % 2 === 0 ? 'off' : 'on',
      at: START + (i < 200 ? 1_000 : DAY + 1_000) + i,
      purchases: (i % 2 === 0 ? i % 20 === 0 : i % 4 === 1) ? [10] : [],
    }));
    await traffic('lift', units);
    clock = START + 3 * DAY;
    const res = await results('lift');
    expectStatus(res, 200);
    const body = res.json();
    expect(body).toMatchObject({
      experiment: 'lift',
      status: 'running',
      test: 'sequential',
      alpha: 0.05,
      from: new Date(START).toISOString(),
      to: new Date(START + 3 * DAY).toISOString(),
      control: 'off',
      variants: ['off', 'on'],
      units: 400,
      srm: { mismatch: false, message: null, variants: [{ variant: 'off', units: 200, expectedShare: 0.5, observedShare: 0.5 }, { variant: 'on', units: 200, expectedShare: 0.5, observedShare: 0.5 }] },
    });
    expect(body.srm.pValue).toBe(1);
    const [bought, revenue] = body.metrics;
    expect(bought).toMatchObject({ metric: 'bought', name: 'Bought', role: 'primary', kind: 'conversion', type: 'proportion', higherIsBetter: true });
    expect(bought.variants[0]).toEqual({ variant: 'off', control: true, units: 200, value: 0.1, total: 20, absolute: null, relative: null });
    const expected = compareArms({ type: 'proportion', n: 200, conversions: 20 }, { type: 'proportion', n: 200, conversions: 100 }).relative!;
    expect(bought.variants[1]).toMatchObject({ variant: 'on', control: false, units: 200, value: 0.5, total: 100 });
    expect(bought.variants[1].relative).toEqual({
      estimate: expected.estimate,
      ci: [...expected.sequential.ci],
      pValue: expected.sequential.pValue,
      chanceToWin: expected.chanceToWin,
      // The sequential test pays for looking any time: at 400 units even a fivefold rate is not yet significant.
      significant: false,
      verdict: 'inconclusive',
    });
    expect(expected.sequential.pValue).toBeGreaterThan(0.05);
    expect(revenue).toMatchObject({ metric: 'revenue', role: 'secondary', type: 'mean', variants: [{ value: 1, total: 200 }, { value: 5, total: 1000 }] });

    const fixed = (await results('lift', '?test=fixed')).json();
    expect(fixed.test).toBe('fixed');
    expect(fixed.metrics[0].variants[1].relative).toMatchObject({ ci: [...expected.fixed.ci], pValue: expected.fixed.pValue, significant: true, verdict: 'better' });
    expectStatus(await results('lift', '?test=bayesian'), 400);
  });

  it('draw running daily series by day of first exposure', async () => {
    clock = START + 3 * DAY;
    const { daily } = (await results('lift')).json().metrics[0];
    expect(daily.map((point: { day: string }) => point.day)).toEqual(['2026-03-02', '2026-03-03']);
    expect(daily[0].variants).toMatchObject([
      { variant: 'off', units: 100, relative: null },
      { variant: 'on', units: 100 },
    ]);
    expect(daily[1].variants).toMatchObject([
      { variant: 'off', units: 200, value: 0.1 },
      { variant: 'on', units: 200, value: 0.5, relative: { estimate: expect.closeTo(4, 12) } },
    ]);
  });

  it('warn of a sample-ratio mismatch against the weights the rollout started with', async () => {
    await running('skewed');
    await traffic('skewed', [
      ...Array.from({ length: 300 }, (_, i) => ({ unit: `skewed-off-${i}`, variant: 'off', at: START + 1_000 + i })),
      ...Array.from({ length: 200 }, (_, i) => ({ unit: `skewed-on-${i}`, variant: 'on', at: START + 1_000 + i })),
    ]);
    clock = START + DAY;
    const { srm } = (await results('skewed')).json();
    expect(srm.pValue).toBeCloseTo(sampleRatioMismatch([300, 200], [1, 1])!.pValue, 12);
    expect(srm.mismatch).toBe(true);
    expect(srm.message).toContain('Sample ratio mismatch');
    expect(srm.message).toContain('off 300 (60.0%), on 200 (40.0%)');
    expect(srm.message).toContain('must not be trusted');
  });

  it('stop counting at the stop: later exposures and events are left out', async () => {
    await running('halted');
    await traffic('halted', [
      { unit: 'h-1', variant: 'off', at: START + 1_000, purchases: [5] },
      { unit: 'h-2', variant: 'on', at: START + 2_000, purchases: [5] },
    ]);
    clock = START + 1_500 + 60_000;
    expectStatus(await act('halted', 'stop', 2), 200);
    await traffic('halted', [{ unit: 'h-3', variant: 'on', at: START + DAY, purchases: [7] }]);
    clock = START + 2 * DAY;
    const body = (await results('halted')).json();
    expect(body.to).toBe(new Date(START + 1_500 + 60_000).toISOString());
    // h-1 bought within the window before the stop; h-2's purchase came a minute after its exposure, after the stop.
    expect(body.metrics[0].variants).toMatchObject([
      { variant: 'off', units: 1, total: 1 },
      { variant: 'on', units: 1, total: 0 },
    ]);
  });

  it('read journey metrics through their journey as it is now; a duration counts the units that completed, the check all exposed', async () => {
    const journey = { key: 'buying', name: 'Buying', steps: [{ event: 'cart' }, { event: 'purchase' }], conversionWindowSeconds: 3600 };
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/journeys'), headers: t.admin, payload: journey }), 201);
    await createMetric(t, { key: 'buying-time', kind: 'journeyDuration', journey: 'buying' });
    await createMetric(t, { key: 'buying-done', kind: 'journeyConversion', journey: 'buying' });
    await createFlag(t, { key: 'journeyed' });
    expectStatus(await patchConfig(t, 'journeyed', { enabled: true, fallthrough: HALF }), 200);
    await createExperiment(t, {
      key: 'journeyed',
      flag: 'journeyed',
      environment: 'production',
      control: 'off',
      treatments: ['on'],
      primaryMetric: 'buying-time',
      secondaryMetrics: ['buying-done'],
    });
    clock = START;
    expectStatus(await act('journeyed', 'start', 1), 200);
    // 10 units a variant; 4 of off and 8 of on put something in the cart a second after exposure and buy a minute after it.
    const units = Array.from({ length: 20 }, (_, i) => ({ unit: `journeyed-${i}`, variant: i % 2 === 0 ? 'off' : 'on', at: START + 1_000 * (i + 1) }));
    const buyers = units.filter((_, i) => (i % 2 === 0 ? i < 8 : i < 16));
    await traffic('journeyed', units.map((unit) => (buyers.includes(unit) ? { ...unit, purchases: [1] } : unit)));
    await t.db.query(
      `INSERT INTO events (environment_id, event_id, type, name, unit_key, properties, occurred_at, received_at)
       SELECT $1, 'c-' || unit, 'track', 'cart', unit, '{}', at, now() FROM unnest($2::text[], $3::timestamptz[]) AS u(unit, at)`,
      [environmentId, buyers.map((u) => u.unit), buyers.map((u) => new Date(u.at + 1_000).toISOString())],
    );
    clock = START + DAY;
    const body = (await results('journeyed')).json();
    expect(body.units).toBe(20);
    expect(body.srm.variants).toMatchObject([{ units: 10 }, { units: 10 }]);
    const [time, done] = body.metrics;
    expect(time).toMatchObject({ metric: 'buying-time', role: 'primary', kind: 'journeyDuration', type: 'mean', higherIsBetter: false });
    expect(time.variants).toMatchObject([
      { variant: 'off', units: 4, value: 59, total: 4 * 59 },
      { variant: 'on', units: 8, value: 59, total: 8 * 59 },
    ]);
    expect(done).toMatchObject({ metric: 'buying-done', kind: 'journeyConversion', type: 'proportion', variants: [{ units: 10, value: 0.4 }, { units: 10, value: 0.8 }] });

    // A step nobody took: nobody completes the journey as it is now.
    const edited = { name: 'Buying', steps: [{ event: 'cart' }, { event: 'checkout' }, { event: 'purchase' }], version: 1 };
    expectStatus(await t.app.inject({ method: 'PUT', url: projectUrl('/journeys/buying'), headers: t.admin, payload: edited }), 200);
    const after = (await results('journeyed')).json();
    expect(after.units).toBe(20);
    expect(after.metrics[0].variants).toMatchObject([
      { units: 0, value: null, absolute: null },
      { units: 0, value: null, absolute: null },
    ]);
    expect(after.metrics[1].variants).toMatchObject([{ units: 10, value: 0 }, { units: 10, value: 0 }]);
  });

  it('export as CSV, one row per metric and variant', async () => {
    clock = START + 3 * DAY;
    const res = await t.app.inject({ method: 'GET', url: projectUrl('/experiments/lift/results.csv?test=fixed'), headers: t.admin });
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="lift-results.csv"');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'metric,role,variant,control,units,value,absolute_estimate,absolute_ci_low,absolute_ci_high,absolute_p_value,relative_estimate,relative_ci_low,relative_ci_high,relative_p_value,chance_to_win,verdict',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('bought,primary,off,true,200,0.1,,,,,,,,,,');
    const on = lines[2]!.split(',');
    const expected = compareArms({ type: 'proportion', n: 200, conversions: 20 }, { type: 'proportion', n: 200, conversions: 100 });
    expect(on.slice(0, 6)).toEqual(['bought', 'primary', 'on', 'false', '200', '0.5']);
    expect(Number(on[13])).toBe(expected.relative!.fixed.pValue);
    expect(on[15]).toBe('better');
    expect(lines[3]!.startsWith('revenue,secondary,off,true,200,1,')).toBe(true);
  });

  it('is for admin tokens only', async () => {
    expectStatus(await t.app.inject({ method: 'GET', url: projectUrl('/experiments/lift/results') }), 401);
  });
});
