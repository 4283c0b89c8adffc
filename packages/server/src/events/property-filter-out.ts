import { FILTER_OPERATORS } from '@dial/core';
import { z } from 'zod';

/**
 * A filter on an event's properties as the API shows it, in a journey's
 * step or a metric's `where`: `{ property, operator, value }`.
 */
export const propertyFilterOut = z.object({
  property: z.string(),
  operator: z.enum(FILTER_OPERATORS),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]).optional(),
});
