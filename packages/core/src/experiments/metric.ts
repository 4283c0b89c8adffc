import type { MetricType } from '../stats/arms.js';

/*
 * What a metric measures of each unit in an experiment, counted from the
 * unit's first exposure to the experiment's flag. A metric's `kind` says how
 * one unit's events become its one value; the statistics then compare those
 * values between variants.
 */

/** A JSON scalar that an event property is compared with. */
export type FilterValue = string | number | boolean;

/**
 * A condition on one top-level property of an event:
 * - `eq`: the property is one of `values` (same JSON type and value);
 * - `neq`: the property is none of `values`, or is missing;
 * - `gt`, `gte`, `lt`, `lte`: the property is a number that compares so with `value`.
 */
export type PropertyFilter =
  | { property: string; op: 'eq' | 'neq'; values: FilterValue[] }
  | { property: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number };

/** The unit did the event at least once within `windowDays` of its first exposure: 1, else 0. */
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

const hasOwn = (properties: Readonly<Record<string, unknown>>, name: string) => Object.prototype.hasOwnProperty.call(properties, name);

function matchesFilter(filter: PropertyFilter, properties: Readonly<Record<string, unknown>>): boolean {
  const value = hasOwn(properties, filter.property) ? properties[filter.property] : undefined;
  switch (filter.op) {
    case 'eq':
      return filter.values.some((wanted) => wanted === value);
    case 'neq':
      return !filter.values.some((wanted) => wanted === value);
    case 'gt':
      return typeof value === 'number' && value > filter.value;
    case 'gte':
      return typeof value === 'number' && value >= filter.value;
    case 'lt':
      return typeof value === 'number' && value < filter.value;
    case 'lte':
      return typeof value === 'number' && value <= filter.value;
  }
}

/**
 * Whether an event's properties pass every filter of a metric.
 *
 * @example
 * matchesFilters([{ property: 'plan', op: 'eq', values: ['pro'] }, { property: 'amount', op: 'gt', value: 0 }], { plan: 'pro', amount: 12 }); // true
 */
export function matchesFilters(where: readonly PropertyFilter[], properties: Readonly<Record<string, unknown>>): boolean {
  return where.every((filter) => matchesFilter(filter, properties));
}
