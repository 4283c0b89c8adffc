import { describe, expect, it } from 'vitest';
import { addDays, apiRange, daysIn, presetRange, rangeFromSearch, rangeProblem, rangeToSearch } from './range';

const now = Date.parse('2026-06-10T15:30:00Z');
const search = (query: string) => new URLSearchParams(query);

describe('the analytics date range', () => {
  it('counts the last N days with today, in UTC', () => {
    expect(presetRange(7, now)).toEqual({ preset: 7, first: '2026-06-04', last: '2026-06-10' });
    expect(daysIn(presetRange(90, now))).toBe(90);
    // Just before midnight UTC it is still the same day, whatever the browser's zone.
    expect(presetRange(14, Date.parse('2026-06-10T23:59:59.999Z')).last).toBe('2026-06-10');
  });

  it('asks the API for whole days: from the first midnight to the midnight after the last day', () => {
    expect(apiRange(presetRange(7, now))).toEqual({ from: '2026-06-04T00:00:00.000Z', to: '2026-06-11T00:00:00.000Z' });
    expect(apiRange({ preset: null, first: '2026-02-28', last: '2026-02-28' })).toEqual({ from: '2026-02-28T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('reads a preset or custom days from the query string, and the last 30 days otherwise', () => {
    expect(rangeFromSearch(search('days=14'), now)).toEqual(presetRange(14, now));
    expect(rangeFromSearch(search('from=2026-05-01&to=2026-05-31'), now)).toEqual({ preset: null, first: '2026-05-01', last: '2026-05-31' });
    for (const bad of ['', 'days=8', 'days=x', 'from=2026-05-31&to=2026-05-01', 'from=2026-02-30&to=2026-03-01', 'from=2024-01-01&to=2026-01-01', 'from=2026-05-01']) {
      expect(rangeFromSearch(search(bad), now)).toEqual(presetRange(30, now));
    }
  });

  it('writes the range into the query string, keeping the other parameters', () => {
    const other = search('breakdown=flag:new-checkout&days=7');
    expect(rangeToSearch(presetRange(90, now), other).toString()).toBe('breakdown=flag%3Anew-checkout&days=90');
    expect(rangeToSearch(presetRange(30, now), other).toString()).toBe('breakdown=flag%3Anew-checkout');
    expect(rangeToSearch({ preset: null, first: '2026-05-01', last: '2026-05-02' }, other).toString()).toBe('breakdown=flag%3Anew-checkout&from=2026-05-01&to=2026-05-02');
    for (const range of [presetRange(7, now), { preset: null, first: '2026-01-05', last: '2026-03-01' }]) {
      expect(rangeFromSearch(rangeToSearch(range, other), now)).toEqual(range);
    }
  });

  it('says why custom days cannot be asked for', () => {
    expect(rangeProblem('2026-05-01', '2026-05-01')).toBeUndefined();
    expect(rangeProblem('', '2026-05-01')).toMatch(/first and a last day/);
    expect(rangeProblem('2026-05-02', '2026-05-01')).toMatch(/after the last/);
    // 2024 is a leap year: 1 January 2024 to 1 January 2025 is 367 days.
    expect(rangeProblem('2024-01-01', '2025-01-01')).toMatch(/366 days/);
    expect(rangeProblem('2024-01-02', '2025-01-01')).toBeUndefined();
  });
});
