import { describe, expect, it } from 'vitest';
import { compareArms } from '../stats/index.js';
import { coreRunners, runSuite } from './suite.js';
import { withinTolerance } from './stats-suites.js';

const control = { n: 2500, conversions: 1513 };
const treatment = { n: 2480, conversions: 1780 };
const computed = compareArms({ type: 'proportion', ...control }, { type: 'proportion', ...treatment });

function effectsSuite(adjust: (expected: typeof computed) => unknown) {
  return { kind: 'effects', alpha: 0.05, sequentialTuning: 5000, cases: [{ metric: 'proportion', control, treatment, ...(adjust(structuredClone(computed)) as object) }] };
}

describe('stats conformance runners', () => {
  it('compare within 1e-6 relative to the larger of 1 and the expected value', () => {
    expect(withinTolerance(1 + 1e-6, 1)).toBe(true);
    expect(withinTolerance(1 + 2e-6, 1)).toBe(false);
    expect(withinTolerance(1000.0009, 1000)).toBe(true);
    expect(withinTolerance(1e-9, 0)).toBe(true);
  });

  it('pass an effects case that matches and name every number that does not', () => {
    expect(runSuite(effectsSuite((e) => e), coreRunners)).toMatchObject({ kind: 'effects', passed: 1, failures: [] });
    const report = runSuite(
      effectsSuite((e) => ({ ...e, relative: { ...e.relative!, sequential: { ...e.relative!.sequential, pValue: 0.5 } }, absolute: null })),
      coreRunners,
    );
    expect(report.passed).toBe(0);
    expect(report.failures[0]).toContain('absolute: expected null');
    expect(report.failures[0]).toContain('relative.sequential.pValue: expected 0.5');
  });

  it('checks srm cases’ p-values', () => {
    const suite = (pValue: number) => ({ kind: 'srm', cases: [{ counts: [5100, 4900], weights: [0.5, 0.5], pValue }] });
    expect(runSuite(suite(0.0455002638963584), coreRunners).failures).toEqual([]);
    expect(runSuite(suite(0.05), coreRunners).failures[0]).toContain('expected p-value 0.05');
  });
});
