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

/** At most this many events are charted at once (the API's limit). */
export const MAX_CHARTED = 10;

/**
 * The events to chart: those picked in the query string, or else the three most used.
 *
 * @example
 * chosenEvents([], ['view', 'cart', 'buy', 'share']) // ['view', 'cart', 'buy']
 */
export const chosenEvents = (picked: readonly string[], top: readonly string[]): string[] =>
  picked.length > 0 ? [...new Set(picked)].slice(0, MAX_CHARTED) : top.slice(0, 3);

/** The events to chart once `name` is ticked or unticked, up to MAX_CHARTED. */
export function toggleEvent(shown: readonly string[], name: string): string[] {
  if (shown.includes(name)) return shown.filter((one) => one !== name);
  return shown.length >= MAX_CHARTED ? [...shown] : [...shown, name];
}
