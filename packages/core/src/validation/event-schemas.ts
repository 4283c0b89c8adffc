import { z } from 'zod';
import type { FilterOperator, PropertyFilter } from '../property-filters.js';
import { describeValue } from './issues.js';
import { MAX_EVENT_NAME_LENGTH, MAX_FILTER_TEXT_LENGTH, MAX_FILTER_VALUES, MAX_PROPERTY_NAME_LENGTH } from './limits.js';
import { coded } from './zod-issues.js';

/*
 * What journeys and metrics say about events: their names, and conditions on
 * their properties.
 */

/**
 * Text Dial stores: PostgreSQL text cannot hold the NUL character, so
 * it is refused here rather than failing the save.
 *
 * @example storedText(200).parse('checkout')
 */
export function storedText(max: number, error?: (issue: { code?: string; input?: unknown }) => string | undefined) {
  return z
    .string(error === undefined ? undefined : { error })
    .max(max)
    .refine((text) => !text.includes('\u0000'), { message: 'must not contain the NUL character (\\u0000)', ...coded('invalid_value') });
}

/** The name of a tracked event, as ingestion accepts it. @example eventNameSchema.parse('add_to_cart') */
export const eventNameSchema = storedText(MAX_EVENT_NAME_LENGTH).min(1);

/** A top-level key of an event's properties. @example propertyNameSchema.parse('amount') */
export const propertyNameSchema = storedText(MAX_PROPERTY_NAME_LENGTH).min(1);

/** A message for a value of the wrong type that says what the operator compares. */
function expecting(what: string) {
  return (issue: { code?: string; input?: unknown }) =>
    issue.code === 'invalid_type' || issue.code === 'invalid_union' ? `${what}; got ${describeValue(issue.input)}` : undefined;
}

const number = (operator: string) => z.number({ error: expecting(`${operator} compares a number property with a finite number`) });

const scalar = (operator: string) =>
  z.union([storedText(MAX_FILTER_TEXT_LENGTH), z.number(), z.boolean()], {
    error: expecting(`${operator} compares with a string, a number or a boolean`),
  });

const list = (operator: string) =>
  z
    .array(
      z.union([storedText(MAX_FILTER_TEXT_LENGTH), z.number(), z.boolean()], { error: expecting(`${operator} lists strings, numbers or booleans`) }),
      { error: expecting(`${operator} takes a list of strings, numbers or booleans`) },
    )
    .min(1)
    .max(MAX_FILTER_VALUES);

function filter<const Operator extends FilterOperator, Value extends z.ZodType>(operator: Operator, value: Value) {
  return z.strictObject({ property: propertyNameSchema, operator: z.literal(operator), value });
}

/**
 * A condition on one property of an event, with a value of the kind its
 * operator compares: a scalar for `eq` and `neq`, a list for `in` and
 * `notIn`, a string for `contains`, a number for `gt`, `gte`, `lt` and
 * `lte`, and none for `exists`.
 *
 * @example
 * propertyFilterSchema.parse({ property: 'plan', operator: 'in', value: ['pro', 'team'] });
 */
export const propertyFilterSchema = z.discriminatedUnion('operator', [
  filter('eq', scalar('eq')),
  filter('neq', scalar('neq')),
  filter('in', list('in')),
  filter('notIn', list('notIn')),
  filter('contains', storedText(MAX_FILTER_TEXT_LENGTH, expecting('contains looks for a string')).min(1)),
  filter('gt', number('gt')),
  filter('gte', number('gte')),
  filter('lt', number('lt')),
  filter('lte', number('lte')),
  filter('exists', z.undefined({ error: 'exists only checks that the property is present; leave "value" out' }).optional()),
]) satisfies z.ZodType<PropertyFilter>;

