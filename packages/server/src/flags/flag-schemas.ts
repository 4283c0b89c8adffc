import {
  MAX_VARIANTS,
  flagKeySchema,
  flagSchema,
  prerequisiteSchema,
  ruleSchema,
  serveSchema,
  variantKeySchema,
  variantValueSchema,
} from '@dial/core/validation';
import { z } from 'zod';
import { description, name, version } from '../platform/schemas.js';
import { FLAG_KINDS, FLAG_LIFETIMES } from './flag-documents.js';

/*
 * The HTTP shapes of flags. Rules, prerequisites and serves are core's own
 * schemas, so the API accepts and documents exactly the documents of FLAGS.md.
 */

export const TAG = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,49}$/;

const tag = z.string().regex(TAG, 'tags are 1 to 50 letters, digits, ".", "_", ":", "/" or "-", starting with a letter or digit');
const tags = z
  .array(tag)
  .max(50)
  .transform((list) => [...new Set(list)]);
const owner = z.string().max(200, 'must be at most 200 characters').describe('Who to ask about the flag: a person or team');

export const variantSchema = z.strictObject({
  key: variantKeySchema,
  value: variantValueSchema.describe('What the variant serves: a boolean, string, number or JSON value, by the flag\'s kind'),
  name: name.optional(),
  description: description.optional(),
});

const clientSide = z
  .boolean()
  .describe('Whether client keys (browsers) may evaluate the flag through /sdk/evaluate; they get its value, never its rules');

const variants = z
  .array(variantSchema)
  .min(1)
  .max(MAX_VARIANTS)
  .describe('In the order people see them; every value must match the flag\'s kind');

export const newFlagBody = z.strictObject({
  key: flagKeySchema,
  name,
  description: description.default(''),
  kind: z.enum(FLAG_KINDS).default('boolean'),
  variants: variants.optional().describe('Defaults to on = true and off = false for boolean flags; required for other kinds'),
  tags: tags.default([]),
  owner: owner.default(''),
  lifetime: z.enum(FLAG_LIFETIMES).default('temporary').describe('Temporary flags are meant to be removed once rolled out'),
  clientSide: clientSide.default(false),
  onVariant: variantKeySchema.optional().describe('What a new environment serves once turned on; defaults to "on" or the first variant'),
  offVariant: variantKeySchema.optional().describe('What a new environment serves while off; defaults to "off" or the last variant'),
});

export const flagChangesBody = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  variants: variants.optional(),
  tags: tags.optional(),
  owner: owner.optional(),
  lifetime: z.enum(FLAG_LIFETIMES).optional(),
  clientSide: clientSide.optional(),
  onVariant: variantKeySchema.optional(),
  offVariant: variantKeySchema.optional(),
  version: version.optional(),
});

/** Archive, restore: nothing to say but the version, which may come in If-Match instead. */
export const versionOnlyBody = z.strictObject({ version: version.optional() }).nullish();

const settings = flagSchema.pick({ enabled: true, offVariant: true, prerequisites: true, rules: true, fallthrough: true });

export const configBody = settings.extend({ version: version.optional() });
export const configChangesBody = settings.partial().extend({ version: version.optional() });

export const configSchema = z.object({
  enabled: z.boolean(),
  offVariant: z.string(),
  prerequisites: z.array(prerequisiteSchema),
  rules: z.array(ruleSchema),
  fallthrough: serveSchema,
  version: z.number(),
  updatedAt: z.string(),
});

const flagInfo = {
  key: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(FLAG_KINDS),
  variants: z.array(z.object({ key: z.string(), value: z.json(), name: z.string().optional(), description: z.string().optional() })),
  onVariant: z.string(),
  offVariant: z.string(),
  tags: z.array(z.string()),
  owner: z.string(),
  lifetime: z.enum(FLAG_LIFETIMES),
  clientSide: z.boolean(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const flagSchemaOut = z.object({
  ...flagInfo,
  environments: z.record(z.string(), configSchema).describe('The configuration in each environment, by environment key'),
});

export const flagListItem = z.object({
  ...flagInfo,
  environments: z
    .record(
      z.string(),
      z.object({
        enabled: z.boolean(),
        version: z.number(),
        updatedAt: z.string(),
        servesOne: z.string().nullable().describe('The one variant every context gets while enabled (fully rolled out), or null when it depends on the context'),
      }),
    )
    .describe('Whether the flag is on in each environment, by environment key, and when its configuration there last changed'),
});

export const projectParams = z.object({ project: z.string() });
export const flagParams = z.object({ project: z.string(), flag: z.string() });
export const configParams = z.object({ project: z.string(), flag: z.string(), environment: z.string() });
