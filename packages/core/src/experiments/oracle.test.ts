import { describe, expect, it } from 'vitest';
import type { MetricDefinition } from './metric.js';
import { cumulative, metricStatistics, unitValue, utcDay } from './oracle.js';

const DAY = 86_400_000;
const T = Date.parse('2026-03-01T12:00:00Z');
const purchase = (occurredAt: number, amount?: unknown, unit = 'u') => ({ unit, name: 'purchase', properties: amount === undefined ? {} : { amount }, occurredAt });

describe('a unit’s value', () => {
  const conversion: MetricDefinition = { kind: 'conversion', event: 'purchase', where: [], windowDays: 1 };
  const revenue: MetricDefinition = { kind: 'mean', event: 'purchase', where: [], windowDays: 2, property: 'amount' };
  const count: MetricDefinition = { kind: 'mean', event: 'purchase', where: [], windowDays: 2 };

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
    const big: MetricDefinition = { ...count, where: [{ property: 'amount', operator: 'gte', value: 10 }] };
    expect(unitValue(big, T, [purchase(T, 9), purchase(T, 10), purchase(T, 11)], Infinity)).toBe(2);
  });
});

describe('a metric’s statistics', () => {
  const conversion: MetricDefinition = { kind: 'conversion', event: 'purchase', where: [], windowDays: 7 };
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
