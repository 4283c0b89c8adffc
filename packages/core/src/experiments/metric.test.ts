import { describe, expect, it } from 'vitest';
import { metricDefinitionSchema } from '../validation/metric-schemas.js';
import { parseWith } from '../validation/zod-issues.js';
import { matchesFilters, metricType } from './metric.js';

describe('property filters', () => {
  it('match eq and neq on the JSON value and type, a missing property being no value', () => {
    const plan = (values: (string | number | boolean)[]) => [{ property: 'plan', op: 'eq' as const, values }];
    expect(matchesFilters(plan(['pro', 'team']), { plan: 'team' })).toBe(true);
    expect(matchesFilters(plan(['pro']), { plan: 'free' })).toBe(false);
    expect(matchesFilters(plan(['1']), { plan: 1 })).toBe(false);
    expect(matchesFilters(plan([true]), { plan: true })).toBe(true);
    expect(matchesFilters(plan(['pro']), {})).toBe(false);
    const notFree = [{ property: 'plan', op: 'neq' as const, values: ['free'] }];
    expect(matchesFilters(notFree, { plan: 'pro' })).toBe(true);
    expect(matchesFilters(notFree, { plan: 'free' })).toBe(false);
    expect(matchesFilters(notFree, {})).toBe(true);
  });

  it('compare numbers only, and read own properties only', () => {
    expect(matchesFilters([{ property: 'amount', op: 'gt', value: 10 }], { amount: 10.5 })).toBe(true);
    expect(matchesFilters([{ property: 'amount', op: 'gte', value: 10 }], { amount: 10 })).toBe(true);
    expect(matchesFilters([{ property: 'amount', op: 'lt', value: 10 }], { amount: '5' })).toBe(false);
    expect(matchesFilters([{ property: 'amount', op: 'lte', value: 10 }], {})).toBe(false);
    expect(matchesFilters([{ property: 'constructor', op: 'neq', values: ['x'] }], {})).toBe(true);
  });

  it('all have to pass; none is everything', () => {
    const where = [
      { property: 'plan', op: 'eq' as const, values: ['pro'] },
      { property: 'amount', op: 'gt' as const, value: 0 },
    ];
    expect(matchesFilters(where, { plan: 'pro', amount: 3 })).toBe(true);
    expect(matchesFilters(where, { plan: 'pro', amount: 0 })).toBe(false);
    expect(matchesFilters([], {})).toBe(true);
  });
});

describe('metric definitions', () => {
  it('take proportions for conversions and means otherwise', () => {
    expect(metricType({ kind: 'conversion', event: 'e', where: [], windowDays: 7 })).toBe('proportion');
    expect(metricType({ kind: 'mean', event: 'e', where: [], windowDays: 7, property: 'amount' })).toBe('mean');
  });

  it('parse with defaults and name what is wrong', () => {
    expect(parseWith(metricDefinitionSchema, { kind: 'mean', event: 'purchase', property: 'amount' })).toEqual({
      ok: true,
      value: { kind: 'mean', event: 'purchase', property: 'amount', where: [], windowDays: 7 },
    });
    const bad = parseWith(metricDefinitionSchema, { kind: 'conversion', event: 'e', where: [{ property: 'p', op: 'lt', value: Infinity }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.path).toBe('where[0].value');
  });
});
