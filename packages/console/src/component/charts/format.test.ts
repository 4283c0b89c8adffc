import { describe, expect, it } from 'vitest';
import { NONE, formatBucket, formatCount, formatDay, formatDuration, formatPercent } from './format';

describe('analytics number formats', () => {
  it('writes rates as percentages with one decimal, and no rate as a dash', () => {
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.4567)).toBe('45.7%');
    expect(formatPercent(0.00049)).toBe('0.0%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(null)).toBe(NONE);
    expect(formatPercent(Number.NaN)).toBe(NONE);
  });

  it('rounds a rate that is exactly half way up, as the decimal the API sends reads', () => {
    // 23 of 80 is 28.75%: times 100 in binary it is 28.749999999999996, which toFixed rounds down.
    expect(formatPercent(23 / 80)).toBe('28.8%');
    expect(formatPercent(41 / 80)).toBe('51.3%');
    expect(formatPercent(1 / 16)).toBe('6.3%');
    expect(formatPercent(0.0005)).toBe('0.1%');
  });

  it('groups thousands in counts', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('writes durations in the largest readable unit', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59.4)).toBe('59 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(90)).toBe('1.5 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(5400)).toBe('1.5 h');
    expect(formatDuration(86_400 * 3)).toBe('3 d');
    expect(formatDuration(null)).toBe(NONE);
  });

  it('rounds a duration that is exactly half way up', () => {
    // 87 s is 1.45 min and 5,220 s is 1.45 h: the binary quotients are a hair under.
    expect(formatDuration(87)).toBe('1.5 min');
    expect(formatDuration(5220)).toBe('1.5 h');
    expect(formatDuration(125_280)).toBe('1.5 d');
  });

  it('names the time-to-convert buckets', () => {
    expect(formatBucket(0, 60)).toBe('under 1 min');
    expect(formatBucket(300, 900)).toBe('5 min – 15 min');
    expect(formatBucket(21_600, 86_400)).toBe('6 h – 1 d');
    expect(formatBucket(259_200, null)).toBe('3 d or more');
  });

  it('writes UTC days whatever the local time zone', () => {
    expect(formatDay('2026-06-03')).toBe('3 Jun');
    expect(formatDay('2026-12-31', true)).toBe('31 Dec 2026');
    expect(formatDay('not a day')).toBe('not a day');
  });
});
