import { z } from 'zod';
import type { MetricDefinition } from '../experiments/metric.js';
import { eventNameSchema as anyEventName, propertyFilterSchema, propertyNameSchema } from './event-schemas.js';
import { describeValue } from './issues.js';
import { journeyKeySchema } from './keys.js';
import { DEFAULT_METRIC_WINDOW_DAYS, EXPERIMENT_KEY_PATTERN, MAX_METRIC_FILTERS, MAX_METRIC_WINDOW_DAYS, METRIC_KEY_PATTERN } from './limits.js';

const keyOf = (what: string, pattern: RegExp) =>
  z.string().regex(pattern, {
    error: (issue) =>
      `${describeValue(issue.input)} is not a valid ${what}; use 1 to 100 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit`,
  });

/** @example metricKeySchema.parse('checkout-conversion') */
export const metricKeySchema = keyOf('metric key', METRIC_KEY_PATTERN);

/** @example experimentKeySchema.parse('new-checkout-q3') */
export const experimentKeySchema = keyOf('experiment key', EXPERIMENT_KEY_PATTERN);

const eventNameSchema = anyEventName.describe('The name of the tracked event, as sent to /api/v1/events');

const propertyName = propertyNameSchema.describe('A top-level property of the event');

const where = z
  .array(propertyFilterSchema)
  .max(MAX_METRIC_FILTERS)
  .default([])
  .describe('Conditions on the event\'s properties, as journey steps take them; an event counts when it passes all of them');

const windowDays = z
  .number()
  .int()
  .min(1)
  .max(MAX_METRIC_WINDOW_DAYS)
  .default(DEFAULT_METRIC_WINDOW_DAYS)
  .describe('How many days after a unit\'s first exposure its events count');

const journey = journeyKeySchema.describe('The key of one of the project\'s journeys; the metric follows the journey as it is edited');

const journeyWindowDays = windowDays.describe(
  'How many days after a unit\'s first exposure it may enter the journey and reach its last step (each step also within the journey\'s conversion window)',
);

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
  journeyConversion: { kind: z.literal('journeyConversion'), journey, windowDays: journeyWindowDays },
  journeyDuration: { kind: z.literal('journeyDuration'), journey, windowDays: journeyWindowDays },
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
  z.strictObject(metricKindShapes.journeyConversion),
  z.strictObject(metricKindShapes.journeyDuration),
]) satisfies z.ZodType<MetricDefinition>;

