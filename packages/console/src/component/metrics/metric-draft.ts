import { type Filter, type FilterDraft, formatFilterValue, parseFilterValue } from '../journeys/journey-draft';

/*
 * What the metric editor edits, apart from how it is drawn: every field as
 * typed, turned into the API's body only on save so the API's validation
 * names what is wrong. A metric of an event filters its events as journey
 * steps filter theirs — the same `{ property, operator, value }`, edited in
 * the same row with the same typed values; a metric of a journey names the
 * journey and takes its steps and filters from it.
 */

export const EVENT_METRIC_KINDS = ['conversion', 'mean'] as const;
export const JOURNEY_METRIC_KINDS = ['journeyConversion', 'journeyDuration'] as const;
export const METRIC_KINDS = [...EVENT_METRIC_KINDS, ...JOURNEY_METRIC_KINDS] as const;
export type EventMetricKind = (typeof EVENT_METRIC_KINDS)[number];
export type JourneyMetricKind = (typeof JOURNEY_METRIC_KINDS)[number];
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Whether a kind measures a journey (by key) rather than an event. */
export const isJourneyKind = (kind: MetricKind): kind is JourneyMetricKind => (JOURNEY_METRIC_KINDS as readonly MetricKind[]).includes(kind);

/** Which way is good for a kind unless said otherwise, as the API defaults it: a journey's duration is better shorter. */
export const defaultHigherIsBetter = (kind: MetricKind) => kind !== 'journeyDuration';

export const MAX_METRIC_FILTERS = 20;
/** A new metric counts events in the 7 days after a unit's first exposure, as the API does. */
export const DEFAULT_WINDOW_DAYS = 7;

/** A filter of a metric as the API has it: a journey step's filter. */
export type MetricFilter = Filter;

interface MetricCommon {
  key: string;
  name: string;
  description: string;
  windowDays: number;
  higherIsBetter: boolean;
}

/** A metric of an event: a conversion or a mean of the events passing `where`. */
export type EventMetricFields = { [Kind in EventMetricKind]: MetricCommon & { kind: Kind; event: string; property?: string; where: MetricFilter[] } }[EventMetricKind];

/** A metric of a journey, by the journey's key: whether units completed it, or how long they took. */
export type JourneyMetricFields = { [Kind in JourneyMetricKind]: MetricCommon & { kind: Kind; journey: string } }[JourneyMetricKind];

/** A metric as the API has it, as far as the editor is concerned. */
export type MetricFields = EventMetricFields | JourneyMetricFields;

type Measure<T> = T extends unknown ? Omit<T, 'key' | 'name' | 'description' | 'higherIsBetter'> : never;
/** What a metric measures, apart from its names and direction. */
export type MetricMeasure = Measure<MetricFields>;

type WithoutKey<T> = T extends unknown ? Omit<T, 'key'> & { key?: string } : never;
/** The API's body for a metric: its fields, the key only when creating. */
export type MetricBody = WithoutKey<MetricFields>;

/**
 * Every kind's fields at once, so switching the kind back and forth loses
 * nothing typed; only the chosen kind's reach the API.
 */
export interface MetricDraft {
  key: string;
  name: string;
  description: string;
  kind: MetricKind;
  event: string;
  /** Mean metrics: the numeric property summed per unit; empty counts the events. */
  property: string;
  filters: FilterDraft[];
  /** Journey metrics: the journey's key. */
  journey: string;
  windowDays: string;
  higherIsBetter: boolean;
}

/**
 * A metric filter as the filter row shows it.
 *
 * @example
 * filterDraftOf({ property: 'plan', operator: 'in', value: ['pro', 'team'] }) // { property: 'plan', operator: 'in', value: 'pro, team' }
 */
export const filterDraftOf = (filter: MetricFilter): FilterDraft => ({ property: filter.property, operator: filter.operator, value: formatFilterValue(filter.value, filter.operator) });

/**
 * A filter row as the API takes it, its value typed for its operator (none
 * for `exists`).
 *
 * @example
 * metricFilterOf({ property: 'amount', operator: 'gte', value: '10' }) // { property: 'amount', operator: 'gte', value: 10 }
 */
export function metricFilterOf(draft: FilterDraft): MetricFilter {
  const value = parseFilterValue(draft.operator, draft.value);
  const property = draft.property.trim();
  return value === undefined ? { property, operator: draft.operator } : { property, operator: draft.operator, value };
}

/** The editor's starting point: a metric's fields, or a conversion over the 7 days after exposure. */
export function metricDraftOf(metric?: MetricFields): MetricDraft {
  if (metric === undefined) {
    return { key: '', name: '', description: '', kind: 'conversion', event: '', property: '', filters: [], journey: '', windowDays: String(DEFAULT_WINDOW_DAYS), higherIsBetter: true };
  }
  const common = { key: metric.key, name: metric.name, description: metric.description, windowDays: String(metric.windowDays), higherIsBetter: metric.higherIsBetter };
  if (metric.kind === 'journeyConversion' || metric.kind === 'journeyDuration') return { ...common, kind: metric.kind, event: '', property: '', filters: [], journey: metric.journey };
  return { ...common, kind: metric.kind, event: metric.event, property: metric.property ?? '', filters: metric.where.map(filterDraftOf), journey: '' };
}

/**
 * The draft measuring another kind. The direction follows the kind's default
 * (a duration is better shorter) unless it had been turned from the old
 * kind's default.
 *
 * @example
 * withKind(metricDraftOf(), 'journeyDuration') // { ...draft, kind: 'journeyDuration', higherIsBetter: false }
 */
export function withKind(draft: MetricDraft, kind: MetricKind): MetricDraft {
  const defaulted = draft.higherIsBetter === defaultHigherIsBetter(draft.kind);
  return { ...draft, kind, higherIsBetter: defaulted ? defaultHigherIsBetter(kind) : draft.higherIsBetter };
}

/**
 * The API's body for a draft, with only its kind's fields; `key` only when
 * creating. A window that is not a number is sent as such, for the API to name.
 *
 * @example
 * metricBody({ ...metricDraftOf(), key: 'checkout', kind: 'journeyConversion', journey: 'checkout' }, true)
 * // { key: 'checkout', name: 'checkout', description: '', kind: 'journeyConversion', journey: 'checkout', windowDays: 7, higherIsBetter: true }
 */
export function metricBody(draft: MetricDraft, creating: boolean): MetricBody {
  const windowDays = draft.windowDays.trim() === '' ? Number.NaN : Number(draft.windowDays);
  const property = draft.property.trim();
  const named = { ...(creating ? { key: draft.key.trim() } : {}), name: draft.name.trim() || draft.key.trim(), description: draft.description.trim() };
  if (isJourneyKind(draft.kind)) return { ...named, kind: draft.kind, journey: draft.journey.trim(), windowDays, higherIsBetter: draft.higherIsBetter };
  return {
    ...named,
    kind: draft.kind,
    event: draft.event.trim(),
    ...(draft.kind === 'mean' && property !== '' ? { property } : {}),
    where: draft.filters.map(metricFilterOf),
    windowDays,
    higherIsBetter: draft.higherIsBetter,
  };
}

/** Whether two drafts say the same. */
export const sameMetric = (a: MetricDraft, b: MetricDraft) => JSON.stringify(metricBody(a, false)) === JSON.stringify(metricBody(b, false));

const FILTER_WORDS: Record<MetricFilter['operator'], string> = {
  eq: '=',
  neq: '≠',
  in: 'in',
  notIn: 'not in',
  contains: 'contains',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  exists: 'exists',
};

const valueWords = (value: MetricFilter['value']): string => {
  if (Array.isArray(value)) return `[${value.map(valueWords).join(', ')}]`;
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/**
 * A filter in a few words.
 *
 * @example
 * describeFilter({ property: 'plan', operator: 'in', value: ['pro', 'team'] }) // 'plan in [pro, team]'
 * describeFilter({ property: 'coupon', operator: 'exists' })                    // 'coupon exists'
 */
export function describeFilter(filter: MetricFilter): string {
  const words = `${filter.property} ${FILTER_WORDS[filter.operator]}`;
  return filter.operator === 'exists' || filter.value === undefined ? words : `${words} ${valueWords(filter.value)}`;
}

/**
 * What a metric measures of each unit, in a sentence.
 *
 * @example
 * describeMetric({ kind: 'conversion', event: 'purchase', where: [], windowDays: 7 })
 * // 'Did purchase within 7 days of exposure'
 * describeMetric({ kind: 'mean', event: 'purchase', property: 'amount', where: [], windowDays: 14 })
 * // 'Sum of amount over purchase per unit, within 14 days of exposure'
 * describeMetric({ kind: 'journeyConversion', journey: 'checkout', windowDays: 7 })
 * // 'Completed journey checkout within 7 days of exposure'
 * describeMetric({ kind: 'journeyDuration', journey: 'checkout', windowDays: 7 })
 * // 'Seconds from entering journey checkout to its last step, over the units that completed it within 7 days of exposure'
 */
export function describeMetric(metric: MetricMeasure): string {
  const window = `within ${metric.windowDays} ${metric.windowDays === 1 ? 'day' : 'days'} of exposure`;
  if (metric.kind === 'journeyConversion') return `Completed journey ${metric.journey} ${window}`;
  if (metric.kind === 'journeyDuration') return `Seconds from entering journey ${metric.journey} to its last step, over the units that completed it ${window}`;
  const where = metric.where.length === 0 ? '' : ` (${metric.where.map(describeFilter).join(' and ')})`;
  if (metric.kind === 'conversion') return `Did ${metric.event}${where} ${window}`;
  if (metric.property === undefined || metric.property === '') return `Count of ${metric.event}${where} per unit, ${window}`;
  return `Sum of ${metric.property} over ${metric.event}${where} per unit, ${window}`;
}
