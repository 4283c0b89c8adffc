import type { PropertyFilter } from '../property-filters.js';
import type { AnalyticsEvent, JourneyDefinition, JourneyStep } from './journey.js';

/** 2026-01-01T00:00:00Z in epoch microseconds: the start of the tests' timelines. */
export const T0 = Date.UTC(2026, 0, 1) * 1000;
export const MINUTE = 60_000_000;
export const DAY = 24 * 60 * MINUTE;

let sequence = 0;

/** A tracked event `minutes` after T0, with a fresh id unless given. */
export function track(
  name: string,
  unitKey: string,
  minutes: number,
  extra: { id?: string; properties?: Record<string, unknown>; attributes?: Record<string, unknown> } = {},
): AnalyticsEvent {
  return {
    id: extra.id ?? `e${String(++sequence).padStart(6, '0')}`,
    type: 'track',
    name,
    unitKey,
    attributes: extra.attributes ?? {},
    properties: extra.properties ?? {},
    atMicros: T0 + minutes * MINUTE,
  };
}

export function step(event: string, filters: PropertyFilter[] = []): JourneyStep {
  return { event, label: event, filters };
}

export function journeyOf(events: (string | JourneyStep)[], conversionWindowSeconds = 7 * 24 * 3600): JourneyDefinition {
  return { key: 'checkout', steps: events.map((e) => (typeof e === 'string' ? step(e) : e)), conversionWindowSeconds };
}
