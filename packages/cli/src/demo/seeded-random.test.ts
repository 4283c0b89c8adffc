import { describe, expect, it } from 'vitest';
import { chance, exponentialMs, integerBetween, logNormalMs, pickWeighted, seededRandom } from './seeded-random.js';

const draw = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

describe('seededRandom', () => {
  it('gives the same stream for the same seed and unrelated ones for seeds one character apart', () => {
    expect(draw(5, seededRandom('demo/1'))).toEqual(draw(5, seededRandom('demo/1')));
    const a = draw(1000, seededRandom('demo/1'));
    const b = draw(1000, seededRandom('demo/2'));
    expect(a.filter((x, i) => x === b[i])).toEqual([]);
  });

  it('is uniform on [0, 1)', () => {
    const values = draw(100_000, seededRandom('uniform'));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const deciles = new Array<number>(10).fill(0);
    for (const value of values) deciles[Math.floor(value * 10)]!++;
    for (const count of deciles) {
      expect(count).toBeGreaterThan(9_600);
      expect(count).toBeLessThan(10_400);
    }
  });
});

describe('helpers', () => {
  const random = seededRandom('helpers');

  it('picks by weight and keeps integers in bounds', () => {
    const picks = draw(20_000, () => pickWeighted(random, [['a', 3], ['b', 1]] as const));
    expect(picks.filter((p) => p === 'a').length / picks.length).toBeCloseTo(0.75, 1);
    const ints = draw(10_000, () => integerBetween(random, 2, 4));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4]));
    expect(draw(20_000, () => chance(random, 0.2)).filter(Boolean).length / 20_000).toBeCloseTo(0.2, 1);
  });

  it('draws log-normal durations around their median and exponential gaps around their mean', () => {
    const durations = draw(20_001, () => logNormalMs(random, 60_000, 0.6)).sort((x, y) => x - y);
    expect(durations[10_000]! / 60_000).toBeGreaterThan(0.95);
    expect(durations[10_000]! / 60_000).toBeLessThan(1.05);
    expect(durations[0]).toBeGreaterThan(0);
    const gaps = draw(20_000, () => exponentialMs(random, 4));
    expect(gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length).toBeGreaterThan(240);
    expect(gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length).toBeLessThan(260);
  });
});
