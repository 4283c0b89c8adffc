import { describe, expect, it } from 'vitest';
import { dataWindow, eventsOfChunk, eventsPerUser, userChunks } from './event-generator.js';

describe('the data plan', () => {
  it('ends the window at the midnight a day before now', () => {
    const window = dataWindow(Date.parse('2026-11-22T01:35:00Z'), 14);
    expect(new Date(window.start).toISOString()).toBe('2026-11-07T00:00:00.000Z');
    expect(new Date(window.end).toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(dataWindow(Date.parse('2026-11-22T00:00:00Z'), 2).end).toBe(Date.parse('2026-11-21T00:00:00Z'));
  });

  it('covers every user once, in chunks', () => {
    expect(userChunks(5, 2)).toEqual([
      { first: 1, last: 2 },
      { first: 3, last: 4 },
      { first: 5, last: 5 },
    ]);
    expect(userChunks(1_000_000, 50_000)).toHaveLength(20);
    expect(userChunks(3, 10)).toEqual([{ first: 1, last: 3 }]);
  });

  it('adds up to exactly the events asked for', () => {
    for (const [users, events, perChunk] of [
      [3, 32, 2],
      [1_000_000, 10_000_000, 50_000],
      [20_000, 200_003, 7000],
      [7, 49, 7],
    ] as const) {
      const spread = eventsPerUser(users, events);
      const total = userChunks(users, perChunk).reduce((sum, chunk) => sum + eventsOfChunk(chunk, spread), 0);
      expect(total).toBe(events);
    }
    expect(eventsPerUser(3, 32)).toEqual({ base: 10, extra: 2 });
    expect(eventsOfChunk({ first: 3, last: 3 }, { base: 10, extra: 2 })).toBe(10);
    expect(eventsOfChunk({ first: 1, last: 2 }, { base: 10, extra: 2 })).toBe(22);
  });
});
