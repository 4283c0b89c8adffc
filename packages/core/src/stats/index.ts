/**
 * Experiment statistics (STATS.md): effects, the fixed-horizon and
 * sequential tests, chance to win and the sample-ratio-mismatch check, all
 * pure functions over sufficient statistics. A separate entry point because
 * its distribution functions are more than SDKs need to carry.
 */
export {
  meanMoments,
  momentsOf,
  proportionMoments,
  type ArmStatistics,
  type MeanArm,
  type MetricType,
  type Moments,
  type ProportionArm,
} from './arms.js';
export { absoluteEffect, relativeEffect, type Effect } from './effects.js';
export { DEFAULT_ALPHA, DEFAULT_SEQUENTIAL_TUNING, fixedHorizonTest, sequentialTest, type TestResult } from './tests.js';
export { chanceToWin } from './chance-to-win.js';
export { SRM_THRESHOLD, sampleRatioMismatch, type SampleRatioCheck } from './srm.js';
export { compareArms, type CompareOptions, type Comparison, type EffectSummary } from './compare.js';
