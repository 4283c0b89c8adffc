import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketOf, saltState } from './bucket.js';
import { codegenAvailable } from './codegen.js';
import { CompiledSnapshot } from './snapshot.js';
import { OPERATORS, type EvaluationResult, type Flag } from './types.js';

const SEED = 20261121;
const REASONS = new Set(['DISABLED', 'PREREQUISITE_FAILED', 'TARGETING_MATCH', 'SPLIT', 'DEFAULT', 'ERROR']);
const ATTRS = ['key', 'plan', 'country', 'email', 'age', 'tags', 'constructor', '__proto__'];
const KEYS = ['a', 'b', 'c'];

const anything = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anything });

// Flag-shaped documents that are often valid and often subtly not, to reach every branch.
const condition = fc.oneof(
  fc.record(
    {
      attr: maybe(fc.constantFrom(...ATTRS)),
      op: maybe(fc.constantFrom(...OPERATORS)),
      values: maybe(fc.array(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant('2025-01-01'), fc.constant('1.2.3'), fc.constant('(a+)+$')), { maxLength: 4 })),
      negate: maybe(fc.boolean()),
    },
    { requiredKeys: [] },
  ),
  fc.record({ segment: maybe(fc.constantFrom('s1', 's2', 'ghost')), negate: maybe(fc.boolean()) }, { requiredKeys: [] }),
);
const variant = fc.constantFrom('on', 'off', 'x');
const serve = fc.oneof(
  fc.record({ variant: maybe(variant) }),
  fc.record({
    rollout: maybe(
      fc.record(
        {
          split: maybe(fc.array(fc.record({ variant: maybe(variant), weight: maybe(fc.constantFrom(0, 50000, 100000, 25000)) }), { maxLength: 3 })),
          salt: maybe(fc.string()),
          bucketBy: maybe(fc.constantFrom(...ATTRS)),
        },
        { requiredKeys: [] },
      ),
    ),
  }),
);
const flagDoc = fc.record(
  {
    key: maybe(fc.constantFrom(...KEYS)),
    variants: maybe(fc.dictionary(variant, anything)),
    enabled: maybe(fc.boolean()),
    offVariant: maybe(variant),
    prerequisites: maybe(fc.array(fc.record({ flag: maybe(fc.constantFrom(...KEYS)), variant: maybe(variant) }), { maxLength: 2 })),
    rules: maybe(fc.array(fc.record({ id: maybe(fc.string()), when: maybe(fc.array(condition, { maxLength: 3 })), serve }, { requiredKeys: [] }), { maxLength: 3 })),
    fallthrough: maybe(serve),
  },
  { requiredKeys: [] },
);
const segmentDoc = fc.record(
  {
    key: maybe(fc.constantFrom('s1', 's2')),
    include: maybe(fc.array(fc.oneof(fc.string(), anything), { maxLength: 3 })),
    exclude: maybe(fc.array(fc.oneof(fc.string(), anything), { maxLength: 3 })),
    rules: maybe(fc.array(fc.array(condition, { maxLength: 2 }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);
const snapshotDoc = fc.oneof(
  { weight: 1, arbitrary: anything },
  { weight: 6, arbitrary: fc.record({ version: maybe(fc.nat()), flags: maybe(fc.array(flagDoc, { maxLength: 4 })), segments: maybe(fc.array(segmentDoc, { maxLength: 3 })) }, { requiredKeys: [] }) },
);
const context = fc.oneof(
  { weight: 1, arbitrary: anything },
  { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...ATTRS), fc.jsonValue({ maxDepth: 1 })) },
);

function wellFormed(result: EvaluationResult): boolean {
  if (!REASONS.has(result.reason)) return false;
  if (result.reason === 'ERROR') return result.variant === undefined && typeof result.errorCode === 'string';
  return typeof result.variant === 'string' && result.errorCode === undefined;
}

describe('evaluation never throws', () => {
  it('for arbitrary, even invalid, snapshots and arbitrary contexts', () => {
    fc.assert(
      fc.property(snapshotDoc, fc.array(context, { minLength: 1, maxLength: 4 }), (snapshot, contexts) => {
        const compiled = CompiledSnapshot.compile(snapshot);
        for (const ctx of contexts) {
          for (const key of [...KEYS, 'missing']) expect(wellFormed(compiled.evaluate(key, ctx))).toBe(true);
          compiled.evaluateAll(ctx);
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('generated code', () => {
  it('is available here, so the differential test below compares two engines', () => {
    expect(codegenAvailable()).toBe(true);
  });

  it('evaluates exactly as the interpreter for arbitrary snapshots and contexts', () => {
    fc.assert(
      fc.property(snapshotDoc, fc.array(context, { minLength: 1, maxLength: 4 }), (snapshot, contexts) => {
        const generated = CompiledSnapshot.compile(snapshot);
        const interpreted = CompiledSnapshot.compile(snapshot, { codegen: false });
        for (const ctx of contexts) {
          for (const key of [...KEYS, 'missing']) expect(generated.evaluate(key, ctx)).toEqual(interpreted.evaluate(key, ctx));
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('rollouts', () => {
  const rolloutFlag = (percent: number): Flag => ({
    key: 'ramp',
    variants: { on: true, off: false },
    enabled: true,
    offVariant: 'off',
    rules: [],
    fallthrough: { rollout: { split: [{ variant: 'on', weight: percent }, { variant: 'off', weight: BUCKETS - percent }] } },
  });

  it('never removes a user who was in when the percentage is raised', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(BUCKETS), fc.nat(BUCKETS), (key, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const before = CompiledSnapshot.compile({ flags: [rolloutFlag(low)] }).evaluate('ramp', { key });
        const after = CompiledSnapshot.compile({ flags: [rolloutFlag(high)] }).evaluate('ramp', { key });
        if (before.variant === 'on') expect(after.variant).toBe('on');
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('spreads 100,000 keys uniformly over the buckets (chi-square, 100 bins)', () => {
    const keys = fc.sample(fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }), { minLength: 100_000, maxLength: 100_000 }), {
      seed: SEED,
      numRuns: 1,
    })[0]!;
    const salt = saltState('uniformity');
    const bins = new Array<number>(100).fill(0);
    for (const key of keys) bins[Math.floor(bucketOf(salt, key) / 1000)]!++;
    const expected = keys.length / bins.length;
    const chiSquare = bins.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // The 99.9th percentile of chi-square with 99 degrees of freedom.
    expect(chiSquare).toBeLessThan(148.23);
  });
});
