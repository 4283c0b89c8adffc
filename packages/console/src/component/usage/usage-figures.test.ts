import { describe, expect, it } from 'vitest';
import { usageSeries } from './usage-figures';

describe('the usage chart series', () => {
  it('draws each line by the metric asked for, day by day', () => {
    const days = [
      { date: '2026-06-01', units: 3, events: 7 },
      { date: '2026-06-02', units: 0, events: 0 },
    ];
    const lines = [{ label: 'purchase', units: 3, events: 7, days }];
    expect(usageSeries(lines, 'units')).toEqual([{ name: 'purchase', values: [3, 0] }]);
    expect(usageSeries(lines, 'events')).toEqual([{ name: 'purchase', values: [7, 0] }]);
  });
});
