import { type MetricDefinition, type PropertyFilter, type TrackedEvent, type UnitExposure, metricStatistics } from '@dial/core/experiments';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db.js';
import { prepareDatabase } from '../server.js';
import { type TestDatabase, testDatabase } from '../test-support.js';
import { queryMetricStatistics } from './results-query.js';

const SEED = 20261123;
const DAY = 86_400_000;
const START = Date.parse('2026-03-01T06:00:00Z');
const END = START + 4 * DAY;
const VARIANTS = ['off', 'on'];

let database: TestDatabase;
let db: Database;
let environmentId: number;
beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  await prepareDatabase(db, undefined);
  environmentId = Number((await db.query<{ id: number }>("SELECT id FROM environments WHERE key = 'production'")).rows[0]!.id);
});
afterAll(async () => database.cleanup());

/** Writes exposures and events as ingestion stores them, under a flag of their own. */
async function store(flag: string, exposures: readonly UnitExposure[], events: readonly TrackedEvent[]): Promise<void> {
  await db.query(
    `INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id)
     SELECT $1, $2, unit, variant, at, $2 || '/' || unit FROM unnest($3::text[], $4::text[], $5::timestamptz[]) AS u(unit, variant, at)`,
    [environmentId, flag, exposures.map((x) => x.unit), exposures.map((x) => x.variant), exposures.map((x) => new Date(x.exposedAt).toISOString())],
  );
  await db.query(
    `INSERT INTO events (environment_id, event_id, type, name, unit_key, properties, occurred_at, received_at)
     SELECT $1, $2 || '/' || ordinality, 'track', name, unit, properties::jsonb, at, now()
       FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[]) WITH ORDINALITY AS u(name, unit, properties, at)`,
    [
      environmentId,
      flag,
      events.map((e) => e.name),
      events.map((e) => e.unit),
      events.map((e) => JSON.stringify(e.properties)),
      events.map((e) => new Date(e.occurredAt).toISOString()),
    ],
  );
}

// Amounts in quarters, so sums and squares are exact both as PostgreSQL numerics and as doubles.
const amount = fc.integer({ min: -400, max: 4000 }).map((quarters) => quarters / 4);
const scalar = fc.oneof(fc.constantFrom('x', 'y', '1', 'xy'), fc.integer({ min: 0, max: 3 }), fc.boolean());
// Every operator of journeys' step filters, on properties that are sometimes missing, null or of another type.
const property = fc.constantFrom('p', 'amount', 'missing');
const filter: fc.Arbitrary<PropertyFilter> = fc.oneof(
  fc.record({ property, operator: fc.constantFrom('eq' as const, 'neq' as const), value: scalar }),
  fc.record({ property, operator: fc.constantFrom('in' as const, 'notIn' as const), value: fc.array(scalar, { minLength: 1, maxLength: 3 }) }),
  fc.record({ property, operator: fc.constant('contains' as const), value: fc.constantFrom('x', '1') }),
  fc.record({ property, operator: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const), value: fc.integer({ min: -2, max: 600 }) }),
  fc.record({ property, operator: fc.constant('exists' as const) }),
);
const metric: fc.Arbitrary<MetricDefinition> = fc.oneof(
  fc.record({ kind: fc.constant('conversion' as const), event: fc.constantFrom('a', 'b'), where: fc.array(filter, { maxLength: 2 }), windowDays: fc.integer({ min: 1, max: 3 }) }),
  fc.record(
    { kind: fc.constant('mean' as const), event: fc.constantFrom('a', 'b', 'c'), where: fc.array(filter, { maxLength: 2 }), windowDays: fc.integer({ min: 1, max: 3 }), property: fc.constantFrom('amount', 'p') },
    { requiredKeys: ['kind', 'event', 'where', 'windowDays'] },
  ),
);
const instant = (from: number, to: number) => fc.integer({ min: from, max: to - 1 });
const experiment = fc
  .record({ units: fc.integer({ min: 0, max: 40 }), metrics: fc.array(metric, { minLength: 1, maxLength: 5 }) })
  .chain(({ units, metrics }) =>
    fc.record({
      metrics: fc.constant(metrics),
      // Some units first exposed before the start or after the end, some to a variant not compared: all left out.
      exposures: fc.tuple(...Array.from({ length: units }, (_, i) => fc.record({ unit: fc.constant(`u${i}`), variant: fc.constantFrom('off', 'on', 'on', 'other'), exposedAt: instant(START - DAY, END + DAY) }))),
      events: fc.array(
        fc.record({
          unit: fc.integer({ min: 0, max: units + 3 }).map((i) => `u${i}`),
          name: fc.constantFrom('a', 'b', 'c', 'd'),
          properties: fc.record({ p: fc.oneof(scalar, fc.constant(null)), amount: fc.oneof(amount, fc.constant('5')) }, { requiredKeys: [] }),
          // Exactly at the start, the end or the unit's exposure and window edges now and then: boundaries are where off-by-ones hide.
          occurredAt: fc.oneof(instant(START - 2 * DAY, END + DAY), fc.constantFrom(START, END, END - 1, START + DAY)),
          sinceExposure: fc.option(fc.constantFrom(0, -1, DAY - 1, DAY, 2 * DAY, 3 * DAY - 1, 3 * DAY), { freq: 2 }),
        }),
        { maxLength: 120 },
      ),
    }),
  )
  .map(({ metrics, exposures, events }) => {
    const exposedAt = new Map<string, number>(exposures.map((x) => [x.unit, x.exposedAt]));
    return {
      metrics,
      exposures,
      events: events.map(({ sinceExposure, ...event }) => {
        const anchor = exposedAt.get(event.unit);
        return anchor === undefined || sinceExposure === null ? event : { ...event, occurredAt: anchor + sinceExposure };
      }),
    };
  });

describe('experiment results in SQL', () => {
  it('match the in-memory oracle exactly on generated exposures and events', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(experiment, async ({ metrics, exposures, events }) => {
        const flag = `flag-${++run}`;
        // Units and events of their own per run, as if the flag had its own traffic.
        const mine = (unit: string) => `${flag}/${unit}`;
        const x = exposures.map((e) => ({ ...e, unit: mine(e.unit) }));
        const ev = events.map((e) => ({ ...e, unit: mine(e.unit) }));
        await store(flag, x, ev);
        const got = await queryMetricStatistics(db, { environmentId, flag, variants: VARIANTS, start: new Date(START), end: new Date(END), metrics });
        const want = metrics.map((m) => metricStatistics(m, x, ev, { start: START, end: END, variants: VARIANTS }));
        expect(got).toEqual(want);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('count units without events, at value 0, on the day they were first exposed', async () => {
    const exposures = [
      { unit: 'quiet-1', variant: 'off', exposedAt: START + 1000 },
      { unit: 'quiet-2', variant: 'on', exposedAt: START + DAY + 1000 },
      { unit: 'buyer', variant: 'on', exposedAt: START + DAY + 2000 },
    ];
    const events = [{ unit: 'buyer', name: 'purchase', properties: { amount: 10 }, occurredAt: START + DAY + 3000 }];
    await store('quiet', exposures, events);
    const revenue: MetricDefinition = { kind: 'mean', event: 'purchase', where: [], windowDays: 7, property: 'amount' };
    const [stats] = await queryMetricStatistics(db, { environmentId, flag: 'quiet', variants: VARIANTS, start: new Date(START), end: new Date(END), metrics: [revenue] });
    expect(stats).toEqual([
      { variant: 'off', total: { type: 'mean', n: 1, sum: 0, sumSquares: 0 }, days: [{ day: '2026-03-01', stats: { type: 'mean', n: 1, sum: 0, sumSquares: 0 } }] },
      { variant: 'on', total: { type: 'mean', n: 2, sum: 10, sumSquares: 100 }, days: [{ day: '2026-03-02', stats: { type: 'mean', n: 2, sum: 10, sumSquares: 100 } }] },
    ]);
  });
});
