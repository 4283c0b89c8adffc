/**
 * One arm's sufficient statistics, from which every effect and test is
 * computed: nothing about individual units is needed once these are summed.
 */

/** A proportion metric: how many of `n` units converted. */
export interface ProportionArm {
  readonly n: number;
  readonly conversions: number;
}

/** A mean metric: the sum and sum of squares of one value per unit over `n` units. */
export interface MeanArm {
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
}

/** What a metric's per-unit value is: a 0/1 conversion, or any number. */
export type MetricType = 'proportion' | 'mean';

/** An arm's sufficient statistics tagged with the kind of metric they come from. */
export type ArmStatistics = ({ readonly type: 'proportion' } & ProportionArm) | ({ readonly type: 'mean' } & MeanArm);

/** The mean of the per-unit values and their variance, over `n` units. */
export interface Moments {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

/**
 * A proportion's moments: mean p = conversions / n, variance p(1 − p).
 *
 * @example
 * proportionMoments({ n: 200, conversions: 50 }); // { n: 200, mean: 0.25, variance: 0.1875 }
 */
export function proportionMoments(arm: ProportionArm): Moments {
  const mean = arm.n > 0 ? arm.conversions / arm.n : 0;
  return { n: arm.n, mean, variance: mean * (1 - mean) };
}

/**
 * A mean metric's moments: mean sum / n, sample variance (sumSquares − sum²/n) / (n − 1).
 * Rounding can make the variance of identical values a hair below zero; it is then 0.
 *
 * @example
 * meanMoments({ n: 3, sum: 6, sumSquares: 14 }); // { n: 3, mean: 2, variance: 1 }
 */
export function meanMoments(arm: MeanArm): Moments {
  const mean = arm.n > 0 ? arm.sum / arm.n : 0;
  const variance = arm.n > 1 ? Math.max(0, (arm.sumSquares - (arm.sum * arm.sum) / arm.n) / (arm.n - 1)) : 0;
  return { n: arm.n, mean, variance };
}

/** The moments of an arm of either kind. */
export function momentsOf(arm: ArmStatistics): Moments {
  return arm.type === 'proportion' ? proportionMoments(arm) : meanMoments(arm);
}
