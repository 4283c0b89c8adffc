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

/** How a metric turns a unit's events into its value: one form per `kind`. */
export type MetricDefinition = ConversionMetric | MeanMetric;

/** The kinds of metric, in the order people choose them. */
export const METRIC_KINDS = ['conversion', 'mean'] as const satisfies readonly MetricDefinition['kind'][];

export const MS_PER_DAY = 86_400_000;

/**
 * Which statistics a metric's values take: 0/1 conversions are proportions,
 * everything else a mean.
 *
 * @example
 * metricType({ kind: 'conversion', event: 'purchase', where: [], windowDays: 7 }); // 'proportion'
 */
export function metricType(metric: MetricDefinition): MetricType {
  switch (metric.kind) {
    case 'conversion':
      return 'proportion';
    case 'mean':
      return 'mean';
  }
}
