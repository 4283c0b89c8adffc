import { z } from 'zod';
import type { FilterOperator, JourneyDefinition, JourneyStep, PropertyFilter } from '../analytics/journey.js';
import { describeValue } from './issues.js';
import { journeyKeySchema } from './keys.js';
import {
  DEFAULT_CONVERSION_WINDOW_SECONDS,
  MAX_CONVERSION_WINDOW_SECONDS,
  MAX_EVENT_NAME_LENGTH,
  MAX_FILTER_TEXT_LENGTH,
  MAX_FILTER_VALUES,
  MAX_JOURNEY_STEPS,
  MAX_PROPERTY_NAME_LENGTH,
  MAX_STEP_FILTERS,
  MAX_STEP_LABEL_LENGTH,
  MIN_CONVERSION_WINDOW_SECONDS,
  MIN_JOURNEY_STEPS,
} from './limits.js';
import { coded } from './zod-issues.js';

/**
 * Text a journey stores: PostgreSQL text cannot hold the NUL character, so
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
      z.union([storedText(MAX_FILTER_TEXT_LENGTH), z.number()], { error: expecting(`${operator} lists strings or numbers`) }),
      { error: expecting(`${operator} takes a list of strings or numbers`) },
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

/**
 * One step: an event name, a label (the event name unless given) and
 * filters on the event's properties.
 *
 * @example
 * journeyStepSchema.parse({ event: 'purchase', filters: [{ property: 'amount', operator: 'gt', value: 0 }] });
 * // { event: 'purchase', label: 'purchase', filters: [...] }
 */
export const journeyStepSchema = z
  .strictObject({
    event: eventNameSchema.describe('The name of a tracked event'),
    label: storedText(MAX_STEP_LABEL_LENGTH).trim().min(1).optional().describe('What people see; the event name unless given'),
    filters: z.array(propertyFilterSchema).max(MAX_STEP_FILTERS).optional().describe("Conditions on the event's properties, all of which must hold"),
  })
  .transform((step): JourneyStep => ({ event: step.event, label: step.label ?? step.event, filters: step.filters ?? [] }));

/**
 * What analyses need of a journey: its key, 2 to 10 ordered steps, and a
 * conversion window of a minute to 90 days (a week unless given).
 *
 * @example
 * journeySchema.parse({ key: 'checkout', steps: [{ event: 'view_product' }, { event: 'purchase' }] });
 */
export const journeySchema = z.strictObject({
  key: journeyKeySchema,
  steps: z.array(journeyStepSchema).min(MIN_JOURNEY_STEPS).max(MAX_JOURNEY_STEPS),
  conversionWindowSeconds: z
    .int()
    .min(MIN_CONVERSION_WINDOW_SECONDS)
    .max(MAX_CONVERSION_WINDOW_SECONDS)
    .default(DEFAULT_CONVERSION_WINDOW_SECONDS)
    .describe('How long after entering a unit may take to reach each later step, in seconds'),
}) satisfies z.ZodType<JourneyDefinition>;
