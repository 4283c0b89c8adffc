import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompiledSnapshot } from '../snapshot.js';
import type { Flag, Snapshot } from '../types.js';
import type { ValidationIssue } from './issues.js';
import { validateSnapshot } from './validate.js';

const specDir = new URL('../../../../../shared/spec/evaluation/', import.meta.url);
const suite = (name: string) => (JSON.parse(readFileSync(new URL(`${name}.json`, specDir), 'utf8')) as { snapshot: Snapshot }).snapshot;

function issuesOf(input: unknown): ValidationIssue[] {
  const result = validateSnapshot(input);
  return result.ok ? [] : result.issues;
}

function flag(key: string, extra: Partial<Flag> = {}): Flag {
  return { key, variants: { on: true, off: false }, enabled: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' }, ...extra };
}

/** Flags f0 → f1 → … → f`depth`: a prerequisite chain `depth` deep from f0. */
function chain(depth: number): Flag[] {
  return Array.from({ length: depth + 1 }, (_, i) => flag(`f${i}`, i < depth ? { prerequisites: [{ flag: `f${i + 1}`, variant: 'on' }] } : {}));
}

describe('validateSnapshot on the conformance suites', () => {
  it.each(['operators', 'rollouts'])('accepts %s.json', (name) => {
    const snapshot = suite(name);
    expect(validateSnapshot(snapshot)).toEqual({ ok: true, value: snapshot });
  });

  it('rejects only the deliberately broken flag of structure.json, at its segment reference', () => {
    const snapshot = suite('structure');
    const index = snapshot.flags.findIndex((f) => f.key === 'bad-seg');
    expect(index).toBe(6);
    expect(issuesOf(snapshot)).toEqual([
      { path: 'flags[6].rules[0].when[0].segment', code: 'unknown_segment', message: 'segment "no-such-segment" does not exist' },
    ]);
    expect(issuesOf({ ...snapshot, flags: snapshot.flags.filter((f) => f.key !== 'bad-seg') })).toEqual([]);
  });
});

describe('validateSnapshot', () => {
  it('accepts a snapshot without segments or version', () => {
    expect(issuesOf({ flags: [flag('a')] })).toEqual([]);
  });

  it('rejects what is not a snapshot', () => {
    expect(issuesOf(null)).toEqual([{ path: '', code: 'invalid_type', message: 'expected an object, got null' }]);
    expect(issuesOf({ flag: [] }).map((i) => [i.path, i.code])).toEqual([
      ['flags', 'missing'],
      ['flag', 'unknown_field'],
    ]);
    expect(issuesOf({ version: -1, flags: [] }).map((i) => [i.path, i.code])).toEqual([['version', 'too_small']]);
  });

  it('reports a flag\'s issues under its index', () => {
    const split = [
      { variant: 'on', weight: 60000 },
      { variant: 'off', weight: 60000 },
    ];
    const broken = flag('d', { rules: [{ id: 'r', when: [], serve: { rollout: { split } } }] });
    expect(issuesOf({ flags: [flag('a'), flag('b'), flag('c'), broken] })).toEqual([
      { path: 'flags[3].rules[0].serve.rollout.split', code: 'split_sum', message: 'split weights sum to 120000; they must sum to 100000 (100%)' },
    ]);
    expect(issuesOf({ flags: [flag('a', { offVariant: 'x' })] }).map((i) => i.path)).toEqual(['flags[0].offVariant']);
    expect(issuesOf({ flags: [], segments: [{ key: 's', include: ['u', 'u'] }] }).map((i) => i.path)).toEqual(['segments[0].include[1]']);
  });

  it('rejects duplicate flag and segment keys', () => {
    const issues = issuesOf({ flags: [flag('a'), flag('b'), flag('a')], segments: [{ key: 's' }, { key: 's' }] });
    expect(issues).toEqual([
      { path: 'flags[2].key', code: 'duplicate', message: 'flag key "a" is already used by flags[0]' },
      { path: 'segments[1].key', code: 'duplicate', message: 'segment key "s" is already used by segments[0]' },
    ]);
  });

  it('resolves prerequisites within the snapshot', () => {
    const needs = (key: string, variant: string) => flag('x', { prerequisites: [{ flag: key, variant }] });
    expect(issuesOf({ flags: [flag('a'), needs('a', 'on')] })).toEqual([]);
    expect(issuesOf({ flags: [flag('a'), needs('a', 'yes')] }).map((i) => [i.path, i.code])).toEqual([['flags[1].prerequisites[0].variant', 'unknown_variant']]);
    expect(issuesOf({ flags: [needs('ghost', 'on')] }).map((i) => [i.path, i.code])).toEqual([['flags[0].prerequisites[0].flag', 'unknown_flag']]);
  });

  it('rejects a prerequisite cycle at every flag on it', () => {
    const a = flag('a', { prerequisites: [{ flag: 'b', variant: 'on' }] });
    const b = flag('b', { prerequisites: [{ flag: 'a', variant: 'on' }] });
    expect(issuesOf({ flags: [a, b] })).toEqual([
      { path: 'flags[0].prerequisites[0].flag', code: 'prerequisite_cycle', message: 'prerequisite cycle: a → b → a' },
      { path: 'flags[1].prerequisites[0].flag', code: 'prerequisite_cycle', message: 'prerequisite cycle: b → a → b' },
    ]);
  });

  it('accepts a prerequisite chain 10 deep, which evaluates', () => {
    const snapshot = { flags: chain(10) };
    expect(issuesOf(snapshot)).toEqual([]);
    expect(CompiledSnapshot.compile(snapshot).evaluate('f0', { key: 'u' }).reason).toBe('DEFAULT');
  });

  it('rejects a prerequisite chain 11 deep, which the evaluator refuses too', () => {
    const snapshot = { flags: chain(11) };
    expect(issuesOf(snapshot)).toEqual([
      {
        path: 'flags[0].prerequisites[0].flag',
        code: 'prerequisite_too_deep',
        message: 'the prerequisite chain f0 → f1 → f2 → f3 → f4 → f5 → f6 → f7 → f8 → f9 → f10 → f11 is 11 deep; at most 10 are allowed',
      },
    ]);
    expect(CompiledSnapshot.compile(snapshot).evaluate('f0', { key: 'u' }).errorCode).toBe('PARSE_ERROR');
  });

  it('rejects a segment cycle', () => {
    const segments = [
      { key: 'a', rules: [[{ segment: 'b' }]] },
      { key: 'b', rules: [[{ segment: 'a' }]] },
    ];
    expect(issuesOf({ flags: [], segments }).map((i) => [i.path, i.code])).toEqual([
      ['segments[0].rules[0][0].segment', 'segment_cycle'],
      ['segments[1].rules[0][0].segment', 'segment_cycle'],
    ]);
  });
});
