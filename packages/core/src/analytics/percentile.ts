/**
 * The continuous percentile of sorted numbers, computed step by step as
 * PostgreSQL's `percentile_cont` computes it in double precision, so both
 * give the very same number: linear interpolation between the two values
 * around position `p × (n − 1)`. Null for no values.
 *
 * @example
 * percentileCont([1, 2, 3, 4], 0.5); // 2.5
 * percentileCont([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9); // 91
 */
export function percentileCont(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = p * (sorted.length - 1);
  const first = Math.floor(position);
  const second = Math.ceil(position);
  const low = sorted[first]!;
  if (first === second) return low;
  const high = sorted[second]!;
  return low + (position - first) * (high - low);
}

/** Seconds from microseconds, rounded to the millisecond. @example secondsOfMicros(1_234_567.5); // 1.235 */
export function secondsOfMicros(micros: number): number {
  return Math.round(micros / 1000) / 1000;
}
