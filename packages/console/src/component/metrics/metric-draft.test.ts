import { describe, expect, it } from 'vitest';
import { type MetricFields, describeFilter, describeMetric, filterDraftOf, metricBody, metricDraftOf, metricFilterOf, sameMetric, withKind } from './metric-draft';

const revenue: MetricFields = {
  key: 'revenue',
  name: 'Revenue per user',
  description: 'Paid amounts in euros',
  kind: 'mean',
  event: 'purchase',
  property: 'amount',
  where: [
    { property: 'currency', operator: 'eq', value: 'EUR' },
    { property: 'plan', operator: 'notIn', value: ['free', 'trial'] },
    { property: 'amount', operator: 'gte', value: 1 },
    { property: 'coupon', operator: 'exists' },
    { property: 'code', operator: 'eq', value: '42' },
    { property: 'campaign', operator: 'contains', value: 'spring' },
  ],
  windowDays: 14,
  higherIsBetter: true,
};

const checkoutTime: MetricFields = {
  key: 'checkout-time',
  name: 'Time to checkout',
  description: '',
  kind: 'journeyDuration',
  journey: 'checkout',
  windowDays: 3,
  higherIsBetter: false,
};

describe('the metric editor draft', () => {
  it('turns a metric into a draft and back unchanged', () => {
    const { key: _key, ...fields } = revenue;
    expect(metricBody(metricDraftOf(revenue), false)).toEqual(fields);
    expect(metricBody(metricDraftOf(revenue), true)).toEqual(revenue);
  });

  it('turns a journey metric into a draft and back, naming the journey and no event', () => {
    expect(metricDraftOf(checkoutTime)).toMatchObject({ kind: 'journeyDuration', journey: 'checkout', event: '', filters: [] });
    expect(metricBody(metricDraftOf(checkoutTime), true)).toEqual(checkoutTime);
  });

  it('sends only the chosen kind\'s fields, keeping the others in the draft for a switch back', () => {
    const draft = { ...metricDraftOf(revenue), journey: ' checkout ' };
    const asJourney = withKind(draft, 'journeyConversion');
    expect(metricBody(asJourney, false)).toEqual({
      name: 'Revenue per user',
      description: 'Paid amounts in euros',
      kind: 'journeyConversion',
      journey: 'checkout',
      windowDays: 14,
      higherIsBetter: true,
    });
    expect(metricBody(withKind(asJourney, 'mean'), false)).toEqual(metricBody(draft, false));
  });

  it('turns the direction with the kind unless it was set by hand', () => {
    expect(withKind(metricDraftOf(), 'journeyDuration')).toMatchObject({ kind: 'journeyDuration', higherIsBetter: false });
    expect(withKind(withKind(metricDraftOf(), 'journeyDuration'), 'journeyConversion').higherIsBetter).toBe(true);
    expect(withKind({ ...metricDraftOf(), higherIsBetter: false }, 'mean').higherIsBetter).toBe(false);
    expect(withKind({ ...metricDraftOf(checkoutTime), higherIsBetter: true }, 'conversion').higherIsBetter).toBe(true);
    expect(withKind({ ...metricDraftOf(), higherIsBetter: false }, 'journeyDuration').higherIsBetter).toBe(false);
  });

  it('edits filters as the journey rows do, values typed as text', () => {
    expect(metricDraftOf(revenue).filters).toEqual([
      { property: 'currency', operator: 'eq', value: 'EUR' },
      { property: 'plan', operator: 'notIn', value: 'free, trial' },
      { property: 'amount', operator: 'gte', value: '1' },
      { property: 'coupon', operator: 'exists', value: '' },
      { property: 'code', operator: 'eq', value: '"42"' },
      { property: 'campaign', operator: 'contains', value: 'spring' },
    ]);
    expect(filterDraftOf({ property: 'beta', operator: 'in', value: [true, 'yes'] })).toEqual({ property: 'beta', operator: 'in', value: 'true, yes' });
  });

  it('sends rows as the API takes them, typed for their operator', () => {
    expect(metricFilterOf({ property: ' plan ', operator: 'in', value: 'pro, team' })).toEqual({ property: 'plan', operator: 'in', value: ['pro', 'team'] });
    expect(metricFilterOf({ property: 'beta', operator: 'neq', value: 'false' })).toEqual({ property: 'beta', operator: 'neq', value: false });
    expect(metricFilterOf({ property: 'amount', operator: 'lt', value: '100' })).toEqual({ property: 'amount', operator: 'lt', value: 100 });
    expect(metricFilterOf({ property: 'coupon', operator: 'exists', value: 'ignored' })).toEqual({ property: 'coupon', operator: 'exists' });
    // Not a number: sent as typed, for the API to name.
    expect(metricFilterOf({ property: 'amount', operator: 'gt', value: 'ten' })).toEqual({ property: 'amount', operator: 'gt', value: 'ten' });
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

  it('tells whether an edit changed anything', () => {
    const draft = metricDraftOf(revenue);
    expect(sameMetric(draft, { ...draft, name: ' Revenue per user ' })).toBe(true);
    expect(sameMetric(draft, { ...draft, higherIsBetter: false })).toBe(false);
  });

  it('says what a filter and a metric measure', () => {
    expect(describeFilter({ property: 'plan', operator: 'in', value: ['pro', 'team'] })).toBe('plan in [pro, team]');
    expect(describeFilter({ property: 'coupon', operator: 'exists' })).toBe('coupon exists');
    expect(describeFilter({ property: 'beta', operator: 'neq', value: true })).toBe('beta ≠ true');
    expect(describeMetric({ kind: 'conversion', event: 'purchase', where: [], windowDays: 7 })).toBe('Did purchase within 7 days of exposure');
    expect(describeMetric({ kind: 'mean', event: 'error', where: [], windowDays: 1 })).toBe('Count of error per unit, within 1 day of exposure');
    expect(describeMetric({ kind: 'journeyConversion', journey: 'checkout', windowDays: 7 })).toBe('Completed journey checkout within 7 days of exposure');
    expect(describeMetric(checkoutTime)).toBe('Seconds from entering journey checkout to its last step, over the units that completed it within 3 days of exposure');
    expect(describeMetric(revenue)).toBe(
      'Sum of amount over purchase (currency = EUR and plan not in [free, trial] and amount ≥ 1 and coupon exists and code = 42 and campaign contains spring) per unit, within 14 days of exposure',
    );
  });
});
