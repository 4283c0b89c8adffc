import { describe, expect, it } from 'vitest';
import { EventSource, copyLine, copyText, requestBody } from './event-rows.js';

const options = { idPrefix: 'b100-0', exposureEvery: 5, units: 1000, seed: 1 };

describe('EventSource', () => {
  it('makes unique ids, an exposure in every fifth event, units within the range', () => {
    const source = new EventSource(options);
    const events = Array.from({ length: 1000 }, () => source.next(1_700_000_000_000));
    expect(new Set(events.map((event) => event.id)).size).toBe(1000);
    expect(events.filter((event) => event.type === 'exposure')).toHaveLength(200);
    for (const event of events) {
      expect(Number(event.key.slice('user-'.length))).toBeLessThan(1000);
      expect(event.variant === undefined).toBe(event.type === 'track');
      expect(event.timestamp).toBeLessThanOrEqual(1_700_000_000_000);
    }
  });

  it('makes a request body of valid JSON carrying each event', () => {
    const source = new EventSource({ ...options, idPrefix: 'x' });
    const events = [source.next(1), source.next(2)];
    const body = JSON.parse(requestBody(events)) as { events: Record<string, unknown>[] };
    expect(body.events).toHaveLength(2);
    expect(body.events[0]).toMatchObject({ id: 'x-0', type: 'exposure', variant: events[0]!.variant, key: events[0]!.key, timestamp: events[0]!.timestamp });
    expect(body.events[1]).not.toHaveProperty('variant');
    expect(body.events[1]!.properties).toEqual(JSON.parse(events[1]!.properties));
  });
});

describe('COPY text', () => {
  it('escapes the text format specials', () => {
    expect(copyText('plain')).toBe('plain');
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
  });

  it('writes ten tab-separated columns, \\N for a missing variant, and ISO times', () => {
    const source = new EventSource({ ...options, exposureEvery: 0 });
    const line = copyLine(7, source.next(Date.UTC(2026, 0, 31)), Date.UTC(2026, 0, 31, 0, 0, 1));
    expect(line.endsWith('\n')).toBe(true);
    const columns = line.slice(0, -1).split('\t');
    expect(columns).toHaveLength(10);
    expect(columns[0]).toBe('7');
    expect(columns[5]).toBe('\\N');
    expect(columns[9]).toBe('2026-01-31T00:00:01.000Z');
  });
});
