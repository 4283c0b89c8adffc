import { describe, expect, it } from 'vitest';
import { type FunnelResult, resultLine } from './report.js';

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
