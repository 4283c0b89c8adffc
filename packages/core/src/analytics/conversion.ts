import { dayOfMicros, daysOf, isoOfMicros } from './days.js';
import { entryGroups, journeyEntries } from './entries.js';
import type { FunnelInput, FunnelQuestion } from './funnel.js';
import { compareGroups } from './groups.js';
import type { Breakdown } from './journey.js';

export interface ConversionDay {
  /** The UTC day units entered on: YYYY-MM-DD. */
  date: string;
  entered: number;
  /** Of those, how many reached the last step. */
  completed: number;
  /** completed / entered; null when none entered. */
  conversionRate: number | null;
}

export interface Conversion {
  journey: string;
  environment: string;
  from: string;
  to: string;
  breakdown: Breakdown | null;
  total: { days: ConversionDay[] };
  groups: { value: string; label: string; days: ConversionDay[] }[];
}

/** The units of one group (null value: the total) that entered on one day, and completed. */
export interface ConversionTally {
  value: string | null;
  date: string;
  entered: number;
  completed: number;
}

/**
 * Daily cohorts from their tallies, given in any order and only for days
 * with entries: every UTC day of the range appears, zeros included.
 */
export function conversionFromTallies(question: FunnelQuestion, tallies: readonly ConversionTally[]): Conversion {
  const days = daysOf(question.range);
  const byValue = new Map<string | null, Map<string, ConversionTally>>([[null, new Map()]]);
  for (const tally of tallies) {
    let byDate = byValue.get(tally.value);
    if (byDate === undefined) byValue.set(tally.value, (byDate = new Map()));
    byDate.set(tally.date, tally);
  }
  const daysOfGroup = (byDate: ReadonlyMap<string, ConversionTally>): ConversionDay[] =>
    days.map((date) => {
      const { entered, completed } = byDate.get(date) ?? { entered: 0, completed: 0 };
      return { date, entered, completed, conversionRate: entered > 0 ? completed / entered : null };
    });
  const groups = [...byValue]
    .filter((entry): entry is [string, Map<string, ConversionTally>] => entry[0] !== null)
    .map(([value, byDate]) => ({ value, units: [...byDate.values()].reduce((sum, tally) => sum + tally.entered, 0), byDate }))
    .sort(compareGroups)
    .map(({ value, byDate }) => ({ value, label: value, days: daysOfGroup(byDate) }));
  return {
    journey: question.journey.key,
    environment: question.environment,
    from: isoOfMicros(question.range.fromMicros),
    to: isoOfMicros(question.range.toMicros),
    breakdown: question.breakdown,
    total: { days: daysOfGroup(byValue.get(null)!) },
    groups: question.breakdown === null ? [] : groups,
  };
}

/**
 * Conversion over time computed from events in memory: units by the UTC day
 * they entered, and how many of them reached the last step (within the
 * window, however long after the range). Groups as in the funnel.
 */
export function conversionOf(input: FunnelInput): Conversion {
  const entries = journeyEntries(input.journey, input.range, input.events);
  const groups = input.breakdown === null ? undefined : entryGroups(entries, input.breakdown, input.breakdownLimit, input.firstExposures);
  const stepCount = input.journey.steps.length;
  const tallies = new Map<string, ConversionTally>();
  const count = (value: string | null, date: string, completed: boolean) => {
    const id = JSON.stringify([value, date]);
    const tally = tallies.get(id) ?? { value, date, entered: 0, completed: 0 };
    tally.entered += 1;
    if (completed) tally.completed += 1;
    tallies.set(id, tally);
  };
  entries.forEach((entry, i) => {
    const date = dayOfMicros(entry.entry.atMicros);
    const completed = entry.reachedMicros.length === stepCount;
    count(null, date, completed);
    if (groups !== undefined) count(groups[i]!, date, completed);
  });
  return conversionFromTallies(input, [...tallies.values()]);
}
