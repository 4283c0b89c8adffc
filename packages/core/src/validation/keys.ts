import { z } from 'zod';
import { describeValue } from './issues.js';
import {
  FLAG_KEY_PATTERN,
  JOURNEY_KEY_PATTERN,
  MAX_ATTRIBUTE_LENGTH,
  RULE_ID_PATTERN,
  SEGMENT_KEY_PATTERN,
  VARIANT_KEY_PATTERN,
} from './limits.js';

/** A string matching `pattern`, with a message that says what the pattern allows rather than showing it. */
function keySchema(what: string, pattern: RegExp, allowed: string) {
  return z.string().regex(pattern, { error: (issue) => `${describeValue(issue.input)} is not a valid ${what}; use ${allowed}` });
}

/** @example flagKeySchema.parse('checkout-v2') */
export const flagKeySchema = keySchema(
  'flag key',
  FLAG_KEY_PATTERN,
  '1 to 100 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit',
);

/** @example segmentKeySchema.parse('beta-testers') */
export const segmentKeySchema = keySchema(
  'segment key',
  SEGMENT_KEY_PATTERN,
  '1 to 100 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit',
);

/** @example journeyKeySchema.parse('checkout') */
export const journeyKeySchema = keySchema(
  'journey key',
  JOURNEY_KEY_PATTERN,
  '1 to 100 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit',
);

/** @example variantKeySchema.parse('Control') */
export const variantKeySchema = keySchema(
  'variant key',
  VARIANT_KEY_PATTERN,
  '1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
);

/** @example ruleIdSchema.parse('eu-pro') */
export const ruleIdSchema = keySchema(
  'rule id',
  RULE_ID_PATTERN,
  '1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
);

/** Any non-empty name: attributes mirror the application's own fields. @example attributeNameSchema.parse('user.plan') */
export const attributeNameSchema = z.string().min(1).max(MAX_ATTRIBUTE_LENGTH);
