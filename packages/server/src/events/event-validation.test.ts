import { describe, expect, it } from 'vitest';
import { MAX_AGE_MS, MAX_ATTRIBUTES, MAX_FUTURE_MS, batchIssues, parseEvent } from './event-validation.js';

const receivedAt = new Date('2026-06-01T12:00:00Z');
const event = (overrides: Record<string, unknown> = {}) => ({ id: 'a:b.c_d-1', type: 'track', name: 'signup', key: 'user-1', timestamp: receivedAt.getTime(), ...overrides });

describe('parseEvent', () => {
  it('turns a valid event into the row to store', () => {
    const row = parseEvent(event({ timestamp: '2026-06-01T13:59:00+02:00', attributes: { a: 1, b: null } }), 7, receivedAt);
    expect(row).toMatchObject({ environmentId: 7, eventId: 'a:b.c_d-1', type: 'track', variant: null, attributes: '{"a":1,"b":null}', properties: '{}' });
    expect(typeof row === 'string' ? row : row.occurredAt.toISOString()).toBe('2026-06-01T11:59:00.000Z');
  });

  it('accepts timestamps up to the limits relative to receipt, and not past them', () => {
    const at = receivedAt.getTime();
    expect(parseEvent(event({ timestamp: at + MAX_FUTURE_MS }), 1, receivedAt)).not.toBeTypeOf('string');
    expect(parseEvent(event({ timestamp: at + MAX_FUTURE_MS + 1 }), 1, receivedAt)).toMatch(/ahead/);
    expect(parseEvent(event({ timestamp: at - MAX_AGE_MS }), 1, receivedAt)).not.toBeTypeOf('string');
    expect(parseEvent(event({ timestamp: at - MAX_AGE_MS - 1 }), 1, receivedAt)).toMatch(/30 days/);
    expect(parseEvent(event({ timestamp: '2026-06-01' }), 1, receivedAt)).toMatch(/ISO-8601/);
    expect(parseEvent(event({ timestamp: 1.5 }), 1, receivedAt)).toMatch(/epoch/);
  });

  it('names what is wrong with an invalid event', () => {
    expect(parseEvent('x', 1, receivedAt)).toMatch(/object/);
    expect(parseEvent(event({ id: 'x'.repeat(65) }), 1, receivedAt)).toMatch(/^id/);
    expect(parseEvent(event({ type: 'click' }), 1, receivedAt)).toMatch(/^type/);
    expect(parseEvent(event({ colour: 'red' }), 1, receivedAt)).toMatch(/colour is not a known field/);
    expect(parseEvent(event({ key: 'k'.repeat(257) }), 1, receivedAt)).toMatch(/^key/);
    expect(parseEvent(event({ attributes: Object.fromEntries(Array.from({ length: MAX_ATTRIBUTES + 1 }, (_, i) => [`a${i}`, i])) }), 1, receivedAt)).toMatch(/51 entries/);
    expect(parseEvent(event({ properties: [1] }), 1, receivedAt)).toMatch(/properties must be/);
    expect(parseEvent(event({ type: 'exposure' }), 1, receivedAt)).toMatch(/variant is required/);
  });

  it('refuses text PostgreSQL cannot store, wherever it is, and keeps what merely looks like it', () => {
    const refused = [
      event({ name: 'sign\u0000up' }),
      event({ key: 'user-\uD800' }),
      event({ type: 'exposure', variant: '\uDC00on' }),
      event({ attributes: { plan: 'pro\u0000' } }),
      event({ attributes: { ['\u0000']: 1 } }),
      event({ properties: { nested: { deep: ['x\uD83D'] } } }),
      event({ properties: { text: '\\\u0000' } }),
    ];
    for (const bad of refused) expect(parseEvent(bad, 1, receivedAt)).toMatch(/cannot be stored/);
    // A backslash followed by "u0000", and a whole surrogate pair, are ordinary text.
    const kept = parseEvent(event({ name: 'smile 😀', properties: { text: '\\u0000', emoji: '😀' } }), 1, receivedAt);
    expect(kept).toMatchObject({ name: 'smile 😀', properties: '{"text":"\\\\u0000","emoji":"😀"}' });
  });
});

describe('batchIssues', () => {
  it('accepts {"events": [...]} and nothing else', () => {
    expect(batchIssues({ events: [] })).toEqual([]);
    expect(batchIssues(null)[0]!.path).toBe('body');
    expect(batchIssues({})[0]!.path).toBe('events');
    expect(batchIssues({ events: Array.from({ length: 1_001 }) })[0]!.message).toMatch(/at most 1000/);
  });
});
