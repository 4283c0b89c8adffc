import { type TrackedEvent, type UnitExposure, exposedUnits, metricStatistics } from '@dial/core/experiments';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db.js';
import { prepareDatabase } from '../server.js';
import { type TestDatabase, testDatabase } from '../test-support.js';
import { type UnitValuesQuery, queryMetricStatistics } from './results-query.js';
import { DAY, END, START, VARIANTS, asComputed, experimentDataArbitrary, storeResultsData } from './test-results-data.js';
import { buildUnitValues, dropUnitValues, keptStatistics, refreshUnitValues, valueSetIsCurrent } from './unit-value-sets.js';

/*
 * Results read from kept unit values against the results computed from the
 * events, and both against core's reference, on generated experiments: the
 * same numbers after the values are built, after more exposures and events
 * arrive and they are refreshed, and after some are deleted; for a running
 * experiment (values open at the end) asked at the end and earlier, and for
 * a stopped one (values up to the stop).
 */

const SEED = 20261124;
const RUNS = 40;

let database: TestDatabase;
let db: Database;
let environmentId: number;
let projectId: number;
beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  await prepareDatabase(db, undefined);
  const { rows } = await db.query<{ id: number; project_id: number }>("SELECT id, project_id FROM environments WHERE key = 'production'");
  environmentId = Number(rows[0]!.id);
  projectId = Number(rows[0]!.project_id);
});
afterAll(async () => database.cleanup());

/** An experiment row for the set to belong to; the sets' functions read nothing else of it. */
async function experimentRow(flag: string): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO experiments (project_id, key, name, flag_key, environment_id, control_variant, treatment_variants)
     VALUES ($1, $2, $2, $2, $3, 'off', ARRAY['on']) RETURNING id`,
    [projectId, flag, environmentId],
  );
  return Number(rows[0]!.id);
}

describe('kept unit values', () => {
  it('give the results the events give, and core’s reference, after building, refreshing and deleting', async () => {
    let run = 0;
    let completions = 0;
    await fc.assert(
      fc.asyncProperty(
        experimentDataArbitrary,
        fc.nat(),
        fc.boolean(),
        fc.nat(),
        async ({ metrics, exposures, events }, split, stopped, pick) => {
          const flag = `kept-${++run}`;
          const experimentId = await experimentRow(flag);
          // Units and events of their own per run, as if the flag had its own traffic.
          const mine = (key: string) => `${flag}/${key}`;
          const allExposures: UnitExposure[] = exposures.map((e) => ({ ...e, unit: mine(e.unit) }));
          const allEvents: TrackedEvent[] = events.map((e) => ({ ...e, unit: mine(e.unit), id: mine(e.id) }));
          const exposuresBefore = allExposures.slice(0, split % (allExposures.length + 1));
          const eventsBefore = allEvents.slice(0, split % (allEvents.length + 1));
          // A running experiment's results are also asked to end at one of its instants: some units then reach the end exactly.
          const instants = [...allEvents.map((e) => e.occurredAt), ...allExposures.map((x) => x.exposedAt)].filter((at) => at > START);
          const earlier = instants[pick % Math.max(1, instants.length)] ?? START + 2 * DAY;
          const kept: UnitValuesQuery = { environmentId, flag, variants: VARIANTS, start: new Date(START), end: stopped ? new Date(END) : null, metrics };

          const check = async (exposures: readonly UnitExposure[], events: readonly TrackedEvent[]) => {
            for (const end of stopped ? [END] : [END, earlier]) {
              const direct = await queryMetricStatistics(db, { ...kept, end: new Date(end) });
              expect((await keptStatistics(db, experimentId, kept, new Date(end)))?.statistics).toEqual(direct);
              const window = { start: START, end, variants: VARIANTS };
              const reference = metrics.map((metric) => metricStatistics(metric, exposures, events, window));
              expect(direct).toEqual({ units: exposedUnits(exposures, window), metrics: asComputed(metrics, reference) });
              metrics.forEach((metric, i) => {
                const arms = reference[i]!;
                if (metric.kind === 'journeyDuration') completions += arms.reduce((n, arm) => n + arm.total.n, 0);
                if (metric.kind === 'journeyConversion') completions += arms.reduce((n, arm) => n + (arm.total.type === 'proportion' ? arm.total.conversions : 0), 0);
              });
            }
          };

          await storeResultsData(db, environmentId, flag, exposuresBefore, eventsBefore);
          const counted = exposuresBefore.filter((x) => VARIANTS.includes(x.variant) && x.exposedAt >= START && (!stopped || x.exposedAt < END));
          expect(await buildUnitValues(db, experimentId, kept)).toBe(counted.length);
          expect(await buildUnitValues(db, experimentId, kept)).toBe(0);
          await check(exposuresBefore, eventsBefore);

          // The rest arrives: half taken in by a refresh, half by the results' own.
          const exposuresAfter = allExposures.slice(exposuresBefore.length);
          const eventsAfter = allEvents.slice(eventsBefore.length);
          const half = Math.floor(eventsAfter.length / 2);
          await storeResultsData(db, environmentId, flag, exposuresAfter, eventsAfter.slice(0, half));
          expect(await refreshUnitValues(db, experimentId, kept)).not.toBeNull();
          await storeResultsData(db, environmentId, flag, [], eventsAfter.slice(half));
          await check(allExposures, allEvents);

          // Some events and an exposure are deleted, as retention would.
          const gone = new Set(allEvents.filter((_e, i) => i % 3 === split % 3).map((e) => e.id));
          const goneUnit = allExposures[split % Math.max(1, allExposures.length)]?.unit;
          await db.query('DELETE FROM events WHERE environment_id = $1 AND event_id = ANY($2::text[])', [environmentId, [...gone]]);
          await db.query('DELETE FROM first_exposures WHERE environment_id = $1 AND flag_key = $2 AND unit_key = $3', [environmentId, flag, goneUnit ?? '']);
          await check(
            allExposures.filter((x) => x.unit !== goneUnit),
            allEvents.filter((e) => !gone.has(e.id)),
          );

          if (stopped) expect(await keptStatistics(db, experimentId, kept, new Date(END + 1))).toBeNull();
          await dropUnitValues(db, experimentId);
          expect(await valueSetIsCurrent(db, experimentId, kept)).toBe(false);
          expect(await keptStatistics(db, experimentId, kept, new Date(END))).toBeNull();
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    // Journeys are completed often enough for the comparison to mean something.
    expect(completions).toBeGreaterThan(40);
  }, 300_000);

  it('are built again when the experiment follows another definition, and refreshed only when current', async () => {
    const flag = 'redefined';
    const experimentId = await experimentRow(flag);
    const purchase = { kind: 'conversion' as const, event: 'a', where: [], windowDays: 3 };
    const running: UnitValuesQuery = { environmentId, flag, variants: VARIANTS, start: new Date(START), end: null, metrics: [purchase] };
    await storeResultsData(db, environmentId, flag, [{ unit: 'r1', variant: 'on', exposedAt: START + 1000 }], [{ id: 'r1/a', unit: 'r1', name: 'a', properties: {}, occurredAt: START + 2000 }]);
    expect(await buildUnitValues(db, experimentId, running)).toBe(1);
    const stopped = { ...running, end: new Date(START + 1500) };
    expect(await refreshUnitValues(db, experimentId, stopped)).toBeNull();
    expect(await keptStatistics(db, experimentId, stopped, new Date(START + 1500))).toBeNull();
    expect(await buildUnitValues(db, experimentId, stopped)).toBe(1);
    expect(await valueSetIsCurrent(db, experimentId, running)).toBe(false);
    const { units, metrics } = (await keptStatistics(db, experimentId, stopped, new Date(START + 1500)))!.statistics;
    // The purchase came after the stop: the unit counts, unconverted.
    expect(units).toEqual([
      { variant: 'off', units: 0 },
      { variant: 'on', units: 1 },
    ]);
    expect(metrics[0]![1]!.total).toEqual({ type: 'proportion', n: 1, conversions: 0 });
  });
});
