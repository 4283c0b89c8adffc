import type { JourneyDefinition } from '@dial/core';
import {
  type EventMetric,
  type ResolvedMetric,
  type TrackedEvent,
  type UnitExposure,
  exposedUnits,
  metricStatistics,
} from '@dial/core/experiments';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db.js';
import { prepareDatabase } from '../server.js';
import { type TestDatabase, testDatabase } from '../test-support.js';
import { queryMetricStatistics } from './results-query.js';
import { DAY, END, START, VARIANTS, asComputed, experimentDataArbitrary, storeResultsData } from './test-results-data.js';

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
  it('match the in-memory oracle exactly on generated exposures and events, every kind of metric together', async () => {
    let run = 0;
    const completed = { journeyConversion: 0, journeyDuration: 0 };
    await fc.assert(
      fc.asyncProperty(experimentDataArbitrary, async ({ metrics, exposures, events }) => {
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
