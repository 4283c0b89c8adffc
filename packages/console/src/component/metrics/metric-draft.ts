import { type Filter, type FilterDraft, formatFilterValue, parseFilterValue } from '../journeys/journey-draft';

/*
 * What the metric editor edits, apart from how it is drawn: every field as
 * typed, turned into the API's body only on save so the API's validation
 * names what is wrong. A metric filters its events as journey steps filter
 * theirs — the same `{ property, operator, value }`, edited in the same row
 * with the same typed values.
 */

export const METRIC_KINDS = ['conversion', 'mean'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const MAX_METRIC_FILTERS = 20;
/** A new metric counts events in the 7 days after a unit's first exposure, as the API does. */
export const DEFAULT_WINDOW_DAYS = 7;

/** A filter of a metric as the API has it: a journey step's filter. */
export type MetricFilter = Filter;

/** A metric as the API has it, as far as the editor is concerned. */
export interface MetricFields {
  key: string;
  name: string;
  description: string;
  kind: MetricKind;
  event: string;
  property?: string;
  where: MetricFilter[];
  windowDays: number;
  higherIsBetter: boolean;
}

export interface MetricDraft {
  key: string;
  name: string;
  description: string;
  kind: MetricKind;
  event: string;
  /** Mean metrics: the numeric property summed per unit; empty counts the events. */
  property: string;
  filters: FilterDraft[];
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
    return { key: '', name: '', description: '', kind: 'conversion', event: '', property: '', filters: [], windowDays: String(DEFAULT_WINDOW_DAYS), higherIsBetter: true };
  }
  return {
    key: metric.key,
    name: metric.name,
    description: metric.description,
    kind: metric.kind,
    event: metric.event,
    property: metric.property ?? '',
    filters: metric.where.map(filterDraftOf),
    windowDays: String(metric.windowDays),
    higherIsBetter: metric.higherIsBetter,
  };
}

/** The API's body for a draft; `key` only when creating. A window that is not a number is sent as such, for the API to name. */
export function metricBody(draft: MetricDraft, creating: boolean): Omit<MetricFields, 'key'> & { key?: string } {
  const windowDays = draft.windowDays.trim() === '' ? Number.NaN : Number(draft.windowDays);
  const property = draft.property.trim();
  return {
    ...(creating ? { key: draft.key.trim() } : {}),
    name: draft.name.trim() || draft.key.trim(),
    description: draft.description.trim(),
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
 */
export function describeMetric(metric: Pick<MetricFields, 'kind' | 'event' | 'property' | 'where' | 'windowDays'>): string {
  const where = metric.where.length === 0 ? '' : ` (${metric.where.map(describeFilter).join(' and ')})`;
  const window = `within ${metric.windowDays} ${metric.windowDays === 1 ? 'day' : 'days'} of exposure`;
  if (metric.kind === 'conversion') return `Did ${metric.event}${where} ${window}`;
  if (metric.property === undefined || metric.property === '') return `Count of ${metric.event}${where} per unit, ${window}`;
  return `Sum of ${metric.property} over ${metric.event}${where} per unit, ${window}`;
}
