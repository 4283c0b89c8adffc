import { type MetricDefinition, type TrackedEvent, type UnitExposure, metricStatistics } from '@dial/core/experiments';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db.js';
import { prepareDatabase } from '../server.js';
import { type TestDatabase, testDatabase } from '../test-support.js';
import { queryMetricStatistics } from './results-query.js';
import { DAY, END, START, VARIANTS, experimentDataArbitrary, storeResultsData } from './test-results-data.js';

const SEED = 20261123;

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

const store = (flag: string, exposures: readonly UnitExposure[], events: readonly TrackedEvent[]) => storeResultsData(db, environmentId, flag, exposures, events);

describe('experiment results in SQL', () => {
  it('match the in-memory oracle exactly on generated exposures and events', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(experimentDataArbitrary, async ({ metrics, exposures, events }) => {
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
