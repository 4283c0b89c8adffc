import { describe, expect, it } from 'vitest';
import { describeBreakdown, formatBreakdown, parseBreakdown } from './breakdown';

describe('breakdowns in the query string', () => {
  it('reads each kind, keys with colons included', () => {
    expect(parseBreakdown('flag:new-checkout')).toEqual({ kind: 'flag', key: 'new-checkout' });
    expect(parseBreakdown('attribute:country')).toEqual({ kind: 'attribute', key: 'country' });
    expect(parseBreakdown('property:plan:tier')).toEqual({ kind: 'property', key: 'plan:tier' });
  });

  it('reads nothing, an unknown kind or an empty key as no breakdown', () => {
    for (const text of [null, undefined, '', 'flag', 'flag:', 'flag: ', 'segment:beta']) expect(parseBreakdown(text)).toBeNull();
  });

  it('writes what it reads', () => {
    for (const text of ['flag:new-checkout', 'attribute:country', 'property:plan:tier']) expect(formatBreakdown(parseBreakdown(text))).toBe(text);
    expect(formatBreakdown(null)).toBeUndefined();
  });

  it('says it in words', () => {
    expect(describeBreakdown(null)).toBe('all users together');
    expect(describeBreakdown({ kind: 'flag', key: 'new-checkout' })).toBe('by variant of new-checkout');
    expect(describeBreakdown({ kind: 'property', key: 'plan' })).toBe('by property plan');
  });
});
