/**
 * Experiments' model: what a metric measures of each exposed unit, and how a
 * unit's events become its value. Pure, like the rest of core; the server
 * computes the same in SQL.
 */
export {
  METRIC_KINDS,
  MS_PER_DAY,
  matchesFilters,
  metricType,
  type ConversionMetric,
  type FilterValue,
  type MeanMetric,
  type MetricDefinition,
  type PropertyFilter,
} from './metric.js';
export {
  cumulative,
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
