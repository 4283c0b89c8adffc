import { describe, expect, it } from 'vitest';
import { labelled, linePath, linear, niceStep, symmetricExtent, ticks, ticksAround } from './scale';

describe('chart axes', () => {
  it('rounds steps up to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.13)).toBe(0.2);
    expect(niceStep(1)).toBe(1);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(340)).toBe(500);
    expect(niceStep(0)).toBe(1);
  });

  it('ticks from zero to a round top that covers the largest value', () => {
    expect(ticks(87)).toEqual([0, 50, 100]);
    expect(ticks(87, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(ticks(0)).toEqual([0, 1]);
    for (const max of [0.3, 7, 13, 999, 12_345]) {
      const all = ticks(max);
      expect(all[0]).toBe(0);
      expect(all[all.length - 1]).toBeGreaterThanOrEqual(max);
      expect(all.length).toBeLessThanOrEqual(7);
    }
  });

  it('keeps rates at or under 100%', () => {
    expect(ticks(0.62, 4, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(ticks(1, 4, 1)).toEqual([0, 0.5, 1]);
    expect(ticks(0.99, 4, 1).at(-1)).toBe(1);
    expect(ticks(0, 4, 1)).toEqual([0, 1]);
  });

  it('maps a domain linearly onto a range, flipped or not', () => {
    expect(linear([0, 100], [200, 0])(25)).toBe(150);
    expect(linear([0, 10], [0, 50])(10)).toBe(50);
    expect(linear([5, 5], [0, 50])(5)).toBe(0);
  });

  it('labels the first and last position and evenly between', () => {
    expect(labelled(0, 6)).toEqual([]);
    expect(labelled(5, 6)).toEqual([0, 1, 2, 3, 4]);
    expect(labelled(30, 6)).toEqual([0, 6, 12, 18, 24, 29]);
    // A last gap under half a step moves the last label but one to the end.
    expect(labelled(8, 4)).toEqual([0, 3, 7]);
    expect(labelled(91, 8)).toEqual([0, 13, 26, 39, 52, 65, 78, 90]);
    for (const length of [7, 14, 15, 31, 90, 366]) {
      const picked = labelled(length, 8);
      expect(picked.length).toBeLessThanOrEqual(8);
      expect(picked[0]).toBe(0);
      expect(picked.at(-1)).toBe(length - 1);
    }
  });

  it('draws a line through the values, broken where one is missing', () => {
    const x = (i: number) => i * 10;
    const y = (v: number) => 100 - v;
    expect(linePath([1, 2, 3], x, y)).toBe('M0.0,99.0L10.0,98.0L20.0,97.0');
    expect(linePath([1, null, 3, 4], x, y)).toBe('M0.0,99.0M20.0,97.0L30.0,96.0');
    expect(linePath([null, null], x, y)).toBe('');
  });

  it('ticks across zero for values on both sides, with round steps covering them', () => {
    expect(ticksAround(-0.03, 0.07)).toEqual([-0.05, 0, 0.05, 0.1]);
    expect(ticksAround(-0.03, 0.07, 8)).toEqual([-0.04, -0.02, 0, 0.02, 0.04, 0.06, 0.08]);
    expect(ticksAround(0.2, 0.5, 2)).toEqual([0, 0.5]);
    expect(ticksAround(-12, -3)).toEqual([-15, -10, -5, 0]);
    expect(ticksAround(0, 0)).toEqual([-1, 0, 1]);
    for (const [min, max] of [[-0.3, 0.1], [-7, 13], [-999, 2], [0.001, 0.004]] as const) {
      const all = ticksAround(min, max);
      expect(all).toContain(0);
      expect(all[0]).toBeLessThanOrEqual(min);
      expect(all[all.length - 1]).toBeGreaterThanOrEqual(max);
      expect(all.length).toBeLessThanOrEqual(8);
    }
  });

  it('centres a range on zero around every value, with a margin', () => {
    expect(symmetricExtent([-0.02, 0.07])).toEqual([-0.077, 0.077]);
    expect(symmetricExtent([3, -5], 0)).toEqual([-5, 5]);
    expect(symmetricExtent([0, Number.NaN])).toEqual([-1, 1]);
    expect(symmetricExtent([])).toEqual([-1, 1]);
  });
});
