import type { JourneyDefinition } from '../analytics/journey.js';
import type { PropertyFilter } from '../property-filters.js';
import type { MetricType } from '../stats/arms.js';

/*
 * What a metric measures of each unit in an experiment, counted from the
 * unit's first exposure to the experiment's flag. A metric's `kind` says how
 * one unit's events become its one value; the statistics then compare those
 * values between variants.
 */

/**
 * The unit did the event at least once within `windowDays` of its first
 * exposure, counting only events that pass every `where` filter (journey
 * steps' filters: same form, same meaning): 1, else 0.
 */
export interface ConversionMetric {
  kind: 'conversion';
  event: string;
  where: PropertyFilter[];
  windowDays: number;
}

/**
 * Per unit, within `windowDays` of its first exposure: the sum of the numeric
 * `property` over its events (events where it is not a number add nothing),
 * or without `property` the number of its events. Units with none count 0.
 */
export interface MeanMetric {
  kind: 'mean';
  event: string;
  where: PropertyFilter[];
  windowDays: number;
  property?: string;
}

/**
 * The unit completed a journey of the project (named by its key) within
 * `windowDays` of its first exposure: 1, else 0. The journey's funnel rule
 * applies from the exposure on: the unit enters with its first step-0 event
 * (filters holding) at or after its first exposure, each later step is its
 * earliest matching event at or after the previous one and within the
 * journey's conversion window of entry (one event never counts for two
 * steps), and it completes on reaching the last step — every step's event
 * within the metric's window. A later step-0 event does not enter it again.
 */
export interface JourneyConversionMetric {
  kind: 'journeyConversion';
  journey: string;
  windowDays: number;
}

/**
 * Seconds from entering a journey to reaching its last step, for each unit
 * that completed it as `journeyConversion` counts completion. Units that did
 * not complete have no value and are left out: the mean is over completers
 * only, as "average time to convert" is read in funnel tools, so `units` are
 * the completers and a change in how many complete shows in the journey's
 * conversion, not here. Lower is better unless said otherwise.
 */
export interface JourneyDurationMetric {
  kind: 'journeyDuration';
  journey: string;
  windowDays: number;
}

export type EventMetric = ConversionMetric | MeanMetric;
export type JourneyMetric = JourneyConversionMetric | JourneyDurationMetric;

/** How a metric turns a unit's events into its value: one form per `kind`. */
export type MetricDefinition = EventMetric | JourneyMetric;

export type MetricKind = MetricDefinition['kind'];

/** The kinds of metric, in the order people choose them. */
export const METRIC_KINDS = ['conversion', 'mean', 'journeyConversion', 'journeyDuration'] as const satisfies readonly MetricKind[];

/** A journey metric with the journey it names as the journey is now: what computing it needs. */
export interface ResolvedJourneyMetric {
  kind: JourneyMetric['kind'];
  journey: JourneyDefinition;
  windowDays: number;
}

/** A metric ready to compute: event metrics as they are, journey metrics with their journey. */
export type ResolvedMetric = EventMetric | ResolvedJourneyMetric;

export const MS_PER_DAY = 86_400_000;

/**
 * Which statistics a metric's values take: 0/1 conversions are proportions,
 * everything else a mean.
 *
 * @example
 * metricType({ kind: 'journeyConversion' }); // 'proportion'
 */
export function metricType(metric: MetricDefinition | ResolvedMetric | { kind: MetricKind }): MetricType {
  switch (metric.kind) {
    case 'conversion':
    case 'journeyConversion':
      return 'proportion';
    case 'mean':
    case 'journeyDuration':
      return 'mean';
  }
}

/**
 * Whether every unit first exposed counts in a metric's statistics (with 0
 * when it did nothing), or only the units that have a value: journey
 * durations count the units that completed.
 */
export function countsEveryUnit(metric: MetricDefinition | ResolvedMetric | { kind: MetricKind }): boolean {
  return metric.kind !== 'journeyDuration';
}

/**
 * Whether an increase is good news unless the metric says otherwise: a
 * journey taking longer is not.
 */
export function higherIsBetterByDefault(kind: MetricKind): boolean {
  return kind !== 'journeyDuration';
}
