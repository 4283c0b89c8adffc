import { journeyKeySchema, journeySchema, storedText } from '@dial/core/validation';
import { z } from 'zod';
import { propertyFilterOut } from '../events/property-filter-out.js';
import { name, version } from '../platform/schemas.js';

/*
 * The HTTP shapes of journeys: core's journey document, with a name and a
 * description for people.
 */

export const MAX_JOURNEY_DESCRIPTION_LENGTH = 1000;

const journeyName = name.pipe(storedText(200));
const journeyDescription = storedText(MAX_JOURNEY_DESCRIPTION_LENGTH);

const documented = journeySchema.extend({
  key: journeySchema.shape.key.describe('Lowercase letters, digits, ".", "_" and "-", as flag keys; fixed once created'),
  steps: journeySchema.shape.steps.describe('2 to 10 steps in the order units go through them'),
});

export const newJourneyBody = documented.extend({ name: journeyName, description: journeyDescription.default('') });

export const journeyBody = documented.extend({
  key: journeyKeySchema.optional().describe('May be sent, but only as the journey\'s own key'),
  name: journeyName,
  description: journeyDescription.default(''),
  version: version.optional(),
});

export const journeyStepOut = z.object({ event: z.string(), label: z.string(), filters: z.array(propertyFilterOut) });

export const journeySchemaOut = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  steps: z.array(journeyStepOut),
  conversionWindowSeconds: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const journeyParams = z.object({ project: z.string(), journey: z.string() });

export const deleteQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(999_999_999).optional().describe('The version deleted, when If-Match is not sent'),
});
