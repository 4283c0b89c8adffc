import { isRecord } from '../malformed.js';
import { type ArmStatistics, type EffectSummary, compareArms, sampleRatioMismatch } from '../stats/index.js';

/** How close a statistic must come to the reference (STATS.md): |x − expected| ≤ 1e-6 · max(1, |expected|). */
export const STATS_TOLERANCE = 1e-6;

/** Whether `actual` is within the tolerance of `expected`. */
export function withinTolerance(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= STATS_TOLERANCE * Math.max(1, Math.abs(expected));
}

type Outcome = { passed: number; failures: string[] };

function cases(suite: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(suite.cases) ? suite.cases.filter(isRecord) : [];
}

function arm(metric: unknown, value: unknown): ArmStatistics {
  if (!isRecord(value)) throw new TypeError(`an arm must be an object, got ${JSON.stringify(value)}`);
  if (metric === 'proportion') return { type: 'proportion', n: Number(value.n), conversions: Number(value.conversions) };
  if (metric === 'mean') return { type: 'mean', n: Number(value.n), sum: Number(value.sum), sumSquares: Number(value.sumSquares) };
  throw new TypeError(`unknown metric ${JSON.stringify(metric)}`);
}

/** The numbers of an effect as the suites lay them out, by their paths. */
function flatten(summary: EffectSummary): Map<string, number> {
  return new Map([
    ['estimate', summary.estimate],
    ['fixed.ci[0]', summary.fixed.ci[0]],
    ['fixed.ci[1]', summary.fixed.ci[1]],
    ['fixed.pValue', summary.fixed.pValue],
    ['sequential.ci[0]', summary.sequential.ci[0]],
    ['sequential.ci[1]', summary.sequential.ci[1]],
    ['sequential.pValue', summary.sequential.pValue],
    ['chanceToWin', summary.chanceToWin],
  ]);
}

function expectedNumbers(expected: Record<string, unknown>): Map<string, unknown> {
  const test = (name: string) => (isRecord(expected[name]) ? expected[name] : {});
  const ci = (name: string) => {
    const interval = test(name).ci;
    return Array.isArray(interval) ? interval : [];
  };
  return new Map<string, unknown>([
    ['estimate', expected.estimate],
    ['fixed.ci[0]', ci('fixed')[0]],
    ['fixed.ci[1]', ci('fixed')[1]],
    ['fixed.pValue', test('fixed').pValue],
    ['sequential.ci[0]', ci('sequential')[0]],
    ['sequential.ci[1]', ci('sequential')[1]],
    ['sequential.pValue', test('sequential').pValue],
    ['chanceToWin', expected.chanceToWin],
  ]);
}

function compareEffect(name: string, expected: unknown, actual: EffectSummary | null): string[] {
  if (expected === null) return actual === null ? [] : [`${name}: expected null (undefined effect), got estimate ${actual.estimate}`];
  if (!isRecord(expected)) return [`${name}: the suite's expectation is neither null nor an object`];
  if (actual === null) return [`${name}: expected estimate ${String(expected.estimate)}, got null`];
  const got = flatten(actual);
  const problems: string[] = [];
  for (const [path, want] of expectedNumbers(expected)) {
    const value = got.get(path)!;
    if (typeof want !== 'number') problems.push(`${name}.${path}: the suite has no number here`);
    else if (!withinTolerance(value, want)) problems.push(`${name}.${path}: expected ${want}, got ${value}`);
  }
  return problems;
}

/**
 * Runs a `kind: "effects"` suite: each case's arms through `compareArms`
 * with the suite's α and N*, every number against the reference.
 */
export function runEffectsSuite(suite: Record<string, unknown>): Outcome {
  const alpha = typeof suite.alpha === 'number' ? suite.alpha : undefined;
  const sequentialTuning = typeof suite.sequentialTuning === 'number' ? suite.sequentialTuning : undefined;
  let passed = 0;
  const failures: string[] = [];
  cases(suite).forEach((c, i) => {
    let problems: string[];
    try {
      const comparison = compareArms(arm(c.metric, c.control), arm(c.metric, c.treatment), { alpha, sequentialTuning });
      problems = [...compareEffect('absolute', c.absolute, comparison.absolute), ...compareEffect('relative', c.relative, comparison.relative)];
    } catch (error) {
      problems = [`threw ${String(error)}`];
    }
    if (problems.length === 0) passed++;
    else failures.push(`case ${i} (${String(c.metric)} ${JSON.stringify(c.control)} vs ${JSON.stringify(c.treatment)}): ${problems.join('; ')}`);
  });
  return { passed, failures };
}

/** Runs a `kind: "srm"` suite: each case's counts and weights through `sampleRatioMismatch`. */
export function runSrmSuite(suite: Record<string, unknown>): Outcome {
  let passed = 0;
  const failures: string[] = [];
  cases(suite).forEach((c, i) => {
    let problem: string | undefined;
    try {
      const counts = Array.isArray(c.counts) ? c.counts.map(Number) : [];
      const weights = Array.isArray(c.weights) ? c.weights.map(Number) : [];
      const check = sampleRatioMismatch(counts, weights);
      if (typeof c.pValue !== 'number') problem = 'the suite has no pValue';
      else if (check === null) problem = `expected p-value ${c.pValue}, got no check`;
      else if (!withinTolerance(check.pValue, c.pValue)) problem = `expected p-value ${c.pValue}, got ${check.pValue}`;
    } catch (error) {
      problem = `threw ${String(error)}`;
    }
    if (problem === undefined) passed++;
    else failures.push(`case ${i} (${JSON.stringify(c.counts)} for weights ${JSON.stringify(c.weights)}): ${problem}`);
  });
  return { passed, failures };
}
