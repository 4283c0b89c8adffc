import type { BandSeries } from '../charts/band';
import { symmetricExtent } from '../charts/scale';
import type { EffectKind, Interval } from './format';
import { type Effect, shownEffect } from './verdict';

/*
 * What the results page draws, apart from drawing: the axis the intervals
 * of one metric share, the lift over time per treatment, and the variant
 * the ship dialog suggests.
 */

interface VariantEffects {
  variant: string;
  control: boolean;
  absolute: Effect | null;
  relative: Effect | null;
}

interface DailyPoint {
  day: string;
  variants: readonly { variant: string; relative: { estimate: number; ci: Interval } | null }[];
}

/**
 * The axis the intervals of one metric's treatments share, centred on zero,
 * per kind of effect shown (a row whose lift is undefined shows its
 * difference, on an axis of its own).
 *
 * @example
 * intervalExtents(metric.variants, 'relative') // { relative: [-0.077, 0.077], absolute: [-1, 1] }
 */
export function intervalExtents(variants: readonly VariantEffects[], prefer: EffectKind): Record<EffectKind, [number, number]> {
  const ends: Record<EffectKind, number[]> = { relative: [], absolute: [] };
  for (const variant of variants) {
    const shown = shownEffect(variant, prefer);
    if (shown !== null) ends[shown.kind].push(...shown.effect.ci, shown.effect.estimate);
  }
  return { relative: symmetricExtent(ends.relative), absolute: symmetricExtent(ends.absolute) };
}

/**
 * The running lift of each treatment over the control by day, with its
 * interval, as chart series. Empty when no day has a lift (a control mean
 * of 0 throughout).
 *
 * @example
 * liftSeries(metric.daily, ['on']) // [{ name: 'on', values: [0.07, 0.05], lower: [-0.16, -0.01], upper: [0.31, 0.11] }]
 */
export function liftSeries(daily: readonly DailyPoint[], treatments: readonly string[]): BandSeries[] {
  const series = treatments.map((variant) => {
    const lifts = daily.map((point) => point.variants.find((one) => one.variant === variant)?.relative ?? null);
    return {
      name: variant,
      values: lifts.map((lift) => lift?.estimate ?? null),
      lower: lifts.map((lift) => lift?.ci[0] ?? null),
      upper: lifts.map((lift) => lift?.ci[1] ?? null),
    };
  });
  return series.some((one) => one.values.some((value) => value !== null)) ? series : [];
}

/**
 * The variant to suggest shipping: the treatment the primary metric finds
 * significantly better, the largest lift first; none when no treatment wins.
 *
 * @example
 * suggestedShip(primary.variants) // 'on'
 */
export function suggestedShip(variants: readonly VariantEffects[]): string | undefined {
  let best: { variant: string; estimate: number } | undefined;
  for (const variant of variants) {
    if (variant.control) continue;
    const shown = shownEffect(variant);
    if (shown === null || shown.effect.verdict !== 'better') continue;
    // Lower-is-better metrics win with negative estimates: compare by how far in the good direction.
    const gain = Math.abs(shown.effect.estimate);
    if (best === undefined || gain > best.estimate) best = { variant: variant.variant, estimate: gain };
  }
  return best?.variant;
}
