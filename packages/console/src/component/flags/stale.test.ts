import { describe, expect, it } from 'vitest';
import { isStale } from './stale';

const now = Date.parse('2026-06-01T00:00:00Z');
const old = '2026-04-01T00:00:00Z';
const recent = '2026-05-25T00:00:00Z';
const flag = (over: object = {}, production: object = {}) => ({
  lifetime: 'temporary' as const,
  archived: false,
  updatedAt: old,
  environments: { production: { enabled: true, version: 3, updatedAt: old, servesOne: 'on', ...production } },
  ...over,
});

describe('the stale badge', () => {
  it('marks a temporary flag fully rolled out and unchanged for 30 days', () => expect(isStale(flag(), now)).toBe(true));
  it('marks one that is off everywhere', () => expect(isStale(flag({}, { servesOne: null, enabled: false }), now)).toBe(true));
  it('spares a partial rollout', () => expect(isStale(flag({}, { servesOne: null }), now)).toBe(false));
  it('spares a recent change to the flag or a configuration', () => {
    expect(isStale(flag({ updatedAt: recent }), now)).toBe(false);
    expect(isStale(flag({}, { updatedAt: recent }), now)).toBe(false);
  });
  it('spares permanent and archived flags', () => {
    expect(isStale(flag({ lifetime: 'permanent' }), now)).toBe(false);
    expect(isStale(flag({ archived: true }), now)).toBe(false);
  });
});
