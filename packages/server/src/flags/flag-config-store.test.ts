import { describe, expect, it } from 'vitest';
import { servesOne } from './flag-config-store.js';

const split = (...weights: [string, number][]) => ({ rollout: { split: weights.map(([variant, weight]) => ({ variant, weight })) } });

describe('servesOne: the variant everyone gets, for the flag list\'s "fully rolled out"', () => {
  it.each([
    ['a fixed fallthrough', { prerequisites: [], rules: [], fallthrough: { variant: 'on' } }, 'on'],
    ['a split with one non-zero weight', { prerequisites: [], rules: [], fallthrough: split(['on', 100000], ['off', 0]) }, 'on'],
    ['a partial rollout', { prerequisites: [], rules: [], fallthrough: split(['on', 12500], ['off', 87500]) }, null],
    ['rules serving the same variant', { prerequisites: [], rules: [{ id: 'r', when: [], serve: { variant: 'on' } }], fallthrough: { variant: 'on' } }, 'on'],
    ['a rule serving another variant', { prerequisites: [], rules: [{ id: 'r', when: [], serve: { variant: 'off' } }], fallthrough: { variant: 'on' } }, null],
    ['a prerequisite', { prerequisites: [{ flag: 'x', variant: 'on' }], rules: [], fallthrough: { variant: 'on' } }, null],
  ])('%s', (_what, settings, expected) => {
    expect(servesOne(settings)).toBe(expected);
  });
});
