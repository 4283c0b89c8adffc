import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeQueue } from './time-queue.js';

describe('TimeQueue', () => {
  it('takes what is due earliest first, ties in the order they were pushed, and leaves the rest', () => {
    const queue = new TimeQueue<{ atMs: number; name: string }>();
    for (const [atMs, name] of [[30, 'c'], [10, 'a'], [20, 'b1'], [20, 'b2'], [40, 'd']] as const) queue.push({ atMs, name });
    expect([...queue.takeDue(20)].map((item) => item.name)).toEqual(['a', 'b1', 'b2']);
    expect(queue.size).toBe(2);
    expect([...queue.takeDue(29)]).toEqual([]);
    expect([...queue.takeDue(Infinity)].map((item) => item.name)).toEqual(['c', 'd']);
  });

  it('yields what is pushed while it is being taken, if it is due too', () => {
    const queue = new TimeQueue<{ atMs: number }>();
    queue.push({ atMs: 1 });
    const taken: number[] = [];
    for (const item of queue.takeDue(10)) {
      taken.push(item.atMs);
      if (item.atMs < 8) queue.push({ atMs: item.atMs + 3 });
    }
    expect(taken).toEqual([1, 4, 7, 10]);
    expect(queue.size).toBe(0);
  });

  it('is a stable sort by time of whatever is pushed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const queue = new TimeQueue<{ atMs: number; i: number }>();
        times.forEach((atMs, i) => queue.push({ atMs, i }));
        const expected = times.map((atMs, i) => ({ atMs, i })).sort((a, b) => a.atMs - b.atMs || a.i - b.i);
        expect([...queue.takeDue(20)]).toEqual(expected);
      }),
      { seed: 8, numRuns: 200 },
    );
  });
});
