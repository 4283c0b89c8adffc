import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { Effect } from './effects.js';

/**
 * The probability that treatment beats control (its effect is above 0),
 * under a flat prior: Φ(Δ/√Var). For a metric where lower is better, the
 * chance to win is 1 minus this.
 *
 * @example
 * chanceToWin({ estimate: 0.02, variance: 0.0001, degreesOfFreedom: 1998, units: 2000 }); // 0.977…
 */
export function chanceToWin(effect: Effect): number {
  return normalCdf(effect.estimate / Math.sqrt(effect.variance), 0, 1);
}
