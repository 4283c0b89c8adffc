import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Effect } from './effects.js';

/** The false-positive rate the tests are built for: 95% intervals. */
export const DEFAULT_ALPHA = 0.05;

/** The sample size N* at which the confidence sequence is tightest (GrowthBook's default). */
export const DEFAULT_SEQUENTIAL_TUNING = 5000;

/** A test's outcome: an interval for the effect and a two-sided p-value. */
export interface TestResult {
  readonly ci: readonly [number, number];
  readonly pValue: number;
}

/**
 * The fixed-horizon Welch t-test, valid when the sample size was fixed in
 * advance and the result is read once: t = Δ/√Var with the effect's degrees
 * of freedom, two-sided p-value, interval Δ ± t(1 − α/2, df)·√Var.
 *
 * @example
 * const effect = absoluteEffect(proportionMoments({ n: 1000, conversions: 100 }), proportionMoments({ n: 1000, conversions: 120 }))!;
 * fixedHorizonTest(effect); // { ci: [-0.0074, 0.0474], pValue: 0.153 }
 */
export function fixedHorizonTest(effect: Effect, alpha = DEFAULT_ALPHA): TestResult {
  const se = Math.sqrt(effect.variance);
  const t = effect.estimate / se;
  const pValue = 2 * (1 - tCdf(Math.abs(t), effect.degreesOfFreedom));
  const half = tQuantile(1 - alpha / 2, effect.degreesOfFreedom) * se;
  return { ci: [effect.estimate - half, effect.estimate + half], pValue: Math.min(1, Math.max(0, pValue)) };
}

/**
 * The sequential test: an asymptotic confidence sequence (Waudby-Smith et
 * al. 2023, as GrowthBook uses it), valid however often the result is read.
 * With N the units of both arms and s² = Var·N,
 * ρ = √((−2 ln α + ln(−2 ln α + 1)) / N*),
 * half-width = s · √( 2(Nρ² + 1)/(N²ρ²) · ln(√(Nρ² + 1)/α) ),
 * and the p-value 1/E (at most 1) with
 * ln E = ρ²S²/(2(Nρ² + 1)) − ½ ln(Nρ² + 1), S² = Δ²N/Var, kept in log
 * space because E itself overflows a double for large effects.
 *
 * @example
 * sequentialTest(effect); // { ci: [-0.0237, 0.0637], pValue: 0.939 }: wider than the fixed test's
 */
export function sequentialTest(effect: Effect, alpha = DEFAULT_ALPHA, tuning = DEFAULT_SEQUENTIAL_TUNING): TestResult {
  const n = effect.units;
  const minusTwoLogAlpha = -2 * Math.log(alpha);
  const rho2 = (minusTwoLogAlpha + Math.log(minusTwoLogAlpha + 1)) / tuning;
  const nRho2 = n * rho2 + 1;
  const s = Math.sqrt(effect.variance * n);
  const half = s * Math.sqrt(((2 * nRho2) / (n * n * rho2)) * (0.5 * Math.log(nRho2) - Math.log(alpha)));
  const s2 = (effect.estimate * effect.estimate * n) / effect.variance;
  const logE = (rho2 * s2) / (2 * nRho2) - 0.5 * Math.log(nRho2);
  return { ci: [effect.estimate - half, effect.estimate + half], pValue: Math.min(1, Math.exp(-logE)) };
}
