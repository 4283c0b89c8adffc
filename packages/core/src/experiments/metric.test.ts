import { describe, expect, it } from 'vitest';
import { metricDefinitionSchema } from '../validation/metric-schemas.js';
import { parseWith } from '../validation/zod-issues.js';
import { METRIC_KINDS, countsEveryUnit, higherIsBetterByDefault, metricType } from './metric.js';

describe('metric definitions', () => {
  it('take proportions for conversions and means otherwise', () => {
    expect(metricType({ kind: 'conversion', event: 'e', where: [], windowDays: 7 })).toBe('proportion');
    expect(metricType({ kind: 'mean', event: 'e', where: [], windowDays: 7, property: 'amount' })).toBe('mean');
    expect(metricType({ kind: 'journeyConversion', journey: 'checkout', windowDays: 7 })).toBe('proportion');
    expect(metricType({ kind: 'journeyDuration', journey: 'checkout', windowDays: 7 })).toBe('mean');
  });

  it('count every exposed unit but for journey durations, and take lower as better only for those', () => {
    expect(METRIC_KINDS.filter((kind) => countsEveryUnit({ kind }))).toEqual(['conversion', 'mean', 'journeyConversion']);
    expect(METRIC_KINDS.filter((kind) => !higherIsBetterByDefault(kind))).toEqual(['journeyDuration']);
  });

  it('parse with defaults and name what is wrong', () => {
    expect(parseWith(metricDefinitionSchema, { kind: 'mean', event: 'purchase', property: 'amount' })).toEqual({
      ok: true,
      value: { kind: 'mean', event: 'purchase', property: 'amount', where: [], windowDays: 7 },
    });
    const bad = parseWith(metricDefinitionSchema, { kind: 'conversion', event: 'e', where: [{ property: 'p', operator: 'lt', value: Infinity }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.path).toBe('where[0].value');
  });

  it('filter events as journey steps do, with the same operators', () => {
    const where = [
      { property: 'plan', operator: 'in', value: ['pro', 'team', true] },
      { property: 'coupon', operator: 'exists' },
      { property: 'amount', operator: 'gte', value: 10 },
      { property: 'path', operator: 'contains', value: '/checkout' },
    ];
    expect(parseWith(metricDefinitionSchema, { kind: 'conversion', event: 'purchase', where })).toEqual({
      ok: true,
      value: { kind: 'conversion', event: 'purchase', where, windowDays: 7 },
    });
    const old = parseWith(metricDefinitionSchema, { kind: 'conversion', event: 'e', where: [{ property: 'plan', op: 'eq', values: ['pro'] }] });
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.issues[0]!.path).toBe('where[0].operator');
  });

  it('name a journey by its key for journey metrics, which take no event or filters', () => {
    expect(parseWith(metricDefinitionSchema, { kind: 'journeyDuration', journey: 'checkout' })).toEqual({
      ok: true,
      value: { kind: 'journeyDuration', journey: 'checkout', windowDays: 7 },
    });
    const noJourney = parseWith(metricDefinitionSchema, { kind: 'journeyConversion', windowDays: 3 });
    expect(!noJourney.ok && noJourney.issues[0]).toMatchObject({ path: 'journey', code: 'missing' });
    const withEvent = parseWith(metricDefinitionSchema, { kind: 'journeyConversion', journey: 'checkout', event: 'purchase' });
    expect(!withEvent.ok && withEvent.issues[0]).toMatchObject({ path: 'event', code: 'unknown_field' });
    const badKey = parseWith(metricDefinitionSchema, { kind: 'journeyConversion', journey: 'Check Out' });
    expect(!badKey.ok && badKey.issues[0]).toMatchObject({ path: 'journey', code: 'invalid_format' });
  });
});
