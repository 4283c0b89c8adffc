import { describe, expect, it } from 'vitest';
import type { FlagSettings, ValidServe } from '../flags/flag-documents.js';
import { trafficSplit } from './traffic-split.js';

const rollout = (split: Record<string, number>): ValidServe => ({ rollout: { split: Object.entries(split).map(([variant, weight]) => ({ variant, weight })) } });
const settings = (changes: Partial<FlagSettings>): FlagSettings => ({
  enabled: true,
  offVariant: 'off',
  prerequisites: [],
  rules: [],
  fallthrough: { variant: 'on' },
  ...changes,
});
const abc = { control: 'a', treatments: ['b', 'c'] };

describe('the traffic split an experiment needs', () => {
  it('is the fallthrough’s rollout when it weighs the control and a treatment, with each compared variant’s weight', () => {
    expect(trafficSplit(settings({ fallthrough: rollout({ a: 40_000, b: 40_000, x: 20_000 }) }), abc)).toEqual({
      ok: true,
      split: { path: 'fallthrough', weights: { a: 40_000, b: 40_000, c: 0 } },
    });
  });

  it('is otherwise the first rule’s rollout that does', () => {
    const rules = [
      { id: 'staff', when: [{ attr: 'staff', op: 'exists' as const }], serve: { variant: 'b' } },
      { id: 'half', when: [{ attr: 'country', op: 'eq' as const, values: ['DE'] }], serve: rollout({ a: 50_000, c: 50_000 }) },
    ];
    expect(trafficSplit(settings({ rules }), abc)).toEqual({ ok: true, split: { path: 'rules[1]', weights: { a: 50_000, b: 0, c: 50_000 } } });
  });

  it('names the problem: off, no rollout, or no weight on the control or on every treatment', () => {
    const off = trafficSplit(settings({ enabled: false, fallthrough: rollout({ a: 50_000, b: 50_000 }) }), abc);
    expect(off).toMatchObject({ ok: false, problem: expect.stringContaining('it is off, serving "off"') });
    expect(trafficSplit(settings({}), abc)).toMatchObject({ ok: false, problem: expect.stringContaining('no percentage rollout') });
    const noControl = trafficSplit(settings({ fallthrough: rollout({ a: 0, b: 50_000, c: 50_000 }) }), abc);
    expect(noControl).toMatchObject({ ok: false, problem: expect.stringContaining('control "a"') });
    expect(noControl).toMatchObject({ problem: expect.stringContaining('fallthrough does not') });
    expect(trafficSplit(settings({ fallthrough: rollout({ a: 90_000, x: 10_000 }) }), abc)).toMatchObject({ ok: false });
  });
});
