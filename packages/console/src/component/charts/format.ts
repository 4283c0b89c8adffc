/*
 * How the console writes analytics numbers: the same everywhere, in charts and
 * in the tables under them, so a figure read off one matches the other.
 */

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
// Intl rounds half up from a number's shortest decimal form, as the API's JSON writes it (0.2875 → 28.8%);
// toFixed rounds the binary product, which tips some halves down (0.2875 * 100 is 28.749999999999996).
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, useGrouping: false });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const DAY_WITH_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** What is shown where there is no number (a rate with nothing to divide by). */
export const NONE = '—';

/**
 * A count with thousands separators.
 *
 * @example
 * formatCount(12345) // '12,345'
 */
export const formatCount = (value: number): string => COUNT.format(value);

/**
 * A rate (0..1) as a percentage with one decimal, halves rounded up.
 *
 * @example
 * formatPercent(0.4567) // '45.7%'
 * formatPercent(0.2875) // '28.8%'
 * formatPercent(null)   // '—'
 */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NONE;
  return PERCENT.format(rate);
}

const trim = (value: number) => ONE_DECIMAL.format(value);

/**
 * A duration in seconds in the largest unit that keeps it readable.
 *
 * @example
 * formatDuration(42)     // '42 s'
 * formatDuration(5400)   // '1.5 h'
 * formatDuration(87)     // '1.5 min'
 * formatDuration(null)   // '—'
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NONE;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${trim(seconds / 60)} min`;
  if (seconds < 86_400) return `${trim(seconds / 3600)} h`;
  return `${trim(seconds / 86_400)} d`;
}

/**
 * A duration bucket `[from, to)` in words; `to` null is open-ended.
 *
 * @example
 * formatBucket(300, 900)   // '5 min – 15 min'
 * formatBucket(0, 60)      // 'under 1 min'
 * formatBucket(259200, null) // '3 d or more'
 */
export function formatBucket(fromSeconds: number, toSeconds: number | null): string {
  if (toSeconds === null) return `${formatDuration(fromSeconds)} or more`;
  if (fromSeconds === 0) return `under ${formatDuration(toSeconds)}`;
  return `${formatDuration(fromSeconds)} – ${formatDuration(toSeconds)}`;
}

/**
 * A UTC day `YYYY-MM-DD` as a short label.
 *
 * @example
 * formatDay('2026-06-03')       // '3 Jun'
 * formatDay('2026-06-03', true) // '3 Jun 2026'
 */
export function formatDay(day: string, withYear = false): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(at)) return day;
  return (withYear ? DAY_WITH_YEAR : DAY).format(at);
}
