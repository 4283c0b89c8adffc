import { conditionSchema, segmentSchema } from '@dial/core/validation';
import { z } from 'zod';
import { description, name, paginationQuery, version } from '../platform/schemas.js';

/*
 * The HTTP shapes of segments: the segment document of FLAGS.md, with a
 * name and description for people.
 */

const documented = segmentSchema.extend({
  include: segmentSchema.shape.include.describe('Targeting keys always in the segment (at most 10,000)'),
  exclude: segmentSchema.shape.exclude.describe('Targeting keys never in the segment, whatever the rules say (at most 10,000)'),
  rules: segmentSchema.shape.rules.describe('Groups of conditions: a context matching every condition of any one group is in the segment'),
});

export const newSegmentBody = documented.extend({ name, description: description.default('') });

export const segmentBody = documented.omit({ key: true }).extend({ name, description: description.default(''), version: version.optional() });

export const segmentChangesBody = documented
  .omit({ key: true })
  .extend({ name: name.optional(), description: description.optional(), version: version.optional() });

export const segmentSchemaOut = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  include: z.array(z.string()),
  exclude: z.array(z.string()),
  rules: z.array(z.array(conditionSchema)),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const segmentListItem = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  included: z.number().describe('How many targeting keys `include` lists'),
  excluded: z.number().describe('How many targeting keys `exclude` lists'),
  ruleGroups: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const segmentListQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Text in the key, name or description, ignoring case'),
  ...paginationQuery,
});

export const segmentParams = z.object({ project: z.string(), segment: z.string() });
