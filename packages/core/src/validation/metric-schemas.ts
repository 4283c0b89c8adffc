import { z } from 'zod';
import { eventNameSchema as journeyEventNameSchema } from './journey-schemas.js';
import type { MetricDefinition, PropertyFilter } from '../experiments/metric.js';
import { describeValue } from './issues.js';
import {
  DEFAULT_METRIC_WINDOW_DAYS,
  EXPERIMENT_KEY_PATTERN,
  MAX_CONDITION_VALUE_LENGTH,
  MAX_FILTER_VALUES,
  MAX_METRIC_FILTERS,
  MAX_METRIC_WINDOW_DAYS,
  MAX_PROPERTY_NAME_LENGTH,
  METRIC_KEY_PATTERN,
} from './limits.js';

const keyOf = (what: string, pattern: RegExp) =>
  z.string().regex(pattern, {
    error: (issue) =>
      `${describeValue(issue.input)} is not a valid ${what}; use 1 to 100 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit`,
  });

/** @example metricKeySchema.parse('checkout-conversion') */
export const metricKeySchema = keyOf('metric key', METRIC_KEY_PATTERN);

/** @example experimentKeySchema.parse('new-checkout-q3') */
export const experimentKeySchema = keyOf('experiment key', EXPERIMENT_KEY_PATTERN);

const eventNameSchema = journeyEventNameSchema.describe('The name of the tracked event, as sent to /api/v1/events');

const propertyName = z.string().min(1).max(MAX_PROPERTY_NAME_LENGTH).describe('A top-level property of the event');

const filterValue = z.union([z.string().max(MAX_CONDITION_VALUE_LENGTH), z.number(), z.boolean()], {
  error: (issue) => `a property is compared with strings, numbers or booleans; got ${describeValue(issue.input)}`,
});

const listFilter = <const Op extends 'eq' | 'neq'>(op: Op) =>
  z.strictObject({ property: propertyName, op: z.literal(op), values: z.array(filterValue).min(1).max(MAX_FILTER_VALUES) });
const numberFilter = <const Op extends 'gt' | 'gte' | 'lt' | 'lte'>(op: Op) =>
  z.strictObject({ property: propertyName, op: z.literal(op), value: z.number({ error: `${op} compares the property with a finite number` }) });

/**
 * A condition on one event property: `eq`/`neq` with `values`, or
 * `gt`/`gte`/`lt`/`lte` with a number `value`.
 *
 * @example
 * metricFilterSchema.parse({ property: 'plan', op: 'eq', values: ['pro', 'team'] });
 */
export const metricFilterSchema = z.discriminatedUnion('op', [
  listFilter('eq'),
  listFilter('neq'),
  numberFilter('gt'),
  numberFilter('gte'),
  numberFilter('lt'),
  numberFilter('lte'),
]) satisfies z.ZodType<PropertyFilter>;

const where = z
  .array(metricFilterSchema)
  .max(MAX_METRIC_FILTERS)
  .default([])
  .describe('Conditions on the event\'s properties; an event counts when it passes all of them');

const windowDays = z
  .number()
  .int()
  .min(1)
  .max(MAX_METRIC_WINDOW_DAYS)
  .default(DEFAULT_METRIC_WINDOW_DAYS)
  .describe('How many days after a unit\'s first exposure its events count');

/** The fields of each kind of metric; the API and files add a key, name and direction to them. */
export const metricKindShapes = {
  conversion: { kind: z.literal('conversion'), event: eventNameSchema, where, windowDays },
  mean: {
    kind: z.literal('mean'),
    event: eventNameSchema,
    where,
    windowDays,
    property: propertyName
      .optional()
      .describe('The numeric property summed per unit (revenue: "amount"); without it, the events are counted per unit'),
  },
} as const;

/**
 * What a metric measures, by `kind`.
 *
 * @example
 * metricDefinitionSchema.parse({ kind: 'mean', event: 'purchase', property: 'amount' }); // where: [], windowDays: 7
 */
export const metricDefinitionSchema = z.discriminatedUnion('kind', [
  z.strictObject(metricKindShapes.conversion),
  z.strictObject(metricKindShapes.mean),
]) satisfies z.ZodType<MetricDefinition>;

