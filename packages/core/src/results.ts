import type { EvaluationResult, JsonValue, Reason } from './types.js';

/** Results are shared between evaluations, so they and their values are frozen. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A frozen copy of a variant value that does not alias the snapshot it came from. */
export function frozenValue(value: JsonValue): JsonValue {
  return typeof value === 'object' && value !== null ? deepFreeze(JSON.parse(JSON.stringify(value)) as JsonValue) : value;
}

export function served(
  variant: string,
  value: JsonValue,
  reason: Exclude<Reason, 'ERROR'>,
  extra?: { ruleId?: string; prerequisite?: string },
): EvaluationResult {
  const result: { -readonly [K in keyof EvaluationResult]: EvaluationResult[K] } = { variant, value, reason };
  if (extra?.ruleId !== undefined) result.ruleId = extra.ruleId;
  if (extra?.prerequisite !== undefined) result.prerequisite = extra.prerequisite;
  return Object.freeze(result);
}

export function parseError(message: string): EvaluationResult {
  return Object.freeze({ reason: 'ERROR', errorCode: 'PARSE_ERROR', errorMessage: message });
}

export function targetingKeyMissing(attr: string): EvaluationResult {
  return Object.freeze({
    reason: 'ERROR',
    errorCode: 'TARGETING_KEY_MISSING',
    errorMessage: `the rollout buckets by "${attr}", which the context lacks`,
  });
}

export function flagNotFound(): EvaluationResult {
  return FLAG_NOT_FOUND;
}

const FLAG_NOT_FOUND: EvaluationResult = Object.freeze({
  reason: 'ERROR',
  errorCode: 'FLAG_NOT_FOUND',
  errorMessage: 'no flag with this key in the snapshot',
});
