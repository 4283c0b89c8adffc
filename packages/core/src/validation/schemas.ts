import { z } from 'zod';
import { BUCKETS } from '../bucket.js';
import type { Flag, Segment, Snapshot } from '../types.js';
import { conditionSchema } from './condition-schemas.js';
import { describeValue, quote, type IssueCode, type PathSegment } from './issues.js';
import { attributeNameSchema, flagKeySchema, ruleIdSchema, segmentKeySchema, variantKeySchema } from './keys.js';
import {
  MAX_CONDITIONS,
  MAX_PREREQUISITES,
  MAX_RULES,
  MAX_SALT_LENGTH,
  MAX_SEGMENT_KEYS,
  MAX_SEGMENT_RULES,
  MAX_SNAPSHOT_FLAGS,
  MAX_SNAPSHOT_SEGMENTS,
  MAX_SPLIT_ENTRIES,
  MAX_TARGETING_KEY_LENGTH,
  MAX_VARIANTS,
  MAX_VARIANT_VALUE_DEPTH,
  MAX_VARIANT_VALUE_LENGTH,
  MIN_VARIANTS,
} from './limits.js';
import { coded, formsMessage } from './zod-issues.js';

/**
 * These schemas check the shape of one document and every field on its own.
 * Whether the fields agree with each other (a served variant exists, rule ids
 * are unique) and with the rest of the project is checked afterwards, on the
 * typed document, in `consistency.ts` and `references.ts`.
 */

interface JsonProblem {
  path: PathSegment[];
  code: IssueCode;
  message: string;
}

/**
 * Walks a value without recursion, so no document can overflow the stack,
 * and stops at the first reason it is not a JSON value we accept.
 */
function jsonProblem(root: unknown): JsonProblem | undefined {
  const pending: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  let nodes = 0;
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    // Every value takes at least one character of JSON, so this bounds the walk even for shared subtrees.
    if (++nodes > MAX_VARIANT_VALUE_LENGTH) {
      return { path: [], code: 'too_big', message: `a variant value is at most ${MAX_VARIANT_VALUE_LENGTH} characters as JSON` };
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) continue;
      return { path, code: 'invalid_type', message: `${String(value)} is not a JSON number` };
    }
    const prototype: unknown = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
    if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) {
      return { path, code: 'invalid_type', message: `expected a JSON value, got ${describeValue(value)}` };
    }
    if (path.length >= MAX_VARIANT_VALUE_DEPTH) {
      return { path, code: 'too_big', message: `a variant value nests arrays and objects at most ${MAX_VARIANT_VALUE_DEPTH} levels deep` };
    }
    for (const [key, child] of Object.entries(value as object)) {
      if (key === '__proto__') {
        // JavaScript readers would take it for the object's prototype, so it cannot round-trip.
        return { path: [...path, key], code: 'invalid_value', message: '"__proto__" cannot be used as an object key in a variant value' };
      }
      pending.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  const length = JSON.stringify(root).length;
  if (length > MAX_VARIANT_VALUE_LENGTH) {
    return {
      path: [],
      code: 'too_big',
      message: `a variant value is at most ${MAX_VARIANT_VALUE_LENGTH} characters as JSON; this one has ${length}`,
    };
  }
  return undefined;
}

/** Any JSON value, bounded so one flag cannot bloat every SDK's download. @example variantValueSchema.parse({ limit: 100 }) */
export const variantValueSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = jsonProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, ...coded(problem.code) });
  })
  .pipe(z.json());

/** @example variantsSchema.parse({ on: true, off: false }) */
export const variantsSchema = z.record(variantKeySchema, variantValueSchema).superRefine((variants, ctx) => {
  const count = Object.keys(variants).length;
  if (count < MIN_VARIANTS) {
    ctx.addIssue({ code: 'custom', message: 'a flag needs at least one variant', ...coded('too_small') });
  } else if (count > MAX_VARIANTS) {
    ctx.addIssue({ code: 'custom', message: `a flag has at most ${MAX_VARIANTS} variants; this one has ${count}`, ...coded('too_big') });
  }
});

/** @example splitEntrySchema.parse({ variant: 'on', weight: 25000 }) */
export const splitEntrySchema = z.strictObject({ variant: variantKeySchema, weight: z.int().min(0).max(BUCKETS) });

/** @example rolloutSchema.parse({ split: [{ variant: 'on', weight: 100000 }], bucketBy: 'orgId' }) */
export const rolloutSchema = z
  .strictObject({
    split: z.array(splitEntrySchema).min(1).max(MAX_SPLIT_ENTRIES),
    salt: z.string().min(1).max(MAX_SALT_LENGTH).optional(),
    bucketBy: attributeNameSchema.optional(),
  })
  .superRefine((rollout, ctx) => {
    // An empty split or a weight out of range is reported on its own; a sum would only repeat it.
    const weightsValid = rollout.split.every((entry) => Number.isInteger(entry.weight) && entry.weight >= 0 && entry.weight <= BUCKETS);
    if (rollout.split.length === 0 || !weightsValid) return;
    const total = rollout.split.reduce((sum, entry) => sum + entry.weight, 0);
    if (total !== BUCKETS) {
      ctx.addIssue({
        code: 'custom',
        path: ['split'],
        message: `split weights sum to ${total}; they must sum to ${BUCKETS} (100%)`,
        ...coded('split_sum'),
      });
    }
  });

/** @example serveSchema.parse({ variant: 'on' }) */
export const serveSchema = z.union([z.strictObject({ variant: variantKeySchema }), z.strictObject({ rollout: rolloutSchema })], {
  error: formsMessage('serve is either { "variant": key } or { "rollout": { "split": [...] } }'),
});

/** @example ruleSchema.parse({ id: 'staff', when: [{ segment: 'staff' }], serve: { variant: 'on' } }) */
export const ruleSchema = z.strictObject({
  id: ruleIdSchema,
  when: z.array(conditionSchema).max(MAX_CONDITIONS),
  serve: serveSchema,
});

/** @example prerequisiteSchema.parse({ flag: 'new-cart', variant: 'on' }) */
export const prerequisiteSchema = z.strictObject({ flag: flagKeySchema, variant: variantKeySchema });

/**
 * A flag as FLAGS.md describes it. Unknown fields are errors, so a typo in a
 * config file is caught instead of silently ignored.
 *
 * @example
 * flagSchema.parse({ key: 'dark-mode', variants: { on: true, off: false }, enabled: true,
 *   offVariant: 'off', rules: [], fallthrough: { variant: 'on' } });
 */
export const flagSchema = z.strictObject({
  key: flagKeySchema,
  variants: variantsSchema,
  enabled: z.boolean(),
  offVariant: variantKeySchema,
  prerequisites: z.array(prerequisiteSchema).max(MAX_PREREQUISITES).optional(),
  rules: z.array(ruleSchema).max(MAX_RULES),
  fallthrough: serveSchema,
}) satisfies z.ZodType<Flag>;

/** Targeting keys listed once each: a repeat is usually a paste gone wrong. */
const targetingKeysSchema = z
  .array(z.string().min(1).max(MAX_TARGETING_KEY_LENGTH))
  .max(MAX_SEGMENT_KEYS)
  .superRefine((keys, ctx) => {
    const first = new Map<string, number>();
    keys.forEach((key, index) => {
      const seen = first.get(key);
      if (seen === undefined) first.set(key, index);
      else ctx.addIssue({ code: 'custom', path: [index], message: `${quote(key)} is listed twice; first at index ${seen}`, ...coded('duplicate') });
    });
  });

/** @example segmentSchema.parse({ key: 'staff', include: ['u-1'], rules: [[{ attr: 'email', op: 'endsWith', values: ['@example.com'] }]] }) */
export const segmentSchema = z.strictObject({
  key: segmentKeySchema,
  include: targetingKeysSchema.optional(),
  exclude: targetingKeysSchema.optional(),
  rules: z.array(z.array(conditionSchema).max(MAX_CONDITIONS)).max(MAX_SEGMENT_RULES).optional(),
}) satisfies z.ZodType<Segment>;

/** @example snapshotSchema.parse({ version: 12, flags: [], segments: [] }) */
export const snapshotSchema = z.strictObject({
  version: z.int().min(0).optional(),
  flags: z.array(flagSchema).max(MAX_SNAPSHOT_FLAGS),
  segments: z.array(segmentSchema).max(MAX_SNAPSHOT_SEGMENTS).optional(),
}) satisfies z.ZodType<Snapshot>;
