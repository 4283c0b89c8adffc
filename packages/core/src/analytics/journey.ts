import type { PropertyFilter } from '../property-filters.js';

/**
 * Journeys as analyses read them: ordered steps, each an event name with
 * filters on the event's properties, and a conversion window.
 */

export interface JourneyStep {
  /** The name of a tracked event. */
  event: string;
  /** What people see; the event name unless given. */
  label: string;
  /** All must hold for an event to count as this step. */
  filters: PropertyFilter[];
}

/** What a funnel needs of a journey. */
export interface JourneyDefinition {
  key: string;
  steps: JourneyStep[];
  /** How long after entering a unit may take to reach each later step. */
  conversionWindowSeconds: number;
}

export const BREAKDOWN_KINDS = ['flag', 'attribute', 'property'] as const;

export type BreakdownKind = (typeof BREAKDOWN_KINDS)[number];

/**
 * What groups units or events: the variant of a flag they were first exposed
 * to, or the value of an attribute or a property of an event.
 */
export interface Breakdown {
  kind: BreakdownKind;
  key: string;
}

/** One stored event as analyses read it. */
export interface AnalyticsEvent {
  /** Unique in its environment. */
  id: string;
  type: 'track' | 'exposure';
  name: string;
  unitKey: string;
  attributes: Readonly<Record<string, unknown>>;
  properties: Readonly<Record<string, unknown>>;
  /** When it happened: epoch microseconds, the precision PostgreSQL keeps. */
  atMicros: number;
}

/** The variant a unit was first exposed to for a flag, as recorded when its exposure was stored. */
export interface FirstExposure {
  flagKey: string;
  unitKey: string;
  variant: string;
  /** Epoch microseconds. */
  atMicros: number;
}

/** A half-open time range [from, to) in epoch microseconds. */
export interface TimeRange {
  fromMicros: number;
  toMicros: number;
}
