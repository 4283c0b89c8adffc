import { describe, expect, it } from 'vitest';
import type { JourneyDefinition } from '../analytics/journey.js';
import type { EventMetric, ResolvedMetric } from './metric.js';
import { type TrackedEvent, cumulative, exposedUnits, metricStatistics, unitValue, utcDay } from './oracle.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const T = Date.parse('2026-03-01T12:00:00Z');
let sequence = 0;
const event = (name: string, occurredAt: number, properties: Record<string, unknown> = {}, unit = 'u', id = `e${String(++sequence).padStart(4, '0')}`): TrackedEvent => ({
  id,
  unit,
  name,
  properties,
  occurredAt,
});
const purchase = (occurredAt: number, amount?: unknown, unit = 'u') => event('purchase', occurredAt, amount === undefined ? {} : { amount }, unit);

describe('a unit’s value', () => {
  const conversion: EventMetric = { kind: 'conversion', event: 'purchase', where: [], windowDays: 1 };
  const revenue: EventMetric = { kind: 'mean', event: 'purchase', where: [], windowDays: 2, property: 'amount' };
  const count: EventMetric = { kind: 'mean', event: 'purchase', where: [], windowDays: 2 };

  it('counts events from the exposure on, up to the end of the window, exclusive', () => {
    expect(unitValue(conversion, T, [purchase(T - 1)], Infinity)).toBe(0);
    expect(unitValue(conversion, T, [purchase(T)], Infinity)).toBe(1);
    expect(unitValue(conversion, T, [purchase(T + DAY - 1)], Infinity)).toBe(1);
    expect(unitValue(conversion, T, [purchase(T + DAY)], Infinity)).toBe(0);
  });

  it('stops at the end of the observation', () => {
    expect(unitValue(conversion, T, [purchase(T + 10)], T + 10)).toBe(0);
    expect(unitValue(conversion, T, [purchase(T + 9)], T + 10)).toBe(1);
  });

  it('sums a numeric property, ignoring other values, or counts the events', () => {
    const events = [purchase(T, 10.5), purchase(T + 1, '7'), purchase(T + 2), purchase(T + 3, 2), { ...purchase(T + 4, 100), name: 'refund' }];
    expect(unitValue(revenue, T, events, Infinity)).toBe(12.5);
    expect(unitValue(count, T, events, Infinity)).toBe(4);
  });

  it('applies the filters', () => {
    const big: EventMetric = { ...count, where: [{ property: 'amount', operator: 'gte', value: 10 }] };
    expect(unitValue(big, T, [purchase(T, 9), purchase(T, 10), purchase(T, 11)], Infinity)).toBe(2);
  });
});

describe('a unit’s journey', () => {
  const checkout: JourneyDefinition = {
    key: 'checkout',
    steps: [
      { event: 'view', label: 'view', filters: [] },
      { event: 'cart', label: 'cart', filters: [{ property: 'items', operator: 'gte', value: 1 }] },
      { event: 'buy', label: 'buy', filters: [] },
    ],
    conversionWindowSeconds: 3600,
  };
  const completed: ResolvedMetric = { kind: 'journeyConversion', journey: checkout, windowDays: 1 };
  const duration: ResolvedMetric = { kind: 'journeyDuration', journey: checkout, windowDays: 1 };
  const path = (at: number, items = 1) => [event('view', at), event('cart', at + MINUTE, { items }), event('buy', at + 2 * MINUTE + 500)];
  const both = (events: TrackedEvent[], end = Infinity) => [unitValue(completed, T, events, end), unitValue(duration, T, events, end)];

  it('completes it when every step follows in order, from the exposure on: 1, and the seconds from entry to the last step', () => {
    expect(both(path(T))).toEqual([1, 120.5]);
    expect(both(path(T + DAY - 2 * MINUTE - 501))).toEqual([1, 120.5]);
  });

  it('does not complete it without every step, in order, with their filters', () => {
    expect(both(path(T).slice(0, 2))).toEqual([0, null]);
    expect(both(path(T, 0))).toEqual([0, null]);
    expect(both([event('view', T), event('buy', T + MINUTE), event('cart', T + 2 * MINUTE, { items: 1 })])).toEqual([0, null]);
  });

  it('enters at or after the exposure only, and with its first step-0 event then: a later entry does not count', () => {
    expect(both([event('view', T - 1), ...path(T + MINUTE).slice(1)])).toEqual([0, null]);
    // Entered at T, missed the conversion window; the second view, which would have converted, enters nothing.
    expect(both([event('view', T), ...path(T + 2 * 3600_000)])).toEqual([0, null]);
  });

  it('needs every step within the metric’s window, the journey’s conversion window and before the end', () => {
    expect(both(path(T + DAY - 2 * MINUTE - 500))).toEqual([0, null]);
    expect(both([event('view', T), event('cart', T + 3600_000, { items: 1 }), event('buy', T + 3600_000 + 1)])).toEqual([0, null]);
    expect(both([event('view', T), event('cart', T + 3600_000, { items: 1 }), event('buy', T + 3600_000)])).toEqual([1, 3600]);
    expect(both(path(T), T + 2 * MINUTE + 500)).toEqual([0, null]);
    expect(both(path(T), T + 2 * MINUTE + 501)).toEqual([1, 120.5]);
  });

  it('takes events at one instant in id order, one event never counting for two steps', () => {
    const clicks: JourneyDefinition = {
      key: 'clicks',
      steps: [
        { event: 'click', label: 'first', filters: [{ property: 'first', operator: 'exists' }] },
        { event: 'click', label: 'second', filters: [{ property: 'second', operator: 'exists' }] },
      ],
      conversionWindowSeconds: 60,
    };
    const twice: ResolvedMetric = { kind: 'journeyDuration', journey: clicks, windowDays: 1 };
    // Both clicks could enter; the smaller id does, and the other is left for the second step.
    const a = event('click', T + 5, { first: 1, second: 1 }, 'u', 'a');
    const b = event('click', T + 5, { first: 1 }, 'u', 'b');
    expect(unitValue(twice, T, [b, a], Infinity)).toBeNull();
    expect(unitValue(twice, T, [{ ...b, id: 'c' }, { ...a, id: 'b' }], Infinity)).toBeNull();
    expect(unitValue(twice, T, [{ ...a, id: 'c' }, b], Infinity)).toBe(0);
  });

  it('count every exposed unit for a journey’s conversion, and only those that completed for its duration', () => {
    const exposures = [
      { unit: 'done', variant: 'on', exposedAt: T },
      { unit: 'idle', variant: 'on', exposedAt: T + DAY },
      { unit: 'late', variant: 'off', exposedAt: T },
    ];
    const events = [...path(T + MINUTE).map((e) => ({ ...e, unit: 'done' })), ...path(T + 2 * DAY).map((e) => ({ ...e, unit: 'late' }))];
    const window = { start: T, end: T + 3 * DAY, variants: ['off', 'on'] };
    expect(metricStatistics(completed, exposures, events, window)).toEqual([
      { variant: 'off', total: { type: 'proportion', n: 1, conversions: 0 }, days: [{ day: '2026-03-01', stats: { type: 'proportion', n: 1, conversions: 0 } }] },
      {
        variant: 'on',
        total: { type: 'proportion', n: 2, conversions: 1 },
        days: [
          { day: '2026-03-01', stats: { type: 'proportion', n: 1, conversions: 1 } },
          { day: '2026-03-02', stats: { type: 'proportion', n: 1, conversions: 0 } },
        ],
      },
    ]);
    expect(metricStatistics(duration, exposures, events, window)).toEqual([
      { variant: 'off', total: { type: 'mean', n: 0, sum: 0, sumSquares: 0 }, days: [] },
      { variant: 'on', total: { type: 'mean', n: 1, sum: 120.5, sumSquares: 120.5 ** 2 }, days: [{ day: '2026-03-01', stats: { type: 'mean', n: 1, sum: 120.5, sumSquares: 120.5 ** 2 } }] },
    ]);
    expect(exposedUnits(exposures, window)).toEqual([
      { variant: 'off', units: 1 },
      { variant: 'on', units: 2 },
    ]);
  });
});

describe('a metric’s statistics', () => {
  const conversion: EventMetric = { kind: 'conversion', event: 'purchase', where: [], windowDays: 7 };
  const window = { start: T, end: T + 3 * DAY, variants: ['off', 'on'] };

  it('count every unit first exposed in the window to a compared variant, by variant and UTC day', () => {
    const exposures = [
      { unit: 'a', variant: 'off', exposedAt: T },
      { unit: 'b', variant: 'on', exposedAt: T + DAY },
      { unit: 'c', variant: 'on', exposedAt: T + DAY + 1 },
      { unit: 'early', variant: 'on', exposedAt: T - 1 },
      { unit: 'late', variant: 'on', exposedAt: T + 3 * DAY },
      { unit: 'other', variant: 'x', exposedAt: T },
    ];
    const events = [purchase(T + 5, undefined, 'b'), purchase(T + DAY + 5, undefined, 'b'), purchase(T, undefined, 'early')];
    expect(metricStatistics(conversion, exposures, events, window)).toEqual([
      { variant: 'off', total: { type: 'proportion', n: 1, conversions: 0 }, days: [{ day: '2026-03-01', stats: { type: 'proportion', n: 1, conversions: 0 } }] },
      { variant: 'on', total: { type: 'proportion', n: 2, conversions: 1 }, days: [{ day: '2026-03-02', stats: { type: 'proportion', n: 2, conversions: 1 } }] },
    ]);
  });

  it('add up days into running totals', () => {
    const days = [
      { day: '2026-03-01', stats: { type: 'mean' as const, n: 2, sum: 3, sumSquares: 5 } },
      { day: '2026-03-03', stats: { type: 'mean' as const, n: 1, sum: 4, sumSquares: 16 } },
    ];
    expect(cumulative(days)).toEqual([days[0], { day: '2026-03-03', stats: { type: 'mean', n: 3, sum: 7, sumSquares: 21 } }]);
    expect(utcDay(Date.parse('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
  });
});
