import chiSquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

/** The outcome of a sample-ratio-mismatch check. */
export interface SampleRatioCheck {
  readonly chiSquare: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
}

/** Below this p-value, the assignment is broken and the results must not be trusted. */
export const SRM_THRESHOLD = 0.001;

/**
 * Pearson's χ² test of observed unit counts against the configured weights
 * (any scale: they are normalised), with k − 1 degrees of freedom. Variants
 * of weight 0 are left out. Null when fewer than two variants have weight or
 * no unit is counted in them: there is nothing to compare.
 *
 * @example
 * sampleRatioMismatch([5_100, 4_900], [1, 1]); // { chiSquare: 4, degreesOfFreedom: 1, pValue: 0.0455 }
 * sampleRatioMismatch([5_100, 4_900], [1, 1])!.pValue < SRM_THRESHOLD; // false: no mismatch
 */
export function sampleRatioMismatch(counts: readonly number[], weights: readonly number[]): SampleRatioCheck | null {
  if (counts.length !== weights.length) throw new RangeError(`${counts.length} counts but ${weights.length} weights`);
  const kept = counts.map((count, i) => ({ count, weight: weights[i]! })).filter((arm) => arm.weight > 0);
  const total = kept.reduce((sum, arm) => sum + arm.count, 0);
  const totalWeight = kept.reduce((sum, arm) => sum + arm.weight, 0);
  if (kept.length < 2 || total === 0) return null;
  let chiSquare = 0;
  for (const arm of kept) {
    const expected = (total * arm.weight) / totalWeight;
    chiSquare += (arm.count - expected) ** 2 / expected;
  }
  const degreesOfFreedom = kept.length - 1;
  return { chiSquare, degreesOfFreedom, pValue: Math.min(1, Math.max(0, 1 - chiSquareCdf(chiSquare, degreesOfFreedom))) };
}
