import { describe, expect, it } from 'vitest';
import { type FunnelResult, ms, percentile, ratio, resultLine, rounded, summary, table } from './report.js';

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

describe('resultLine', () => {
  const spread = (p50: number) => ({ count: 10, min: p50 - 1, p50, p95: p50 + 10, max: p50 + 20 });
  const result: FunnelResult = {
    events: 10_000_000,
    users: 1_000_000,
    warm: spread(812.34),
    coldMs: 1403.91,
    duckdbWarm: spread(402.06),
    duckdbColdMs: 700,
    usageWarm: spread(50),
    usageColdMs: 90,
    duckdbUsageWarm: spread(25),
    pathsBuildMs: 61_234.5,
    serverCpuMsPerFunnel: 5,
    pgCpuMsPerFunnel: 800.04,
    loadMs: 301_234,
    verified: true,
    duckdbSkipped: null,
  };

  it('is one JSON object, the figures the issue names first', () => {
    const line = resultLine(result);
    expect(line).not.toContain('\n');
    expect(line.startsWith('{"bench":"funnel","events":10000000,"warmMs":812.3,"coldMs":1403.9,"duckdbWarmMs":402.1,')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ ratio: 2.02, warmP95Ms: 822.3, usageWarmMs: 50, duckdbUsageWarmMs: 25, pathsBuildMs: 61_235, loadS: 301.2, repeat: 10, verified: true });
  });

  it('says null for DuckDB and the paths when there were none', () => {
    const parsed = JSON.parse(resultLine({ ...result, duckdbWarm: null, duckdbColdMs: null, duckdbUsageWarm: null, pathsBuildMs: null, duckdbSkipped: '@duckdb/node-api did not load' }));
    expect(parsed).toMatchObject({ duckdbWarmMs: null, duckdbColdMs: null, ratio: null, pathsBuildMs: null, duckdbSkipped: '@duckdb/node-api did not load' });
  });
});
