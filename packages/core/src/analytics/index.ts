/**
 * Journeys and feature usage, computed over events in memory: the reference
 * the server's SQL is tested against, and the arithmetic both share to turn
 * tallies into answers.
 */
export * from './journey.js';
export { breakdownText, compareText, jsonNumberText } from './text.js';
export { percentileCont, secondsOfMicros } from './percentile.js';
export { MICROS_PER_DAY, dayOfMicros, daysOf, isoOfMicros } from './days.js';
export { NONE, OTHER, TOTAL_LABEL, compareGroups, groupOf, topValues } from './groups.js';
export { type JourneyEntry, compareEvents, journeyEntries } from './entries.js';
export {
  TIME_TO_CONVERT_SECONDS,
  type Funnel,
  type FunnelGroup,
  type FunnelInput,
  type FunnelQuestion,
  type FunnelTally,
  type StepResult,
  type StepTally,
  type TimeToConvertBucket,
  funnelFromTallies,
  funnelOf,
  timeToConvertBucket,
} from './funnel.js';
export { type Conversion, type ConversionDay, type ConversionTally, conversionFromTallies, conversionOf } from './conversion.js';
export {
  type EventUsage,
  type Usage,
  type UsageDay,
  type UsageEvents,
  type UsageInput,
  type UsageQuestion,
  type UsageSeries,
  type UsageTally,
  usageEventsFrom,
  usageEventsOf,
  usageFromTallies,
  usageOf,
} from './usage.js';
