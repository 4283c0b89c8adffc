import type { ErrorCode, EvaluationResult, JsonValue, Reason } from '@dial/core';

/**
 * The error codes of a detailed evaluation: the engine's, plus the SDK's own.
 * All are OpenFeature's names, so a provider passes them through.
 */
export type DetailsErrorCode = ErrorCode | 'TYPE_MISMATCH' | 'PROVIDER_NOT_READY' | 'GENERAL';

/**
 * A flag's value for one context, and why. On an error, `value` is the
 * caller's default and there is no variant.
 */
export interface FlagDetails<T> {
  readonly value: T;
  readonly variant?: string;
  readonly reason: Reason;
  readonly ruleId?: string;
  /** The prerequisite that was not met, with reason PREREQUISITE_FAILED. */
  readonly prerequisite?: string;
  readonly errorCode?: DetailsErrorCode;
  readonly errorMessage?: string;
}

/** The type a caller expects a flag's value to have; `json` accepts any JSON value. */
export type ValueKind = 'boolean' | 'string' | 'number' | 'json';

/** The kind a default value asks for: its own type, or any JSON for objects, arrays and null. */
export function kindOf(defaultValue: unknown): ValueKind {
  switch (typeof defaultValue) {
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    default:
      return 'json';
  }
}

function fits(value: JsonValue | undefined, kind: ValueKind): boolean {
  if (value === undefined) return false;
  return kind === 'json' || typeof value === kind;
}

export function errorDetails<T>(defaultValue: T, errorCode: DetailsErrorCode, errorMessage: string): FlagDetails<T> {
  return { value: defaultValue, reason: 'ERROR', errorCode, errorMessage };
}

/** Turns the engine's result into details of the kind the caller asked for. */
export function toDetails<T>(result: EvaluationResult, defaultValue: T, kind: ValueKind): FlagDetails<T> {
  if (result.reason === 'ERROR') {
    return errorDetails(defaultValue, result.errorCode ?? 'GENERAL', result.errorMessage ?? 'the flag could not be evaluated');
  }
  if (!fits(result.value, kind)) {
    const got = result.value === null ? 'null' : Array.isArray(result.value) ? 'array' : typeof result.value;
    return errorDetails(defaultValue, 'TYPE_MISMATCH', `the flag's value is ${got}, not ${kind}`);
  }
  const details: { -readonly [K in keyof FlagDetails<T>]: FlagDetails<T>[K] } = {
    value: result.value as T,
    variant: result.variant,
    reason: result.reason,
  };
  if (result.ruleId !== undefined) details.ruleId = result.ruleId;
  if (result.prerequisite !== undefined) details.prerequisite = result.prerequisite;
  return details;
}
