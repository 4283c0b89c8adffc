/**
 * Generated experiments for the results' tests: metrics of every kind with
 * every filter operator, journeys with repeated steps, and exposures and
 * events crowding the boundaries (the start, the end, each unit's exposure
 * and window edges, a journey's steps at one instant), stored as ingestion
 * stores them.
 */
import type { JourneyDefinition, JourneyStep } from '@dial/core';
import type { PropertyFilter, ResolvedMetric, TrackedEvent, UnitExposure, VariantStatistics } from '@dial/core/experiments';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Queryable } from '../platform/db.js';

export const DAY = 86_400_000;
export const START = Date.parse('2026-03-01T06:00:00Z');
export const END = START + 4 * DAY;
export const VARIANTS = ['off', 'on'];

/** Writes exposures and events as ingestion stores them, under a flag of their own. */
export async function storeResultsData(db: Queryable, environmentId: number, flag: string, exposures: readonly UnitExposure[], events: readonly TrackedEvent[]): Promise<void> {
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
/** Up to 40 units (u0…) with their first exposures, events of theirs and of a few unexposed units (some along the run's journeys), and 1 to 5 metrics of every kind. */
export const experimentDataArbitrary = fc
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
export function asComputed(metrics: readonly ResolvedMetric[], statistics: VariantStatistics[][]): unknown {
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
