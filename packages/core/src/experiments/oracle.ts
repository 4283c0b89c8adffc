import { journeyEntries } from '../analytics/entries.js';
import type { AnalyticsEvent } from '../analytics/journey.js';
import { matchesFilters } from '../property-filters.js';
import type { ArmStatistics } from '../stats/arms.js';
import { type EventMetric, MS_PER_DAY, type ResolvedJourneyMetric, type ResolvedMetric, metricType } from './metric.js';

/*
 * The reference computation of an experiment's sufficient statistics, in
 * memory and in the plainest way: each exposed unit's value from its own
 * events, then sums per variant and exposure day. The server computes the
 * same in SQL over millions of rows; tests hold the two to identical numbers.
 */

/** A unit's first exposure to the experiment's flag. */
export interface UnitExposure {
  unit: string;
  variant: string;
  /** Epoch milliseconds. */
  exposedAt: number;
}

/** A tracked event of one unit. */
export interface TrackedEvent {
  /** Unique in its environment; among events at one instant a journey takes the smallest first, in byte order. */
  id: string;
  unit: string;
  name: string;
  properties: Readonly<Record<string, unknown>>;
  /** Epoch milliseconds. */
  occurredAt: number;
}

/** What an experiment's results count: units first exposed in [start, end), and their events before `end`. */
export interface ObservationWindow {
  start: number;
  end: number;
  /** The compared variants; exposures to others are left out. */
  variants: readonly string[];
}

/** The sufficient statistics of the units of one variant first exposed on one UTC day (`YYYY-MM-DD`). */
export interface DailyStatistics {
  day: string;
  stats: ArmStatistics;
}

/** One variant's statistics for one metric, overall and by exposure day (days without units left out, in order). */
export interface VariantStatistics {
  variant: string;
  total: ArmStatistics;
  days: DailyStatistics[];
}

/** The UTC day of an instant, as `YYYY-MM-DD`. */
export const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * One unit's value of a metric, from that unit's events before `end` and
 * within the metric's window of its first exposure, or null when it has
 * none (a journey duration of a unit that did not complete the journey).
 * A conversion is 1 or 0; a mean metric's value is the sum of its numeric
 * property (non-numbers add nothing) or the number of its events, passing
 * its filters; a journey conversion is 1 when the unit completed the
 * journey, and a journey duration the seconds from entry to the last step.
 *
 * @example
 * unitValue({ kind: 'mean', event: 'purchase', where: [], windowDays: 7, property: 'amount' }, 0, events, Infinity); // 42.5
 */
export function unitValue(metric: ResolvedMetric, exposedAt: number, events: readonly TrackedEvent[], end: number): number | null {
  const until = Math.min(end, exposedAt + metric.windowDays * MS_PER_DAY);
  switch (metric.kind) {
    case 'conversion':
    case 'mean':
      return eventValue(metric, exposedAt, until, events);
    case 'journeyConversion':
      return journeyMicros(metric, exposedAt, until, events) === null ? 0 : 1;
    case 'journeyDuration': {
      const micros = journeyMicros(metric, exposedAt, until, events);
      return micros === null ? null : micros / 1_000_000;
    }
  }
}

function eventValue(metric: EventMetric, exposedAt: number, until: number, events: readonly TrackedEvent[]): number {
  const counted = events.filter(
    (event) => event.name === metric.event && event.occurredAt >= exposedAt && event.occurredAt < until && matchesFilters(event.properties, metric.where),
  );
  if (metric.kind === 'conversion') return counted.length > 0 ? 1 : 0;
  const property = metric.property;
  if (property === undefined) return counted.length;
  let sum = 0;
  for (const event of counted) {
    const value = Object.hasOwn(event.properties, property) ? event.properties[property] : undefined;
    if (typeof value === 'number') sum += value;
  }
  return sum;
}

/**
 * The microseconds from entering the journey to its last step, when the
 * unit completed it: the journeys' own funnel rule (`journeyEntries`) over
 * the unit's events in [exposedAt, until), so that it enters at or after its
 * exposure and reaches every step within the metric's window.
 */
function journeyMicros(metric: ResolvedJourneyMetric, exposedAt: number, until: number, events: readonly TrackedEvent[]): number | null {
  const within: AnalyticsEvent[] = events
    .filter((event) => event.occurredAt >= exposedAt && event.occurredAt < until)
    .map((event) => ({ id: event.id, type: 'track', name: event.name, unitKey: event.unit, attributes: {}, properties: event.properties, atMicros: event.occurredAt * 1000 }));
  const [entered] = journeyEntries(metric.journey, { fromMicros: exposedAt * 1000, toMicros: until * 1000 }, within);
  if (entered === undefined || entered.reachedMicros.length < metric.journey.steps.length) return null;
  return entered.reachedMicros.at(-1)! - entered.reachedMicros[0]!;
}

function empty(metric: ResolvedMetric): ArmStatistics {
  return metricType(metric) === 'proportion' ? { type: 'proportion', n: 0, conversions: 0 } : { type: 'mean', n: 0, sum: 0, sumSquares: 0 };
}

function add(stats: ArmStatistics, value: number): ArmStatistics {
  return stats.type === 'proportion'
    ? { type: 'proportion', n: stats.n + 1, conversions: stats.conversions + value }
    : { type: 'mean', n: stats.n + 1, sum: stats.sum + value, sumSquares: stats.sumSquares + value * value };
}

/**
 * The statistics of one metric per compared variant, from first exposures
 * and tracked events: every unit first exposed in the window that has a
 * value counts — all of them, at 0 when they did nothing, but for journey
 * durations, which count the units that completed. Variants are in the
 * order of `window.variants`.
 *
 * @example
 * metricStatistics(metric, exposures, events, { start, end, variants: ['off', 'on'] });
 * // [{ variant: 'off', total: { type: 'proportion', n: 1000, conversions: 120 }, days: [...] }, ...]
 */
export function metricStatistics(
  metric: ResolvedMetric,
  exposures: readonly UnitExposure[],
  events: readonly TrackedEvent[],
  window: ObservationWindow,
): VariantStatistics[] {
  const byUnit = new Map<string, TrackedEvent[]>();
  for (const event of events) {
    const list = byUnit.get(event.unit);
    if (list === undefined) byUnit.set(event.unit, [event]);
    else list.push(event);
  }
  const compared = new Set(window.variants);
  const totals = new Map(window.variants.map((variant) => [variant, empty(metric)]));
  const daily = new Map(window.variants.map((variant) => [variant, new Map<string, ArmStatistics>()]));
  for (const exposure of exposures) {
    if (!compared.has(exposure.variant) || exposure.exposedAt < window.start || exposure.exposedAt >= window.end) continue;
    const value = unitValue(metric, exposure.exposedAt, byUnit.get(exposure.unit) ?? [], window.end);
    if (value === null) continue;
    totals.set(exposure.variant, add(totals.get(exposure.variant)!, value));
    const days = daily.get(exposure.variant)!;
    const day = utcDay(exposure.exposedAt);
    days.set(day, add(days.get(day) ?? empty(metric), value));
  }
  return window.variants.map((variant) => ({
    variant,
    total: totals.get(variant)!,
    days: [...daily.get(variant)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, stats]) => ({ day, stats })),
  }));
}

/**
 * How many units each compared variant has: those first exposed in the
 * window, whatever they did. Variants are in the order of `window.variants`.
 *
 * @example
 * exposedUnits(exposures, { start, end, variants: ['off', 'on'] }); // [{ variant: 'off', units: 5012 }, { variant: 'on', units: 4987 }]
 */
export function exposedUnits(exposures: readonly UnitExposure[], window: ObservationWindow): { variant: string; units: number }[] {
  const counts = new Map(window.variants.map((variant) => [variant, 0]));
  for (const exposure of exposures) {
    const units = counts.get(exposure.variant);
    if (units !== undefined && exposure.exposedAt >= window.start && exposure.exposedAt < window.end) counts.set(exposure.variant, units + 1);
  }
  return window.variants.map((variant) => ({ variant, units: counts.get(variant)! }));
}

/**
 * Running totals of daily statistics: each day's entry counts every unit
 * exposed up to and including that day.
 *
 * @example
 * cumulative([{ day: '2026-03-01', stats: { type: 'proportion', n: 10, conversions: 1 } }, { day: '2026-03-02', stats: { type: 'proportion', n: 5, conversions: 2 } }]);
 * // [..., { day: '2026-03-02', stats: { type: 'proportion', n: 15, conversions: 3 } }]
 */
export function cumulative(days: readonly DailyStatistics[]): DailyStatistics[] {
  const out: DailyStatistics[] = [];
  let running: ArmStatistics | undefined;
  for (const { day, stats } of days) {
    running = running === undefined ? stats : sum(running, stats);
    out.push({ day, stats: running });
  }
  return out;
}

/** The statistics of two groups of units together. */
export function sum(a: ArmStatistics, b: ArmStatistics): ArmStatistics {
  if (a.type === 'proportion' && b.type === 'proportion') return { type: 'proportion', n: a.n + b.n, conversions: a.conversions + b.conversions };
  if (a.type === 'mean' && b.type === 'mean') return { type: 'mean', n: a.n + b.n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares };
  throw new TypeError(`cannot add a ${a.type} arm to a ${b.type} arm`);
}
