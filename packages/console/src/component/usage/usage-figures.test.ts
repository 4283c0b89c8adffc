import { describe, expect, it } from 'vitest';
import { chosenEvents, toggleEvent, usageSeries } from './usage-figures';

describe('the usage chart series', () => {
  it('draws each line by the metric asked for, day by day', () => {
    const days = [
      { date: '2026-06-01', units: 3, events: 7 },
      { date: '2026-06-02', units: 0, events: 0 },
    ];
    const lines = [{ label: 'purchase', units: 3, events: 7, days }];
    expect(usageSeries(lines, 'units')).toEqual([{ name: 'purchase', values: [3, 0] }]);
    expect(usageSeries(lines, 'events')).toEqual([{ name: 'purchase', values: [7, 0] }]);
  });

  it('charts the events picked, or else the three most used', () => {
    expect(chosenEvents([], ['view', 'cart', 'buy', 'share'])).toEqual(['view', 'cart', 'buy']);
    expect(chosenEvents(['share', 'share', 'gone'], ['view', 'share'])).toEqual(['share', 'gone']);
    expect(chosenEvents([], [])).toEqual([]);
    expect(chosenEvents(Array.from({ length: 12 }, (_, i) => `e${i}`), [])).toHaveLength(10);
  });

  it('ticks and unticks an event, never past ten', () => {
    expect(toggleEvent(['view', 'cart'], 'cart')).toEqual(['view']);
    expect(toggleEvent(['view'], 'cart')).toEqual(['view', 'cart']);
    const ten = Array.from({ length: 10 }, (_, i) => `e${i}`);
    expect(toggleEvent(ten, 'more')).toEqual(ten);
  });
});
