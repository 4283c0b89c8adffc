import { describe, expect, it } from 'vitest';
import { type JourneyFields, describeWindow, draftOf, formatFilterValue, journeyBody, parseFilterValue, sameJourney, windowParts, windowSeconds } from './journey-draft';

const checkout: JourneyFields = {
  key: 'checkout',
  name: 'Checkout',
  description: 'From product page to purchase',
  steps: [
    { event: 'view-product', label: 'View product', filters: [] },
    { event: 'add-to-cart', label: 'add-to-cart', filters: [{ property: 'quantity', operator: 'gte', value: 1 }] },
    { event: 'purchase', label: 'Purchase', filters: [{ property: 'plan', operator: 'in', value: ['pro', 'team', '2'] }, { property: 'coupon', operator: 'exists' }, { property: 'campaign', operator: 'contains', value: '2026' }] },
  ],
  conversionWindowSeconds: 3 * 86_400,
};

describe('the journey editor draft', () => {
  it('turns a journey into a draft and back unchanged', () => {
    expect(journeyBody(draftOf(checkout))).toEqual(checkout);
  });

  it('shows a label equal to its event as empty, and saves an empty label as the event', () => {
    const draft = draftOf(checkout);
    expect(draft.steps[1]!.label).toBe('');
    expect(draft.steps[0]!.label).toBe('View product');
    expect(journeyBody({ ...draft, steps: [{ event: ' signup ', label: ' ', filters: [] }] }).steps).toEqual([{ event: 'signup', label: 'signup', filters: [] }]);
  });

  it('starts a new journey with two empty steps and a 7-day window', () => {
    const draft = draftOf();
    expect(draft.steps).toHaveLength(2);
    expect(draft).toMatchObject({ windowAmount: '7', windowUnit: 'days' });
    expect(journeyBody(draft).conversionWindowSeconds).toBe(604_800);
  });

  it('shows a window in the largest unit that holds it whole', () => {
    expect(windowParts(604_800)).toEqual({ windowAmount: '7', windowUnit: 'days' });
    expect(windowParts(7200)).toEqual({ windowAmount: '2', windowUnit: 'hours' });
    expect(windowParts(5400)).toEqual({ windowAmount: '90', windowUnit: 'minutes' });
    expect(windowParts(90)).toEqual({ windowAmount: '1.5', windowUnit: 'minutes' });
    expect(windowSeconds('36', 'hours')).toBe(129_600);
    expect(windowSeconds('1.5', 'days')).toBe(129_600);
    // Not a number: sent as such, so the API names the field.
    expect(windowSeconds('', 'days')).toBeNaN();
    expect(windowSeconds('soon', 'days')).toBeNaN();
  });

  it('says a window in words', () => {
    expect(describeWindow(604_800)).toBe('7 days');
    expect(describeWindow(3600)).toBe('1 hour');
    expect(describeWindow(129_600)).toBe('36 hours');
    expect(describeWindow(60)).toBe('1 minute');
  });

  it('reads filter values as typed values for their operator', () => {
    expect(parseFilterValue('exists', 'anything')).toBeUndefined();
    expect(parseFilterValue('eq', 'pro')).toBe('pro');
    expect(parseFilterValue('eq', ' 42 ')).toBe(42);
    expect(parseFilterValue('eq', 'true')).toBe(true);
    expect(parseFilterValue('eq', '"true"')).toBe('true');
    expect(parseFilterValue('contains', 'false')).toBe('false');
    expect(parseFilterValue('contains', ' 42 ')).toBe('42');
    expect(parseFilterValue('contains', '" 42 "')).toBe(' 42 ');
    expect(parseFilterValue('gt', '-1.5')).toBe(-1.5);
    expect(parseFilterValue('in', 'pro, team,, 3, "4", "a, b", true, "false"')).toEqual(['pro', 'team', 3, '4', 'a, b', true, 'false']);
    expect(parseFilterValue('notIn', '')).toEqual([]);
  });

  it('writes filter values so they read back the same', () => {
    const values = ['pro', '42', 'true', ' padded ', '"quoted"', 42, 0.5, true, false, ['pro', 'a, b', '7', 7, true, 'true'], ['say "hi", ok', 'x"y'], []] as const;
    for (const value of values) {
      const operator = Array.isArray(value) ? 'in' : 'eq';
      expect(parseFilterValue(operator, formatFilterValue(value as never))).toEqual(value);
    }
    for (const value of ['42', 'true', ' padded ', '"quoted"', 'a, b']) expect(parseFilterValue('contains', formatFilterValue(value, 'contains'))).toBe(value);
    expect(formatFilterValue('42', 'contains')).toBe('42');
    expect(formatFilterValue(['pro', 'team'])).toBe('pro, team');
    expect(formatFilterValue('42')).toBe('"42"');
  });

  it('compares drafts by what they would save', () => {
    const draft = draftOf(checkout);
    expect(sameJourney(draft, { ...draft, name: ' Checkout ' })).toBe(true);
    expect(sameJourney(draft, { ...draft, windowAmount: '72', windowUnit: 'hours' })).toBe(true);
    expect(sameJourney(draft, { ...draft, windowAmount: '4' })).toBe(false);
  });
});
