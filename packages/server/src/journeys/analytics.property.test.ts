import {
  type AnalyticsEvent,
  type Breakdown,
  type FirstExposure,
  type JourneyDefinition,
  type PropertyFilter,
  conversionFromTallies,
  conversionOf,
  funnelFromTallies,
  funnelOf,
  usageEventsFrom,
  usageEventsOf,
  usageFromTallies,
  usageOf,
} from '@dial/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnvironment, findProject } from '../flags/projects.js';
import { type TestApp, testApp } from '../test-support.js';
import { conversionTallies, funnelTallies } from './funnel-query.js';
import { buildPaths, refreshPaths } from './journey-paths.js';
import { pathConversionTallies, pathFunnelTallies } from './path-funnel-query.js';
import { addEvents, storeEvents } from './test-events.js';
import { topEvents, usageTallies } from './usage-query.js';

/*
 * The SQL analyses against core's reference, on generated events: the same
 * answers, to the last digit, on both databases. The generators keep to few
 * names, units, properties and instants so that ties, repeated steps, events
 * just outside the range or window, and exposures on either side of entry
 * come up in most runs.
 */

const SEED = 20260110;
const RUNS = 60;

const T = Date.UTC(2026, 0, 10) * 1000;
const MINUTE = 60_000_000;
const SLOT = 97 * MINUTE;
/** Instants on a coarse grid over about a day and a half, some a microsecond or a millisecond apart: ties are common. */
const instant = fc
  .tuple(fc.integer({ min: -2, max: 20 }), fc.constantFrom(0, 0, 0, 0, 1, 1000, 999_999))
  .map(([slot, offset]) => T + slot * SLOT + offset);

const STEP_NAMES = ['view', 'cart', 'buy'];
const UNITS = ['u1', 'U2', 'é3', 'u4'];
const scalar = fc.constantFrom<string | number | boolean>('a', 'ba', 'A', 'é\u{1F600}', 1, 1.5, 1e21, 1.5e-7, true);
const anyValue = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [1], { a: 1 }) });
const record = fc.record({ p: anyValue, q: anyValue }, { requiredKeys: [] });

const property = fc.constantFrom('p', 'q');
const filter: fc.Arbitrary<PropertyFilter> = fc.oneof(
  fc.record({ property, operator: fc.constantFrom('eq' as const, 'neq' as const), value: scalar }),
  fc.record({
    property,
    operator: fc.constantFrom('in' as const, 'notIn' as const),
    value: fc.array(fc.constantFrom<string | number | boolean>('a', 'ba', 'é\u{1F600}', 1, 1.5, 1e21, true), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ property, operator: fc.constant('contains' as const), value: fc.constantFrom('a', 'b', '\u{1F600}') }),
  fc.record({ property, operator: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const), value: fc.constantFrom(0, 1, 1.5, 1e21, 1.5e-7) }),
  fc.record({ property, operator: fc.constant('exists' as const) }),
);
const filters = fc.oneof({ weight: 3, arbitrary: fc.constant<PropertyFilter[]>([]) }, { weight: 2, arbitrary: fc.array(filter, { minLength: 1, maxLength: 2 }) });

/** Two or three distinct steps, sometimes with one of them repeated later. */
const journey: fc.Arbitrary<JourneyDefinition> = fc
  .record({
    names: fc.shuffledSubarray(STEP_NAMES, { minLength: 2 }),
    repeat: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
    // Rarer on step 0, so that most runs have units entering.
    filters: fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constant<PropertyFilter[]>([]) }, { weight: 1, arbitrary: filters }), filters, filters, filters),
    conversionWindowSeconds: fc.constantFrom(60, 3 * 97 * 60, 3 * 97 * 60, 86_400, 604_800),
  })
  .map(({ names, repeat, filters, conversionWindowSeconds }) => {
    const events = repeat === undefined ? names : [...names, names[repeat % names.length]!];
    return { key: 'generated', steps: events.map((event, i) => ({ event, label: event, filters: filters[i]! })), conversionWindowSeconds };
  });

const ID_PREFIXES = ['a', 'B', '_', '-', '.', 'Z', '0', ':'];
const events: fc.Arbitrary<AnalyticsEvent[]> = fc
  .array(
    fc.record({
      prefix: fc.constantFrom(...ID_PREFIXES),
      type: fc.constantFrom<AnalyticsEvent['type']>('track', 'track', 'track', 'track', 'track', 'exposure'),
      name: fc.constantFrom(...STEP_NAMES, ...STEP_NAMES, 'Cart'),
      unitKey: fc.constantFrom(...UNITS),
      attributes: record,
      properties: record,
      atMicros: instant,
      // Another event of the same unit at the very same instant, a name and values of its own.
      twin: fc.option(fc.record({ prefix: fc.constantFrom(...ID_PREFIXES), name: fc.constantFrom(...STEP_NAMES), attributes: record, properties: record }), {
        nil: undefined,
        freq: 3,
      }),
    }),
    { minLength: 10, maxLength: 50, size: 'max' },
  )
  .map((list) =>
    list
      .flatMap(({ twin, ...event }) => (twin === undefined ? [event] : [event, { ...event, ...twin }]))
      .map(({ prefix, ...event }, i) => ({ id: `${prefix}${i}`, ...event })),
  );

const exposures: fc.Arbitrary<FirstExposure[]> = fc.uniqueArray(
  fc.record({ flagKey: fc.constantFrom('f', 'g'), unitKey: fc.constantFrom(...UNITS), variant: fc.constantFrom('on', 'off', 'B'), atMicros: instant }),
  { selector: (e) => `${e.flagKey} ${e.unitKey}`, maxLength: 8 },
);

const breakdown: fc.Arbitrary<Breakdown | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('flag' as const), key: fc.constantFrom('f', 'g') }),
  fc.record({ kind: fc.constantFrom('attribute' as const, 'property' as const), key: property }),
);

/** Ranges on the grid, sometimes a microsecond or a millisecond off it. */
const range = fc
  .tuple(fc.integer({ min: -2, max: 8 }), fc.integer({ min: 3, max: 20 }), fc.constantFrom(0, 0, 1, 1000))
  .map(([start, slots, offset]) => ({ fromMicros: T + start * SLOT + offset, toMicros: T + (start + slots) * SLOT }));

let t: TestApp;
let environmentId: number;
let journeyId: number;
beforeAll(async () => {
  t = await testApp();
  const project = (await findProject(t.db, 'default'))!;
  environmentId = (await findEnvironment(t.db, project.id, 'production'))!.id;
  const { rows } = await t.db.query<{ id: number }>(
    `INSERT INTO journeys (project_id, key, name, steps, conversion_window_seconds) VALUES ($1, 'generated', 'Generated', '[]', 60) RETURNING id`,
    [project.id],
  );
  journeyId = Number(rows[0]!.id);
});
afterAll(async () => t.close());

describe('the SQL analyses equal the reference', () => {
  it('funnels, conversion over time and usage, on generated events', async () => {
    await fc.assert(
      fc.asyncProperty(
        journey,
        events,
        exposures,
        range,
        breakdown,
        fc.integer({ min: 1, max: 3 }),
        async (journey, events, exposures, range, breakdown, breakdownLimit) => {
          await storeEvents(t.db, environmentId, events, exposures);
          const question = { journey, environment: 'production', range, breakdown };
          const input = { ...question, breakdownLimit, events, firstExposures: exposures };
          const query = { environmentId, journey, range, breakdown, breakdownLimit };

          expect(funnelFromTallies(question, await funnelTallies(t.db, query))).toEqual(funnelOf(input));
          expect(conversionFromTallies(question, await conversionTallies(t.db, query))).toEqual(conversionOf(input));

          const usageQuestion = { environment: 'production', range, breakdown, eventNames: ['cart', 'view', 'Cart', 'none'] };
          const usage = await usageTallies(t.db, { environmentId, range, breakdown, breakdownLimit, eventNames: usageQuestion.eventNames });
          expect(usageFromTallies(usageQuestion, usage)).toEqual(usageOf({ ...usageQuestion, breakdownLimit, events, firstExposures: exposures }));

          const listQuestion = { environment: 'production', range, limit: breakdownLimit + 1 };
          expect(usageEventsFrom(listQuestion, await topEvents(t.db, { environmentId, ...listQuestion }))).toEqual(usageEventsOf({ ...listQuestion, events }));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 300_000);

  it('funnels and conversion over time read from journey paths, built and then refreshed as events arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        journey,
        events,
        exposures,
        fc.nat(),
        range,
        breakdown,
        fc.integer({ min: 1, max: 3 }),
        async (journey, events, exposures, split, range, breakdown, breakdownLimit) => {
          // Some events and exposures are stored before the paths are built, the rest after; a few are then deleted.
          const before = events.slice(0, split % (events.length + 1));
          const exposuresBefore = exposures.slice(0, split % (exposures.length + 1));
          await storeEvents(t.db, environmentId, before, exposuresBefore);
          await t.db.query('UPDATE journeys SET steps = $2, conversion_window_seconds = $3 WHERE id = $1', [
            journeyId,
            JSON.stringify(journey.steps),
            journey.conversionWindowSeconds,
          ]);
          const key = { journeyId, environmentId };
          await buildPaths(t.db, key, journey);

          const question = { journey, environment: 'production', range, breakdown };
          const query = { journeyId, environmentId, journey, range, breakdown, breakdownLimit };
          const check = async (events: AnalyticsEvent[], firstExposures: FirstExposure[]) => {
            const input = { ...question, breakdownLimit, events, firstExposures };
            expect(funnelFromTallies(question, await pathFunnelTallies(t.db, query))).toEqual(funnelOf(input));
            expect(conversionFromTallies(question, await conversionTallies(t.db, query))).toEqual(conversionOf(input));
            expect(conversionFromTallies(question, await pathConversionTallies(t.db, query))).toEqual(conversionOf(input));
          };
          await check(before, exposuresBefore);

          await addEvents(t.db, environmentId, events.slice(before.length), exposures.slice(exposuresBefore.length));
          expect(await refreshPaths(t.db, key, journey)).not.toBeNull();
          await check(events, exposures);

          const kept = events.filter((_event, i) => i % 5 !== split % 5);
          await t.db.query('DELETE FROM events WHERE environment_id = $1 AND NOT event_id = ANY($2::text[])', [environmentId, kept.map((event) => event.id)]);
          await refreshPaths(t.db, key, journey);
          await check(kept, exposures);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 300_000);
});
