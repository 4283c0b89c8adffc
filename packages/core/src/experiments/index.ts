/**
 * Experiments' model: what a metric measures of each exposed unit, and how a
 * unit's events become its value. Pure, like the rest of core; the server
 * computes the same in SQL.
 */
export {
  METRIC_KINDS,
  MS_PER_DAY,
  countsEveryUnit,
  higherIsBetterByDefault,
  metricType,
  type ConversionMetric,
  type EventMetric,
  type JourneyConversionMetric,
  type JourneyDurationMetric,
  type JourneyMetric,
  type MeanMetric,
  type MetricDefinition,
  type MetricKind,
  type ResolvedJourneyMetric,
  type ResolvedMetric,
} from './metric.js';
export { matchesFilters, type FilterValue, type PropertyFilter } from '../property-filters.js';
export {
  cumulative,
  exposedUnits,
  metricStatistics,
  sum,
  unitValue,
  utcDay,
  type DailyStatistics,
  type ObservationWindow,
  type TrackedEvent,
  type UnitExposure,
  type VariantStatistics,
} from './oracle.js';
