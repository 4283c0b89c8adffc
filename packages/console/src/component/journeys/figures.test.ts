import { describe, expect, it } from 'vitest';
import { type FunnelGroup, cohortSeries, completed, entered, shares, stepSeries, timeSeries } from './figures';

const step = (index: number, units: number, conversionFromFirst: number | null) => ({
  index,
  event: `e${index}`,
  label: `Step ${index + 1}`,
  units,
  conversionFromPrevious: null,
  conversionFromFirst,
  dropOff: 0,
  dropOffRate: null,
  medianSecondsFromFirst: null,
  p90SecondsFromFirst: null,
});
const buckets = (...units: number[]) => units.map((n, i) => ({ fromSeconds: i * 60, toSeconds: i === units.length - 1 ? null : (i + 1) * 60, units: n }));
const on: FunnelGroup = { value: 'on', label: 'on', steps: [step(0, 10, 1), step(1, 4, 0.4)], timeToConvert: buckets(1, 3) };
const off: FunnelGroup = { value: 'off', label: 'off', steps: [step(0, 20, 1), step(1, 2, 0.1)], timeToConvert: buckets(2, 0) };

describe('the journey page figures', () => {
  it('counts entered and completed units', () => {
    expect(entered(on)).toBe(10);
    expect(completed(on)).toBe(4);
    expect(entered({ steps: [] })).toBe(0);
  });

  it('shares time-to-convert buckets among converters, none when nobody converted', () => {
    expect(shares(buckets(1, 3))).toEqual([0.25, 0.75]);
    expect(shares(buckets(0, 0))).toEqual([null, null]);
  });

  it('compares groups by their conversion from the first step', () => {
    expect(stepSeries([on, off])).toEqual([
      { name: 'on', values: [1, 0.4] },
      { name: 'off', values: [1, 0.1] },
    ]);
  });

  it('draws time to convert in units for one group and in shares for several', () => {
    expect(timeSeries([on])).toEqual([{ name: 'on', values: [1, 3] }]);
    expect(timeSeries([on, off])).toEqual([
      { name: 'on', values: [0.25, 0.75] },
      { name: 'off', values: [1, 0] },
    ]);
  });

  it("draws each cohort day's conversion, leaving days nobody entered empty", () => {
    const days = [
      { date: '2026-06-01', entered: 4, completed: 1, conversionRate: 0.25 },
      { date: '2026-06-02', entered: 0, completed: 0, conversionRate: null },
    ];
    expect(cohortSeries([{ value: null, label: 'All users', days }])).toEqual([{ name: 'All users', values: [0.25, null] }]);
  });
});
