/**
 * Conditions on the properties of a tracked event, as journeys' steps and
 * experiments' metrics both select events: one form, one meaning, here and
 * in the server's SQL.
 */

export const FILTER_OPERATORS = ['eq', 'neq', 'in', 'notIn', 'contains', 'gt', 'gte', 'lt', 'lte', 'exists'] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** What a filter compares a property with; which form depends on the operator. */
export type FilterValue = string | number | boolean | (string | number | boolean)[];

/** A condition on one top-level property of an event. */
export interface PropertyFilter {
  property: string;
  operator: FilterOperator;
  /** Absent for `exists`; an array for `in` and `notIn`; a number for `gt`, `gte`, `lt`, `lte`; a string for `contains`. */
  value?: FilterValue;
}

/**
 * A property's value, or undefined when the event does not have it. JSON
 * null counts as absent, as PostgreSQL's `jsonb_typeof` 'null' does here.
 */
function propertyOf(properties: Readonly<Record<string, unknown>>, name: string): unknown {
  if (!Object.hasOwn(properties, name)) return undefined;
  const value = properties[name];
  return value === null ? undefined : value;
}

type Scalar = string | number | boolean;

const isScalar = (value: unknown): value is Scalar => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Type-exact equality: the number 1 equals 1.0, never the string "1". */
const same = (a: unknown, b: unknown): boolean => isScalar(a) && typeof a === typeof b && a === b;

/**
 * Whether an event's properties satisfy one filter. Every operator but
 * `exists` needs the property present: `neq` and `notIn` do not match an
 * event without it. Comparisons are type-exact; `gt`, `gte`, `lt`, `lte`
 * compare numbers only; `contains` looks for a substring of a string.
 *
 * @example
 * matchesFilter({ plan: 'pro' }, { property: 'plan', operator: 'in', value: ['pro', 'team'] }); // true
 * matchesFilter({ amount: '12' }, { property: 'amount', operator: 'gt', value: 10 }); // false: a string
 */
export function matchesFilter(properties: Readonly<Record<string, unknown>>, filter: PropertyFilter): boolean {
  const actual = propertyOf(properties, filter.property);
  if (actual === undefined) return false;
  const expected = filter.value;
  switch (filter.operator) {
    case 'exists':
      return true;
    case 'eq':
      return same(actual, expected);
    case 'neq':
      return !same(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((candidate) => same(actual, candidate));
    case 'notIn':
      return Array.isArray(expected) && !expected.some((candidate) => same(actual, candidate));
    case 'contains':
      return typeof actual === 'string' && typeof expected === 'string' && actual.includes(expected);
    case 'gt':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'gte':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'lt':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case 'lte':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
  }
}

/**
 * Whether an event's properties satisfy every filter (none: any event).
 *
 * @example
 * matchesFilters({ plan: 'pro', amount: 12 }, [{ property: 'plan', operator: 'eq', value: 'pro' }, { property: 'amount', operator: 'gt', value: 0 }]); // true
 */
export function matchesFilters(properties: Readonly<Record<string, unknown>>, filters: readonly PropertyFilter[]): boolean {
  return filters.every((filter) => matchesFilter(properties, filter));
}
