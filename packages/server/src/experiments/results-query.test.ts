import type { JourneyDefinition, JourneyStep } from '@dial/core';
import {
  type EventMetric,
  type PropertyFilter,
  type ResolvedMetric,
  type TrackedEvent,
  type UnitExposure,
  type VariantStatistics,
  exposedUnits,
  metricStatistics,
} from '@dial/core/experiments';
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
     SELECT $1, id, 'track', name, unit, properties::jsonb, at, now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS u(id, name, unit, properties, at)`,
    [
      environmentId,
      events.map((e) => e.id),
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
// Journeys of two or three steps, names repeated now and then (one event never counts twice), windows from a minute to two days.
const journeyStep: fc.Arbitrary<JourneyStep> = fc
  .record({ event: fc.constantFrom('a', 'b', 'c'), filters: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.tuple(filter) }) })
  .map((step) => ({ event: step.event, label: step.event, filters: [...step.filters] }));
const journey: fc.Arbitrary<JourneyDefinition> = fc.record({
  key: fc.constant('j'),
  steps: fc.array(journeyStep, { minLength: 2, maxLength: 3 }),
  conversionWindowSeconds: fc.constantFrom(60, 3600, 86_400, 2 * 86_400),
});
const metric: fc.Arbitrary<ResolvedMetric> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('journeyConversion' as const, 'journeyDuration' as const), journey, windowDays: fc.integer({ min: 1, max: 3 }) }) },
  fc.record({ kind: fc.constant('conversion' as const), event: fc.constantFrom('a', 'b'), where: fc.array(filter, { maxLength: 2 }), windowDays: fc.integer({ min: 1, max: 3 }) }),
  fc.record(
    { kind: fc.constant('mean' as const), event: fc.constantFrom('a', 'b', 'c'), where: fc.array(filter, { maxLength: 2 }), windowDays: fc.integer({ min: 1, max: 3 }), property: fc.constantFrom('amount', 'p') },
    { requiredKeys: ['kind', 'event', 'where', 'windowDays'] },
  ),
);
const instant = (from: number, to: number) => fc.integer({ min: from, max: to - 1 });
const properties = fc.record({ p: fc.oneof(scalar, fc.constant(null)), amount: fc.oneof(amount, fc.constant('5')) }, { requiredKeys: [] });
const experiment = fc
  .record({ units: fc.integer({ min: 0, max: 40 }), metrics: fc.array(metric, { minLength: 1, maxLength: 5 }) })
  .chain(({ units, metrics }) =>
    fc.record({
      metrics: fc.constant(metrics),
      // Some units first exposed before the start or after the end, some to a variant not compared: all left out.
      exposures: fc.tuple(
        ...Array.from({ length: units }, (_, i) =>
          fc.record({
            unit: fc.constant(`u${i}`),
            variant: fc.constantFrom('off', 'on', 'on', 'off', 'other'),
            exposedAt: fc.oneof({ weight: 3, arbitrary: instant(START, END) }, { weight: 1, arbitrary: instant(START - DAY, END + DAY) }),
          }),
        ),
      ),
      events: fc.array(
        fc.record({
          unit: fc.integer({ min: 0, max: units + 3 }).map((i) => `u${i}`),
          name: fc.constantFrom('a', 'b', 'c', 'd'),
          properties,
          // Exactly at the start, the end or the unit's exposure and window edges now and then: boundaries are where off-by-ones hide.
          occurredAt: fc.oneof(instant(START - 2 * DAY, END + DAY), fc.constantFrom(START, END, END - 1, START + DAY)),
          sinceExposure: fc.option(fc.constantFrom(0, -1, DAY - 1, DAY, 2 * DAY, 3 * DAY - 1, 3 * DAY), { freq: 2 }),
        }),
        { maxLength: 80 },
      ),
      // A unit's events in a row along one of the run's journeys, a step's event now and then another: at the same
      // instant, a millisecond, a second, a minute or an hour apart, mostly from its exposure (sometimes across its
      // window's end), else anywhere.
      visits: fc.array(
        fc.record({
          unit: fc.integer({ min: 0, max: units + 1 }).map((i) => `u${i}`),
          sinceExposure: fc.option(
            fc.oneof({ weight: 2, arbitrary: fc.constantFrom(0, 1, 60_000) }, { weight: 1, arbitrary: fc.constantFrom(-1, DAY - 61_000, 2 * DAY - 1000, 3 * DAY - 3_600_000) }),
            { freq: 5 },
          ),
          at: instant(START - DAY, END + DAY),
          steps: fc.constantFrom(...metrics.flatMap((m) => ('journey' in m ? [m.journey.steps] : [])), [{ event: 'a' }, { event: 'b' }]).chain((path) =>
            fc.tuple(
              ...path.map((step) =>
                fc.record({
                  name: fc.oneof({ weight: 6, arbitrary: fc.constant(step.event) }, { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'c') }),
                  properties,
                  gap: fc.constantFrom(0, 0, 1, 1, 1000, 1000, 30_000, 60_000, 61_000, 3_600_000),
                }),
              ),
            ),
          ),
        }),
        { minLength: 10, maxLength: 30, size: 'max' },
      ),
    }),
  )
  .map(({ metrics, exposures, events, visits }) => {
    const exposedAt = new Map<string, number>(exposures.map((x) => [x.unit, x.exposedAt]));
    const anchored = (unit: string, sinceExposure: number | null, otherwise: number) => {
      const anchor = exposedAt.get(unit);
      return anchor === undefined || sinceExposure === null ? otherwise : anchor + sinceExposure;
    };
    const all = [
      ...events.map(({ sinceExposure, ...event }) => ({ ...event, occurredAt: anchored(event.unit, sinceExposure, event.occurredAt) })),
      ...visits.flatMap(({ unit, sinceExposure, at, steps }) => {
        let occurredAt = anchored(unit, sinceExposure, at);
        return steps.map(({ name, properties, gap }) => ({ unit, name, properties, occurredAt: (occurredAt += gap) }));
      }),
    ];
    // Ids in byte order are not the order of generation ('e10' < 'e9'): ties at one instant are broken by id, as the database does.
    return { metrics, exposures, events: all.map((event, i): TrackedEvent => ({ ...event, id: `e${i}` })) };
  });

/**
 * The oracle's statistics with a journey duration's sums to 12 significant
 * digits: the database adds exact decimal seconds, the oracle doubles.
 */
function asComputed(metrics: readonly ResolvedMetric[], statistics: VariantStatistics[][]): unknown {
  const near = (value: number) => (value === 0 ? 0 : expect.closeTo(value, 11 - Math.floor(Math.log10(Math.abs(value)))));
  return statistics.map((variants, i) =>
    metrics[i]!.kind !== 'journeyDuration'
      ? variants
      : variants.map((variant) => {
          const approximate = (stats: VariantStatistics['total']) => (stats.type === 'mean' ? { ...stats, sum: near(stats.sum), sumSquares: near(stats.sumSquares) } : stats);
          return { ...variant, total: approximate(variant.total), days: variant.days.map((day) => ({ ...day, stats: approximate(day.stats) })) };
        }),
  );
}

describe('experiment results in SQL', () => {
  it('match the in-memory oracle exactly on generated exposures and events, every kind of metric together', async () => {
    let run = 0;
    const completed = { journeyConversion: 0, journeyDuration: 0 };
    await fc.assert(
      fc.asyncProperty(experiment, async ({ metrics, exposures, events }) => {
        const flag = `flag-${++run}`;
        // Units and events of their own per run, as if the flag had its own traffic.
        const mine = (key: string) => `${flag}/${key}`;
        const x = exposures.map((e) => ({ ...e, unit: mine(e.unit) }));
        const ev = events.map((e) => ({ ...e, unit: mine(e.unit), id: mine(e.id) }));
        await store(flag, x, ev);
        const window = { start: START, end: END, variants: VARIANTS };
        const got = await queryMetricStatistics(db, { environmentId, flag, variants: VARIANTS, start: new Date(START), end: new Date(END), metrics });
        const want = metrics.map((m) => metricStatistics(m, x, ev, window));
        expect(got).toEqual({ units: exposedUnits(x, window), metrics: asComputed(metrics, want) });
        metrics.forEach((m, i) => {
          if (m.kind === 'journeyConversion') completed.journeyConversion += want[i]!.reduce((n, arm) => n + (arm.total.type === 'proportion' ? arm.total.conversions : 0), 0);
          if (m.kind === 'journeyDuration') completed.journeyDuration += want[i]!.reduce((n, arm) => n + arm.total.n, 0);
        });
      }),
      { seed: SEED, numRuns: 60 },
    );
    // The generated journeys are completed often enough for the comparison to mean something.
    expect(completed.journeyConversion).toBeGreaterThan(40);
    expect(completed.journeyDuration).toBeGreaterThan(40);
  });

  it('count units without events, at value 0, on the day they were first exposed', async () => {
    const exposures = [
      { unit: 'quiet-1', variant: 'off', exposedAt: START + 1000 },
      { unit: 'quiet-2', variant: 'on', exposedAt: START + DAY + 1000 },
      { unit: 'buyer', variant: 'on', exposedAt: START + DAY + 2000 },
    ];
    const events = [{ id: 'quiet/1', unit: 'buyer', name: 'purchase', properties: { amount: 10 }, occurredAt: START + DAY + 3000 }];
    await store('quiet', exposures, events);
    const revenue: EventMetric = { kind: 'mean', event: 'purchase', where: [], windowDays: 7, property: 'amount' };
    const {
      metrics: [stats],
    } = await queryMetricStatistics(db, { environmentId, flag: 'quiet', variants: VARIANTS, start: new Date(START), end: new Date(END), metrics: [revenue] });
    expect(stats).toEqual([
      { variant: 'off', total: { type: 'mean', n: 1, sum: 0, sumSquares: 0 }, days: [{ day: '2026-03-01', stats: { type: 'mean', n: 1, sum: 0, sumSquares: 0 } }] },
      { variant: 'on', total: { type: 'mean', n: 2, sum: 10, sumSquares: 100 }, days: [{ day: '2026-03-02', stats: { type: 'mean', n: 2, sum: 10, sumSquares: 100 } }] },
    ]);
  });

  it('take a journey’s events at one instant in id order, in byte order, one event never counting for two steps', async () => {
    // Two clicks at one instant could each enter; the one with the smaller id does, and only the other may be the second step.
    const clicks: JourneyDefinition = {
      key: 'clicks',
      steps: [
        { event: 'click', label: 'first', filters: [{ property: 'first', operator: 'exists' }] },
        { event: 'click', label: 'second', filters: [{ property: 'second', operator: 'exists' }] },
      ],
      conversionWindowSeconds: 60,
    };
    const at = START + 5000;
    const exposures = [
      { unit: 'ties/u1', variant: 'off', exposedAt: START },
      { unit: 'ties/u2', variant: 'on', exposedAt: START },
      { unit: 'ties/u3', variant: 'on', exposedAt: START },
    ];
    const both = { first: 1, second: 1 };
    const events: TrackedEvent[] = [
      // u1: the click that has both properties comes first ('B' < 'a' in byte order), so the second step finds none.
      { id: 'ties/u1/a', unit: 'ties/u1', name: 'click', properties: { first: 1 }, occurredAt: at },
      { id: 'ties/u1/B', unit: 'ties/u1', name: 'click', properties: both, occurredAt: at },
      // u2: the other way round, so it completes in 0 seconds.
      { id: 'ties/u2/a', unit: 'ties/u2', name: 'click', properties: both, occurredAt: at },
      { id: 'ties/u2/B', unit: 'ties/u2', name: 'click', properties: { first: 1 }, occurredAt: at },
      // u3: one click cannot be both steps.
      { id: 'ties/u3/1', unit: 'ties/u3', name: 'click', properties: both, occurredAt: at },
    ];
    await store('ties', exposures, events);
    const metrics: ResolvedMetric[] = [
      { kind: 'journeyConversion', journey: clicks, windowDays: 1 },
      { kind: 'journeyDuration', journey: clicks, windowDays: 1 },
    ];
    const window = { start: START, end: END, variants: VARIANTS };
    const got = await queryMetricStatistics(db, { environmentId, flag: 'ties', variants: VARIANTS, start: new Date(START), end: new Date(END), metrics });
    expect(got.metrics).toEqual(metrics.map((m) => metricStatistics(m, exposures, events, window)));
    expect(got.metrics.map((arms) => arms.map((arm) => arm.total))).toEqual([
      [
        { type: 'proportion', n: 1, conversions: 0 },
        { type: 'proportion', n: 2, conversions: 1 },
      ],
      [
        { type: 'mean', n: 0, sum: 0, sumSquares: 0 },
        { type: 'mean', n: 1, sum: 0, sumSquares: 0 },
      ],
    ]);
  });
});
