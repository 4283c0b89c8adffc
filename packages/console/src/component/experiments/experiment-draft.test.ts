import { describe, expect, it } from 'vitest';
import {
  type ExperimentDraft,
  describeWeights,
  experimentBody,
  newExperimentDraft,
  readSplit,
  roleOf,
  stepOfIssue,
  suggestedControl,
  withControl,
  withFlag,
  withRole,
  withTreatment,
} from './experiment-draft';

const checkout = { key: 'new-checkout', name: 'New checkout', variants: [{ key: 'on' }, { key: 'off' }] };
const colours = { key: 'button-colour', name: 'Button colour', variants: [{ key: 'control' }, { key: 'blue' }, { key: 'green' }] };
const half = (a: string, b: string) => ({ rollout: { split: [{ variant: a, weight: 50_000 }, { variant: b, weight: 50_000 }] } });

describe('the experiment wizard draft', () => {
  it('starts from a flag: its control against every other variant, keyed and named after it', () => {
    expect(newExperimentDraft(checkout, 'production')).toMatchObject({ key: 'new-checkout', name: 'New checkout', flag: 'new-checkout', environment: 'production', control: 'off', treatments: ['on'] });
    expect(newExperimentDraft(colours, 'staging')).toMatchObject({ control: 'control', treatments: ['blue', 'green'] });
    expect(newExperimentDraft(undefined, 'production')).toMatchObject({ key: '', flag: '', control: '', treatments: [] });
    expect(suggestedControl(['a', 'b'])).toBe('a');
  });

  it('follows another flag with the key and name, unless they were changed', () => {
    const draft = newExperimentDraft(checkout, 'production');
    expect(withFlag(draft, colours)).toMatchObject({ key: 'button-colour', name: 'Button colour', control: 'control', treatments: ['blue', 'green'] });
    const named = { ...draft, key: 'checkout-q3', name: 'Checkout, Q3' };
    expect(withFlag(named, colours)).toMatchObject({ key: 'checkout-q3', name: 'Checkout, Q3', flag: 'button-colour' });
  });

  it('keeps one control: the old control becomes a treatment, the new one is one no longer', () => {
    const draft = newExperimentDraft(colours, 'production');
    expect(withControl(draft, 'blue')).toMatchObject({ control: 'blue', treatments: ['green', 'control'] });
    const order = colours.variants.map((variant) => variant.key);
    expect(withTreatment(draft, 'blue', false, order).treatments).toEqual(['green']);
    expect(withTreatment(withTreatment(draft, 'blue', false, order), 'blue', true, order).treatments).toEqual(['blue', 'green']);
  });

  it('gives each metric one role, and one primary: a new primary makes the old one secondary', () => {
    let draft: ExperimentDraft = newExperimentDraft(checkout, 'production');
    draft = withRole(draft, 'conversion', 'primary');
    draft = withRole(draft, 'errors', 'guardrail');
    expect(draft).toMatchObject({ primaryMetric: 'conversion', secondaryMetrics: [], guardrailMetrics: ['errors'] });
    draft = withRole(draft, 'revenue', 'primary');
    expect(draft).toMatchObject({ primaryMetric: 'revenue', secondaryMetrics: ['conversion'], guardrailMetrics: ['errors'] });
    draft = withRole(draft, 'errors', 'secondary');
    expect(draft).toMatchObject({ secondaryMetrics: ['conversion', 'errors'], guardrailMetrics: [] });
    draft = withRole(draft, 'revenue', undefined);
    expect(draft.primaryMetric).toBe('');
    expect(roleOf(draft, 'errors')).toBe('secondary');
    expect(roleOf(draft, 'revenue')).toBeUndefined();
  });

  it('sends the fields as chosen, the name defaulting to the key', () => {
    const draft = { ...withRole(newExperimentDraft(checkout, 'production'), 'conversion', 'primary'), key: ' checkout ', name: ' ', hypothesis: ' Sells more ' };
    expect(experimentBody(draft)).toEqual({
      key: 'checkout',
      name: 'checkout',
      hypothesis: 'Sells more',
      flag: 'new-checkout',
      environment: 'production',
      control: 'off',
      treatments: ['on'],
      primaryMetric: 'conversion',
      secondaryMetrics: [],
      guardrailMetrics: [],
    });
  });

  it('sends a refused field back to the step that holds it', () => {
    expect(stepOfIssue('flag')).toBe('flag');
    expect(stepOfIssue('environment')).toBe('flag');
    expect(stepOfIssue('treatments[1]')).toBe('variants');
    expect(stepOfIssue('control')).toBe('variants');
    expect(stepOfIssue('key')).toBe('hypothesis');
    expect(stepOfIssue('guardrailMetrics[0]')).toBe('metrics');
    expect(stepOfIssue('')).toBe('review');
    expect(stepOfIssue('somethingElse')).toBe('review');
  });

  it('reads whether the flag splits traffic between the control and a treatment', () => {
    const on = { enabled: true, offVariant: 'off', rules: [] };
    expect(readSplit({ ...on, fallthrough: half('on', 'off') }, 'off', ['on'])).toEqual({ ok: true, where: 'the default', weights: { off: 50_000, on: 50_000 } });
    expect(readSplit({ ...on, fallthrough: half('on', 'off'), enabled: false }, 'off', ['on'])).toEqual({ ok: false, problem: 'the flag is off, serving "off" to everyone' });
    expect(readSplit({ ...on, fallthrough: { variant: 'off' } }, 'off', ['on'])).toEqual({ ok: false, problem: 'the flag has no percentage rollout' });
    expect(readSplit({ ...on, fallthrough: half('blue', 'green') }, 'control', ['blue'])).toMatchObject({ ok: false, problem: expect.stringContaining('"control"') });
    const rule = { ...on, fallthrough: { variant: 'off' }, rules: [{ serve: { variant: 'on' } }, { serve: half('on', 'off') }] };
    expect(readSplit(rule, 'off', ['on'])).toMatchObject({ ok: true, where: 'rule 2' });
    expect(readSplit(undefined, 'off', ['on'])).toMatchObject({ ok: false });
  });

  it('writes weights as percentages', () => {
    expect(describeWeights({ off: 50_000, on: 50_000 })).toBe('off 50%, on 50%');
    expect(describeWeights({ control: 87_500, blue: 12_500 })).toBe('control 87.5%, blue 12.5%');
  });
});
