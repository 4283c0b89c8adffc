import type { Flag, Segment } from '@dial/core';
import { describe, expect, it } from 'vitest';
import { canonicalJson, diffSnapshots, indexSnapshot } from './snapshot-diff.js';

const flag = (key: string, enabled = false): Flag => ({
  key,
  variants: { on: true, off: false },
  enabled,
  offVariant: 'off',
  prerequisites: [],
  rules: [],
  fallthrough: { variant: 'on' },
});
const segment = (key: string, include: string[] = []): Segment => ({ key, include, exclude: [], rules: [] });

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }, 'x'], n: null })).toBe('{"a":[{"c":3,"d":2},"x"],"b":1,"n":null}');
    expect(canonicalJson({ x: { b: 1, a: 2 } })).toBe(canonicalJson({ x: { a: 2, b: 1 } }));
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
});

describe('diffSnapshots', () => {
  it('finds nothing between equal snapshots, whatever their key order', () => {
    const before = { version: 1, flags: [flag('a')], segments: [segment('s', ['u'])] };
    const reordered = { version: 2, flags: [{ ...flag('a'), key: 'a', enabled: false }], segments: [{ rules: [], exclude: [], include: ['u'], key: 's' }] };
    expect(diffSnapshots(indexSnapshot(before), reordered)).toEqual([]);
  });

  it('gives one change per flag or segment, with the new version, segments put first and deleted last', () => {
    const before = indexSnapshot({ flags: [flag('kept'), flag('changed'), flag('gone')], segments: [segment('old'), segment('edited')] });
    const after = {
      version: 9,
      flags: [flag('added'), flag('changed', true), flag('kept')],
      segments: [segment('edited', ['u-1']), segment('fresh')],
    };
    expect(diffSnapshots(before, after)).toEqual([
      { version: 9, type: 'segment.put', key: 'edited', segment: segment('edited', ['u-1']) },
      { version: 9, type: 'segment.put', key: 'fresh', segment: segment('fresh') },
      { version: 9, type: 'flag.put', key: 'added', flag: flag('added') },
      { version: 9, type: 'flag.put', key: 'changed', flag: flag('changed', true) },
      { version: 9, type: 'flag.delete', key: 'gone' },
      { version: 9, type: 'segment.delete', key: 'old' },
    ]);
  });

  it('serializes a change with its fields in the order of the wire format', () => {
    const [put] = diffSnapshots(indexSnapshot({ flags: [], segments: [] }), { version: 3, flags: [flag('a')], segments: [] });
    expect(Object.keys(put!)).toEqual(['version', 'type', 'key', 'flag']);
  });
});
