import { type AnalyticsEvent, type FirstExposure, funnelOf, usageOf } from '@dial/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckSession, EVENT_COLUMNS, EXPOSURE_COLUMNS, loadDuckDb } from './duckdb-reference.js';
import { FLAG, STEPS, VARIANTS } from './event-generator.js';
import { countsOfAnswer, countsOfRows, funnelDifferences, funnelSql, usageDifferences, usageOfAnswer, usageOfRows, usageSql } from './reference-queries.js';

describe('comparing answers', () => {
  it('names each step and group that differs, a missing group counting as none', () => {
    const expected = countsOfRows([
      { variant: 'control', step0: 10, step1: 5, step2: 2, step3: 1 },
      { variant: 'treatment', step0: '12', step1: '6', step2: '3', step3: '2' },
    ]);
    expect(expected.get('(all)')).toEqual([22, 11, 5, 3]);
    const answer = {
      total: { value: null, steps: [22, 11, 5, 3].map((units) => ({ units })) },
      groups: [
        { value: 'control', steps: [10, 5, 2, 1].map((units) => ({ units })) },
        { value: 'treatment', steps: [12, 6, 3, 2].map((units) => ({ units })) },
      ],
    };
    expect(funnelDifferences(countsOfAnswer(answer), expected)).toEqual([]);
    const wrong = { ...answer, groups: [{ value: 'control', steps: [10, 5, 3, 1].map((units) => ({ units })) }] };
    expect(funnelDifferences(countsOfAnswer(wrong), expected)).toEqual([
      'control step 2 (checkout): 3 ≠ 2',
      'treatment step 0 (view_product): 0 ≠ 12',
      'treatment step 1 (add_to_cart): 0 ≠ 6',
      'treatment step 2 (checkout): 0 ≠ 3',
      'treatment step 3 (purchase): 0 ≠ 2',
    ]);
  });

  it('compares usage per event and day, days with nothing left out of the answer', () => {
    const expected = usageOfRows([
      { name: 'purchase', day: null, units: 3, events: 4 },
      { name: 'purchase', day: '2026-11-07', units: 3, events: 4 },
    ]);
    const answer = (units: number) => ({
      series: [
        {
          event: 'purchase',
          total: {
            units: 3,
            events: 4,
            days: [
              { date: '2026-11-07', units, events: 4 },
              { date: '2026-11-08', units: 0, events: 0 },
            ],
          },
        },
      ],
    });
    expect(usageDifferences(usageOfAnswer(answer(3)), expected)).toEqual([]);
    expect(usageDifferences(usageOfAnswer(answer(2)), expected)).toEqual(['purchase 2026-11-07: 2 units, 4 events ≠ 3 units, 4 events']);
  });
});

/*
 * The plain SQL against core's reference, the rule Dial's answers follow, on
 * generated events in DuckDB (in this process): few units and coarse
 * instants, so that ties, steps out of order, events at the edges of the
 * range and of the window, and exposures on either side of entry come up.
 */
const duckdb = await loadDuckDb();
const MINUTE_MS = 60_000;
const FROM = Date.UTC(2026, 10, 7);
const TO = FROM + 600 * MINUTE_MS;
const WINDOW_SECONDS = 120 * 60;
const UNITS = ['user-1', 'user-2', 'user-3', 'user-4', 'user-5'];
/** Instants on a half-hour grid: the window is four slots, so that ties and events exactly at its end are common. */
const minute = fc.integer({ min: -2, max: 24 }).map((slot) => FROM + slot * 30 * MINUTE_MS);
const trackedEvent = fc.record({ name: fc.constantFrom(...STEPS, STEPS[0], 'search'), unitKey: fc.constantFrom(...UNITS), at: minute });
const exposure = fc.record({ unitKey: fc.constantFrom(...UNITS), variant: fc.constantFrom(...VARIANTS), at: minute });

describe.skipIf('error' in duckdb)('the plain SQL, in DuckDB', () => {
  let session: DuckSession;
  beforeAll(async () => {
    if ('error' in duckdb) return;
    session = await DuckSession.open(duckdb.module, ':memory:');
    await session.run(`SET TimeZone = 'UTC'`);
    const columns = (types: Record<string, string>) => Object.entries(types).map(([name, type]) => `${name} ${type}`).join(', ');
    await session.run(`CREATE TABLE events (${columns(EVENT_COLUMNS)})`);
    await session.run(`CREATE TABLE first_exposures (${columns(EXPOSURE_COLUMNS)})`);
  });
  afterAll(() => session?.close());

  it("equals core's reference funnel and usage", async () => {
    const question = { environmentId: 1, from: FROM, to: TO, windowSeconds: WINDOW_SECONDS };
    await fc.assert(
      fc.asyncProperty(fc.array(trackedEvent, { maxLength: 30 }), fc.uniqueArray(exposure, { selector: (e) => e.unitKey }), async (tracked, exposures) => {
        const events: AnalyticsEvent[] = tracked.map((e, i) => ({
          id: `e${i}`,
          type: 'track',
          name: e.name,
          unitKey: e.unitKey,
          attributes: {},
          properties: {},
          atMicros: e.at * 1000,
        }));
        const firstExposures: FirstExposure[] = exposures.map((e) => ({ flagKey: FLAG, unitKey: e.unitKey, variant: e.variant, atMicros: e.at * 1000 }));
        await session.run('DELETE FROM events');
        await session.run('DELETE FROM first_exposures');
        // A second environment's events, which neither query may read.
        const rows = [...events.map((e) => `(1, '${e.unitKey}', 'track', '${e.name}', make_timestamp(${e.atMicros})::TIMESTAMPTZ)`), `(2, 'user-1', 'track', '${STEPS[0]}', make_timestamp(${(FROM + MINUTE_MS) * 1000})::TIMESTAMPTZ)`];
        await session.run(`INSERT INTO events VALUES ${rows.join(', ')}`);
        if (firstExposures.length > 0) {
          await session.run(
            `INSERT INTO first_exposures VALUES ${firstExposures.map((e) => `(1, '${FLAG}', '${e.unitKey}', '${e.variant}', make_timestamp(${e.atMicros})::TIMESTAMPTZ)`).join(', ')}`,
          );
        }
        const range = { fromMicros: FROM * 1000, toMicros: TO * 1000 };
        const journey = { key: 'checkout', steps: STEPS.map((event) => ({ event, label: event, filters: [] })), conversionWindowSeconds: WINDOW_SECONDS };
        const breakdown = { kind: 'flag' as const, key: FLAG };
        const reference = funnelOf({ journey, environment: 'production', range, breakdown, breakdownLimit: 5, events, firstExposures });
        expect(funnelDifferences(countsOfRows(await session.run(funnelSql(question))), countsOfAnswer(reference))).toEqual([]);
        const usage = usageOf({ environment: 'production', range, breakdown: null, breakdownLimit: 5, eventNames: STEPS, events, firstExposures });
        expect(usageDifferences(usageOfRows(await session.run(usageSql(question, STEPS))), usageOfAnswer(usage))).toEqual([]);
      }),
      { seed: 20261122, numRuns: 150 },
    );
  });
});

