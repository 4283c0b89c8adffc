import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from './issues.js';
import { MAX_SEGMENT_KEYS } from './limits.js';
import type { References, SegmentReference } from './references.js';
import { validateSegment } from './validate.js';

function issuesOf(input: unknown, refs?: References): ValidationIssue[] {
  const result = validateSegment(input, refs);
  return result.ok ? [] : result.issues;
}

function onlyIssue(input: unknown, refs?: References): { path: string; code: string } {
  const issues = issuesOf(input, refs);
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  return { path: issues[0]!.path, code: issues[0]!.code };
}

function segmentsOf(entries: Record<string, string[]>): ReadonlyMap<string, SegmentReference> {
  return new Map(Object.entries(entries).map(([key, segments]) => [key, { segments }]));
}

const keys = (n: number) => Array.from({ length: n }, (_, i) => `user-${i}`);

describe('validateSegment accepts', () => {
  it('the FLAGS.md example, returning it unchanged', () => {
    const segment = { key: 'staff', include: ['u-1'], exclude: ['u-9'], rules: [[{ attr: 'email', op: 'endsWith', values: ['@example.com'] }], [{ attr: 'admin', op: 'exists' }]] };
    expect(validateSegment(segment)).toEqual({ ok: true, value: segment });
  });

  it('a key alone, and lists at their longest', () => {
    expect(issuesOf({ key: 'everyone' })).toEqual([]);
    expect(issuesOf({ key: 'big', include: keys(MAX_SEGMENT_KEYS), exclude: keys(MAX_SEGMENT_KEYS) })).toEqual([]);
  });

  it('nested segments that exist', () => {
    const refs = { segments: segmentsOf({ admins: [], staff: ['admins'] }) };
    expect(issuesOf({ key: 'beta', rules: [[{ segment: 'staff' }, { attr: 'beta', op: 'eq', values: [true] }]] }, refs)).toEqual([]);
  });
});

describe('validateSegment rejects', () => {
  it.each(['Staff', '', 'a'.repeat(101), '_x'])('segment key %j', (key) => {
    expect(onlyIssue({ key })).toEqual({ path: 'key', code: 'invalid_format' });
  });

  it('an unknown field, suggesting the one meant', () => {
    expect(issuesOf({ key: 'staff', includes: ['u-1'] })).toEqual([
      { path: 'includes', code: 'unknown_field', message: 'unknown field "includes"; did you mean "include"?' },
    ]);
  });

  it('lists longer than allowed', () => {
    expect(onlyIssue({ key: 'big', include: keys(MAX_SEGMENT_KEYS + 1) })).toEqual({ path: 'include', code: 'too_big' });
    expect(onlyIssue({ key: 'big', exclude: keys(MAX_SEGMENT_KEYS + 1) })).toEqual({ path: 'exclude', code: 'too_big' });
  });

  it('keys that are empty, too long, not strings or listed twice', () => {
    expect(onlyIssue({ key: 's', include: ['u-1', ''] })).toEqual({ path: 'include[1]', code: 'too_small' });
    expect(onlyIssue({ key: 's', include: ['k'.repeat(257)] })).toEqual({ path: 'include[0]', code: 'too_big' });
    expect(onlyIssue({ key: 's', include: [42] })).toEqual({ path: 'include[0]', code: 'invalid_type' });
    expect(issuesOf({ key: 's', exclude: ['u-1', 'u-2', 'u-1'] })).toEqual([
      { path: 'exclude[2]', code: 'duplicate', message: '"u-1" is listed twice; first at index 0' },
    ]);
  });

  it('a condition in a rule group, at its path', () => {
    expect(onlyIssue({ key: 's', rules: [[{ attr: 'age', op: 'gt', values: [18] }, { attr: 'age', op: 'lt', values: ['65'] }]] })).toEqual({
      path: 'rules[0][1].values[0]',
      code: 'invalid_type',
    });
    expect(onlyIssue({ key: 's', rules: [{ attr: 'age', op: 'gt', values: [18] }] })).toEqual({ path: 'rules[0]', code: 'invalid_type' });
  });

  it('a nested segment that does not exist', () => {
    expect(issuesOf({ key: 's', rules: [[{ attr: 'a', op: 'exists' }], [{ segment: 'ghost' }]] })).toEqual([
      { path: 'rules[1][0].segment', code: 'unknown_segment', message: 'segment "ghost" does not exist' },
    ]);
  });

  it('a segment that contains itself', () => {
    expect(issuesOf({ key: 'staff', rules: [[{ segment: 'staff' }]] })).toEqual([
      { path: 'rules[0][0].segment', code: 'segment_cycle', message: 'a segment cannot contain itself' },
    ]);
  });

  it('a cycle through other segments', () => {
    const refs = { segments: segmentsOf({ admins: ['owners'], owners: ['staff'], staff: [] }) };
    expect(issuesOf({ key: 'staff', rules: [[{ attr: 'a', op: 'exists' }, { segment: 'admins' }]] }, refs)).toEqual([
      { path: 'rules[0][1].segment', code: 'segment_cycle', message: 'segment cycle: staff → admins → owners → staff' },
    ]);
  });
});
