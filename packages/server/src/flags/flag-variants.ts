import type { FieldIssue } from '../platform/errors.js';
import type { FlagKind, Variant } from './flag-documents.js';

/** The variants a boolean flag gets when none are given: most flags are on/off switches. */
export const BOOLEAN_VARIANTS: readonly Variant[] = [
  { key: 'on', value: true },
  { key: 'off', value: false },
];

const KIND_VALUES: Readonly<Record<FlagKind, { test: (value: unknown) => boolean; noun: string }>> = {
  boolean: { test: (value) => typeof value === 'boolean', noun: 'true or false' },
  string: { test: (value) => typeof value === 'string', noun: 'a string' },
  number: { test: (value) => typeof value === 'number' && Number.isFinite(value), noun: 'a finite number' },
  json: { test: () => true, noun: 'any JSON value' },
};

/**
 * What is wrong with a flag's variants for its kind: keys given twice, and
 * values an SDK's typed getter (`getBooleanValue`…) could not return. Paths
 * point into the request body's `variants` array.
 *
 * @example
 * variantIssues('number', [{ key: 'low', value: '10' }]);
 * // [{ path: 'variants[0].value', message: 'must be a finite number, as the flag is a number flag' }]
 */
export function variantIssues(kind: FlagKind, variants: readonly Variant[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const first = new Map<string, number>();
  variants.forEach((variant, i) => {
    const seen = first.get(variant.key);
    if (seen === undefined) first.set(variant.key, i);
    else issues.push({ path: `variants[${i}].key`, message: `"${variant.key}" is already the key of variants[${seen}]`, code: 'duplicate' });
    const expected = KIND_VALUES[kind];
    if (!expected.test(variant.value)) {
      issues.push({ path: `variants[${i}].value`, message: `must be ${expected.noun}, as the flag is a ${kind} flag`, code: 'invalid_type' });
    }
  });
  return issues;
}

/**
 * What new environments serve when the creator does not say: `on` and `off`
 * for a boolean flag that has them, otherwise the first and last variant.
 *
 * @example
 * defaultServed('string', [{ key: 'a', value: 'A' }, { key: 'b', value: 'B' }]); // { onVariant: 'a', offVariant: 'b' }
 */
export function defaultServed(kind: FlagKind, variants: readonly Variant[]): { onVariant: string; offVariant: string } {
  const keys = variants.map((variant) => variant.key);
  const pick = (preferred: string, fallback: string) => (kind === 'boolean' && keys.includes(preferred) ? preferred : fallback);
  return { onVariant: pick('on', keys[0]!), offVariant: pick('off', keys[keys.length - 1]!) };
}

/** Issues for `onVariant`/`offVariant` that name no variant of the flag. */
export function servedVariantIssues(variants: readonly Variant[], served: { onVariant: string; offVariant: string }): FieldIssue[] {
  const keys = variants.map((variant) => variant.key);
  const known = keys.map((key) => `"${key}"`).join(', ');
  return (['onVariant', 'offVariant'] as const)
    .filter((field) => !keys.includes(served[field]))
    .map((field) => ({ path: field, message: `"${served[field]}" is not one of the flag's variants: ${known}`, code: 'unknown_variant' }));
}
