import { describe, expect, it } from 'vitest';
import { conversionOf } from './conversion.js';
import { funnelOf } from './funnel.js';
import type { AnalyticsEvent, Breakdown, FirstExposure, JourneyDefinition } from './journey.js';
import { DAY, MINUTE, T0, journeyOf, step, track } from './test-events.js';

const range = { fromMicros: T0, toMicros: T0 + 7 * DAY };

function funnel(journey: JourneyDefinition, events: AnalyticsEvent[], options: { breakdown?: Breakdown; limit?: number; firstExposures?: FirstExposure[] } = {}) {
  return funnelOf({
    journey,
    environment: 'production',
    range,
    breakdown: options.breakdown ?? null,
    breakdownLimit: options.limit ?? 5,
    events,
    firstExposures: options.firstExposures ?? [],
  });
}

const unitsOf = (result: ReturnType<typeof funnel>) => result.total.steps.map((s) => s.units);

describe('the reference funnel', () => {
  it('counts units per step with conversions, drop-off and times from entry', () => {
    const journey = journeyOf(['view', 'cart', 'buy']);
    const events = [
      track('view', 'u1', 0),
      track('cart', 'u1', 2),
      track('buy', 'u1', 10),
      track('view', 'u2', 5),
      track('cart', 'u2', 9),
      track('view', 'u3', 1),
      track('cart', 'u4', 1),
    ];
    const result = funnel(journey, events);
    expect(result).toMatchObject({ journey: 'checkout', environment: 'production', from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z', breakdown: null, groups: [] });
    expect(result.total.value).toBeNull();
    expect(result.total.label).toBe('All users');
    expect(result.total.steps).toEqual([
      { index: 0, event: 'view', label: 'view', units: 3, conversionFromPrevious: null, conversionFromFirst: 1, dropOff: 0, dropOffRate: null, medianSecondsFromFirst: 0, p90SecondsFromFirst: 0 },
      { index: 1, event: 'cart', label: 'cart', units: 2, conversionFromPrevious: 2 / 3, conversionFromFirst: 2 / 3, dropOff: 1, dropOffRate: 1 / 3, medianSecondsFromFirst: 180, p90SecondsFromFirst: 228 },
      { index: 2, event: 'buy', label: 'buy', units: 1, conversionFromPrevious: 0.5, conversionFromFirst: 1 / 3, dropOff: 1, dropOffRate: 0.5, medianSecondsFromFirst: 600, p90SecondsFromFirst: 600 },
    ]);
    expect(result.total.timeToConvert.map((bucket) => bucket.units)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    expect(result.total.timeToConvert[0]).toEqual({ fromSeconds: 0, toSeconds: 60, units: 0 });
    expect(result.total.timeToConvert.at(-1)).toEqual({ fromSeconds: 259_200, toSeconds: null, units: 0 });
    expect(funnel(journey, [...events].reverse())).toEqual(result);
  });

  it('answers nulls where nobody entered', () => {
    const result = funnel(journeyOf(['view', 'cart']), [track('cart', 'u1', 1)]);
    expect(result.total.steps.map(({ units, conversionFromFirst, conversionFromPrevious, dropOffRate, medianSecondsFromFirst }) => ({ units, conversionFromFirst, conversionFromPrevious, dropOffRate, medianSecondsFromFirst }))).toEqual([
      { units: 0, conversionFromFirst: null, conversionFromPrevious: null, dropOffRate: null, medianSecondsFromFirst: null },
      { units: 0, conversionFromFirst: null, conversionFromPrevious: null, dropOffRate: null, medianSecondsFromFirst: null },
    ]);
  });

  it('enters a unit with its first step-0 event in the range, and lets later steps run past the range', () => {
    const journey = journeyOf(['view', 'buy']);
    const result = funnel(journey, [
      track('view', 'early', -1),
      track('buy', 'early', 30),
      track('view', 'u1', 7 * 24 * 60 - 1),
      track('buy', 'u1', 7 * 24 * 60 + 60),
      track('view', 'late', 7 * 24 * 60),
    ]);
    expect(unitsOf(result)).toEqual([1, 1]);
  });

  it('counts a later step only at or after the previous one, and within the window from entry', () => {
    const journey = journeyOf(['view', 'cart', 'buy'], 3600);
    const result = funnel(journey, [
      // cart before view does not count; the one after does.
      track('cart', 'u1', 0),
      track('view', 'u1', 1),
      track('cart', 'u1', 2),
      track('buy', 'u1', 61),
      // buy before cart does not count, and one past the window neither.
      track('view', 'u2', 0),
      track('buy', 'u2', 1),
      track('cart', 'u2', 2),
      { ...track('buy', 'u2', 60), atMicros: T0 + 60 * MINUTE + 1 },
      // exactly at the window's end counts
      track('view', 'u3', 0),
      track('cart', 'u3', 0),
      track('buy', 'u3', 60),
    ]);
    expect(unitsOf(result)).toEqual([3, 3, 2]);
  });

  it('takes the first entry, not a later one that would convert', () => {
    const journey = journeyOf(['view', 'buy'], 3600);
    expect(unitsOf(funnel(journey, [track('view', 'u1', 0), track('view', 'u1', 120), track('buy', 'u1', 121)]))).toEqual([1, 0]);
  });

  it('lets events at the same instant follow each other, in step order', () => {
    const journey = journeyOf(['view', 'cart', 'buy']);
    const same = [track('buy', 'u1', 5, { id: 'a' }), track('cart', 'u1', 5, { id: 'b' }), track('view', 'u1', 5, { id: 'c' })];
    const result = funnel(journey, same);
    expect(unitsOf(result)).toEqual([1, 1, 1]);
    expect(result.total.timeToConvert[0]!.units).toBe(1);
  });

  it('never counts one event for two steps', () => {
    const journey = journeyOf(['click', 'click', 'click']);
    expect(unitsOf(funnel(journey, [track('click', 'u1', 0)]))).toEqual([1, 0, 0]);
    expect(unitsOf(funnel(journey, [track('click', 'u1', 0), track('click', 'u1', 0)]))).toEqual([1, 1, 0]);
    expect(unitsOf(funnel(journey, [track('click', 'u1', 0), track('click', 'u1', 0), track('click', 'u1', 3)]))).toEqual([1, 1, 1]);
    const aba = journeyOf(['a', 'b', 'a']);
    expect(unitsOf(funnel(aba, [track('a', 'u1', 0), track('b', 'u1', 0)]))).toEqual([1, 1, 0]);
    expect(unitsOf(funnel(aba, [track('a', 'u1', 0), track('b', 'u1', 0), track('a', 'u1', 0)]))).toEqual([1, 1, 1]);
  });

  it('matches steps on their filters, and ignores exposures', () => {
    const journey = journeyOf([step('view', [{ property: 'page', operator: 'eq', value: 'product' }]), step('buy', [{ property: 'amount', operator: 'gte', value: 10 }])]);
    const result = funnel(journey, [
      track('view', 'u1', 0, { properties: { page: 'home' } }),
      track('view', 'u1', 1, { properties: { page: 'product' } }),
      track('buy', 'u1', 2, { properties: { amount: 5 } }),
      track('view', 'u2', 0, { properties: { page: 'product' } }),
      track('buy', 'u2', 3, { properties: { amount: 10 } }),
      { ...track('view', 'u3', 0, { properties: { page: 'product' } }), type: 'exposure' },
    ]);
    expect(unitsOf(result)).toEqual([2, 1]);
    expect(result.total.steps[1]!.medianSecondsFromFirst).toBe(180);
  });

  it('groups units by the variant of their first exposure at or before entry', () => {
    const journey = journeyOf(['view', 'buy']);
    const exposure = (unitKey: string, variant: string, minutes: number, flagKey = 'new-checkout'): FirstExposure => ({ flagKey, unitKey, variant, atMicros: T0 + minutes * MINUTE });
    const result = funnel(
      journey,
      [track('view', 'u1', 10), track('buy', 'u1', 11), track('view', 'u2', 10), track('view', 'u3', 10), track('view', 'u4', 10), track('buy', 'u4', 12)],
      {
        breakdown: { kind: 'flag', key: 'new-checkout' },
        firstExposures: [exposure('u1', 'on', 10), exposure('u2', 'on', 5), exposure('u3', 'off', 11), exposure('u4', 'off', 1, 'other-flag')],
      },
    );
    expect(result.breakdown).toEqual({ kind: 'flag', key: 'new-checkout' });
    expect(result.groups.map((g) => [g.value, g.label, g.steps.map((s) => s.units)])).toEqual([
      ['on', 'on', [2, 1]],
      ['(none)', '(none)', [2, 1]],
    ]);
  });

  it('groups units by their entry event\'s attribute, top values first, then (other) and (none)', () => {
    const journey = journeyOf(['view', 'buy']);
    const events = [
      ...['u1', 'u2', 'u3'].map((u) => track('view', u, 1, { attributes: { country: 'DE' } })),
      ...['u4', 'u5'].map((u) => track('view', u, 1, { attributes: { country: 'FR' } })),
      ...['u6', 'u7'].map((u) => track('view', u, 1, { attributes: { country: 'AT' } })),
      track('view', 'u8', 1, { attributes: { country: 'US' } }),
      track('view', 'u9', 1, { attributes: { country: null } }),
      track('view', 'u10', 1),
      // a later step-0 event's value does not matter
      track('view', 'u10', 2, { attributes: { country: 'DE' } }),
      track('buy', 'u8', 3),
    ];
    const result = funnel(journey, events, { breakdown: { kind: 'attribute', key: 'country' }, limit: 2 });
    expect(result.groups.map((g) => [g.value, g.steps[0]!.units, g.steps[1]!.units])).toEqual([
      ['DE', 3, 0],
      ['AT', 2, 0],
      ['(other)', 3, 1],
      ['(none)', 2, 0],
    ]);
  });

  it('groups by a property as PostgreSQL prints it; objects, arrays and nulls are (none)', () => {
    const journey = journeyOf(['view', 'buy']);
    const events = [
      track('view', 'u1', 1, { properties: { plan: 1e21 } }),
      track('view', 'u2', 1, { properties: { plan: true } }),
      track('view', 'u3', 1, { properties: { plan: ['a'] } }),
      track('view', 'u4', 1, { properties: { plan: 'pro' } }),
    ];
    const result = funnel(journey, events, { breakdown: { kind: 'property', key: 'plan' } });
    expect(result.groups.map((g) => g.value)).toEqual(['1000000000000000000000', 'pro', 'true', '(none)']);
  });

  it('takes the entry event with the smallest id among ties at the same instant', () => {
    const journey = journeyOf(['view', 'buy']);
    const events = [track('view', 'u1', 1, { id: 'b', attributes: { country: 'FR' } }), track('view', 'u1', 1, { id: 'B', attributes: { country: 'DE' } })];
    expect(funnel(journey, events, { breakdown: { kind: 'attribute', key: 'country' } }).groups.map((g) => g.value)).toEqual(['DE']);
  });

  it('sorts the time to convert into buckets', () => {
    const journey = journeyOf(['view', 'buy']);
    const minutes = [0, 0.99, 1, 4.99, 5, 15, 60, 360, 1440, 4320, 5000];
    const events = minutes.flatMap((m, i) => [track('view', `u${i}`, 0), track('buy', `u${i}`, m)]);
    expect(funnel(journey, events).total.timeToConvert.map((b) => b.units)).toEqual([2, 2, 1, 1, 1, 1, 1, 2]);
  });
});

describe('the reference conversion over time', () => {
  it('counts entries and completions by the UTC day of entry, every day of the range', () => {
    const journey = journeyOf(['view', 'buy']);
    const events = [
      track('view', 'u1', 10),
      track('buy', 'u1', 3 * 24 * 60),
      track('view', 'u2', 20, { attributes: { plan: 'pro' } }),
      track('view', 'u3', 2 * 24 * 60, { attributes: { plan: 'pro' } }),
      track('buy', 'u3', 2 * 24 * 60 + 5),
    ];
    const result = conversionOf({ journey, environment: 'production', range: { fromMicros: T0, toMicros: T0 + 3 * DAY + 1 }, breakdown: { kind: 'attribute', key: 'plan' }, breakdownLimit: 5, events, firstExposures: [] });
    expect(result.total.days).toEqual([
      { date: '2026-01-01', entered: 2, completed: 1, conversionRate: 0.5 },
      { date: '2026-01-02', entered: 0, completed: 0, conversionRate: null },
      { date: '2026-01-03', entered: 1, completed: 1, conversionRate: 1 },
      { date: '2026-01-04', entered: 0, completed: 0, conversionRate: null },
    ]);
    expect(result.groups.map((g) => [g.value, g.days.map((d) => d.entered)])).toEqual([
      ['pro', [1, 0, 1, 0]],
      ['(none)', [1, 0, 0, 0]],
    ]);
  });
});
