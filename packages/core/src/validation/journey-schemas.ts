import { z } from 'zod';
import type { JourneyDefinition, JourneyStep } from '../analytics/journey.js';
import { eventNameSchema, propertyFilterSchema, storedText } from './event-schemas.js';
import { journeyKeySchema } from './keys.js';
import {
  DEFAULT_CONVERSION_WINDOW_SECONDS,
  MAX_CONVERSION_WINDOW_SECONDS,
  MAX_JOURNEY_STEPS,
  MAX_STEP_FILTERS,
  MAX_STEP_LABEL_LENGTH,
  MIN_CONVERSION_WINDOW_SECONDS,
  MIN_JOURNEY_STEPS,
} from './limits.js';

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
