import type { Moments } from './arms.js';

/**
 * A treatment-versus-control effect and what its tests need: the estimate,
 * its variance, the Welch–Satterthwaite degrees of freedom from the arms'
 * σ²/n, and the number of units in both arms.
 */
export interface Effect {
  readonly estimate: number;
  readonly variance: number;
  readonly degreesOfFreedom: number;
  readonly units: number;
}

/** Welch–Satterthwaite: (a + b)² / (a²/(nC − 1) + b²/(nT − 1)), with a, b the arms' σ²/n. */
function welchDegreesOfFreedom(control: Moments, treatment: Moments): number {
  const a = control.variance / control.n;
  const b = treatment.variance / treatment.n;
  return (a + b) ** 2 / ((a * a) / (control.n - 1) + (b * b) / (treatment.n - 1));
}

function effect(control: Moments, treatment: Moments, estimate: number, variance: number): Effect | null {
  if (!(variance > 0) || !Number.isFinite(variance) || !Number.isFinite(estimate)) return null;
  return { estimate, variance, degreesOfFreedom: welchDegreesOfFreedom(control, treatment), units: control.n + treatment.n };
}

/**
 * The absolute effect μT − μC, with variance σ²T/nT + σ²C/nC. Null when an
 * arm has fewer than 2 units or the variance is 0 (nothing varies: no test).
 *
 * @example
 * absoluteEffect(proportionMoments({ n: 1000, conversions: 100 }), proportionMoments({ n: 1000, conversions: 120 }));
 * // { estimate: 0.02, variance: 0.0001956, degreesOfFreedom: 1985.37…, units: 2000 }
 */
export function absoluteEffect(control: Moments, treatment: Moments): Effect | null {
  if (control.n < 2 || treatment.n < 2) return null;
  return effect(control, treatment, treatment.mean - control.mean, treatment.variance / treatment.n + control.variance / control.n);
}

/**
 * The relative effect (lift) (μT − μC)/μC, with the delta method's variance
 * σ²T/(nT·μC²) + μT²·σ²C/(nC·μC⁴). Null when an arm has fewer than 2 units,
 * the control's mean is 0, or the variance is 0.
 *
 * @example
 * relativeEffect(proportionMoments({ n: 1000, conversions: 100 }), proportionMoments({ n: 1000, conversions: 120 }))?.estimate; // 0.2
 */
export function relativeEffect(control: Moments, treatment: Moments): Effect | null {
  if (control.n < 2 || treatment.n < 2 || control.mean === 0) return null;
  const muC2 = control.mean * control.mean;
  const variance = treatment.variance / (treatment.n * muC2) + (treatment.mean * treatment.mean * control.variance) / (control.n * muC2 * muC2);
  return effect(control, treatment, (treatment.mean - control.mean) / control.mean, variance);
}
