import type { FieldIssue } from '../../api/client';
import { type FilterDraft, type FilterOperator, formatFilterValue, parseFilterValue } from '../journeys/journey-draft';

/*
 * What the metric editor edits, apart from how it is drawn: every field as
 * typed, turned into the API's body only on save so the API's validation
 * names what is wrong. Property filters are edited as journey steps edit
 * theirs (the same row, the same typed values) and translated here to the
 * metric API's form.
 */

export const METRIC_KINDS = ['conversion', 'mean'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** The operators a metric's filter understands, as the journey filter row names them. */
export const METRIC_FILTER_OPERATORS = ['eq', 'neq', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte'] as const satisfies readonly FilterOperator[];
export const MAX_METRIC_FILTERS = 10;
/** A new metric counts events in the 7 days after a unit's first exposure, as the API does. */
export const DEFAULT_WINDOW_DAYS = 7;

type Scalar = string | number | boolean;

/** A filter of a metric as the API has it: one of `values`, none of them, or a comparison with a number. */
export type MetricFilter = { property: string; op: 'eq' | 'neq'; values: Scalar[] } | { property: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number };

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
 * A metric filter as the journey filter row shows it: one value is `equals`,
 * several `is one of`.
 *
 * @example
 * filterDraftOf({ property: 'plan', op: 'eq', values: ['pro', 'team'] }) // { property: 'plan', operator: 'in', value: 'pro, team' }
 */
export function filterDraftOf(filter: MetricFilter): FilterDraft {
  if ('values' in filter) {
    const [only] = filter.values;
    if (filter.values.length === 1 && only !== undefined) return { property: filter.property, operator: filter.op, value: formatFilterValue(only, filter.op) };
    const operator = filter.op === 'eq' ? 'in' : 'notIn';
    return { property: filter.property, operator, value: formatFilterValue(filter.values.map((value) => (typeof value === 'boolean' ? String(value) : value)), operator) };
  }
  return { property: filter.property, operator: filter.op, value: formatFilterValue(filter.value, filter.op) };
}

/**
 * A filter row as the metric API takes it: `equals` and `is one of` are `eq`
 * with their values, the comparisons take one value. What the API cannot
 * take, it refuses by name.
 *
 * @example
 * metricFilterOf({ property: 'amount', operator: 'gte', value: '10' }) // { property: 'amount', op: 'gte', value: 10 }
 */
export function metricFilterOf(draft: FilterDraft): MetricFilter {
  const property = draft.property.trim();
  const value = parseFilterValue(draft.operator, draft.value);
  switch (draft.operator) {
    case 'in':
    case 'notIn':
      return { property, op: draft.operator === 'in' ? 'eq' : 'neq', values: (value ?? []) as Scalar[] };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { property, op: draft.operator, value: value as number };
    default:
      return { property, op: draft.operator === 'neq' ? 'neq' : 'eq', values: value === undefined ? [] : [value as Scalar] };
  }
}

/**
 * The API's issues with paths the filter row shows: `where[0].values[1]`
 * at the row's value, `where[0].op` at its operator.
 *
 * @example
 * filterIssues([{ path: 'where[0].values[1]', message: 'is too long' }]) // [{ path: 'where[0].value', message: 'is too long' }]
 */
export function filterIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const match = /^(where\[\d+\])\.(values|value|op)(\[\d+\])?$/.exec(issue.path);
    if (match === null) return issue;
    return { ...issue, path: `${match[1]}.${match[2] === 'op' ? 'operator' : 'value'}` };
  });
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

const FILTER_WORDS: Record<MetricFilter['op'], string> = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

/**
 * A filter in a few words.
 *
 * @example
 * describeFilter({ property: 'plan', op: 'eq', values: ['pro', 'team'] }) // 'plan = pro or team'
 */
export function describeFilter(filter: MetricFilter): string {
  if ('values' in filter) {
    const values = filter.values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
    return `${filter.property} ${FILTER_WORDS[filter.op]} ${values.join(filter.op === 'eq' ? ' or ' : ' nor ')}`;
  }
  return `${filter.property} ${FILTER_WORDS[filter.op]} ${filter.value}`;
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
  const where = metric.where.length === 0 ? '' : ` (${metric.where.map(describeFilter).join(', ')})`;
  const window = `within ${metric.windowDays} ${metric.windowDays === 1 ? 'day' : 'days'} of exposure`;
  if (metric.kind === 'conversion') return `Did ${metric.event}${where} ${window}`;
  if (metric.property === undefined || metric.property === '') return `Count of ${metric.event}${where} per unit, ${window}`;
  return `Sum of ${metric.property} over ${metric.event}${where} per unit, ${window}`;
}
