import { BUCKETS, bucketOf, saltState, unitKey, type SaltState } from './bucket.js';
import { attributeGetter, type AttributeGetter } from './context.js';
import { Malformed, isRecord } from './malformed.js';
import { served, targetingKeyMissing } from './results.js';
import type { Context, EvaluationResult, JsonValue } from './types.js';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * What a rule or the fallthrough serves, with every possible result built in
 * advance: a fixed variant is one frozen result, a rollout one per split entry.
 */
export class ServePlan {
  private constructor(
    readonly fixed: EvaluationResult | undefined,
    readonly salt: SaltState | undefined,
    /** The attribute a rollout buckets by. */
    readonly bucketBy: string,
    private readonly unitOf: AttributeGetter | undefined,
    /** Running sums of the split weights. */
    readonly bounds: readonly number[],
    readonly results: readonly EvaluationResult[],
    readonly keyMissing: EvaluationResult | undefined,
  ) {}

  static fixed(result: EvaluationResult): ServePlan {
    return new ServePlan(result, undefined, '', undefined, [], [], undefined);
  }

  static rollout(salt: string, bucketBy: string, bounds: number[], results: EvaluationResult[]): ServePlan {
    return new ServePlan(undefined, saltState(salt), bucketBy, attributeGetter(bucketBy), bounds, results, targetingKeyMissing(bucketBy));
  }

  serve(context: Context): EvaluationResult {
    if (this.fixed !== undefined) return this.fixed;
    const unit = unitKey(this.unitOf!(context));
    if (unit === undefined) return this.keyMissing!;
    const bucket = bucketOf(this.salt!, unit);
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i++) if (bucket < bounds[i]!) return this.results[i]!;
    return this.results[this.results.length - 1]!;
  }
}

export function variantValue(variants: Record<string, JsonValue>, variant: unknown): JsonValue | Malformed {
  if (typeof variant !== 'string' || !hasOwn.call(variants, variant)) {
    return new Malformed(`variant ${JSON.stringify(variant) ?? 'undefined'} is not one of the flag's variants`);
  }
  return variants[variant]!;
}

/** Compiles `{ variant }` or `{ rollout: { split, salt?, bucketBy? } }`. */
export function compileServe(
  input: unknown,
  path: string,
  flagKey: string,
  variants: Record<string, JsonValue>,
  reason: 'TARGETING_MATCH' | 'DEFAULT',
  ruleId: string | undefined,
): ServePlan | Malformed {
  if (!isRecord(input)) return new Malformed(`${path} must be an object`);
  const extra = ruleId === undefined ? undefined : { ruleId };
  if (input.rollout === undefined) {
    const value = variantValue(variants, input.variant);
    if (value instanceof Malformed) return new Malformed(`${path}.variant: ${value.message}`);
    return ServePlan.fixed(served(input.variant as string, value, reason, extra));
  }
  const rollout = input.rollout;
  if (!isRecord(rollout)) return new Malformed(`${path}.rollout must be an object`);
  const salt = rollout.salt ?? flagKey;
  if (typeof salt !== 'string') return new Malformed(`${path}.rollout.salt must be a string`);
  const bucketBy = rollout.bucketBy ?? 'key';
  if (typeof bucketBy !== 'string') return new Malformed(`${path}.rollout.bucketBy must be a string`);
  const split = rollout.split;
  if (!Array.isArray(split) || split.length === 0) return new Malformed(`${path}.rollout.split must be a non-empty array`);
  const bounds: number[] = [];
  const results: EvaluationResult[] = [];
  let total = 0;
  for (let i = 0; i < split.length; i++) {
    const entry: unknown = split[i];
    const at = `${path}.rollout.split[${i}]`;
    if (!isRecord(entry)) return new Malformed(`${at} must be an object`);
    const weight = entry.weight;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0) {
      return new Malformed(`${at}.weight must be a non-negative integer`);
    }
    const value = variantValue(variants, entry.variant);
    if (value instanceof Malformed) return new Malformed(`${at}.variant: ${value.message}`);
    total += weight;
    bounds.push(total);
    results.push(served(entry.variant as string, value, 'SPLIT', extra));
  }
  if (total !== BUCKETS) return new Malformed(`${path}.rollout.split weights sum to ${total}, not ${BUCKETS}`);
  return ServePlan.rollout(salt, bucketBy, bounds, results);
}
