import type { Series } from '../charts/series';

/*
 * The shapes of the API's usage answer that the usage page draws.
 */

export type UsageMetric = 'units' | 'events';

export interface UsageDay {
  date: string;
  units: number;
  events: number;
}

/** One line of the usage chart: an event's total, or one breakdown value of it. */
export interface UsageLine {
  label: string;
  units: number;
  events: number;
  days: readonly UsageDay[];
}

/** One series per line, the metric per day. */
export const usageSeries = (lines: readonly UsageLine[], metric: UsageMetric): Series[] => lines.map((line) => ({ name: line.label, values: line.days.map((day) => day[metric]) }));

export const METRIC_NAMES: Record<UsageMetric, string> = { units: 'Unique units', events: 'Events' };
