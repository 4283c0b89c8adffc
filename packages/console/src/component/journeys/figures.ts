import type { FunnelStepFigures } from '../charts/FunnelChart/FunnelChart';
import type { Series } from '../charts/series';

/*
 * The shapes of the API's funnel and conversion answers that the journey
 * page draws, and the series its charts are given.
 */

export interface StepResult extends FunnelStepFigures {
  medianSecondsFromFirst: number | null;
  p90SecondsFromFirst: number | null;
}

export interface TimeBucket {
  fromSeconds: number;
  toSeconds: number | null;
  units: number;
}

/** All entered units, or those with one breakdown value. */
export interface FunnelGroup {
  value: string | null;
  label: string;
  steps: readonly StepResult[];
  timeToConvert: readonly TimeBucket[];
}

export interface CohortDay {
  date: string;
  entered: number;
  completed: number;
  conversionRate: number | null;
}

export interface CohortSeries {
  value: string | null;
  label: string;
  days: readonly CohortDay[];
}

/**
 * What tells a group apart on the page: its value, as the API's labels are
 * for reading and two values may one day read the same.
 *
 * @example
 * groupKey({ value: 'treatment', label: 'One-page checkout' }) // 'value:treatment'
 * groupKey({ value: null, label: 'All users' })                 // 'total'
 */
export const groupKey = (group: { value: string | null }) => (group.value === null ? 'total' : `value:${group.value}`);

/** How many units went through every step. */
export const completed = (group: Pick<FunnelGroup, 'steps'>) => group.steps[group.steps.length - 1]?.units ?? 0;

/** How many units entered. */
export const entered = (group: Pick<FunnelGroup, 'steps'>) => group.steps[0]?.units ?? 0;

/**
 * Each bucket's share of the units that went through, for comparing groups of different sizes.
 *
 * @example
 * shares([{ fromSeconds: 0, toSeconds: 60, units: 1 }, { fromSeconds: 60, toSeconds: null, units: 3 }]) // [0.25, 0.75]
 */
export function shares(buckets: readonly TimeBucket[]): (number | null)[] {
  const total = buckets.reduce((sum, bucket) => sum + bucket.units, 0);
  return buckets.map((bucket) => (total === 0 ? null : bucket.units / total));
}

/** One series per group: the share of entered units that reached each step. */
export const stepSeries = (groups: readonly FunnelGroup[]): Series[] =>
  groups.map((group) => ({ name: group.label, values: group.steps.map((step) => step.conversionFromFirst) }));

/** One series per group over the time-to-convert buckets: units with one group, shares of each group's converters with several. */
export const timeSeries = (groups: readonly FunnelGroup[]): Series[] =>
  groups.map((group) => ({ name: group.label, values: groups.length === 1 ? group.timeToConvert.map((bucket) => bucket.units) : shares(group.timeToConvert) }));

/** One series per cohort group: the conversion of the units that entered each day. */
export const cohortSeries = (groups: readonly CohortSeries[]): Series[] => groups.map((group) => ({ name: group.label, values: group.days.map((day) => day.conversionRate) }));
