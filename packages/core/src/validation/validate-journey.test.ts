import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from './issues.js';
import { validateJourney } from './validate.js';

const steps = [{ event: 'view_product' }, { event: 'purchase' }];

function issuesOf(input: unknown): ValidationIssue[] {
  const result = validateJourney(input);
  return result.ok ? [] : result.issues;
}

function onlyIssue(input: unknown): { path: string; code: string; message: string } {
  const issues = issuesOf(input);
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  return issues[0]!;
}

const withFilter = (filter: Record<string, unknown>) => ({ key: 'checkout', steps: [{ event: 'view', filters: [filter] }, { event: 'buy' }] });

describe('validateJourney accepts', () => {
  it('a key and two steps, filling in labels, filters and a week\'s window', () => {
    expect(validateJourney({ key: 'checkout', steps })).toEqual({
      ok: true,
      value: {
        key: 'checkout',
        steps: [
          { event: 'view_product', label: 'view_product', filters: [] },
          { event: 'purchase', label: 'purchase', filters: [] },
        ],
        conversionWindowSeconds: 604_800,
      },
    });
  });

  it('every operator with the value it compares, ten steps, and the window\'s bounds', () => {
    const filters = [
      { property: 'plan', operator: 'eq', value: 'pro' },
      { property: 'beta', operator: 'neq', value: true },
      { property: 'country', operator: 'in', value: ['DE', 49] },
      { property: 'country', operator: 'notIn', value: [1, false] },
      { property: 'path', operator: 'contains', value: '/checkout' },
      { property: 'amount', operator: 'gt', value: 0 },
      { property: 'amount', operator: 'gte', value: -1.5 },
      { property: 'amount', operator: 'lt', value: 1e9 },
      { property: 'amount', operator: 'lte', value: 100 },
      { property: 'coupon', operator: 'exists' },
    ];
    const many = Array.from({ length: 10 }, (_, i) => ({ event: `step-${i}`, label: ` Step ${i} `, filters }));
    const result = validateJourney({ key: 'long', steps: many, conversionWindowSeconds: 60 });
    expect(result.ok && result.value.steps[3]).toEqual({ event: 'step-3', label: 'Step 3', filters });
    expect(issuesOf({ key: 'long', steps, conversionWindowSeconds: 7_776_000 })).toEqual([]);
  });
});

describe('validateJourney refuses', () => {
  it.each<[string, unknown, string, string]>([
    ['a bad key', { key: 'Check out', steps }, 'key', 'invalid_format'],
    ['one step', { key: 'k', steps: [{ event: 'a' }] }, 'steps', 'too_small'],
    ['eleven steps', { key: 'k', steps: Array.from({ length: 11 }, () => ({ event: 'a' })) }, 'steps', 'too_big'],
    ['a step without an event', { key: 'k', steps: [{ event: 'a' }, { label: 'b' }] }, 'steps[1].event', 'missing'],
    ['an empty event name', { key: 'k', steps: [{ event: '' }, { event: 'b' }] }, 'steps[0].event', 'too_small'],
    ['a long event name', { key: 'k', steps: [{ event: 'e'.repeat(201) }, { event: 'b' }] }, 'steps[0].event', 'too_big'],
    ['a NUL in an event name', { key: 'k', steps: [{ event: 'a\u0000' }, { event: 'b' }] }, 'steps[0].event', 'invalid_value'],
    ['a blank label', { key: 'k', steps: [{ event: 'a', label: '  ' }, { event: 'b' }] }, 'steps[0].label', 'too_small'],
    ['an unknown step field', { key: 'k', steps: [{ event: 'a', filter: [] }, { event: 'b' }] }, 'steps[0].filter', 'unknown_field'],
    ['an unknown field', { key: 'k', steps, window: 60 }, 'window', 'unknown_field'],
    ['a window under a minute', { key: 'k', steps, conversionWindowSeconds: 59 }, 'conversionWindowSeconds', 'too_small'],
    ['a window over 90 days', { key: 'k', steps, conversionWindowSeconds: 7_776_001 }, 'conversionWindowSeconds', 'too_big'],
    ['a fractional window', { key: 'k', steps, conversionWindowSeconds: 60.5 }, 'conversionWindowSeconds', 'invalid_type'],
    ['eleven filters', { key: 'k', steps: [{ event: 'a', filters: Array.from({ length: 11 }, () => ({ property: 'p', operator: 'exists' })) }, { event: 'b' }] }, 'steps[0].filters', 'too_big'],
    ['an unknown operator', withFilter({ property: 'p', operator: 'like', value: 'x' }), 'steps[0].filters[0].operator', 'invalid_value'],
    ['a filter without a property', withFilter({ operator: 'exists' }), 'steps[0].filters[0].property', 'missing'],
    ['gt on a string', withFilter({ property: 'p', operator: 'gt', value: '10' }), 'steps[0].filters[0].value', 'invalid_type'],
    ['eq on an object', withFilter({ property: 'p', operator: 'eq', value: { a: 1 } }), 'steps[0].filters[0].value', 'invalid_type'],
    ['eq without a value', withFilter({ property: 'p', operator: 'eq' }), 'steps[0].filters[0].value', 'missing'],
    ['in with a single value', withFilter({ property: 'p', operator: 'in', value: 'pro' }), 'steps[0].filters[0].value', 'invalid_type'],
    ['in with an empty list', withFilter({ property: 'p', operator: 'in', value: [] }), 'steps[0].filters[0].value', 'too_small'],
    ['in with an object', withFilter({ property: 'p', operator: 'in', value: ['a', { b: 1 }] }), 'steps[0].filters[0].value[1]', 'invalid_type'],
    ['in with null', withFilter({ property: 'p', operator: 'in', value: [null] }), 'steps[0].filters[0].value[0]', 'invalid_type'],
    ['notIn with 101 values', withFilter({ property: 'p', operator: 'notIn', value: Array.from({ length: 101 }, (_, i) => i) }), 'steps[0].filters[0].value', 'too_big'],
    ['contains on a number', withFilter({ property: 'p', operator: 'contains', value: 1 }), 'steps[0].filters[0].value', 'invalid_type'],
    ['contains with an empty string', withFilter({ property: 'p', operator: 'contains', value: '' }), 'steps[0].filters[0].value', 'too_small'],
    ['exists with a value', withFilter({ property: 'p', operator: 'exists', value: true }), 'steps[0].filters[0].value', 'invalid_type'],
  ])('%s', (_what, input, path, code) => {
    expect(onlyIssue(input)).toMatchObject({ path, code });
  });

  it('says what an operator compares', () => {
    expect(onlyIssue(withFilter({ property: 'p', operator: 'gt', value: '10' })).message).toBe(
      'gt compares a number property with a finite number; got the string "10"',
    );
    expect(onlyIssue(withFilter({ property: 'p', operator: 'exists', value: 1 })).message).toBe(
      'exists only checks that the property is present; leave "value" out',
    );
  });
});
