import { describe, expect, it } from 'vitest';
import { parseInstant } from './dates.js';

describe('instants', () => {
  it('reads a date or date-time without offset as UTC', () => {
    expect(parseInstant('2025-01-01')).toBe(Date.UTC(2025, 0, 1));
    expect(parseInstant('2025-01-01T10:20')).toBe(Date.UTC(2025, 0, 1, 10, 20));
    expect(parseInstant('2025-01-01T10:20:30.5')).toBe(Date.UTC(2025, 0, 1, 10, 20, 30, 500));
    expect(parseInstant('2024-12-31T23:59:59Z')).toBe(Date.UTC(2024, 11, 31, 23, 59, 59));
  });

  it('applies an offset', () => {
    expect(parseInstant('2025-01-01T01:00:00+01:00')).toBe(Date.UTC(2025, 0, 1));
    expect(parseInstant('2024-12-31T19:00:00-0500')).toBe(Date.UTC(2025, 0, 1));
  });

  it('keeps years below 100 as written', () => {
    expect(parseInstant('0099-01-01')).toBe(new Date('0099-01-01T00:00:00Z').getTime());
  });

  it('takes epoch milliseconds as they are', () => {
    expect(parseInstant(1735689600001)).toBe(1735689600001);
    expect(parseInstant(Infinity)).toBeUndefined();
  });

  it('rejects impossible dates and non-ISO text', () => {
    for (const input of ['not a date', '2025-02-30', '2024-02-30', '2025-13-01', '2025-01-01T24:00', '01/02/2025', 'Jan 1 2025', '2025-1-1', '', true, null]) {
      expect(parseInstant(input), String(input)).toBeUndefined();
    }
    expect(parseInstant('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
});
