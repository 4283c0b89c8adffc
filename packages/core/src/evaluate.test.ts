import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreRunners, evaluationRunner, runSuite } from './conformance/suite.js';
import { evaluate, evaluateAll } from './evaluate.js';
import { CompiledSnapshot } from './snapshot.js';
import type { Flag, Snapshot } from './types.js';

const specDir = new URL('../../../../shared/spec/evaluation/', import.meta.url);

describe('conformance suites', () => {
  const suites = readdirSync(specDir).filter((f) => f.endsWith('.json'));
  const interpreter = {
    ...coreRunners,
    evaluation: evaluationRunner((snapshot, flag, context) => CompiledSnapshot.compile(snapshot, { codegen: false }).evaluate(flag, context)),
  };
  it.each(suites)('%s passes every case with generated code', (file) => {
    const report = runSuite(JSON.parse(readFileSync(new URL(file, specDir), 'utf8')), coreRunners);
    expect(report.failures).toEqual([]);
    expect(report.passed).toBeGreaterThan(0);
  });
  it.each(suites)('%s passes every case with the interpreter', (file) => {
    const report = runSuite(JSON.parse(readFileSync(new URL(file, specDir), 'utf8')), interpreter);
    expect(report.failures).toEqual([]);
  });
});

const on = { variant: 'on' };
function flag(overrides: Partial<Flag> & { key: string }): Flag {
  return { variants: { on: true, off: false }, enabled: true, offVariant: 'off', rules: [], fallthrough: on, ...overrides };
}

describe('evaluation', () => {
  it('answers FLAG_NOT_FOUND for an unknown key', () => {
    expect(evaluate({ flags: [] }, 'nope', { key: 'u' })).toMatchObject({ reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' });
  });

  it('reads inherited names such as constructor only as own attributes', () => {
    const snapshot: Snapshot = {
      flags: [flag({ key: 'f', rules: [{ id: 'r', when: [{ attr: 'constructor', op: 'exists' }], serve: on }], fallthrough: { variant: 'off' } })],
    };
    expect(evaluate(snapshot, 'f', { key: 'u' }).reason).toBe('DEFAULT');
    expect(evaluate(snapshot, 'f', { key: 'u', constructor: 'x' }).reason).toBe('TARGETING_MATCH');
    expect(evaluate(snapshot, 'f', JSON.parse('{"key":"u","__proto__":"x"}')).reason).toBe('DEFAULT');
  });

  it('treats a context that is not an object as empty', () => {
    const snapshot: Snapshot = { flags: [flag({ key: 'f' })] };
    for (const context of [null, undefined, 42, 'user', true]) {
      expect(evaluate(snapshot, 'f', context)).toEqual({ variant: 'on', value: true, reason: 'DEFAULT' });
    }
  });

  it('returns frozen results whose values do not alias the snapshot', () => {
    const snapshot: Snapshot = { flags: [flag({ key: 'f', variants: { on: { limit: [1, 2] }, off: null } })] };
    const result = evaluate(snapshot, 'f', { key: 'u' });
    expect(result.value).toEqual({ limit: [1, 2] });
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen((result.value as { limit: number[] }).limit)).toBe(true);
    expect(Object.isFrozen(snapshot.flags[0]!.variants.on)).toBe(false);
  });

  it('recompiles when the snapshot object gets a new version or flag list', () => {
    const snapshot: Snapshot = { version: 1, flags: [flag({ key: 'f', enabled: false })] };
    expect(evaluate(snapshot, 'f', { key: 'u' }).reason).toBe('DISABLED');
    snapshot.flags = [flag({ key: 'f' })];
    snapshot.version = 2;
    expect(evaluate(snapshot, 'f', { key: 'u' }).reason).toBe('DEFAULT');
  });

  it('evaluates every flag for one context', () => {
    const snapshot: Snapshot = { flags: [flag({ key: 'a' }), flag({ key: 'b', enabled: false })] };
    expect(evaluateAll(snapshot, { key: 'u' })).toEqual({
      a: { variant: 'on', value: true, reason: 'DEFAULT' },
      b: { variant: 'off', value: false, reason: 'DISABLED' },
    });
  });

  it('matches any element of an array attribute, and negates the whole', () => {
    const snapshot: Snapshot = {
      flags: [
        flag({ key: 'f', rules: [{ id: 'r', when: [{ attr: 'tags', op: 'startsWith', values: ['be'] }], serve: on }], fallthrough: { variant: 'off' } }),
        flag({ key: 'g', rules: [{ id: 'r', when: [{ attr: 'tags', op: 'eq', values: ['x'], negate: true }], serve: on }], fallthrough: { variant: 'off' } }),
      ],
    };
    expect(evaluate(snapshot, 'f', { tags: ['alpha', 'beta'] }).variant).toBe('on');
    expect(evaluate(snapshot, 'f', { tags: [1, null, {}] }).variant).toBe('off');
    expect(evaluate(snapshot, 'g', { tags: ['a', 'x'] }).variant).toBe('off');
    expect(evaluate(snapshot, 'g', { tags: [] }).variant).toBe('on');
    expect(evaluate(snapshot, 'g', { tags: null }).variant).toBe('off');
  });

  it('uses a set for long eq lists with the same strict typing', () => {
    const values = Array.from({ length: 50 }, (_, i) => `u-${i}`).concat(['7', 'true']);
    const snapshot: Snapshot = {
      flags: [flag({ key: 'f', rules: [{ id: 'r', when: [{ attr: 'id', op: 'eq', values }], serve: on }], fallthrough: { variant: 'off' } })],
    };
    expect(evaluate(snapshot, 'f', { id: 'u-42' }).variant).toBe('on');
    expect(evaluate(snapshot, 'f', { id: 7 }).variant).toBe('off');
    expect(evaluate(snapshot, 'f', { id: true }).variant).toBe('off');
  });
});

describe('malformed configuration', () => {
  it('answers PARSE_ERROR for a prerequisite cycle, without looping', () => {
    const snapshot: Snapshot = {
      flags: [
        flag({ key: 'a', prerequisites: [{ flag: 'b', variant: 'on' }] }),
        flag({ key: 'b', prerequisites: [{ flag: 'a', variant: 'on' }] }),
        flag({ key: 'c', prerequisites: [{ flag: 'a', variant: 'on' }] }),
      ],
    };
    for (const key of ['a', 'b', 'c']) expect(evaluate(snapshot, key, { key: 'u' })).toMatchObject({ reason: 'ERROR', errorCode: 'PARSE_ERROR' });
  });

  it('allows prerequisite chains 10 deep and rejects 11', () => {
    const chain = (length: number): Snapshot => ({
      flags: Array.from({ length: length + 1 }, (_, i) =>
        flag({ key: `f${i}`, prerequisites: i < length ? [{ flag: `f${i + 1}`, variant: 'on' }] : [] }),
      ),
    });
    expect(evaluate(chain(10), 'f0', { key: 'u' }).reason).toBe('DEFAULT');
    expect(evaluate(chain(11), 'f0', { key: 'u' })).toMatchObject({ reason: 'ERROR', errorCode: 'PARSE_ERROR' });
    expect(evaluate(chain(11), 'f1', { key: 'u' }).reason).toBe('DEFAULT');
  });

  it('fails a prerequisite on an unknown flag, and passes on a malformed one\'s error', () => {
    const snapshot: Snapshot = {
      flags: [
        flag({ key: 'a', prerequisites: [{ flag: 'ghost', variant: 'on' }] }),
        flag({ key: 'b', prerequisites: [{ flag: 'broken', variant: 'on' }] }),
        flag({ key: 'broken', fallthrough: { variant: 'nope' } }),
      ],
    };
    expect(evaluate(snapshot, 'a', { key: 'u' })).toEqual({ variant: 'off', value: false, reason: 'PREREQUISITE_FAILED', prerequisite: 'ghost' });
    expect(evaluate(snapshot, 'b', { key: 'u' })).toMatchObject({ reason: 'ERROR', errorCode: 'PARSE_ERROR' });
  });

  it('serves the off variant of a disabled flag even when its targeting is broken', () => {
    const snapshot = { flags: [{ ...flag({ key: 'f', enabled: false }), rules: 'oops' }] };
    expect(evaluate(snapshot, 'f', { key: 'u' }).reason).toBe('DISABLED');
  });

  it.each([
    ['an unknown variant', { fallthrough: { variant: 'nope' } }],
    ['split weights not summing to 100000', { fallthrough: { rollout: { split: [{ variant: 'on', weight: 50 }] } } }],
    ['a fractional weight', { fallthrough: { rollout: { split: [{ variant: 'on', weight: 99999.5 }, { variant: 'off', weight: 0.5 }] } } }],
    ['an unknown operator', { rules: [{ id: 'r', when: [{ attr: 'a', op: 'like', values: ['x'] }], serve: on }] }],
    ['an unknown segment', { rules: [{ id: 'r', when: [{ segment: 'ghost' }], serve: on }] }],
    ['a rule without id', { rules: [{ when: [], serve: on }] }],
    ['values that are not a list', { rules: [{ id: 'r', when: [{ attr: 'a', op: 'eq', values: 'x' }], serve: on }] }],
  ])('answers PARSE_ERROR for %s', (_, broken) => {
    const snapshot = { flags: [{ ...flag({ key: 'f' }), ...broken }] };
    const result = evaluate(snapshot, 'f', { key: 'u' });
    expect(result).toMatchObject({ reason: 'ERROR', errorCode: 'PARSE_ERROR' });
    expect(result.variant).toBeUndefined();
    expect(result.errorMessage).toEqual(expect.any(String));
  });

  it('answers PARSE_ERROR for segments that reference each other in a cycle', () => {
    const snapshot = {
      flags: [flag({ key: 'f', rules: [{ id: 'r', when: [{ segment: 'a' }], serve: on }] })],
      segments: [
        { key: 'a', rules: [[{ segment: 'b' }]] },
        { key: 'b', rules: [[{ segment: 'a' }]] },
      ],
    };
    expect(evaluate(snapshot, 'f', { key: 'u' })).toMatchObject({ reason: 'ERROR', errorCode: 'PARSE_ERROR' });
  });

  it('answers PARSE_ERROR for a key defined twice', () => {
    const snapshot = { flags: [flag({ key: 'f' }), flag({ key: 'f', enabled: false })] };
    expect(CompiledSnapshot.compile(snapshot).evaluate('f', {})).toMatchObject({ errorCode: 'PARSE_ERROR' });
  });
});
