import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../types.js';
import type { ValidationIssue } from './issues.js';
import { MAX_CONDITION_VALUES, MAX_CONDITIONS, MAX_PREREQUISITES, MAX_RULES, MAX_VARIANTS, MAX_VARIANT_VALUE_LENGTH } from './limits.js';
import type { FlagReference, References } from './references.js';
import { validateFlag } from './validate.js';

function baseFlag(): Record<string, unknown> {
  return { key: 'checkout-v2', variants: { on: true, off: false }, enabled: true, offVariant: 'off', rules: [], fallthrough: { variant: 'off' } };
}

function withRule(rule: Record<string, unknown>): Record<string, unknown> {
  return { ...baseFlag(), rules: [{ id: 'r1', when: [], serve: { variant: 'on' }, ...rule }] };
}

function withCondition(condition: unknown): Record<string, unknown> {
  return withRule({ when: [condition] });
}

function issuesOf(input: unknown, refs?: References): ValidationIssue[] {
  const result = validateFlag(input, refs);
  return result.ok ? [] : result.issues;
}

/** The one issue `input` has, as path and code. */
function onlyIssue(input: unknown, refs?: References): { path: string; code: string } {
  const issues = issuesOf(input, refs);
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  return { path: issues[0]!.path, code: issues[0]!.code };
}

function flagsOf(entries: Record<string, { variants?: string[]; prerequisites?: string[] }>): ReadonlyMap<string, FlagReference> {
  return new Map(Object.entries(entries).map(([key, f]) => [key, { variants: f.variants ?? ['on', 'off'], prerequisites: f.prerequisites ?? [] }]));
}

/** Flags `${prefix}1` → `${prefix}2` → … → `${prefix}${n}`, the last without prerequisites. */
function chainOf(prefix: string, n: number): Record<string, { prerequisites: string[] }> {
  const chain: Record<string, { prerequisites: string[] }> = {};
  for (let i = 1; i <= n; i++) chain[`${prefix}${i}`] = { prerequisites: i < n ? [`${prefix}${i + 1}`] : [] };
  return chain;
}

const requires = (...flags: string[]) => flags.map((flag) => ({ flag, variant: 'on' }));

describe('validateFlag accepts', () => {
  it('the FLAGS.md example, returning it unchanged', () => {
    const flag = {
      key: 'checkout-v2',
      variants: { on: true, off: false },
      enabled: true,
      offVariant: 'off',
      prerequisites: [{ flag: 'new-cart', variant: 'on' }],
      rules: [
        { id: 'staff', when: [{ segment: 'staff' }], serve: { variant: 'on' } },
        {
          id: 'eu-pro',
          when: [
            { attr: 'country', op: 'eq', values: ['DE', 'FR'] },
            { attr: 'plan', op: 'eq', values: ['pro'] },
          ],
          serve: {
            rollout: {
              salt: 'checkout-v2',
              bucketBy: 'key',
              split: [
                { variant: 'on', weight: 25000 },
                { variant: 'off', weight: 75000 },
              ],
            },
          },
        },
      ],
      fallthrough: { variant: 'off' },
    };
    const refs = { flags: flagsOf({ 'new-cart': {} }), segments: new Map([['staff', { segments: [] }]]) };
    expect(validateFlag(flag, refs)).toEqual({ ok: true, value: flag });
  });

  it('JSON values of every kind as variants', () => {
    const variants = { a: null, b: 1.5, c: 'text', d: [1, [2]], e: { nested: { deep: true } }, Control: false };
    expect(issuesOf({ ...baseFlag(), variants, offVariant: 'a', fallthrough: { variant: 'Control' } })).toEqual([]);
  });

  it.each([
    ['eq', ['pro', 10, 20.5, true]],
    ['contains', ['+test']],
    ['startsWith', ['/admin']],
    ['endsWith', ['@example.com']],
    ['matches', ['^[a-z]+\\.[a-z]+@corp\\.io$', 'x'.repeat(256)]],
    ['lt', [18]],
    ['lte', [-1.5]],
    ['gt', [0]],
    ['gte', [1e9]],
    ['before', ['2025-01-01T00:00:00Z', '2025-01-01', 1735689600000]],
    ['after', ['2025-01-01T01:00:00+01:00']],
    ['semverEq', ['2.1.0']],
    ['semverLt', ['v2.1']],
    ['semverGt', ['2.1.0-rc.1+build.5']],
    ['exists', []],
  ])('%s with values %j', (op, values) => {
    expect(issuesOf(withCondition({ attr: 'a', op, values }))).toEqual([]);
  });

  it('every operator the evaluator knows', () => {
    const tested = new Set(['eq', 'contains', 'startsWith', 'endsWith', 'matches', 'lt', 'lte', 'gt', 'gte', 'before', 'after', 'semverEq', 'semverLt', 'semverGt', 'exists']);
    expect(new Set(OPERATORS)).toEqual(tested);
  });

  it('exists without values, and negated conditions', () => {
    expect(issuesOf(withCondition({ attr: 'company', op: 'exists', negate: true }))).toEqual([]);
    expect(issuesOf(withCondition({ attr: 'country', op: 'eq', values: ['US'], negate: true }))).toEqual([]);
  });

  it('keys at their longest', () => {
    const key = 'a'.repeat(100);
    const variant = 'V'.repeat(64);
    expect(issuesOf({ ...baseFlag(), key, variants: { [variant]: 1 }, offVariant: variant, fallthrough: { variant } })).toEqual([]);
  });
});

describe('validateFlag rejects the shape', () => {
  it('of something that is not an object', () => {
    expect(issuesOf('flag')).toEqual([{ path: '', code: 'invalid_type', message: 'expected an object, got the string "flag"' }]);
  });

  it.each(['Checkout', '', '-x', 'a b', 'a'.repeat(101), 'ünïcode'])('of flag key %j', (key) => {
    expect(onlyIssue({ ...baseFlag(), key })).toEqual({ path: 'key', code: 'invalid_format' });
  });

  it('of a variant key, naming it', () => {
    const issue = issuesOf({ ...baseFlag(), variants: { on: true, off: false, 'bad key': 1 } });
    expect(issue).toEqual([
      {
        path: 'variants["bad key"]',
        code: 'invalid_format',
        message: 'the string "bad key" is not a valid variant key; use 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
      },
    ]);
  });

  it('with a missing field', () => {
    const { enabled: _, ...flag } = baseFlag();
    expect(issuesOf(flag)).toEqual([{ path: 'enabled', code: 'missing', message: 'missing required field "enabled"' }]);
  });

  it('with a field of the wrong type', () => {
    expect(issuesOf({ ...baseFlag(), enabled: 'yes' })).toEqual([
      { path: 'enabled', code: 'invalid_type', message: 'expected a boolean, got the string "yes"' },
    ]);
  });

  it('with an unknown field, suggesting the one meant', () => {
    expect(issuesOf({ ...baseFlag(), prerequisite: [] })).toEqual([
      { path: 'prerequisite', code: 'unknown_field', message: 'unknown field "prerequisite"; did you mean "prerequisites"?' },
    ]);
  });

  it('with an unknown field deep inside, listing the allowed ones', () => {
    expect(issuesOf(withRule({ colour: 'red' }))).toEqual([
      { path: 'rules[0].colour', code: 'unknown_field', message: 'unknown field "colour"; allowed fields are id, when and serve' },
    ]);
  });

  it('with no variants, or too many', () => {
    expect(onlyIssue({ ...baseFlag(), variants: {} })).toEqual({ path: 'variants', code: 'too_small' });
    const many = Object.fromEntries(Array.from({ length: MAX_VARIANTS + 1 }, (_, i) => [`v${i}`, i]));
    expect(onlyIssue({ ...baseFlag(), variants: { ...many, off: 0 } })).toEqual({ path: 'variants', code: 'too_big' });
  });

  it('with a variant value too large, too deep or not JSON', () => {
    const large = 'x'.repeat(MAX_VARIANT_VALUE_LENGTH);
    expect(onlyIssue({ ...baseFlag(), variants: { on: large, off: false } })).toEqual({ path: 'variants.on', code: 'too_big' });
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(onlyIssue({ ...baseFlag(), variants: { on: deep, off: false } }).code).toBe('too_big');
    expect(onlyIssue({ ...baseFlag(), variants: { on: { a: [1, NaN] }, off: false } })).toEqual({ path: 'variants.on.a[1]', code: 'invalid_type' });
    expect(onlyIssue({ ...baseFlag(), variants: { on: { when: new Date(0) }, off: false } })).toEqual({ path: 'variants.on.when', code: 'invalid_type' });
    expect(onlyIssue({ ...baseFlag(), variants: { on: JSON.parse('{"__proto__": 1}') as unknown, off: false } })).toEqual({
      path: 'variants.on.__proto__',
      code: 'invalid_value',
    });
  });

  it('with a serve of neither form', () => {
    expect(onlyIssue({ ...baseFlag(), fallthrough: 'off' })).toEqual({ path: 'fallthrough', code: 'invalid_type' });
    expect(issuesOf({ ...baseFlag(), fallthrough: {} })).toEqual([
      { path: 'fallthrough', code: 'invalid_shape', message: 'serve is either { "variant": key } or { "rollout": { "split": [...] } }' },
    ]);
  });

  it('with split weights that do not sum to 100000', () => {
    const split = [
      { variant: 'on', weight: 50000 },
      { variant: 'off', weight: 49000 },
    ];
    expect(issuesOf(withRule({ serve: { rollout: { split } } }))).toEqual([
      { path: 'rules[0].serve.rollout.split', code: 'split_sum', message: 'split weights sum to 99000; they must sum to 100000 (100%)' },
    ]);
  });

  it.each([
    [1.5, 'invalid_type'],
    [-1, 'too_small'],
    ['50000', 'invalid_type'],
  ])('with split weight %j', (weight, code) => {
    const split = [
      { variant: 'on', weight },
      { variant: 'off', weight: 100000 },
    ];
    expect(onlyIssue({ ...baseFlag(), fallthrough: { rollout: { split } } })).toEqual({ path: 'fallthrough.rollout.split[0].weight', code });
  });

  it('with a weight above 100000', () => {
    const split = [{ variant: 'on', weight: 100001 }];
    expect(issuesOf({ ...baseFlag(), fallthrough: { rollout: { split } } })).toEqual([
      { path: 'fallthrough.rollout.split[0].weight', code: 'too_big', message: 'must be at most 100000' },
    ]);
  });

  it('with an empty split, an empty salt, a long salt or an empty bucketBy', () => {
    const rollout = (extra: object) => ({ ...baseFlag(), fallthrough: { rollout: { split: [{ variant: 'on', weight: 100000 }], ...extra } } });
    expect(onlyIssue({ ...baseFlag(), fallthrough: { rollout: { split: [] } } })).toEqual({ path: 'fallthrough.rollout.split', code: 'too_small' });
    expect(onlyIssue(rollout({ salt: '' }))).toEqual({ path: 'fallthrough.rollout.salt', code: 'too_small' });
    expect(onlyIssue(rollout({ salt: 's'.repeat(201) }))).toEqual({ path: 'fallthrough.rollout.salt', code: 'too_big' });
    expect(onlyIssue(rollout({ bucketBy: '' }))).toEqual({ path: 'fallthrough.rollout.bucketBy', code: 'too_small' });
    expect(issuesOf(rollout({ salt: 's'.repeat(200), bucketBy: 'orgId' }))).toEqual([]);
  });

  it.each(['', 'r 1', '-r', 'r'.repeat(65)])('with rule id %j', (id) => {
    expect(onlyIssue(withRule({ id }))).toEqual({ path: 'rules[0].id', code: 'invalid_format' });
  });

  it('with more rules, conditions or prerequisites than allowed', () => {
    const rules = Array.from({ length: MAX_RULES + 1 }, (_, i) => ({ id: `r${i}`, when: [], serve: { variant: 'on' } }));
    expect(onlyIssue({ ...baseFlag(), rules })).toEqual({ path: 'rules', code: 'too_big' });
    const when = Array.from({ length: MAX_CONDITIONS + 1 }, () => ({ attr: 'a', op: 'exists' }));
    expect(onlyIssue(withRule({ when }))).toEqual({ path: 'rules[0].when', code: 'too_big' });
    const prerequisites = Array.from({ length: MAX_PREREQUISITES + 1 }, (_, i) => ({ flag: `p${i}`, variant: 'on' }));
    expect(onlyIssue({ ...baseFlag(), prerequisites })).toEqual({ path: 'prerequisites', code: 'too_big' });
  });
});

describe('validateFlag rejects a condition', () => {
  it.each([
    ['eq with null', { attr: 'a', op: 'eq', values: ['x', null] }, 'values[1]', 'invalid_type'],
    ['eq with an object', { attr: 'a', op: 'eq', values: [{}] }, 'values[0]', 'invalid_type'],
    ['eq without values', { attr: 'a', op: 'eq', values: [] }, 'values', 'too_small'],
    ['eq with values missing', { attr: 'a', op: 'eq' }, 'values', 'missing'],
    ['eq with a long string', { attr: 'a', op: 'eq', values: ['x'.repeat(1025)] }, 'values[0]', 'too_big'],
    ['contains with a number', { attr: 'a', op: 'contains', values: [5] }, 'values[0]', 'invalid_type'],
    ['startsWith with a boolean', { attr: 'a', op: 'startsWith', values: [true] }, 'values[0]', 'invalid_type'],
    ['endsWith with null', { attr: 'a', op: 'endsWith', values: [null] }, 'values[0]', 'invalid_type'],
    ['matches that does not compile', { attr: 'a', op: 'matches', values: ['ok', '(unclosed'] }, 'values[1]', 'invalid_regex'],
    ['matches longer than 256', { attr: 'a', op: 'matches', values: ['x'.repeat(257)] }, 'values[0]', 'too_big'],
    ['lt with a numeric string', { attr: 'a', op: 'lt', values: ['10'] }, 'values[0]', 'invalid_type'],
    ['gte with a boolean', { attr: 'a', op: 'gte', values: [true] }, 'values[0]', 'invalid_type'],
    ['before with a month 13', { attr: 'a', op: 'before', values: ['2025-13-01'] }, 'values[0]', 'invalid_date'],
    ['after with prose', { attr: 'a', op: 'after', values: ['yesterday'] }, 'values[0]', 'invalid_date'],
    ['after with a boolean', { attr: 'a', op: 'after', values: [false] }, 'values[0]', 'invalid_type'],
    ['semverEq with a wildcard', { attr: 'a', op: 'semverEq', values: ['1.x'] }, 'values[0]', 'invalid_semver'],
    ['semverGt with a number', { attr: 'a', op: 'semverGt', values: [2] }, 'values[0]', 'invalid_type'],
    ['exists with values', { attr: 'a', op: 'exists', values: [true] }, 'values', 'too_big'],
    ['an unknown operator', { attr: 'a', op: 'eqq', values: [1] }, 'op', 'invalid_value'],
    ['a missing operator', { attr: 'a', values: [1] }, 'op', 'missing'],
    ['an empty attribute', { attr: '', op: 'eq', values: [1] }, 'attr', 'too_small'],
    ['a long attribute', { attr: 'a'.repeat(257), op: 'eq', values: [1] }, 'attr', 'too_big'],
    ['a non-boolean negate', { attr: 'a', op: 'exists', negate: 'yes' }, 'negate', 'invalid_type'],
    ['a segment condition with an attribute', { segment: 'staff', attr: 'a' }, 'attr', 'unknown_field'],
    ['a segment key that cannot exist', { segment: 'Staff' }, 'segment', 'invalid_format'],
  ])('%s', (_, condition, path, code) => {
    expect(onlyIssue(withCondition(condition))).toEqual({ path: `rules[0].when[0].${path}`, code });
  });

  it('that is not an object', () => {
    expect(onlyIssue(withCondition('country = DE'))).toEqual({ path: 'rules[0].when[0]', code: 'invalid_type' });
  });

  it('with more values than allowed', () => {
    const values = Array.from({ length: MAX_CONDITION_VALUES + 1 }, (_, i) => `u-${i}`);
    expect(onlyIssue(withCondition({ attr: 'key', op: 'eq', values }))).toEqual({ path: 'rules[0].when[0].values', code: 'too_big' });
    expect(issuesOf(withCondition({ attr: 'key', op: 'eq', values: values.slice(1) }))).toEqual([]);
  });

  it('with messages that say what the operator compares', () => {
    const [lt] = issuesOf(withCondition({ attr: 'age', op: 'lt', values: ['18'] }));
    expect(lt?.message).toBe('lt compares finite numbers; got the string "18"');
    const [op] = issuesOf(withCondition({ attr: 'age', op: 'less', values: [18] }));
    expect(op?.message).toMatch(/^the string "less" is not a valid op; use one of eq, contains, .* and exists$/);
    const [regex] = issuesOf(withCondition({ attr: 'email', op: 'matches', values: ['[a-'] }));
    expect(regex?.message).toMatch(/^"\[a-" is not a valid regular expression: /);
  });
});

describe('validateFlag checks that fields agree', () => {
  it('offVariant exists', () => {
    expect(issuesOf({ ...baseFlag(), offVariant: 'of' })).toEqual([
      { path: 'offVariant', code: 'unknown_variant', message: '"of" is not one of this flag\'s variants: on and off' },
    ]);
  });

  it('served variants exist', () => {
    expect(onlyIssue(withRule({ serve: { variant: 'yes' } }))).toEqual({ path: 'rules[0].serve.variant', code: 'unknown_variant' });
    expect(onlyIssue({ ...baseFlag(), fallthrough: { variant: 'maybe' } })).toEqual({ path: 'fallthrough.variant', code: 'unknown_variant' });
  });

  it('split variants exist', () => {
    const split = [
      { variant: 'on', weight: 50000 },
      { variant: 'onn', weight: 50000 },
    ];
    expect(onlyIssue({ ...baseFlag(), fallthrough: { rollout: { split } } })).toEqual({
      path: 'fallthrough.rollout.split[1].variant',
      code: 'unknown_variant',
    });
  });

  it('rule ids are unique', () => {
    const rules = ['a', 'b', 'a'].map((id) => ({ id, when: [], serve: { variant: 'on' } }));
    expect(issuesOf({ ...baseFlag(), rules })).toEqual([{ path: 'rules[2].id', code: 'duplicate', message: 'rule id "a" is already used by rules[0]' }]);
  });

  it('a prerequisite is listed once', () => {
    const refs = { flags: flagsOf({ 'new-cart': {} }) };
    expect(onlyIssue({ ...baseFlag(), prerequisites: requires('new-cart', 'new-cart') }, refs)).toEqual({
      path: 'prerequisites[1].flag',
      code: 'duplicate',
    });
  });

  it('a flag is not its own prerequisite', () => {
    expect(issuesOf({ ...baseFlag(), prerequisites: requires('checkout-v2') })).toEqual([
      { path: 'prerequisites[0].flag', code: 'prerequisite_cycle', message: 'a flag cannot be its own prerequisite' },
    ]);
  });
});

describe('validateFlag checks references', () => {
  it('segments exist', () => {
    const refs = { segments: new Map([['staff', { segments: [] }]]) };
    const flag = withRule({ when: [{ segment: 'staff' }, { segment: 'staf' }] });
    expect(issuesOf(flag, refs)).toEqual([{ path: 'rules[0].when[1].segment', code: 'unknown_segment', message: 'segment "staf" does not exist' }]);
    expect(onlyIssue(withCondition({ segment: 'staff' }))).toEqual({ path: 'rules[0].when[0].segment', code: 'unknown_segment' });
  });

  it('prerequisite flags exist and have the variant', () => {
    const refs = { flags: flagsOf({ 'new-cart': { variants: ['yes', 'no'] } }) };
    expect(issuesOf({ ...baseFlag(), prerequisites: [{ flag: 'new-cart', variant: 'on' }] }, refs)).toEqual([
      { path: 'prerequisites[0].variant', code: 'unknown_variant', message: 'flag "new-cart" has no variant "on"; its variants are "yes" and "no"' },
    ]);
    expect(issuesOf({ ...baseFlag(), prerequisites: [{ flag: 'old-cart', variant: 'on' }] }, refs)).toEqual([
      { path: 'prerequisites[0].flag', code: 'unknown_flag', message: 'flag "old-cart" does not exist' },
    ]);
    expect(issuesOf({ ...baseFlag(), prerequisites: [{ flag: 'new-cart', variant: 'yes' }] }, refs)).toEqual([]);
  });

  it('saving does not close a prerequisite cycle', () => {
    const refs = { flags: flagsOf({ a: { prerequisites: ['b'] }, b: { prerequisites: ['checkout-v2'] } }) };
    expect(issuesOf({ ...baseFlag(), prerequisites: requires('a') }, refs)).toEqual([
      { path: 'prerequisites[0].flag', code: 'prerequisite_cycle', message: 'prerequisite cycle: checkout-v2 → a → b → checkout-v2' },
    ]);
  });

  it('a prerequisite does not lead into an existing cycle', () => {
    const refs = { flags: flagsOf({ ok: {}, x: { prerequisites: ['y'] }, y: { prerequisites: ['x'] } }) };
    expect(issuesOf({ ...baseFlag(), prerequisites: requires('ok', 'x') }, refs)).toEqual([
      { path: 'prerequisites[1].flag', code: 'prerequisite_cycle', message: '"x" leads into the prerequisite cycle x → y → x' },
    ]);
  });

  it('the previous version of the flag is replaced, not kept', () => {
    const refs = { flags: flagsOf({ 'checkout-v2': { prerequisites: ['a'] }, a: { prerequisites: ['checkout-v2'] } }) };
    expect(issuesOf(baseFlag(), refs)).toEqual([]);
  });

  it('accepts a prerequisite chain 10 deep', () => {
    const refs = { flags: flagsOf(chainOf('p', 10)) };
    expect(issuesOf({ ...baseFlag(), prerequisites: requires('p1') }, refs)).toEqual([]);
  });

  it('rejects a prerequisite chain 11 deep', () => {
    const refs = { flags: flagsOf(chainOf('p', 11)) };
    const issues = issuesOf({ ...baseFlag(), prerequisites: requires('p1') }, refs);
    expect(issues).toEqual([
      {
        path: 'prerequisites[0].flag',
        code: 'prerequisite_too_deep',
        message: 'the prerequisite chain checkout-v2 → p1 → p2 → p3 → p4 → p5 → p6 → p7 → p8 → p9 → p10 → p11 is 11 deep; at most 10 are allowed',
      },
    ]);
  });

  it('rejects a chain pushed past 10 for the flags that depend on this one', () => {
    // d1 → … → d5 → checkout-v2 is 5 deep already; each prerequisite below checkout-v2 adds to it.
    const dependents = chainOf('d', 5);
    dependents.d5 = { prerequisites: ['checkout-v2'] };
    const within = { flags: flagsOf({ ...dependents, ...chainOf('p', 5), 'checkout-v2': {} }) };
    expect(issuesOf({ ...baseFlag(), prerequisites: requires('p1') }, within)).toEqual([]);
    const beyond = { flags: flagsOf({ ...dependents, ...chainOf('p', 6), 'checkout-v2': {} }) };
    const issues = issuesOf({ ...baseFlag(), prerequisites: requires('p1') }, beyond);
    expect(issues).toEqual([
      {
        path: 'prerequisites[0].flag',
        code: 'prerequisite_too_deep',
        message:
          'flag "d1" depends on this flag, so its prerequisite chain d1 → d2 → d3 → d4 → d5 → checkout-v2 → p1 → p2 → p3 → p4 → p5 → p6 would be 11 deep; at most 10 are allowed',
      },
    ]);
  });
});
