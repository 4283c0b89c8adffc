// With .js, as the end-to-end tests (type-checked as Node modules) import this file too.
import { NONE } from '../charts/format.js';

/*
 * How the console writes an experiment's numbers: effects signed, with an
 * interval at the precision its width deserves, so the verdicts, the tables
 * and the charts all say the same.
 */

/** The minus sign (U+2212), which lines up with the plus sign and reads as "minus". */
export const MINUS = '\u2212';

/** Which effect is shown: the lift over the control, or the difference from it. */
export type EffectKind = 'relative' | 'absolute';

/** Which statistics a metric's values take: proportions (conversions) or means. */
export type ValueType = 'proportion' | 'mean';

/** An interval as the API sends it: `[low, high]`. */
export type Interval = readonly number[];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** An effect and its interval in the unit they are shown in: percent for a lift or a difference of proportions. */
const scaled = (value: number, kind: EffectKind, type: ValueType) => (kind === 'relative' || type === 'proportion' ? value * 100 : value);
const suffix = (kind: EffectKind, type: ValueType) => (kind === 'relative' ? '%' : type === 'proportion' ? ' pp' : '');

/**
 * How many decimals an effect needs: two significant digits of its
 * interval's width, so a wide interval is not written with false precision
 * and a narrow one is not rounded away. Percentages keep at least one.
 *
 * @example
 * effectDecimals([0.012, 0.07], 'relative', 'proportion') // 1 (a width of 5.8%)
 * effectDecimals([-0.2, 0.86], 'absolute', 'mean')       // 1 (a width of 1.06)
 */
export function effectDecimals(ci: Interval, kind: EffectKind, type: ValueType): number {
  const [low = Number.NaN, high = Number.NaN] = ci;
  const width = Math.abs(scaled(high, kind, type) - scaled(low, kind, type));
  const percent = kind === 'relative' || type === 'proportion';
  if (!(width > 0) || !Number.isFinite(width)) return percent ? 1 : 2;
  return clamp(1 - Math.floor(Math.log10(width)), percent ? 1 : 0, 6);
}

/**
 * An effect with its sign: a lift in percent, a difference of proportions in
 * percentage points, a difference of means as a number. Zero after rounding
 * has no sign.
 *
 * @example
 * formatEffect(0.041, 'relative', 'proportion', 1)  // '+4.1%'
 * formatEffect(-0.0123, 'absolute', 'proportion', 1) // '−1.2 pp'
 * formatEffect(0.5, 'absolute', 'mean', 2)          // '+0.50'
 */
export function formatEffect(value: number, kind: EffectKind, type: ValueType, decimals: number): string {
  if (!Number.isFinite(value)) return NONE;
  const shown = scaled(value, kind, type);
  const text = Math.abs(shown).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const sign = Number(shown.toFixed(decimals)) === 0 ? '' : shown > 0 ? '+' : MINUS;
  return `${sign}${text}${suffix(kind, type)}`;
}

/**
 * The confidence level of an interval at a significance level.
 *
 * @example
 * formatLevel(0.05) // '95%'
 */
export const formatLevel = (alpha: number): string => `${Number(((1 - alpha) * 100).toFixed(1))}%`;

/**
 * An effect's interval, from its lower to its upper end.
 *
 * @example
 * formatInterval([0.012, 0.07], 'relative', 'proportion', 1) // '+1.2% … +7.0%'
 */
export function formatInterval(ci: Interval, kind: EffectKind, type: ValueType, decimals: number): string {
  const [low = Number.NaN, high = Number.NaN] = ci;
  return `${formatEffect(low, kind, type, decimals)} … ${formatEffect(high, kind, type, decimals)}`;
}

/**
 * A p-value to three decimals; very small ones as a bound.
 *
 * @example
 * formatPValue(0.0423)  // '0.042'
 * formatPValue(0.00002) // '< 0.001'
 */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return NONE;
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/**
 * A p-value as a clause: equal to its value, or below the smallest shown.
 *
 * @example
 * formatP(0.0423)  // 'p = 0.042'
 * formatP(0.00002) // 'p < 0.001'
 */
export function formatP(p: number | null | undefined): string {
  const text = formatPValue(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

/**
 * A chance to win as a percentage; near-certainties as bounds, since they
 * are never quite 0 or 100%.
 *
 * @example
 * formatChance(0.9734)   // '97.3%'
 * formatChance(0.999971) // '> 99.9%'
 */
export function formatChance(chance: number | null | undefined): string {
  if (chance === null || chance === undefined || !Number.isFinite(chance)) return NONE;
  if (chance > 0.999) return '> 99.9%';
  if (chance < 0.001) return '< 0.1%';
  return `${(chance * 100).toFixed(1)}%`;
}

/**
 * A variant's value of a metric: the share that converted to two decimals,
 * or the mean per unit.
 *
 * @example
 * formatMetricValue(0.12345, 'proportion') // '12.35%'
 * formatMetricValue(23.456, 'mean')        // '23.46'
 * formatMetricValue(0.01234, 'mean')       // '0.01234'
 */
export function formatMetricValue(value: number | null | undefined, type: ValueType): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  if (type === 'proportion') return `${(value * 100).toFixed(2)}%`;
  const size = Math.abs(value);
  if (size >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (size >= 1 || size === 0) return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return value.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}
