import { describe, expect, it } from 'vitest';
import { dataWindow, eventsOfChunk, eventsPerUnit, unitChunks } from './data-generator.js';

describe('the generated data’s plan', () => {
  it('ends the window at the midnight a day before now', () => {
    expect(dataWindow(Date.parse('2026-11-22T01:35:00Z'), 14)).toEqual({ start: Date.parse('2026-11-07T00:00:00Z'), end: Date.parse('2026-11-21T00:00:00Z') });
  });

  it('spreads the events over the units and the chunks so that they add up exactly', () => {
    const spread = eventsPerUnit(7, 75);
    expect(spread).toEqual({ base: 10, extra: 5 });
    const chunks = unitChunks(7, 3);
    expect(chunks).toEqual([
      { first: 1, last: 3 },
      { first: 4, last: 6 },
      { first: 7, last: 7 },
    ]);
    expect(chunks.map((chunk) => eventsOfChunk(chunk, spread))).toEqual([33, 32, 10]);
  });
});
