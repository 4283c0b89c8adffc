import { describe, expect, it } from 'vitest';
import { MINUS } from './format';
import { type Effect, type VerdictMetric, describeEffect, metricVerdicts, shownEffect, verdictFor } from './verdict';

const conversion: VerdictMetric = { name: 'Checkout conversion', role: 'primary', type: 'proportion', higherIsBetter: true };
const errors: VerdictMetric = { name: 'Errors per user', role: 'guardrail', type: 'mean', higherIsBetter: false };
const options = { control: 'off', alpha: 0.05 };

const effect = (estimate: number, ci: [number, number], verdict: Effect['verdict']): Effect => ({
  estimate,
  ci,
  pValue: verdict === 'inconclusive' ? 0.4 : 0.004,
  chanceToWin: 0.9,
  significant: verdict !== 'inconclusive',
  verdict,
});

describe('verdicts in plain language', () => {
  it('says a significant lift in the good direction, with its interval', () => {
    const verdict = verdictFor(conversion, { variant: 'on', absolute: effect(0.005, [0.001, 0.009], 'better'), relative: effect(0.041, [0.012, 0.07], 'better') }, options);
    expect(verdict.text).toBe('Checkout conversion +4.1% (95% CI +1.2% … +7.0%), significant: on is better than off.');
    expect(verdict).toMatchObject({ tone: 'good', significant: true, breach: false, shown: { kind: 'relative' } });
  });

  it('says a significant change in the bad direction, and that lower is better when it is', () => {
    const secondary = { ...errors, role: 'secondary' as const };
    const verdict = verdictFor(secondary, { variant: 'on', absolute: null, relative: effect(0.12, [0.031, 0.209], 'worse') }, options);
    expect(verdict.text).toBe('Errors per user +12.0% (95% CI +3.1% … +20.9%), significant: on is worse than off (lower is better).');
    expect(verdict).toMatchObject({ tone: 'bad', significant: true, breach: false });
  });

  it('calls a guardrail that got significantly worse a breach', () => {
    const verdict = verdictFor(errors, { variant: 'on', absolute: null, relative: effect(0.12, [0.031, 0.209], 'worse') }, options);
    expect(verdict.text).toBe('Guardrail breached: Errors per user +12.0% (95% CI +3.1% … +20.9%), significant: on is worse than off (lower is better).');
    expect(verdict).toMatchObject({ tone: 'bad', breach: true });
  });

  it('does not call a guardrail that got better a breach', () => {
    const verdict = verdictFor(errors, { variant: 'on', absolute: null, relative: effect(-0.2, [-0.3, -0.1], 'better') }, options);
    expect(verdict.text).toBe(`Errors per user ${MINUS}20.0% (95% CI ${MINUS}30.0% … ${MINUS}10.0%), significant: on is better than off (lower is better).`);
    expect(verdict).toMatchObject({ tone: 'good', breach: false });
  });

  it('says when there is no clear difference yet, whatever the estimate', () => {
    const verdict = verdictFor(errors, { variant: 'on', absolute: null, relative: effect(0.13, [-0.02, 0.28], 'inconclusive') }, options);
    expect(verdict.text).toBe(`Errors per user +13.0% (95% CI ${MINUS}2.0% … +28.0%), not significant: no clear difference between on and off yet.`);
    expect(verdict).toMatchObject({ tone: 'neutral', significant: false, breach: false });
  });

  it('reads the absolute difference when asked, or when the lift is undefined', () => {
    const variant = { variant: 'on', absolute: effect(0.0123, [0.004, 0.0206], 'better'), relative: effect(0.1, [0.03, 0.17], 'better') };
    expect(verdictFor(conversion, variant, { ...options, prefer: 'absolute' }).text).toBe('Checkout conversion +1.2 pp (95% CI +0.4 pp … +2.1 pp), significant: on is better than off.');
    const revenue: VerdictMetric = { name: 'Revenue per user', role: 'secondary', type: 'mean', higherIsBetter: true };
    expect(verdictFor(revenue, { variant: 'on', absolute: effect(0.53, [-0.2, 1.26], 'inconclusive'), relative: null }, options).text).toBe(
      `Revenue per user +0.5 (95% CI ${MINUS}0.2 … +1.3), not significant: no clear difference between on and off yet.`,
    );
  });

  it('says why there is no estimate when both effects are undefined', () => {
    const verdict = verdictFor(conversion, { variant: 'on', absolute: null, relative: null }, options);
    expect(verdict.text).toBe('Checkout conversion: no estimate yet for on against off; each needs at least 2 units, with values that vary.');
    expect(verdict).toMatchObject({ tone: 'neutral', significant: false, shown: null });
  });

  it('names the confidence level of the significance level', () => {
    expect(describeEffect({ estimate: 0.041, ci: [0.012, 0.07] }, 'relative', 'proportion', 0.1)).toBe('+4.1% (90% CI +1.2% … +7.0%)');
  });

  it('gives one verdict per treatment, none for the control', () => {
    const verdicts = metricVerdicts(
      {
        ...conversion,
        variants: [
          { variant: 'off', control: true, absolute: null, relative: null },
          { variant: 'blue', control: false, absolute: null, relative: effect(0.041, [0.012, 0.07], 'better') },
          { variant: 'green', control: false, absolute: null, relative: effect(-0.01, [-0.05, 0.03], 'inconclusive') },
        ],
      },
      options,
    );
    expect(verdicts.map((verdict) => [verdict.variant, verdict.tone])).toEqual([
      ['blue', 'good'],
      ['green', 'neutral'],
    ]);
  });

  it('prefers the kind asked for and falls back to the other', () => {
    const a = effect(1, [0, 2], 'better');
    const r = effect(0.1, [0, 0.2], 'better');
    expect(shownEffect({ absolute: a, relative: r })).toEqual({ kind: 'relative', effect: r });
    expect(shownEffect({ absolute: a, relative: r }, 'absolute')).toEqual({ kind: 'absolute', effect: a });
    expect(shownEffect({ absolute: a, relative: null })).toEqual({ kind: 'absolute', effect: a });
    expect(shownEffect({ absolute: null, relative: null })).toBeNull();
  });
});
