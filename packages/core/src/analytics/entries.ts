import { matchesFilters } from '../property-filters.js';
import { NONE, groupOf, topValues } from './groups.js';
import type { AnalyticsEvent, Breakdown, FirstExposure, JourneyDefinition, TimeRange } from './journey.js';
import { breakdownText, compareText } from './text.js';

/** A unit that entered a journey, and how far it went. */
export interface JourneyEntry {
  unitKey: string;
  /** The event it entered with: its first step-0 event in the range. */
  entry: AnalyticsEvent;
  /** When it reached each step it reached, from the first: epoch microseconds. */
  reachedMicros: number[];
}

/** Events in the order analyses read them: by time, then by id ("C" order) among events at the same instant. */
export function compareEvents(a: AnalyticsEvent, b: AnalyticsEvent): number {
  return a.atMicros - b.atMicros || compareText(a.id, b.id);
}

/**
 * Every unit's path through a journey: the reference for the SQL funnel.
 *
 * A unit enters with its first tracked event of step 0 (filters holding) in
 * [from, to). Each later step is the unit's earliest matching event at or
 * after the previous step's event and at most the conversion window after
 * entry, that no earlier step took: one event never counts for two steps.
 * Among events at the same instant, the smallest id comes first. Taking the
 * earliest event leaves the most time for the steps after it.
 */
export function journeyEntries(journey: JourneyDefinition, range: TimeRange, events: readonly AnalyticsEvent[]): JourneyEntry[] {
  const names = new Set(journey.steps.map((step) => step.event));
  const byUnit = new Map<string, AnalyticsEvent[]>();
  for (const event of events) {
    if (event.type !== 'track' || !names.has(event.name)) continue;
    const list = byUnit.get(event.unitKey);
    if (list === undefined) byUnit.set(event.unitKey, [event]);
    else list.push(event);
  }
  const windowMicros = journey.conversionWindowSeconds * 1_000_000;
  const [first, ...later] = journey.steps;
  const entries: JourneyEntry[] = [];
  for (const [unitKey, list] of byUnit) {
    list.sort(compareEvents);
    const entry = list.find(
      (event) =>
        event.name === first!.event && event.atMicros >= range.fromMicros && event.atMicros < range.toMicros && matchesFilters(event.properties, first!.filters),
    );
    if (entry === undefined) continue;
    const deadline = entry.atMicros + windowMicros;
    const taken = new Set<AnalyticsEvent>([entry]);
    const reachedMicros = [entry.atMicros];
    let previous = entry;
    for (const step of later) {
      const next = list.find(
        (event) =>
          event.name === step.event &&
          event.atMicros >= previous.atMicros &&
          event.atMicros <= deadline &&
          !taken.has(event) &&
          matchesFilters(event.properties, step.filters),
      );
      if (next === undefined) break;
      taken.add(next);
      reachedMicros.push(next.atMicros);
      previous = next;
    }
    entries.push({ unitKey, entry, reachedMicros });
  }
  return entries;
}

/** Each unit's first exposure to a flag. */
export function firstExposuresOf(flagKey: string, firstExposures: readonly FirstExposure[]): Map<string, FirstExposure> {
  const byUnit = new Map<string, FirstExposure>();
  for (const exposure of firstExposures) if (exposure.flagKey === flagKey) byUnit.set(exposure.unitKey, exposure);
  return byUnit;
}

/** The variant of a unit's first exposure at or before an instant, or `(none)`. */
export function variantAt(exposures: ReadonlyMap<string, FirstExposure>, unitKey: string, atMicros: number): string {
  const exposure = exposures.get(unitKey);
  return exposure !== undefined && exposure.atMicros <= atMicros ? exposure.variant : NONE;
}

/** The raw breakdown value of an event's attribute or property. */
export function eventValue(event: AnalyticsEvent, breakdown: Breakdown): string | null {
  const source = breakdown.kind === 'attribute' ? event.attributes : event.properties;
  return Object.hasOwn(source, breakdown.key) ? breakdownText(source[breakdown.key]) : null;
}

/**
 * The group of each entered unit, in the order of `entries`: the variant of
 * its first exposure to the flag at or before entry, or its entry event's
 * attribute or property value among the `limit` values most units entered
 * with (the rest `(other)`, none `(none)`).
 */
export function entryGroups(
  entries: readonly JourneyEntry[],
  breakdown: Breakdown,
  limit: number,
  firstExposures: readonly FirstExposure[],
): string[] {
  if (breakdown.kind === 'flag') {
    const exposures = firstExposuresOf(breakdown.key, firstExposures);
    return entries.map(({ unitKey, entry }) => variantAt(exposures, unitKey, entry.atMicros));
  }
  const raw = entries.map(({ entry }) => eventValue(entry, breakdown));
  const units = new Map<string, number>();
  for (const value of raw) if (value !== null) units.set(value, (units.get(value) ?? 0) + 1);
  const top = topValues(units, limit);
  return raw.map((value) => groupOf(value, top));
}
