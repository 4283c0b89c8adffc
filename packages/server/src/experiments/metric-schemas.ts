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

const common = { name, description: description.default(''), higherIsBetter: higherIsBetter.default(true) };

/** One form per kind: the body's common fields with `extra`, and nothing else. */
const byKind = <Extra extends z.ZodRawShape>(extra: Extra) =>
  z.discriminatedUnion('kind', [
    z.strictObject({ ...metricKindShapes.conversion, ...common, ...extra }).describe('Conversion: did the unit do the event within the window (0 or 1)'),
    z.strictObject({ ...metricKindShapes.mean, ...common, ...extra }).describe('Mean: the sum of a numeric property, or the count, of the event per unit within the window'),
  ]);

export const newMetricBody = byKind({ key: metricKeySchema });

export const metricBody = byKind({ version: version.optional() });

const shown = {
  key: z.string(),
  name: z.string(),
  description: z.string(),
  higherIsBetter: z.boolean(),
  event: z.string(),
  where: z.array(propertyFilterOut),
  windowDays: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const metricSchemaOut = z.discriminatedUnion('kind', [
  z.object({ ...shown, kind: z.literal('conversion') }),
  z.object({ ...shown, kind: z.literal('mean'), property: z.string().optional() }),
]);

export const metricListQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Text in the key, name, description or event, ignoring case'),
  kind: z.enum(['conversion', 'mean']).optional(),
  ...paginationQuery,
});

export const metricParams = z.object({ project: z.string(), metric: z.string() });
