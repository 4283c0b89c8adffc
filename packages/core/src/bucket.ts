import { murmur3From, murmur3State, type HashState } from './murmur3.js';

/** Buckets run from 0 to 99999: split weights are thousandths of a percent. */
export const BUCKETS = 100_000;

/**
 * The string a context attribute is bucketed and listed by: strings as they
 * are, integers in plain decimal, other numbers as JavaScript prints them,
 * booleans as `true`/`false`. Anything else (missing, null, objects, arrays,
 * the empty string) has no bucketing key.
 */
export function unitKey(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value === '' ? undefined : value;
    case 'number':
      if (!Number.isFinite(value)) return undefined;
      // Integers from 1e21 up would print in exponent form.
      return Number.isInteger(value) && Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return undefined;
  }
}

/** A salt, hashed once, ready to bucket many units. */
export type SaltState = HashState;

export function saltState(salt: string): SaltState {
  return murmur3State(salt + '/');
}

/**
 * The bucket of a unit for a salt: `murmur3(utf8(salt + "/" + unit)) % 100000`.
 *
 * @example
 * bucketOf(saltState('new-checkout'), 'user-1'); // 27752
 */
export function bucketOf(salt: SaltState, unit: string): number {
  return murmur3From(salt, unit) % BUCKETS;
}

/** {@link bucketOf} for one-off calls. */
export function bucket(salt: string, unit: string): number {
  return bucketOf(saltState(salt), unit);
}
