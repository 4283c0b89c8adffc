import { describe, expect, it } from 'vitest';
import { type MetricFields, describeMetric, filterDraftOf, filterIssues, metricBody, metricDraftOf, metricFilterOf, sameMetric } from './metric-draft';

const revenue: MetricFields = {
  key: 'revenue',
  name: 'Revenue per user',
  description: 'Paid amounts in euros',
  kind: 'mean',
  event: 'purchase',
  property: 'amount',
  where: [
    { property: 'currency', op: 'eq', values: ['EUR'] },
    { property: 'plan', op: 'neq', values: ['free', 'trial'] },
    { property: 'amount', op: 'gte', value: 1 },
    { property: 'coupon', op: 'eq', values: [true] },
    { property: 'code', op: 'eq', values: ['42'] },
  ],
  windowDays: 14,
  higherIsBetter: true,
};

describe('the metric editor draft', () => {
  it('turns a metric into a draft and back unchanged', () => {
    const { key: _key, ...fields } = revenue;
    expect(metricBody(metricDraftOf(revenue), false)).toEqual(fields);
    expect(metricBody(metricDraftOf(revenue), true)).toEqual(revenue);
  });

  it('edits filters as the journey rows do: one value equals, several are one of', () => {
    expect(metricDraftOf(revenue).filters).toEqual([
      { property: 'currency', operator: 'eq', value: 'EUR' },
      { property: 'plan', operator: 'notIn', value: 'free, trial' },
      { property: 'amount', operator: 'gte', value: '1' },
      { property: 'coupon', operator: 'eq', value: 'true' },
      { property: 'code', operator: 'eq', value: '"42"' },
    ]);
    expect(filterDraftOf({ property: 'plan', op: 'eq', values: ['pro', 'team'] })).toEqual({ property: 'plan', operator: 'in', value: 'pro, team' });
  });

  it('sends rows in the metric API form, typed as the journey rows type them', () => {
    expect(metricFilterOf({ property: ' plan ', operator: 'in', value: 'pro, team' })).toEqual({ property: 'plan', op: 'eq', values: ['pro', 'team'] });
    expect(metricFilterOf({ property: 'plan', operator: 'notIn', value: 'free' })).toEqual({ property: 'plan', op: 'neq', values: ['free'] });
    expect(metricFilterOf({ property: 'beta', operator: 'neq', value: 'false' })).toEqual({ property: 'beta', op: 'neq', values: [false] });
    expect(metricFilterOf({ property: 'amount', operator: 'lt', value: '100' })).toEqual({ property: 'amount', op: 'lt', value: 100 });
    // Not a number: sent as typed, for the API to name.
    expect(metricFilterOf({ property: 'amount', operator: 'gt', value: 'ten' })).toEqual({ property: 'amount', op: 'gt', value: 'ten' });
  });

  it('starts a new metric as a conversion over 7 days where higher is better', () => {
    const draft = metricDraftOf();
    expect(draft).toMatchObject({ kind: 'conversion', windowDays: '7', higherIsBetter: true, filters: [] });
    expect(metricBody({ ...draft, key: ' checkout ', event: 'purchase' }, true)).toEqual({
      key: 'checkout',
      name: 'checkout',
      description: '',
      kind: 'conversion',
      event: 'purchase',
      where: [],
      windowDays: 7,
      higherIsBetter: true,
    });
  });

  it('sends a property only for a mean, and a window that is not a number as such', () => {
    const draft = { ...metricDraftOf(revenue), kind: 'conversion' as const };
    expect(metricBody(draft, false)).not.toHaveProperty('property');
    expect(metricBody({ ...metricDraftOf(revenue), property: ' ' }, false)).not.toHaveProperty('property');
    expect(metricBody({ ...draft, windowDays: '' }, false).windowDays).toBeNaN();
  });

  it('moves the API issues of a filter to the parts of the row', () => {
    expect(
      filterIssues([
        { path: 'where[0].values[1]', message: 'a' },
        { path: 'where[2].value', message: 'b' },
        { path: 'where[1].op', message: 'c' },
        { path: 'where[1].property', message: 'd' },
        { path: 'event', message: 'e' },
      ]),
    ).toEqual([
      { path: 'where[0].value', message: 'a' },
      { path: 'where[2].value', message: 'b' },
      { path: 'where[1].operator', message: 'c' },
      { path: 'where[1].property', message: 'd' },
      { path: 'event', message: 'e' },
    ]);
  });

  it('tells whether an edit changed anything', () => {
    const draft = metricDraftOf(revenue);
    expect(sameMetric(draft, { ...draft, name: ' Revenue per user ' })).toBe(true);
    expect(sameMetric(draft, { ...draft, higherIsBetter: false })).toBe(false);
  });

  it('says what a metric measures', () => {
    expect(describeMetric({ kind: 'conversion', event: 'purchase', where: [], windowDays: 7 })).toBe('Did purchase within 7 days of exposure');
    expect(describeMetric({ kind: 'mean', event: 'error', where: [], windowDays: 1 })).toBe('Count of error per unit, within 1 day of exposure');
    expect(describeMetric(revenue)).toBe(
      'Sum of amount over purchase (currency = EUR, plan ≠ free nor trial, amount ≥ 1, coupon = true, code = 42) per unit, within 14 days of exposure',
    );
  });
});
