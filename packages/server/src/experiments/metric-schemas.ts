import { METRIC_KINDS, type MetricKind, higherIsBetterByDefault } from '@dial/core/experiments';
import { metricKeySchema, metricKindShapes } from '@dial/core/validation';
import { z } from 'zod';
import { propertyFilterOut } from '../events/property-filter-out.js';
import { description, name, paginationQuery, version } from '../platform/schemas.js';

/*
 * The HTTP shapes of metrics: a key, a name and a direction, and the fields
 * of the metric's kind (core's schemas), side by side in one flat object
 * discriminated by `kind`.
 */

const higherIsBetter = z.boolean().describe('Whether an increase is good news (conversions, revenue) or bad (errors, latency)');

/** The fields every kind has, with the direction that kind takes unless told. */
const common = (kind: MetricKind) => ({ name, description: description.default(''), higherIsBetter: higherIsBetter.default(higherIsBetterByDefault(kind)) });

/** One form per kind: the body's common fields with `extra`, and nothing else. */
const byKind = <Extra extends z.ZodRawShape>(extra: Extra) =>
  z.discriminatedUnion('kind', [
    z.strictObject({ ...metricKindShapes.conversion, ...common('conversion'), ...extra }).describe('Conversion: did the unit do the event within the window (0 or 1)'),
    z.strictObject({ ...metricKindShapes.mean, ...common('mean'), ...extra }).describe('Mean: the sum of a numeric property, or the count, of the event per unit within the window'),
    z
      .strictObject({ ...metricKindShapes.journeyConversion, ...common('journeyConversion'), ...extra })
      .describe('Journey conversion: did the unit complete the journey (reach its last step) within the window (0 or 1)'),
    z
      .strictObject({ ...metricKindShapes.journeyDuration, ...common('journeyDuration'), ...extra })
      .describe('Journey duration: seconds from entering the journey to its last step, over the units that completed it within the window; lower is better by default'),
  ]);

export const newMetricBody = byKind({ key: metricKeySchema });

export const metricBody = byKind({ version: version.optional() });

const shown = {
  key: z.string(),
  name: z.string(),
  description: z.string(),
  higherIsBetter: z.boolean(),
  windowDays: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const onEvent = { event: z.string(), where: z.array(propertyFilterOut) };
const onJourney = { journey: z.string().describe('The key of the journey') };

export const metricSchemaOut = z.discriminatedUnion('kind', [
  z.object({ ...shown, ...onEvent, kind: z.literal('conversion') }),
  z.object({ ...shown, ...onEvent, kind: z.literal('mean'), property: z.string().optional() }),
  z.object({ ...shown, ...onJourney, kind: z.literal('journeyConversion') }),
  z.object({ ...shown, ...onJourney, kind: z.literal('journeyDuration') }),
]);

export const metricListQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Text in the key, name, description, event or journey, ignoring case'),
  kind: z.enum(METRIC_KINDS).optional(),
  ...paginationQuery,
});

export const metricParams = z.object({ project: z.string(), metric: z.string() });
