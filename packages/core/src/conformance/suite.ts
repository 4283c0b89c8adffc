import { bucket } from '../bucket.js';
import { murmur3 } from '../murmur3.js';
import { CompiledSnapshot } from '../snapshot.js';
import type { EvaluationResult } from '../types.js';
import { isRecord } from '../malformed.js';
import { runEffectsSuite, runSrmSuite } from './stats-suites.js';

/** The outcome of one conformance suite. */
export interface SuiteReport {
  readonly name: string;
  readonly kind: string;
  readonly passed: number;
  readonly failures: readonly string[];
}

/** Evaluates a flag for a context, the way one evaluator under test does. */
export type Evaluator = (snapshot: unknown, flagKey: string, context: unknown) => EvaluationResult;

/** A runner for suites of one `kind`. */
export type KindRunner = (suite: Record<string, unknown>) => { passed: number; failures: string[] };

/** The result fields that FLAGS.md requires every evaluator to agree on, byte for byte. */
export const COMPARED_FIELDS = ['variant', 'value', 'reason', 'ruleId', 'errorCode', 'prerequisite'] as const;

function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Describes how `actual` differs from `expected` on the compared fields, or returns undefined. */
export function resultMismatch(expected: Record<string, unknown>, actual: EvaluationResult): string | undefined {
  const wrong: string[] = [];
  for (const field of COMPARED_FIELDS) {
    const want = canonical(expected[field]);
    const got = canonical((actual as unknown as Record<string, unknown>)[field]);
    if (want !== got) wrong.push(`${field}: expected ${want}, got ${got}`);
  }
  return wrong.length === 0 ? undefined : wrong.join('; ');
}

function cases(suite: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(suite.cases) ? suite.cases.filter(isRecord) : [];
}

function label(c: Record<string, unknown>, index: number): string {
  return `case ${index} (${JSON.stringify(c.flag ?? c.input)})`;
}

export function runHashSuite(suite: Record<string, unknown>): { passed: number; failures: string[] } {
  let passed = 0;
  const failures: string[] = [];
  cases(suite).forEach((c, i) => {
    const input = String(c.input);
    const hash = murmur3(input);
    // The bucket of "salt/value" is the hash of the whole string mod 100000; split at the last slash.
    const slash = input.lastIndexOf('/');
    const b = slash < 0 ? hash % 100_000 : bucket(input.slice(0, slash), input.slice(slash + 1));
    const problems: string[] = [];
    if (hash !== c.murmur3) problems.push(`murmur3 expected ${String(c.murmur3)}, got ${hash}`);
    if (c.bucket !== undefined && b !== c.bucket) problems.push(`bucket expected ${String(c.bucket)}, got ${b}`);
    if (problems.length === 0) passed++;
    else failures.push(`${label(c, i)}: ${problems.join('; ')}`);
  });
  return { passed, failures };
}

/** Runs an evaluation suite through `evaluator`, the core engine by default. */
export function evaluationRunner(evaluator?: Evaluator): KindRunner {
  return (suite) => {
    let evaluateCase: (flag: string, context: unknown) => EvaluationResult;
    if (evaluator === undefined) {
      const compiled = CompiledSnapshot.compile(suite.snapshot);
      evaluateCase = (flag, context) => compiled.evaluate(flag, context);
    } else {
      evaluateCase = (flag, context) => evaluator(suite.snapshot, flag, context);
    }
    let passed = 0;
    const failures: string[] = [];
    cases(suite).forEach((c, i) => {
      let problem: string | undefined;
      try {
        const actual = evaluateCase(String(c.flag), c.context);
        problem = resultMismatch(isRecord(c.expect) ? c.expect : {}, actual);
      } catch (error) {
        problem = `threw ${String(error)}`;
      }
      if (problem === undefined) passed++;
      else failures.push(`${label(c, i)} ${JSON.stringify(c.context)}: ${problem}`);
    });
    return { passed, failures };
  };
}

/**
 * Runs one parsed suite file with the runner for its `kind`.
 *
 * @example
 * const report = runSuite(JSON.parse(text), { hash: runHashSuite, evaluation: evaluationRunner() });
 * report.failures.length === 0;
 */
export function runSuite(suite: unknown, runners: Readonly<Record<string, KindRunner>>): SuiteReport {
  if (!isRecord(suite)) return { name: '?', kind: '?', passed: 0, failures: ['the suite is not a JSON object'] };
  const name = typeof suite.name === 'string' ? suite.name : '?';
  const kind = typeof suite.kind === 'string' ? suite.kind : '?';
  const runner = Object.hasOwn(runners, kind) ? runners[kind] : undefined;
  if (runner === undefined) return { name, kind, passed: 0, failures: [`no runner for suites of kind "${kind}"`] };
  return { name, kind, ...runner(suite) };
}

/** The runners for every suite kind the core implements. */
export const coreRunners: Readonly<Record<string, KindRunner>> = {
  hash: runHashSuite,
  evaluation: evaluationRunner(),
  effects: runEffectsSuite,
  srm: runSrmSuite,
};
