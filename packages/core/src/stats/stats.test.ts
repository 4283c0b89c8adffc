import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanMoments, proportionMoments } from './arms.js';
import { chanceToWin } from './chance-to-win.js';
import { compareArms } from './compare.js';
import { absoluteEffect, relativeEffect } from './effects.js';
import { SRM_THRESHOLD, sampleRatioMismatch } from './srm.js';
import { fixedHorizonTest, sequentialTest } from './tests.js';

const SEED = 20261121;

describe('moments', () => {
  it('takes a proportion’s variance as p(1 − p)', () => {
    expect(proportionMoments({ n: 200, conversions: 50 })).toEqual({ n: 200, mean: 0.25, variance: 0.1875 });
  });

  it('takes a mean metric’s sample variance with n − 1', () => {
    // Values 1, 2, 3: sum 6, squares 14, variance 1.
    expect(meanMoments({ n: 3, sum: 6, sumSquares: 14 })).toEqual({ n: 3, mean: 2, variance: 1 });
  });

  it('never gives a negative variance for identical values rounded badly', () => {
    expect(meanMoments({ n: 3, sum: 0.3, sumSquares: 0.03 - 1e-18 }).variance).toBe(0);
  });
});

describe('effects', () => {
  const control = proportionMoments({ n: 1000, conversions: 100 });
  const treatment = proportionMoments({ n: 1000, conversions: 120 });

  it('estimates the absolute and relative effects with their variances', () => {
    const absolute = absoluteEffect(control, treatment)!;
    expect(absolute.estimate).toBeCloseTo(0.02, 12);
    expect(absolute.variance).toBeCloseTo((0.12 * 0.88) / 1000 + (0.1 * 0.9) / 1000, 15);
    expect(absolute.units).toBe(2000);
    const relative = relativeEffect(control, treatment)!;
    expect(relative.estimate).toBeCloseTo(0.2, 12);
    expect(relative.variance).toBeCloseTo((0.12 * 0.88) / (1000 * 0.01) + (0.0144 * 0.09) / (1000 * 0.0001), 12);
    expect(relative.degreesOfFreedom).toBe(absolute.degreesOfFreedom);
  });

  it('is undefined for an arm under 2 units, a control mean of 0 (relative) or no variance', () => {
    expect(absoluteEffect(proportionMoments({ n: 1, conversions: 0 }), treatment)).toBeNull();
    expect(relativeEffect(control, meanMoments({ n: 1, sum: 3, sumSquares: 9 }))).toBeNull();
    const none = proportionMoments({ n: 100, conversions: 0 });
    expect(relativeEffect(none, treatment)).toBeNull();
    expect(absoluteEffect(none, treatment)).not.toBeNull();
    expect(absoluteEffect(none, proportionMoments({ n: 50, conversions: 0 }))).toBeNull();
    expect(relativeEffect(proportionMoments({ n: 400, conversions: 1 }), proportionMoments({ n: 410, conversions: 0 }))).toBeNull();
  });
});

describe('tests', () => {
  const effect = absoluteEffect(proportionMoments({ n: 1000, conversions: 100 }), proportionMoments({ n: 1000, conversions: 120 }))!;

  it('centres both intervals on the estimate, the sequential one wider', () => {
    const fixed = fixedHorizonTest(effect);
    const sequential = sequentialTest(effect);
    for (const { ci } of [fixed, sequential]) expect((ci[0] + ci[1]) / 2).toBeCloseTo(effect.estimate, 12);
    expect(sequential.ci[1] - sequential.ci[0]).toBeGreaterThan(fixed.ci[1] - fixed.ci[0]);
    expect(sequential.pValue).toBeGreaterThan(fixed.pValue);
  });

  it('gives the p-value α exactly where the interval touches 0, for both tests', () => {
    const fixedHalf = (fixedHorizonTest(effect).ci[1] - fixedHorizonTest(effect).ci[0]) / 2;
    expect(fixedHorizonTest({ ...effect, estimate: fixedHalf }).pValue).toBeCloseTo(0.05, 12);
    const sequentialHalf = (sequentialTest(effect).ci[1] - sequentialTest(effect).ci[0]) / 2;
    expect(sequentialTest({ ...effect, estimate: sequentialHalf }).pValue).toBeCloseTo(0.05, 12);
    const strict = fixedHorizonTest(effect, 0.01);
    expect(strict.pValue).toBe(fixedHorizonTest(effect).pValue);
    expect(strict.ci[1] - strict.ci[0]).toBeGreaterThan(2 * fixedHalf);
  });

  it('keeps the sequential p-value at 0, not NaN, when E overflows a double', () => {
    const huge = { estimate: 1, variance: 1e-9, degreesOfFreedom: 1e6, units: 1e6 };
    expect(sequentialTest(huge).pValue).toBe(0);
    expect(fixedHorizonTest(huge).pValue).toBe(0);
  });

  it('calls a difference significant exactly when its interval excludes 0', () => {
    const arm = fc.record({ n: fc.integer({ min: 2, max: 100_000 }), rate: fc.double({ min: 0.001, max: 0.999, noNaN: true }) });
    fc.assert(
      fc.property(arm, arm, (c, t) => {
        const found = absoluteEffect(
          proportionMoments({ n: c.n, conversions: Math.round(c.n * c.rate) }),
          proportionMoments({ n: t.n, conversions: Math.round(t.n * t.rate) }),
        );
        if (found === null) return;
        for (const { ci, pValue } of [fixedHorizonTest(found), sequentialTest(found)]) {
          const excludesZero = ci[0] > 0 || ci[1] < 0;
          // Up to rounding right at the boundary.
          if (Math.abs(pValue - 0.05) > 1e-9) expect(excludesZero).toBe(pValue < 0.05);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('chance to win', () => {
  it('is one half for no effect and symmetric about it', () => {
    expect(chanceToWin({ estimate: 0, variance: 1, degreesOfFreedom: 10, units: 12 })).toBe(0.5);
    const up = chanceToWin({ estimate: 0.02, variance: 0.0001, degreesOfFreedom: 1998, units: 2000 });
    const down = chanceToWin({ estimate: -0.02, variance: 0.0001, degreesOfFreedom: 1998, units: 2000 });
    expect(up).toBeCloseTo(0.9772498680518208, 12);
    expect(up + down).toBeCloseTo(1, 12);
  });

  it('is that of a decrease when lower is better', () => {
    const control = { type: 'mean' as const, n: 100, sum: 500, sumSquares: 2600 };
    const treatment = { type: 'mean' as const, n: 100, sum: 450, sumSquares: 2125 };
    const higher = compareArms(control, treatment);
    const lower = compareArms(control, treatment, { higherIsBetter: false });
    expect(higher.absolute!.chanceToWin).toBeLessThan(0.5);
    expect(lower.absolute!.chanceToWin).toBeCloseTo(1 - higher.absolute!.chanceToWin, 12);
    expect(lower.absolute!.fixed).toEqual(higher.absolute!.fixed);
  });
});

describe('compareArms', () => {
  it('refuses to compare arms of different kinds of metric', () => {
    expect(() => compareArms({ type: 'proportion', n: 10, conversions: 1 }, { type: 'mean', n: 10, sum: 1, sumSquares: 1 })).toThrow(TypeError);
  });
});

describe('sample-ratio mismatch', () => {
  it('tests counts against the weights with k − 1 degrees of freedom', () => {
    const check = sampleRatioMismatch([5_100, 4_900], [50_000, 50_000])!;
    expect(check.chiSquare).toBeCloseTo(4, 12);
    expect(check.degreesOfFreedom).toBe(1);
    expect(check.pValue).toBeCloseTo(0.0455002638963584, 12);
    expect(sampleRatioMismatch([1_000, 1_000, 2_000], [1, 1, 2])!.pValue).toBe(1);
  });

  it('leaves out variants of weight 0', () => {
    expect(sampleRatioMismatch([5_100, 4_900, 37], [1, 1, 0])).toEqual(sampleRatioMismatch([5_100, 4_900], [1, 1]));
  });

  it('flags a broken assignment below 0.001', () => {
    expect(sampleRatioMismatch([5_000, 4_500], [1, 1])!.pValue).toBeLessThan(SRM_THRESHOLD);
    expect(sampleRatioMismatch([5_000, 4_950], [1, 1])!.pValue).toBeGreaterThan(SRM_THRESHOLD);
  });

  it('has nothing to say about fewer than two variants or no units', () => {
    expect(sampleRatioMismatch([10, 3], [1, 0])).toBeNull();
    expect(sampleRatioMismatch([0, 0], [1, 1])).toBeNull();
    expect(() => sampleRatioMismatch([1, 2, 3], [1, 1])).toThrow(RangeError);
  });
});
