import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const options = { baseMs: 500, capMs: 30_000 };

describe('backoffDelay', () => {
  it('draws from [0, min(cap, base·2^attempt)): full jitter', () => {
    const almostOne = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20, 1000].map((a) => backoffDelay(a, options, almostOne))).toEqual([
      499, 999, 1999, 3999, 7999, 15_999, 29_999, 29_999, 29_999, 29_999,
    ]);
    expect(backoffDelay(4, options, () => 0)).toBe(0);
    expect(backoffDelay(2, options, () => 0.5)).toBe(1000);
  });

  it('keeps a misbehaving random source within bounds', () => {
    expect(backoffDelay(0, options, () => 7)).toBe(500);
    expect(backoffDelay(0, options, () => -1)).toBe(0);
    expect(backoffDelay(0, options, () => Number.NaN)).toBe(500);
  });
});
