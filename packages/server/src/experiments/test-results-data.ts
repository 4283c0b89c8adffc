/**
 * Generated experiments for the results' tests: metrics of every kind with
 * every filter operator, and exposures and events crowding the boundaries
 * (the start, the end, each unit's exposure and window edges), stored as
 * ingestion stores them.
 */
import type { MetricDefinition, PropertyFilter, TrackedEvent, UnitExposure } from '@dial/core/experiments';
import fc from 'fast-check';
import type { Queryable } from '../platform/db.js';

export const DAY = 86_400_000;
export const START = Date.parse('2026-03-01T06:00:00Z');
export const END = START + 4 * DAY;
export const VARIANTS = ['off', 'on'];

/** Writes exposures and events as ingestion stores them, under a flag of their own; event ids are `<flag>/<batch>/<n>`. */
export async function storeResultsData(
  db: Queryable,
  environmentId: number,
  flag: string,
  exposures: readonly UnitExposure[],
  events: readonly TrackedEvent[],
  batch = 'a',
): Promise<void> {
  await db.query(
    `INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id)
     SELECT $1, $2, unit, variant, at, $2 || '/' || unit FROM unnest($3::text[], $4::text[], $5::timestamptz[]) AS u(unit, variant, at)`,
    [environmentId, flag, exposures.map((x) => x.unit), exposures.map((x) => x.variant), exposures.map((x) => new Date(x.exposedAt).toISOString())],
  );
  await db.query(
    `INSERT INTO events (environment_id, event_id, type, name, unit_key, properties, occurred_at, received_at)
     SELECT $1, $2 || '/' || $3 || '/' || ordinality, 'track', name, unit, properties::jsonb, at, now()
       FROM unnest($4::text[], $5::text[], $6::text[], $7::timestamptz[]) WITH ORDINALITY AS u(name, unit, properties, at)`,
    [
      environmentId,
      flag,
      batch,
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
export const metricArbitrary: fc.Arbitrary<MetricDefinition> = fc.oneof(
  fc.record({ kind: fc.constant('conversion' as const), event: fc.constantFrom('a', 'b'), where: fc.array(filter, { maxLength: 2 }), windowDays: fc.integer({ min: 1, max: 3 }) }),
  fc.record(
    { kind: fc.constant('mean' as const), event: fc.constantFrom('a', 'b', 'c'), where: fc.array(filter, { maxLength: 2 }), windowDays: fc.integer({ min: 1, max: 3 }), property: fc.constantFrom('amount', 'p') },
    { requiredKeys: ['kind', 'event', 'where', 'windowDays'] },
  ),
);
const instant = (from: number, to: number) => fc.integer({ min: from, max: to - 1 });

/** Up to 40 units (u0…) with their first exposures, events of theirs and of a few unexposed units, and 1 to 5 metrics. */
export const experimentDataArbitrary: fc.Arbitrary<{ metrics: MetricDefinition[]; exposures: UnitExposure[]; events: TrackedEvent[] }> = fc
  .record({ units: fc.integer({ min: 0, max: 40 }), metrics: fc.array(metricArbitrary, { minLength: 1, maxLength: 5 }) })
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
