import { type ArmStatistics, momentsOf } from './arms.js';
import { chanceToWin } from './chance-to-win.js';
import { type Effect, absoluteEffect, relativeEffect } from './effects.js';
import { DEFAULT_ALPHA, DEFAULT_SEQUENTIAL_TUNING, type TestResult, fixedHorizonTest, sequentialTest } from './tests.js';

/** Everything the results show of one effect. */
export interface EffectSummary {
  readonly estimate: number;
  readonly fixed: TestResult;
  readonly sequential: TestResult;
  /** The probability that treatment is better than control, in the metric's direction. */
  readonly chanceToWin: number;
}

/** A treatment against the control: absolute and relative effects, each null when undefined (STATS.md). */
export interface Comparison {
  readonly absolute: EffectSummary | null;
  readonly relative: EffectSummary | null;
}

export interface CompareOptions {
  alpha?: number;
  /** N* of the confidence sequence. */
  sequentialTuning?: number;
  /** For metrics where less is better (errors, latency): the chance to win is that of a decrease. */
  higherIsBetter?: boolean;
}

function summarise(effect: Effect | null, alpha: number, tuning: number, higherIsBetter: boolean): EffectSummary | null {
  if (effect === null) return null;
  const up = chanceToWin(effect);
  return {
    estimate: effect.estimate,
    fixed: fixedHorizonTest(effect, alpha),
    sequential: sequentialTest(effect, alpha, tuning),
    chanceToWin: higherIsBetter ? up : 1 - up,
  };
}

/**
 * Compares a treatment arm with the control arm of the same metric, with
 * both tests.
 *
 * @example
 * const { relative } = compareArms({ type: 'proportion', n: 2500, conversions: 1513 }, { type: 'proportion', n: 2480, conversions: 1780 });
 * relative?.estimate; // 0.186: an 18.6% lift
 * relative?.sequential.pValue; // 1.5e-11
 */
export function compareArms(control: ArmStatistics, treatment: ArmStatistics, options: CompareOptions = {}): Comparison {
  if (control.type !== treatment.type) throw new TypeError(`cannot compare a ${control.type} arm with a ${treatment.type} arm`);
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const tuning = options.sequentialTuning ?? DEFAULT_SEQUENTIAL_TUNING;
  const higherIsBetter = options.higherIsBetter ?? true;
  const c = momentsOf(control);
  const t = momentsOf(treatment);
  return {
    absolute: summarise(absoluteEffect(c, t), alpha, tuning, higherIsBetter),
    relative: summarise(relativeEffect(c, t), alpha, tuning, higherIsBetter),
  };
}
