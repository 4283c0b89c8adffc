import { describe, expect, it } from 'vitest';
import type { FirstExposure } from './journey.js';
import { DAY, MINUTE, T0, track } from './test-events.js';
import { usageEventsOf, usageOf } from './usage.js';

const range = { fromMicros: T0, toMicros: T0 + 2 * DAY };
const events = [
  track('search', 'u1', 10, { properties: { source: 'nav' } }),
  track('search', 'u1', 20, { properties: { source: 'nav' } }),
  track('search', 'u2', 30, { properties: { source: 'home' } }),
  track('search', 'u1', 24 * 60 + 5, { properties: { source: 'home' } }),
  track('search', 'u3', 2 * 24 * 60),
  track('export', 'u2', 5),
  { ...track('search', 'u4', 5), type: 'exposure' as const },
  track('search', 'u5', -1),
];

describe('the reference feature usage', () => {
  it('counts distinct units and events per day and over the range, every day included', () => {
    const usage = usageOf({ environment: 'production', range, breakdown: null, eventNames: ['search', 'never'], breakdownLimit: 5, events, firstExposures: [] });
    expect(usage).toEqual({
      environment: 'production',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-03T00:00:00.000Z',
      breakdown: null,
      series: [
        {
          event: 'search',
          total: { units: 2, events: 4, days: [{ date: '2026-01-01', units: 2, events: 3 }, { date: '2026-01-02', units: 1, events: 1 }] },
          groups: [],
        },
        {
          event: 'never',
          total: { units: 0, events: 0, days: [{ date: '2026-01-01', units: 0, events: 0 }, { date: '2026-01-02', units: 0, events: 0 }] },
          groups: [],
        },
      ],
    });
  });

  it('breaks each event down by its own property value', () => {
    const usage = usageOf({ environment: 'production', range, breakdown: { kind: 'property', key: 'source' }, eventNames: ['search'], breakdownLimit: 1, events, firstExposures: [] });
    expect(usage.series[0]!.groups).toEqual([
      { value: 'home', label: 'home', units: 2, events: 2, days: [{ date: '2026-01-01', units: 1, events: 1 }, { date: '2026-01-02', units: 1, events: 1 }] },
      { value: '(other)', label: '(other)', units: 1, events: 2, days: [{ date: '2026-01-01', units: 1, events: 2 }, { date: '2026-01-02', units: 0, events: 0 }] },
    ]);
  });

  it('breaks events down by the variant their unit was first exposed to at or before each', () => {
    const exposures: FirstExposure[] = [{ flagKey: 'search-v2', unitKey: 'u1', variant: 'on', atMicros: T0 + 15 * MINUTE }];
    const usage = usageOf({ environment: 'production', range, breakdown: { kind: 'flag', key: 'search-v2' }, eventNames: ['search'], breakdownLimit: 5, events, firstExposures: exposures });
    expect(usage.series[0]!.groups.map((g) => [g.value, g.units, g.events])).toEqual([
      ['on', 1, 2],
      ['(none)', 2, 2],
    ]);
  });

  it('lists the most used events by units, then name', () => {
    const list = usageEventsOf({ environment: 'production', range, limit: 20, events: [...events, track('a-export', 'u9', 1)] });
    expect(list.events).toEqual([
      { name: 'search', units: 2, events: 4 },
      { name: 'a-export', units: 1, events: 1 },
      { name: 'export', units: 1, events: 1 },
    ]);
    expect(usageEventsOf({ environment: 'production', range, limit: 1, events }).events).toEqual([{ name: 'search', units: 2, events: 4 }]);
  });
});
