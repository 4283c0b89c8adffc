import { describe, expect, it } from 'vitest';
import { ms, percentile, ratio, rounded, summary, table } from './report.js';

describe('percentile and summary', () => {
  it('takes the nearest rank', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(20);
    expect(percentile([10, 20, 30, 40], 0.95)).toBe(40);
    expect(percentile([10, 20, 30, 40], 0)).toBe(10);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('sorts numbers as numbers and leaves out samples that never came', () => {
    const values = [100, 9, 25, Number.NaN, ...Array.from({ length: 17 }, (_, i) => 30 + i)];
    expect(summary(values)).toEqual({ count: 20, min: 9, p50: 37, p95: 46, max: 100 });
    expect(summary([]).count).toBe(0);
  });
});

describe('figures', () => {
  it('prints milliseconds with the digits that matter, and dashes for nothing', () => {
    expect([ms(3.14159), ms(42.25), ms(1234.5), ms(Number.NaN), ms(null)]).toEqual(['3.14', '42.3', '1,235', '—', '—']);
    expect([rounded(1.23456, 2), rounded(undefined, 1), rounded(Number.POSITIVE_INFINITY, 1)]).toEqual([1.23, null, null]);
    expect([ratio(300, 100), ratio(1, 400), ratio(2500, 100), ratio(1, 0), ratio(null, 3)]).toEqual(['3.00×', '0.00×', '25.0×', '—', '—']);
  });

  it('aligns a table', () => {
    const text = table(
      [
        { title: 'query', align: 'left' },
        { title: 'ms', align: 'right' },
      ],
      [
        ['funnel', '812.3'],
        ['usage', '41.0'],
      ],
    );
    expect(text.split('\n')).toEqual(['query      ms', '------  -----', 'funnel  812.3', 'usage    41.0']);
  });
});
