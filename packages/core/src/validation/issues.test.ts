import { describe, expect, it } from 'vitest';
import { describeValue, formatIssues, formatPath, joinPath } from './issues.js';

describe('paths', () => {
  it('are written as JavaScript accesses', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['rules', 0, 'when', 1, 'values', 2])).toBe('rules[0].when[1].values[2]');
    expect(formatPath(['variants', 'dark-mode', 'colour'])).toBe('variants["dark-mode"].colour');
    expect(formatPath([3, 'key'])).toBe('[3].key');
  });

  it('join under a document', () => {
    expect(joinPath('flags[3]', 'rules[0].id')).toBe('flags[3].rules[0].id');
    expect(joinPath('flags[3]', '["x-y"]')).toBe('flags[3]["x-y"]');
    expect(joinPath('flags[3]', '')).toBe('flags[3]');
    expect(joinPath('', 'key')).toBe('key');
  });
});

describe('formatIssues', () => {
  it('writes one line per issue, path first', () => {
    const text = formatIssues([
      { path: 'fallthrough.variant', code: 'unknown_variant', message: '"x" is not one of this flag\'s variants: on and off' },
      { path: '', code: 'invalid_type', message: 'expected an object, got null' },
    ]);
    expect(text).toBe('fallthrough.variant: "x" is not one of this flag\'s variants: on and off\nexpected an object, got null');
  });
});

describe('describeValue', () => {
  it('names the kind of value, quoting short strings only', () => {
    expect(describeValue('10')).toBe('the string "10"');
    expect(describeValue('x'.repeat(100))).toBe(`the string "${'x'.repeat(60)}…"`);
    expect(describeValue(1.5)).toBe('the number 1.5');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(true)).toBe('true');
  });
});
