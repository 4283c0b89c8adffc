// With .js, as the end-to-end tests (type-checked as Node modules) import this file too.
import { type EffectKind, type Interval, type ValueType, effectDecimals, formatEffect, formatInterval, formatLevel } from './format.js';

/*
 * What an experiment's numbers mean, in a sentence per metric and
 * treatment: the effect with its interval, whether it is significant, and
 * whether that is good or bad news in the metric's direction. The
 * significance and the direction are the server's (`verdict`); this module
 * only says them.
 */

/** One effect of a treatment against the control, as the results API gives it. */
export interface Effect {
  estimate: number;
  ci: Interval;
  pValue: number;
  chanceToWin: number;
  significant: boolean;
  verdict: 'better' | 'worse' | 'inconclusive';
}

/** What a verdict needs to know of its metric. */
export interface VerdictMetric {
  name: string;
  role: 'primary' | 'secondary' | 'guardrail';
  type: ValueType;
  higherIsBetter: boolean;
}

/** What a verdict needs to know of the treatment. */
export interface VerdictVariant {
  variant: string;
  absolute: Effect | null;
  relative: Effect | null;
}

/** Good news, bad news, or no news: how a verdict is coloured. */
export type Tone = 'good' | 'bad' | 'neutral';

export interface Verdict {
  variant: string;
  /** The sentence, for people and screen readers alike. */
  text: string;
  tone: Tone;
  significant: boolean;
  /** A guardrail metric that got significantly worse: the change hurts something it must not. */
  breach: boolean;
  /** The effect the sentence reads, and which kind it is; none when the effect is undefined. */
  shown: { kind: EffectKind; effect: Effect } | null;
}

/**
 * The effect to read: the kind asked for, or the other when that one is
 * undefined (a lift has no meaning over a control mean of 0).
 *
 * @example
 * shownEffect({ absolute: a, relative: null }, 'relative') // { kind: 'absolute', effect: a }
 */
export function shownEffect(variant: Pick<VerdictVariant, 'absolute' | 'relative'>, prefer: EffectKind = 'relative'): Verdict['shown'] {
  const other: EffectKind = prefer === 'relative' ? 'absolute' : 'relative';
  const first = variant[prefer];
  if (first !== null) return { kind: prefer, effect: first };
  const second = variant[other];
  return second === null ? null : { kind: other, effect: second };
}

/**
 * An effect with its interval as words: `+4.1% (95% CI +1.2% … +7.0%)`.
 *
 * @example
 * describeEffect({ estimate: 0.041, ci: [0.012, 0.07], … }, 'relative', 'proportion', 0.05) // '+4.1% (95% CI +1.2% … +7.0%)'
 */
export function describeEffect(effect: Pick<Effect, 'estimate' | 'ci'>, kind: EffectKind, type: ValueType, alpha: number): string {
  const decimals = effectDecimals(effect.ci, kind, type);
  return `${formatEffect(effect.estimate, kind, type, decimals)} (${formatLevel(alpha)} CI ${formatInterval(effect.ci, kind, type, decimals)})`;
}

/**
 * The verdict on one treatment for one metric, in plain language.
 *
 * @example
 * verdictFor(
 *   { name: 'Checkout conversion', role: 'primary', type: 'proportion', higherIsBetter: true },
 *   { variant: 'on', absolute, relative: { estimate: 0.041, ci: [0.012, 0.07], pValue: 0.004, chanceToWin: 0.998, significant: true, verdict: 'better' } },
 *   { control: 'off', alpha: 0.05 },
 * ).text
 * // 'Checkout conversion +4.1% (95% CI +1.2% … +7.0%), significant: on is better than off.'
 */
export function verdictFor(metric: VerdictMetric, variant: VerdictVariant, options: { control: string; alpha: number; prefer?: EffectKind }): Verdict {
  const { control, alpha } = options;
  const shown = shownEffect(variant, options.prefer);
  if (shown === null) {
    return {
      variant: variant.variant,
      text: `${metric.name}: no estimate yet for ${variant.variant} against ${control}; each needs at least 2 units, with values that vary.`,
      tone: 'neutral',
      significant: false,
      breach: false,
      shown: null,
    };
  }
  const { effect, kind } = shown;
  const measured = `${metric.name} ${describeEffect(effect, kind, metric.type, alpha)}`;
  const direction = metric.higherIsBetter ? '' : ' (lower is better)';
  if (effect.verdict === 'inconclusive') {
    return {
      variant: variant.variant,
      text: `${measured}, not significant: no clear difference between ${variant.variant} and ${control} yet.`,
      tone: 'neutral',
      significant: false,
      breach: false,
      shown,
    };
  }
  const better = effect.verdict === 'better';
  const breach = !better && metric.role === 'guardrail';
  return {
    variant: variant.variant,
    text: `${breach ? 'Guardrail breached: ' : ''}${measured}, significant: ${variant.variant} is ${better ? 'better' : 'worse'} than ${control}${direction}.`,
    tone: better ? 'good' : 'bad',
    significant: true,
    breach,
    shown,
  };
}

/**
 * The verdicts of a metric, one per treatment (the control is what they are
 * compared with, so it has none).
 */
export function metricVerdicts(
  metric: VerdictMetric & { variants: readonly (VerdictVariant & { control: boolean })[] },
  options: { control: string; alpha: number; prefer?: EffectKind },
): Verdict[] {
  return metric.variants.filter((variant) => !variant.control).map((variant) => verdictFor(metric, variant, options));
}
