import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompiledSnapshot } from '../snapshot.js';
import { OPERATORS, type Operator } from '../types.js';
import { validateSnapshot } from './validate.js';

const SEED = 20261122;
const FLAG_KEYS = ['a', 'b', 'c', 'd'];
const SEGMENT_KEYS = ['s1', 's2', 's3'];
const VARIANTS = ['on', 'off', 'x'];
const ATTRS = ['key', 'plan', 'age', 'signup', 'version', 'tags', 'orgId', '__proto__'];
const CONTEXTS = [
  { key: 'user-1', plan: 'pro', age: 30, signup: '2025-02-01', version: '1.2.3', tags: ['a', 'b'], orgId: 'o-1' },
  { key: 42, plan: ['pro'], age: '30' },
  {},
];

const junk = fc.jsonValue({ maxDepth: 2 });
/** Mostly `arb`, now and then any JSON, so documents are often valid and often subtly not. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 40, arbitrary: arb }, { weight: 1, arbitrary: junk });
/** Mostly a valid value, now and then one the validator must reject. */
const mostly = (valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>) => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: invalid });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const list = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 3 });

const OPERANDS: Record<Operator, fc.Arbitrary<unknown>> = {
  eq: list(fc.oneof(fc.string(), fc.integer(), fc.boolean())),
  contains: list(fc.string()),
  startsWith: list(fc.string()),
  endsWith: list(fc.string()),
  matches: list(mostly(fc.constantFrom('^a', 'b$', '[0-9]+', 'x{2,}'), fc.constantFrom('(', '\\'))),
  lt: list(mostly(fc.oneof(fc.integer(), finite), fc.constant(Number.NaN))),
  lte: list(fc.integer()),
  gt: list(finite),
  gte: list(mostly(fc.integer(), fc.constant(Infinity))),
  before: list(mostly(fc.oneof(fc.constantFrom('2025-01-01', '2025-01-01T00:00:00Z'), fc.integer()), fc.constantFrom('2025-13-01', 'soon'))),
  after: list(mostly(fc.constant('2024-06-30T12:00:00+02:00'), fc.constant('2025-02-30'))),
  semverEq: list(mostly(fc.constantFrom('1.2.3', 'v2', '2.0.0-rc.1'), fc.constant('1.x'))),
  semverLt: list(fc.constantFrom('1.2.3', 'v2.1')),
  semverGt: list(mostly(fc.constant('0.9.0'), fc.constant(''))),
  exists: mostly(fc.constant([]), fc.constant([1])),
};

const attributeCondition = fc
  .constantFrom(...OPERATORS)
  .chain((op) =>
    fc.record(
      { attr: maybe(fc.constantFrom(...ATTRS)), op: maybe(fc.constant(op)), values: maybe(OPERANDS[op]), negate: fc.boolean() },
      { requiredKeys: ['attr', 'op', 'values'] },
    ),
  );
const segmentCondition = (keys: string[]) =>
  fc.record({ segment: maybe(mostly(fc.constantFrom(...keys), fc.constant('ghost'))), negate: fc.boolean() }, { requiredKeys: ['segment'] });
const condition = fc.oneof(attributeCondition, segmentCondition(SEGMENT_KEYS));

const variant = fc.constantFrom(...VARIANTS);

/** Weights from cutting 100000 at random points: they sum to 100000 unless junk replaces them. */
const split = fc.array(variant, { minLength: 1, maxLength: 3 }).chain((variants) =>
  fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: variants.length - 1, maxLength: variants.length - 1 }).map((cuts) => {
    const bounds = [0, ...cuts.sort((x, y) => x - y), 100_000];
    return variants.map((v, i) => ({ variant: v, weight: bounds[i + 1]! - bounds[i]! }));
  }),
);

const serve = fc.oneof(
  fc.record({ variant: maybe(variant) }),
  fc.record({
    rollout: fc.record(
      { split: maybe(split), salt: fc.string({ minLength: 1, maxLength: 4 }), bucketBy: fc.constantFrom('key', 'orgId', 'missing') },
      { requiredKeys: ['split'] },
    ),
  }),
);

/** A flag whose prerequisites are among `later`, so chains are common; junk brings the odd cycle. */
const flagDoc = (key: string, later: string[]) =>
  fc.record(
    {
      key: maybe(fc.constant(key)),
      variants: maybe(fc.record({ on: junk, off: junk, x: junk })),
      enabled: fc.boolean(),
      offVariant: maybe(variant),
      prerequisites: fc
        .subarray(later)
        .chain((keys) => fc.tuple(...keys.map((flag) => fc.record({ flag: mostly(fc.constant(flag), fc.constantFrom(...FLAG_KEYS)), variant: maybe(variant) })))),
      rules: fc
        .array(fc.record({ when: fc.array(condition, { maxLength: 3 }), serve }), { maxLength: 3 })
        .map((rules) => rules.map((rule, i) => ({ id: `r${i}`, ...rule }))),
      fallthrough: serve,
    },
    { requiredKeys: ['key', 'variants', 'enabled', 'offVariant', 'rules', 'fallthrough'] },
  );

const segmentDoc = (key: string, later: string[]) =>
  fc.record(
    {
      key: fc.constant(key),
      include: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 3 }),
      exclude: maybe(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 3 })),
      rules: fc.array(
        fc.array(
          later.length === 0 ? attributeCondition : fc.oneof(attributeCondition, segmentCondition(later)),
          { maxLength: 2 },
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['key'] },
  );

const snapshotDoc = fc.record(
  {
    version: fc.nat(),
    flags: fc.subarray(FLAG_KEYS, { minLength: 1 }).chain((keys) => fc.tuple(...keys.map((key, i) => flagDoc(key, keys.slice(i + 1))))),
    segments: fc.tuple(...SEGMENT_KEYS.map((key, i) => segmentDoc(key, SEGMENT_KEYS.slice(i + 1)))),
  },
  { requiredKeys: ['flags', 'segments'] },
);

describe('validateSnapshot, on any input', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        validateSnapshot(input);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('never throws on arbitrary values in flag and segment positions', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 3 }), fc.array(fc.anything(), { maxLength: 3 }), (flags, segments) => {
        validateSnapshot({ flags, segments });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('validateSnapshot, on flag-shaped documents', () => {
  it('accepts only snapshots that evaluate without PARSE_ERROR', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(snapshotDoc, (snapshot) => {
        const result = validateSnapshot(snapshot);
        if (!result.ok) {
          rejected++;
          expect(result.issues.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const compiled = CompiledSnapshot.compile(result.value);
        for (const key of compiled.keys()) {
          for (const context of CONTEXTS) {
            const outcome = compiled.evaluate(key, context);
            expect(outcome.errorCode, `${key}: ${outcome.errorMessage ?? ''}`).not.toBe('PARSE_ERROR');
          }
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
    // Both sides of the property must be exercised for it to mean anything.
    expect(accepted).toBeGreaterThan(80);
    expect(rejected).toBeGreaterThan(80);
  });
});
