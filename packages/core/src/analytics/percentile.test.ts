import { describe, expect, it } from 'vitest';
import { daysOf, dayOfMicros, isoOfMicros } from './days.js';
import { percentileCont, secondsOfMicros } from './percentile.js';

describe('percentiles', () => {
  it('interpolates between the values around p × (n − 1)', () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([1, 2, 3], 0.5)).toBe(2);
    expect(percentileCont([0, 1000], 0.9)).toBe(900);
    // The same rounding as PostgreSQL's percentile_cont(0.9) over these values.
    expect(percentileCont(Array.from({ length: 14 }, (_, i) => i * 1000 + 7), 0.9)).toBe(11707.000000000002);
  });

  it('reports seconds to the millisecond', () => {
    expect(secondsOfMicros(1_234_567)).toBe(1.235);
    expect(secondsOfMicros(1_234_499.9)).toBe(1.234);
    expect(secondsOfMicros(0)).toBe(0);
  });
});

describe('UTC days', () => {
  const at = (iso: string) => Date.parse(iso) * 1000;

  it('lists every day the range touches', () => {
    expect(daysOf({ fromMicros: at('2026-01-30T23:00:00Z'), toMicros: at('2026-02-02T00:00:00Z') })).toEqual(['2026-01-30', '2026-01-31', '2026-02-01']);
    expect(daysOf({ fromMicros: at('2026-01-30T00:00:00Z'), toMicros: at('2026-01-30T00:00:00.001Z') })).toEqual(['2026-01-30']);
  });

  it('names the day of an instant, before 1970 too', () => {
    expect(dayOfMicros(at('2026-03-01T23:59:59.999Z') + 999)).toBe('2026-03-01');
    expect(dayOfMicros(-1)).toBe('1969-12-31');
    expect(isoOfMicros(at('2026-03-01T12:00:00.123Z') + 456)).toBe('2026-03-01T12:00:00.123Z');
  });
});
