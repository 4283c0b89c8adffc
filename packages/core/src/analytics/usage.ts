import { dayOfMicros, daysOf, isoOfMicros } from './days.js';
import { eventValue, firstExposuresOf, variantAt } from './entries.js';
import { compareGroups, groupOf, topValues } from './groups.js';
import type { AnalyticsEvent, Breakdown, FirstExposure, TimeRange } from './journey.js';
import { compareText } from './text.js';

export interface UsageDay {
  date: string;
  /** Distinct units that sent the event that day. */
  units: number;
  events: number;
}

export interface UsageSeries {
  event: string;
  total: { units: number; events: number; days: UsageDay[] };
  groups: { value: string; label: string; units: number; events: number; days: UsageDay[] }[];
}

export interface Usage {
  environment: string;
  from: string;
  to: string;
  breakdown: Breakdown | null;
  series: UsageSeries[];
}

/**
 * Units and events of one event name, for one group (null: all) and one day
 * (null: the whole range).
 */
export interface UsageTally {
  event: string;
  value: string | null;
  date: string | null;
  units: number;
  events: number;
}

export interface UsageQuestion {
  environment: string;
  range: TimeRange;
  breakdown: Breakdown | null;
  /** The tracked event names, one series each, in this order. */
  eventNames: readonly string[];
}

const key = (...parts: (string | null)[]) => JSON.stringify(parts);

/** Daily usage from its tallies, given in any order: every UTC day of the range appears, zeros included. */
export function usageFromTallies(question: UsageQuestion, tallies: readonly UsageTally[]): Usage {
  const days = daysOf(question.range);
  const byKey = new Map(tallies.map((tally) => [key(tally.event, tally.value, tally.date), tally]));
  const numbers = (event: string, value: string | null) => {
    const whole = byKey.get(key(event, value, null));
    return {
      units: whole?.units ?? 0,
      events: whole?.events ?? 0,
      days: days.map((date) => {
        const day = byKey.get(key(event, value, date));
        return { date, units: day?.units ?? 0, events: day?.events ?? 0 };
      }),
    };
  };
  return {
    environment: question.environment,
    from: isoOfMicros(question.range.fromMicros),
    to: isoOfMicros(question.range.toMicros),
    breakdown: question.breakdown,
    series: question.eventNames.map((event) => {
      const values = new Set<string>();
      if (question.breakdown !== null) {
        for (const tally of tallies) if (tally.event === event && tally.value !== null) values.add(tally.value);
      }
      const groups = [...values]
        .map((value) => ({ value, label: value, ...numbers(event, value) }))
        .sort(compareGroups);
      return { event, total: numbers(event, null), groups };
    }),
  };
}

export interface UsageInput extends UsageQuestion {
  breakdownLimit: number;
  events: readonly AnalyticsEvent[];
  firstExposures: readonly FirstExposure[];
}

function tallyEvents(event: string, value: string | null, date: string | null, events: readonly AnalyticsEvent[]): UsageTally {
  return { event, value, date, units: new Set(events.map((e) => e.unitKey)).size, events: events.length };
}

/**
 * Daily usage computed from events in memory: the reference for the SQL.
 * Tracked events in [from, to) only. A breakdown by flag puts each event
 * under the variant its unit was first exposed to at or before it, else
 * `(none)`; by attribute or property, under that event's value among the
 * `breakdownLimit` values with the most units for that event name (the rest
 * `(other)`, none `(none)`). A unit counts once per group and day.
 */
export function usageOf(input: UsageInput): Usage {
  const exposures = input.breakdown?.kind === 'flag' ? firstExposuresOf(input.breakdown.key, input.firstExposures) : undefined;
  const tallies: UsageTally[] = [];
  for (const name of input.eventNames) {
    const events = input.events.filter(
      (event) => event.type === 'track' && event.name === name && event.atMicros >= input.range.fromMicros && event.atMicros < input.range.toMicros,
    );
    const groups: (string | null)[] = [null];
    let groupOfEvent: (event: AnalyticsEvent, index: number) => string = () => '';
    if (input.breakdown !== null) {
      const breakdown = input.breakdown;
      if (exposures !== undefined) {
        groupOfEvent = (event) => variantAt(exposures, event.unitKey, event.atMicros);
      } else {
        const raw = events.map((event) => eventValue(event, breakdown));
        const unitsByValue = new Map<string, Set<string>>();
        raw.forEach((value, i) => {
          if (value === null) return;
          const units = unitsByValue.get(value) ?? new Set<string>();
          units.add(events[i]!.unitKey);
          unitsByValue.set(value, units);
        });
        const top = topValues(new Map([...unitsByValue].map(([value, units]) => [value, units.size])), input.breakdownLimit);
        groupOfEvent = (_event, index) => groupOf(raw[index]!, top);
      }
      groups.push(...new Set(events.map(groupOfEvent)));
    }
    const labels = events.map(groupOfEvent);
    for (const value of groups) {
      const members = value === null ? events : events.filter((_event, i) => labels[i] === value);
      tallies.push(tallyEvents(name, value, null, members));
      const byDay = new Map<string, AnalyticsEvent[]>();
      for (const event of members) {
        const date = dayOfMicros(event.atMicros);
        byDay.set(date, [...(byDay.get(date) ?? []), event]);
      }
      for (const [date, dayEvents] of byDay) tallies.push(tallyEvents(name, value, date, dayEvents));
    }
  }
  return usageFromTallies(input, tallies);
}

export interface EventUsage {
  name: string;
  units: number;
  events: number;
}

export interface UsageEvents {
  environment: string;
  from: string;
  to: string;
  events: EventUsage[];
}

/** Event names by distinct units, most first, then by name ("C" order); the first `limit`. */
export function usageEventsFrom(question: { environment: string; range: TimeRange; limit: number }, usage: readonly EventUsage[]): UsageEvents {
  return {
    environment: question.environment,
    from: isoOfMicros(question.range.fromMicros),
    to: isoOfMicros(question.range.toMicros),
    events: [...usage].sort((a, b) => b.units - a.units || compareText(a.name, b.name)).slice(0, question.limit),
  };
}

/** The most used tracked events in [from, to), computed from events in memory. */
export function usageEventsOf(input: { environment: string; range: TimeRange; limit: number; events: readonly AnalyticsEvent[] }): UsageEvents {
  const byName = new Map<string, { units: Set<string>; events: number }>();
  for (const event of input.events) {
    if (event.type !== 'track' || event.atMicros < input.range.fromMicros || event.atMicros >= input.range.toMicros) continue;
    const usage = byName.get(event.name) ?? { units: new Set<string>(), events: 0 };
    usage.units.add(event.unitKey);
    usage.events += 1;
    byName.set(event.name, usage);
  }
  return usageEventsFrom(
    input,
    [...byName].map(([name, usage]) => ({ name, units: usage.units.size, events: usage.events })),
  );
}
