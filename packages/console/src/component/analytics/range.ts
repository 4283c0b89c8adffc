/*
 * The date range the analytics pages look at: the last 7, 14, 30 or 90 UTC
 * days up to today, or custom first and last days. Kept in the page's URL so
 * a view can be shared, and turned into the API's `from` (inclusive) and `to`
 * (exclusive) at UTC midnights so every day is whole.
 */

export const PRESETS = [7, 14, 30, 90] as const;
export type Preset = (typeof PRESETS)[number];
export const DEFAULT_PRESET: Preset = 30;
/** The API answers ranges of at most this many days. */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A range of whole UTC days, `first` to `last` inclusive; `preset` when it is one of the "last N days". */
export interface DayRange {
  preset: Preset | null;
  first: string;
  last: string;
}

/** The UTC day `YYYY-MM-DD` of an instant. */
export const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** `day` moved by `by` days. */
export const addDays = (day: string, by: number) => dayOf(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS);

const isDay = (text: string | null): text is string => text !== null && DAY.test(text) && dayOf(Date.parse(`${text}T00:00:00Z`)) === text;

/** How many days a range spans, both ends included. */
export const daysIn = (range: Pick<DayRange, 'first' | 'last'>) => Math.round((Date.parse(`${range.last}T00:00:00Z`) - Date.parse(`${range.first}T00:00:00Z`)) / DAY_MS) + 1;

/**
 * The last `days` UTC days, today included.
 *
 * @example
 * presetRange(7, Date.parse('2026-06-10T15:00:00Z')) // { preset: 7, first: '2026-06-04', last: '2026-06-10' }
 */
export const presetRange = (days: Preset, now: number): DayRange => ({ preset: days, first: addDays(dayOf(now), -(days - 1)), last: dayOf(now) });

/** Why custom days cannot be asked for, or undefined when they can. */
export function rangeProblem(first: string, last: string): string | undefined {
  if (!isDay(first) || !isDay(last)) return 'Pick a first and a last day.';
  if (first > last) return 'The first day is after the last.';
  if (daysIn({ first, last }) > MAX_RANGE_DAYS) return `A range spans at most ${MAX_RANGE_DAYS} days.`;
  return undefined;
}

/**
 * The range a page's query string names: `?days=7`, or `?from=2026-05-01&to=2026-05-31`
 * (both days included); anything else is the last 30 days.
 */
export function rangeFromSearch(search: URLSearchParams, now: number): DayRange {
  const first = search.get('from');
  const last = search.get('to');
  if (first !== null && last !== null && rangeProblem(first, last) === undefined) return { preset: null, first, last };
  const days = Number(search.get('days'));
  return presetRange((PRESETS as readonly number[]).includes(days) ? (days as Preset) : DEFAULT_PRESET, now);
}

/** The query string for a range, replacing whatever range `search` had. */
export function rangeToSearch(range: DayRange, search: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete('days');
  next.delete('from');
  next.delete('to');
  if (range.preset !== null) {
    if (range.preset !== DEFAULT_PRESET) next.set('days', String(range.preset));
  } else {
    next.set('from', range.first);
    next.set('to', range.last);
  }
  return next;
}

/**
 * The API's `from` (inclusive) and `to` (exclusive) for a range.
 *
 * @example
 * apiRange({ preset: null, first: '2026-06-01', last: '2026-06-07' })
 * // { from: '2026-06-01T00:00:00.000Z', to: '2026-06-08T00:00:00.000Z' }
 */
export const apiRange = (range: DayRange) => ({ from: `${range.first}T00:00:00.000Z`, to: `${addDays(range.last, 1)}T00:00:00.000Z` });

/** The range in words, for headings and chart labels. */
export const describeRange = (range: DayRange) => (range.preset !== null ? `the last ${range.preset} days` : `${range.first} to ${range.last}`);
