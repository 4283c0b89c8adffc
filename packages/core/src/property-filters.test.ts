import { describe, expect, it } from 'vitest';
import { type PropertyFilter, matchesFilter, matchesFilters } from './property-filters.js';

const properties = { plan: 'pro', amount: 12.5, count: 3, beta: true, missing: null, tags: ['a'], nested: { a: 1 }, text: 'Hello world' };
const check = (operator: PropertyFilter['operator'], property: string, value?: PropertyFilter['value']) =>
  matchesFilter(properties, { property, operator, ...(value === undefined ? {} : { value }) });

describe('property filters', () => {
  it.each<[PropertyFilter['operator'], string, PropertyFilter['value'] | undefined, boolean]>([
    ['eq', 'plan', 'pro', true],
    ['eq', 'plan', 'Pro', false],
    ['eq', 'count', 3, true],
    ['eq', 'count', '3', false],
    ['eq', 'beta', true, true],
    ['eq', 'beta', 'true', false],
    ['eq', 'tags', 'a', false],
    ['neq', 'plan', 'free', true],
    ['neq', 'plan', 'pro', false],
    ['neq', 'count', '3', true],
    ['neq', 'nested', 1, true],
    ['neq', 'absent', 'x', false],
    ['neq', 'missing', 'x', false],
    ['in', 'plan', ['team', 'pro'], true],
    ['in', 'count', ['3'], false],
    ['in', 'count', [1, 3], true],
    ['in', 'beta', [true], true],
    ['in', 'beta', ['true', 1], false],
    ['notIn', 'beta', [false], true],
    ['notIn', 'plan', ['team'], true],
    ['notIn', 'plan', ['pro'], false],
    ['notIn', 'absent', ['pro'], false],
    ['contains', 'text', 'lo wo', true],
    ['contains', 'text', 'hello', false],
    ['contains', 'count', '3', false],
    ['gt', 'amount', 12, true],
    ['gt', 'amount', 12.5, false],
    ['gte', 'amount', 12.5, true],
    ['lt', 'count', 3.0001, true],
    ['lte', 'count', 3, true],
    ['lt', 'plan', 10, false],
    ['exists', 'plan', undefined, true],
    ['exists', 'tags', undefined, true],
    ['exists', 'missing', undefined, false],
    ['exists', 'absent', undefined, false],
  ])('%s on %s with %j is %s', (operator, property, value, expected) => {
    expect(check(operator, property, value)).toBe(expected);
  });

  it('reads own properties only', () => {
    expect(matchesFilter({}, { property: 'constructor', operator: 'exists' })).toBe(false);
    expect(matchesFilter(JSON.parse('{"__proto__": 1}') as Record<string, unknown>, { property: '__proto__', operator: 'eq', value: 1 })).toBe(true);
  });

  it('needs every filter of a step', () => {
    expect(matchesFilters(properties, [])).toBe(true);
    expect(matchesFilters(properties, [{ property: 'plan', operator: 'eq', value: 'pro' }, { property: 'count', operator: 'gt', value: 2 }])).toBe(true);
    expect(matchesFilters(properties, [{ property: 'plan', operator: 'eq', value: 'pro' }, { property: 'count', operator: 'gt', value: 3 }])).toBe(false);
  });
});
