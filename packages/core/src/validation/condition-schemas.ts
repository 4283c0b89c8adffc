import { z } from 'zod';
import { parseInstant } from '../dates.js';
import { parseSemVer } from '../semver.js';
import type { Condition, Operator } from '../types.js';
import { describeValue, quote } from './issues.js';
import { attributeNameSchema, segmentKeySchema } from './keys.js';
import { coded, formsMessage } from './zod-issues.js';
import { MAX_CONDITION_VALUES, MAX_CONDITION_VALUE_LENGTH, MAX_REGEX_LENGTH } from './limits.js';

/**
 * A message for a value of the wrong type that says what the operator
 * compares. Other issues fall through to the general messages.
 */
function expecting(what: string) {
  return (issue: { code?: string; input?: unknown }) =>
    issue.code === 'invalid_type' || issue.code === 'invalid_union' ? `${what}; got ${describeValue(issue.input)}` : undefined;
}

const text = (op: string) => z.string({ error: expecting(`${op} compares strings`) }).max(MAX_CONDITION_VALUE_LENGTH);
const number = (op: string) => z.number({ error: expecting(`${op} compares finite numbers`) });

const scalar = z.union([z.string().max(MAX_CONDITION_VALUE_LENGTH), z.number(), z.boolean()], {
  error: expecting('eq compares strings, numbers or booleans'),
});

/** The evaluator compiles patterns with `new RegExp(pattern)`, so that is what must succeed here. */
const pattern = z.string({ error: expecting('matches takes regular expressions written as strings') }).superRefine((value, ctx) => {
  if (value.length > MAX_REGEX_LENGTH) {
    ctx.addIssue({
      code: 'custom',
      message: `a pattern is at most ${MAX_REGEX_LENGTH} characters long; this one has ${value.length}`,
      ...coded('too_big'),
    });
    return;
  }
  try {
    new RegExp(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.addIssue({ code: 'custom', message: `${quote(value)} is not a valid regular expression: ${reason}`, ...coded('invalid_regex') });
  }
});

const instant = (op: string) =>
  z
    .union([z.string(), z.number()], { error: expecting(`${op} compares dates as ISO-8601 strings or epoch milliseconds`) })
    .refine((value) => parseInstant(value) !== undefined, {
      error: (issue) =>
        `${describeValue(issue.input)} is not a date; use ISO-8601 such as "2025-01-31" or "2025-01-31T09:00:00Z", or epoch milliseconds`,
      ...coded('invalid_date'),
    });

const version = (op: string) =>
  z.string({ error: expecting(`${op} compares semantic versions written as strings`) }).refine((value) => parseSemVer(value) !== undefined, {
    error: (issue) => `${describeValue(issue.input)} is not a semantic version such as "2.1.0" or "v2.1.0-rc.1"`,
    ...coded('invalid_semver'),
  });

/** At least one value: a condition with none could never hold. @example values(z.string()) */
function values<T extends z.ZodType>(operand: T) {
  return z.array(operand).min(1).max(MAX_CONDITION_VALUES);
}

/** One member of the union on `op`. @example attributeCondition('lt', values(number('lt'))) */
function attributeCondition<const Op extends Operator, V extends z.ZodType>(op: Op, operands: V) {
  return z.strictObject({ attr: attributeNameSchema, op: z.literal(op), values: operands, negate: z.boolean().optional() });
}

/**
 * `{ attr, op, values, negate? }`, with `values` checked for what `op`
 * compares: a value that could never match is a mistake worth reporting on
 * save, even though evaluation would quietly ignore it.
 *
 * @example
 * attributeConditionSchema.parse({ attr: 'appVersion', op: 'semverLt', values: ['2.1.0'] });
 */
export const attributeConditionSchema = z.discriminatedUnion('op', [
  attributeCondition('eq', values(scalar)),
  attributeCondition('contains', values(text('contains'))),
  attributeCondition('startsWith', values(text('startsWith'))),
  attributeCondition('endsWith', values(text('endsWith'))),
  attributeCondition('matches', values(pattern)),
  attributeCondition('lt', values(number('lt'))),
  attributeCondition('lte', values(number('lte'))),
  attributeCondition('gt', values(number('gt'))),
  attributeCondition('gte', values(number('gte'))),
  attributeCondition('before', values(instant('before'))),
  attributeCondition('after', values(instant('after'))),
  attributeCondition('semverEq', values(version('semverEq'))),
  attributeCondition('semverLt', values(version('semverLt'))),
  attributeCondition('semverGt', values(version('semverGt'))),
  attributeCondition(
    'exists',
    z.tuple([], { error: 'exists only checks that the attribute is present; leave "values" out or empty' }).optional(),
  ),
]);

/** @example segmentConditionSchema.parse({ segment: 'staff', negate: true }) */
export const segmentConditionSchema = z.strictObject({ segment: segmentKeySchema, negate: z.boolean().optional() });

/** @example conditionSchema.parse({ segment: 'staff' }) */
export const conditionSchema = z.union([segmentConditionSchema, attributeConditionSchema], {
  error: formsMessage('a condition is either { "segment": key } or { "attr": name, "op": operator, "values": [...] }'),
}) satisfies z.ZodType<Condition>;
