/*
 * The shapes the browser sees. They are declared here rather than imported
 * from @dial/core so that the package installs and bundles with nothing else.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Why a flag has its value: the reasons of FLAGS.md, which are OpenFeature's names (open to new ones). */
export type Reason = 'TARGETING_MATCH' | 'SPLIT' | 'DEFAULT' | 'DISABLED' | 'PREREQUISITE_FAILED' | 'ERROR' | (string & {});

/** OpenFeature's error codes, which Dial's server and this SDK use unchanged. */
export type DetailsErrorCode =
  | 'FLAG_NOT_FOUND'
  | 'TARGETING_KEY_MISSING'
  | 'PARSE_ERROR'
  | 'TYPE_MISMATCH'
  | 'INVALID_CONTEXT'
  | 'PROVIDER_NOT_READY'
  | 'PROVIDER_FATAL'
  | 'GENERAL'
  | (string & {});

/**
 * A flag's value for the client's context, and why. On an error, `value` is
 * the caller's default and there is no variant. Rules never reach the
 * browser, so unlike the server SDK there is no `ruleId`.
 */
export interface FlagDetails<T> {
  readonly value: T;
  readonly variant?: string;
  readonly reason: Reason;
  readonly errorCode?: DetailsErrorCode;
  readonly errorMessage?: string;
}

/** What the server evaluated for one context: its answer to `POST /api/v1/sdk/evaluate`, and what a bootstrap holds. */
export interface EvaluatedFlags {
  readonly version?: number;
  readonly flags: Readonly<Record<string, FlagDetails<JsonValue | undefined>>>;
}

/** The type a caller expects a flag's value to have; `json` accepts any JSON value. */
export type ValueKind = 'boolean' | 'string' | 'number' | 'json';

/** What a default value asks the flag to be: `boolean` for `true`, `string` for `'a'`, any JSON for an object, array or null. */
export type Widened<T> = T extends boolean ? boolean : T extends string ? string : T extends number ? number : JsonValue;

/** The kind a default value asks for: its own type, or any JSON for objects, arrays, null and no default. */
export function kindOf(defaultValue: unknown): ValueKind {
  const type = typeof defaultValue;
  return type === 'boolean' || type === 'string' || type === 'number' ? type : 'json';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One flag of a server answer (or of storage, or a bootstrap) as details, or undefined if it is not one. */
function parseEntry(entry: unknown): FlagDetails<JsonValue | undefined> | undefined {
  if (!isRecord(entry) || typeof entry.reason !== 'string') return undefined;
  if (entry.reason === 'ERROR' || entry.value === undefined) {
    return Object.freeze({
      value: undefined,
      reason: 'ERROR',
      errorCode: typeof entry.errorCode === 'string' ? entry.errorCode : 'GENERAL',
      ...(typeof entry.errorMessage === 'string' ? { errorMessage: entry.errorMessage } : {}),
    });
  }
  return Object.freeze({
    value: entry.value as JsonValue,
    ...(typeof entry.variant === 'string' ? { variant: entry.variant } : {}),
    reason: entry.reason,
  });
}

/**
 * Reads `{ version?, flags: { key: { value, variant, reason } | { reason: "ERROR", errorCode } } }`,
 * skipping any flag that is not in that shape; undefined when the whole is not.
 */
export function parseEvaluatedFlags(input: unknown): EvaluatedFlags | undefined {
  if (!isRecord(input) || !isRecord(input.flags)) return undefined;
  // No prototype, so that a flag keyed "__proto__" is a flag like any other.
  const flags: Record<string, FlagDetails<JsonValue | undefined>> = Object.create(null);
  for (const [key, entry] of Object.entries(input.flags)) {
    const details = parseEntry(entry);
    if (details !== undefined) flags[key] = details;
  }
  const version = typeof input.version === 'number' && Number.isFinite(input.version) ? input.version : undefined;
  return version === undefined ? { flags } : { version, flags };
}

/** True when two details serve the same thing: a listener need not hear of it. */
export function sameDetails(a: FlagDetails<unknown>, b: FlagDetails<unknown>): boolean {
  return a.reason === b.reason && a.variant === b.variant && a.errorCode === b.errorCode && JSON.stringify(a.value) === JSON.stringify(b.value);
}

export function errorDetails<T>(defaultValue: T, errorCode: DetailsErrorCode, errorMessage: string): FlagDetails<T> {
  return { value: defaultValue, reason: 'ERROR', errorCode, errorMessage };
}

/**
 * Held details as the caller asked for them: an error or a value of another
 * kind gives the default. Details that fit are returned as they are, so their
 * identity is stable until the flag changes.
 */
export function withDefault<T>(held: FlagDetails<JsonValue | undefined>, defaultValue: T, kind: ValueKind): FlagDetails<T> {
  const value = held.value;
  if (value === undefined) {
    return defaultValue === undefined ? (held as FlagDetails<T>) : { ...held, value: defaultValue };
  }
  if (kind !== 'json' && typeof value !== kind) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    return errorDetails(defaultValue, 'TYPE_MISMATCH', `the flag's value is ${got}, not ${kind}`);
  }
  return held as FlagDetails<T>;
}
