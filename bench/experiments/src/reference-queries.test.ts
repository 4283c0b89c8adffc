import { describe, expect, it } from 'vitest';
import { METRICS } from './admin-api.js';
import { type ResultsAnswer, referenceSql, totalsDifferences, totalsOfAnswer, totalsOfRows } from './reference-queries.js';

const answer = (revenue: number): ResultsAnswer => ({
  from: '2026-11-06T23:00:00.000Z',
  to: '2026-11-22T10:00:00.000Z',
  units: 30,
  metrics: METRICS.map((metric, i) => ({
    metric: metric.key,
    variants: [
      { variant: 'control', units: 10, total: metric.key === 'revenue' ? revenue : i },
      { variant: 'treatment', units: 20, total: i + 1 },
    ],
  })),
});

describe('the check against plain SQL', () => {
  it('reads the answer and the reference alike, and names every difference', () => {
    const reference = totalsOfRows([
      { variant: 'control', units: '10', t0: '0', t1: '1', t2: '12.50', t3: '3', t4: '4' },
      { variant: 'treatment', units: '20', t0: '1', t1: '2', t2: '3', t3: '4', t4: '5' },
    ]);
    expect(totalsDifferences(totalsOfAnswer(answer(12.5)), reference)).toEqual([]);
    // The API adds each day's exact sum as a double.
    expect(totalsDifferences(totalsOfAnswer(answer(12.500000000000002)), reference)).toEqual([]);
    expect(totalsDifferences(totalsOfAnswer(answer(12.25)), reference)).toEqual(['control revenue: 12.25 against 12.5']);
    expect(totalsDifferences(totalsOfAnswer(answer(12.5)), new Map([...reference].slice(1)))).toEqual(['control: missing from the reference']);
  });

  it('writes each metric from its definition, its filter included', () => {
    const sql = referenceSql(3, { from: '2026-11-06T23:00:00.000Z', to: '2026-11-22T10:00:00.000Z' });
    expect(sql).toContain("e.name = 'purchase' AND e.occurred_at < x.first_exposed_at + interval '7 days' AND jsonb_typeof(e.properties -> 'amount') = 'number' AND (e.properties -> 'amount')::numeric >= 50");
    expect(sql).toContain("first_exposed_at < '2026-11-22T10:00:00.000Z'::timestamptz");
  });
});
