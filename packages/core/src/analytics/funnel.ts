import { isoOfMicros } from './days.js';
import { type JourneyEntry, entryGroups, journeyEntries } from './entries.js';
import { TOTAL_LABEL, compareGroups } from './groups.js';
import type { AnalyticsEvent, Breakdown, FirstExposure, JourneyDefinition, TimeRange } from './journey.js';
import { percentileCont, secondsOfMicros } from './percentile.js';

/** Where the time-to-convert buckets start, in seconds; the last has no end. */
export const TIME_TO_CONVERT_SECONDS = [0, 60, 300, 900, 3_600, 21_600, 86_400, 259_200] as const;

export interface StepResult {
  index: number;
  event: string;
  label: string;
  /** Units that reached this step. */
  units: number;
  /** units / the previous step's units; null on step 0 or when the previous step has none. */
  conversionFromPrevious: number | null;
  /** units / step 0's units; null when step 0 has none. */
  conversionFromFirst: number | null;
  /** The previous step's units − units; 0 on step 0. */
  dropOff: number;
  /** dropOff / the previous step's units; null on step 0 or when the previous step has none. */
  dropOffRate: number | null;
  /** Over the units that reached this step: 0 on step 0, null when none did. */
  medianSecondsFromFirst: number | null;
  p90SecondsFromFirst: number | null;
}

export interface TimeToConvertBucket {
  fromSeconds: number;
  toSeconds: number | null;
  units: number;
}

export interface FunnelGroup {
  /** Null for the total. */
  value: string | null;
  label: string;
  steps: StepResult[];
  /** Time from entry to the last step, among the units that reached it. */
  timeToConvert: TimeToConvertBucket[];
}

export interface Funnel {
  journey: string;
  environment: string;
  from: string;
  to: string;
  conversionWindowSeconds: number;
  breakdown: Breakdown | null;
  total: FunnelGroup;
  groups: FunnelGroup[];
}

/** What one group's units did at one step, in numbers. */
export interface StepTally {
  units: number;
  /** Percentiles of the time from entry, in microseconds; null when no unit reached the step. */
  medianMicros: number | null;
  p90Micros: number | null;
}

/** The raw numbers of one group (null value: the total), from which the answer is derived. */
export interface FunnelTally {
  value: string | null;
  /** One per step. */
  steps: StepTally[];
  /** Units per time-to-convert bucket, one per bucket. */
  timeToConvert: number[];
}

/** What an answer says about the question asked. */
export interface FunnelQuestion {
  journey: JourneyDefinition;
  environment: string;
  range: TimeRange;
  breakdown: Breakdown | null;
}

/** The bucket a time to convert falls in. */
export function timeToConvertBucket(micros: number): number {
  let bucket = 0;
  while (bucket + 1 < TIME_TO_CONVERT_SECONDS.length && micros >= TIME_TO_CONVERT_SECONDS[bucket + 1]! * 1_000_000) bucket++;
  return bucket;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function groupOfTally(question: FunnelQuestion, tally: FunnelTally): FunnelGroup {
  const first = tally.steps[0]?.units ?? 0;
  const steps = question.journey.steps.map((step, index): StepResult => {
    const { units, medianMicros, p90Micros } = tally.steps[index] ?? { units: 0, medianMicros: null, p90Micros: null };
    const previous = index === 0 ? null : (tally.steps[index - 1]?.units ?? 0);
    const atEntry = units > 0 ? 0 : null;
    return {
      index,
      event: step.event,
      label: step.label,
      units,
      conversionFromPrevious: previous === null ? null : ratio(units, previous),
      conversionFromFirst: ratio(units, first),
      dropOff: previous === null ? 0 : previous - units,
      dropOffRate: previous === null ? null : ratio(previous - units, previous),
      medianSecondsFromFirst: index === 0 ? atEntry : medianMicros === null ? null : secondsOfMicros(medianMicros),
      p90SecondsFromFirst: index === 0 ? atEntry : p90Micros === null ? null : secondsOfMicros(p90Micros),
    };
  });
  return {
    value: tally.value,
    label: tally.value ?? TOTAL_LABEL,
    steps,
    timeToConvert: TIME_TO_CONVERT_SECONDS.map((fromSeconds, bucket) => ({
      fromSeconds,
      toSeconds: TIME_TO_CONVERT_SECONDS[bucket + 1] ?? null,
      units: tally.timeToConvert[bucket] ?? 0,
    })),
  };
}

/**
 * A funnel answer from its tallies: the total (value null) and one per
 * group, in any order. The SQL funnel and the reference both end here, so
 * their ratios and roundings are the same arithmetic.
 */
export function funnelFromTallies(question: FunnelQuestion, tallies: readonly FunnelTally[]): Funnel {
  const total = tallies.find((tally) => tally.value === null) ?? { value: null, steps: [], timeToConvert: [] };
  const groups = tallies
    .filter((tally): tally is FunnelTally & { value: string } => tally.value !== null)
    .map((tally) => ({ value: tally.value, units: tally.steps[0]?.units ?? 0, tally }))
    .sort(compareGroups)
    .map(({ tally }) => groupOfTally(question, tally));
  return {
    journey: question.journey.key,
    environment: question.environment,
    from: isoOfMicros(question.range.fromMicros),
    to: isoOfMicros(question.range.toMicros),
    conversionWindowSeconds: question.journey.conversionWindowSeconds,
    breakdown: question.breakdown,
    total: groupOfTally(question, total),
    groups: question.breakdown === null ? [] : groups,
  };
}

/** The tally of some entered units. */
export function tallyOf(value: string | null, entries: readonly JourneyEntry[], stepCount: number): FunnelTally {
  const steps: StepTally[] = [];
  for (let index = 0; index < stepCount; index++) {
    const durations = entries
      .filter((entry) => entry.reachedMicros.length > index)
      .map((entry) => entry.reachedMicros[index]! - entry.reachedMicros[0]!)
      .sort((a, b) => a - b);
    steps.push({ units: durations.length, medianMicros: percentileCont(durations, 0.5), p90Micros: percentileCont(durations, 0.9) });
  }
  const timeToConvert = TIME_TO_CONVERT_SECONDS.map(() => 0);
  for (const entry of entries) {
    if (entry.reachedMicros.length === stepCount) timeToConvert[timeToConvertBucket(entry.reachedMicros.at(-1)! - entry.reachedMicros[0]!)]! += 1;
  }
  return { value, steps, timeToConvert };
}

/** Entries by group, in the order groups first appear. */
export function entriesByGroup(entries: readonly JourneyEntry[], groups: readonly string[]): Map<string, JourneyEntry[]> {
  const byGroup = new Map<string, JourneyEntry[]>();
  entries.forEach((entry, i) => {
    const group = groups[i]!;
    const list = byGroup.get(group);
    if (list === undefined) byGroup.set(group, [entry]);
    else list.push(entry);
  });
  return byGroup;
}

export interface FunnelInput extends FunnelQuestion {
  /** How many attribute or property values get their own group (1-20). */
  breakdownLimit: number;
  /** The environment's events, in any order. */
  events: readonly AnalyticsEvent[];
  /** The environment's first exposures. */
  firstExposures: readonly FirstExposure[];
}

/**
 * The funnel of a journey computed from events in memory: the reference
 * the SQL funnel is tested against.
 *
 * @example
 * funnelOf({ journey, environment: 'production', range, breakdown: { kind: 'flag', key: 'new-checkout' }, breakdownLimit: 5, events, firstExposures });
 */
export function funnelOf(input: FunnelInput): Funnel {
  const entries = journeyEntries(input.journey, input.range, input.events);
  const stepCount = input.journey.steps.length;
  const tallies = [tallyOf(null, entries, stepCount)];
  if (input.breakdown !== null) {
    const groups = entryGroups(entries, input.breakdown, input.breakdownLimit, input.firstExposures);
    for (const [value, members] of entriesByGroup(entries, groups)) tallies.push(tallyOf(value, members, stepCount));
  }
  return funnelFromTallies(input, tallies);
}
