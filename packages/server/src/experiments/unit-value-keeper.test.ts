import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlag, expectStatus, patchConfig, projectUrl } from '../flags/test-flags.js';
import { type TestApp, testApp } from '../test-support.js';
import { createExperiment, createMetric } from './test-experiments.js';
import { UnitValueKeeper } from './unit-value-keeper.js';

const DAY = 86_400_000;
const START = Date.parse('2026-04-06T09:00:00Z');
let clock = START;
let t: TestApp;
let keeper: UnitValueKeeper;
let environmentId: number;

const HALF = { rollout: { split: [{ variant: 'on', weight: 50_000 }, { variant: 'off', weight: 50_000 }] } };
const results = (key: string) => t.app.inject({ method: 'GET', url: projectUrl(`/experiments/${key}/results`), headers: t.admin });
const act = (key: string, action: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: projectUrl(`/experiments/${key}/${action}`), headers: t.admin, payload: body });

/** Stores first exposures and purchase events (amounts, a minute apart after exposure) as ingestion would. */
async function traffic(flag: string, units: { unit: string; variant: string; at: number; purchases?: number[] }[], exposed = true) {
  if (exposed) {
    await t.db.query(
      `INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id)
       SELECT $1, $2, unit, variant, at, 'x-' || unit FROM unnest($3::text[], $4::text[], $5::timestamptz[]) AS u(unit, variant, at)`,
      [environmentId, flag, units.map((u) => u.unit), units.map((u) => u.variant), units.map((u) => new Date(u.at).toISOString())],
    );
  }
  const purchases = units.flatMap((u) => (u.purchases ?? []).map((amount, i) => ({ id: `p-${u.unit}-${u.at}-${i}`, unit: u.unit, amount, at: u.at + (i + 1) * 60_000 })));
  await t.db.query(
    `INSERT INTO events (environment_id, event_id, type, name, unit_key, properties, occurred_at, received_at)
     SELECT $1, id, 'track', 'purchase', unit, jsonb_build_object('amount', amount, 'coupon', amount > 10), at, now()
       FROM unnest($2::text[], $3::text[], $4::numeric[], $5::timestamptz[]) AS u(id, unit, amount, at)`,
    [environmentId, purchases.map((p) => p.id), purchases.map((p) => p.unit), purchases.map((p) => p.amount), purchases.map((p) => new Date(p.at).toISOString())],
  );
}

/** The results as the events give them: read with no set kept, which is then built again. */
async function fromEvents(key: string) {
  await t.db.query('DELETE FROM experiment_value_sets');
  const body = (await results(key)).json();
  await keeper.run();
  return body;
}

/** Units the app's keeper computed again for results, from its `/metrics`. */
async function refreshedUnits(): Promise<number> {
  const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
  return Number(/^dial_experiment_value_units_total\{kind="refreshed"\} (\S+)$/m.exec(text)?.[1] ?? 0);
}

const keptSet = async () =>
  (await t.db.query<{ definition: { end: string | null; metrics: unknown[] } }>('SELECT definition FROM experiment_value_sets s JOIN experiments x ON x.id = s.experiment_id WHERE x.key = $1', ['kept'])).rows[0];

beforeAll(async () => {
  t = await testApp({ experiments: { now: () => clock } });
  keeper = new UnitValueKeeper(t.db, pino({ level: 'silent' }), new Registry(), { intervalMs: 0 });
  environmentId = Number((await t.db.query<{ id: number }>("SELECT id FROM environments WHERE key = 'production'")).rows[0]!.id);
  await createMetric(t, { key: 'bought', kind: 'conversion', event: 'purchase' });
  await createMetric(t, { key: 'revenue', kind: 'mean', event: 'purchase', property: 'amount' });
  await createMetric(t, { key: 'orders', kind: 'mean', event: 'purchase' });
  await createMetric(t, { key: 'couponed', kind: 'conversion', event: 'purchase', where: [{ property: 'coupon', operator: 'eq', value: true }], windowDays: 1 });
  // Bought twice within the hour: a journey of two purchases.
  expectStatus(
    await t.app.inject({
      method: 'POST',
      url: projectUrl('/journeys'),
      headers: t.admin,
      payload: { key: 'again', name: 'Bought again', steps: [{ event: 'purchase' }, { event: 'purchase' }], conversionWindowSeconds: 3600 },
    }),
    201,
  );
  await createMetric(t, { key: 'rebought', kind: 'journeyConversion', journey: 'again', windowDays: 7 });
  await createMetric(t, { key: 'time-to-rebuy', kind: 'journeyDuration', journey: 'again', windowDays: 7 });
  await createFlag(t, { key: 'kept' });
  expectStatus(await patchConfig(t, 'kept', { enabled: true, fallthrough: HALF }), 200);
  await createExperiment(t, {
    key: 'kept',
    flag: 'kept',
    environment: 'production',
    control: 'off',
    treatments: ['on'],
    primaryMetric: 'bought',
    secondaryMetrics: ['revenue', 'orders'],
    guardrailMetrics: ['couponed', 'rebought', 'time-to-rebuy'],
  });
  clock = START;
  expectStatus(await act('kept', 'start', { version: 1 }), 200);
});
afterAll(async () => t.close());

describe('the unit value keeper', () => {
  it('builds a running experiment’s values, which results then read, refreshed with what arrived since', async () => {
    await traffic(
      'kept',
      Array.from({ length: 60 }, (_, i) => ({ unit: `k-${i}`, variant: i % 2 === 0 ? 'off' : 'on', at: START + 1_000 + (i % 3) * DAY, purchases: i % 5 === 0 ? [4, 12.5] : i % 3 === 0 ? [20] : [] })),
    );
    clock = START + 4 * DAY;
    const before = (await results('kept')).json();
    expect(await keptSet()).toBeUndefined();

    await keeper.run();
    expect((await keptSet())?.definition).toMatchObject({
      end: null,
      metrics: [{ kind: 'conversion' }, { property: 'amount' }, { kind: 'mean' }, { windowDays: 1 }, { kind: 'journeyConversion', journey: { conversionWindowSeconds: 3600 } }, { kind: 'journeyDuration' }],
    });
    expect((await results('kept')).json()).toEqual(before);

    // More purchases by exposed units, and new units, one with a purchase dated after the clock.
    await traffic('kept', [{ unit: 'k-1', variant: 'on', at: START + 2 * DAY, purchases: [30] }], false);
    await traffic('kept', [
      { unit: 'k-new', variant: 'on', at: START + 3 * DAY, purchases: [15] },
      { unit: 'k-ahead', variant: 'off', at: clock - 30_000, purchases: [9] },
    ]);
    const after = (await results('kept')).json();
    // Read from the values: the three units with new events were computed again for it (and more, where another transaction held the watermark back).
    expect(await refreshedUnits()).toBeGreaterThanOrEqual(3);
    expect(after.units).toBe(62);
    expect(after).toEqual(await fromEvents('kept'));
    expect(after).not.toEqual(before);
    expect(after.metrics.find((metric: { metric: string }) => metric.metric === 'time-to-rebuy').variants[1]).toMatchObject({ units: 6, value: 60 });
  });

  it('builds the values again when a journey a metric follows changes, reading the events until then', async () => {
    // A coupon now marks the first purchase: the first purchases, of 4, had none.
    const steps = [{ event: 'purchase', filters: [{ property: 'coupon', operator: 'eq', value: true }] }, { event: 'purchase' }];
    expectStatus(
      await t.app.inject({ method: 'PUT', url: projectUrl('/journeys/again'), headers: t.admin, payload: { name: 'Bought again', steps, conversionWindowSeconds: 3600, version: 1 } }),
      200,
    );
    const changed = (await results('kept')).json();
    expect(changed.metrics.find((metric: { metric: string }) => metric.metric === 'rebought').variants.map((arm: { total: number }) => arm.total)).toEqual([0, 0]);
    await keeper.run();
    expect((await keptSet())?.definition.metrics[4]).toMatchObject({ journey: { steps: [{ filters: [{ property: 'coupon' }] }, { filters: [] }] } });
    expect((await results('kept')).json()).toEqual(changed);
  });

  it('builds a stopped experiment’s values again up to the stop, and drops them once it ships', async () => {
    clock = START + 4 * DAY + 1_000;
    expectStatus(await act('kept', 'stop', { version: 2 }), 200);
    await traffic('kept', [{ unit: 'k-late', variant: 'on', at: clock + 1_000, purchases: [50] }]);
    await keeper.run();
    expect((await keptSet())?.definition.end).toBe(new Date(clock).toISOString());
    clock += DAY;
    const stopped = (await results('kept')).json();
    expect(stopped.units).toBe(62);
    expect(stopped).toEqual(await fromEvents('kept'));

    expectStatus(await act('kept', 'ship', { version: 3, variant: 'on' }), 200);
    await keeper.run();
    expect(await keptSet()).toBeUndefined();
    expect((await results('kept')).json().metrics).toEqual(stopped.metrics);
  });

  it('runs passes on its own every interval', async () => {
    const own = new UnitValueKeeper(t.db, pino({ level: 'silent' }), new Registry(), { intervalMs: 20 });
    await createFlag(t, { key: 'timed' });
    expectStatus(await patchConfig(t, 'timed', { enabled: true, fallthrough: HALF }), 200);
    await createExperiment(t, { key: 'timed', flag: 'timed', environment: 'production', control: 'off', treatments: ['on'], primaryMetric: 'bought' });
    expectStatus(await act('timed', 'start', { version: 1 }), 200);
    own.start();
    try {
      await expect
        .poll(async () => (await t.db.query("SELECT 1 FROM experiment_value_sets s JOIN experiments x ON x.id = s.experiment_id WHERE x.key = 'timed'")).rows.length, { timeout: 20_000 })
        .toBe(1);
    } finally {
      await own.stop();
    }
  });
});
