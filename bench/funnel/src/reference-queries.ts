/**
 * The funnel and daily usage as plain SQL, written from the rule rather than
 * from Dial's queries, one text that PostgreSQL and DuckDB both run: the
 * check of Dial's answers, and the columnar reference's work.
 */
import { FLAG, STEPS } from './event-generator.js';

/** What the queries read: one environment's events, from `from` (inclusive) to `to` (exclusive), epoch milliseconds. */
export interface ReferenceQuestion {
  readonly environmentId: number;
  readonly from: number;
  readonly to: number;
  readonly windowSeconds: number;
}

const NONE = '(none)';
const ALL = '(all)';

const timestamp = (millis: number) => `TIMESTAMPTZ '${new Date(millis).toISOString().replace('T', ' ').replace('Z', '+00')}'`;

/**
 * The funnel by variant, the rule stated once: a unit enters at its first
 * `view_product` in the range; each later step is its earliest event of that
 * name at or after the step before, at most the window after entry; its
 * group is the variant of its first exposure to `new-checkout` at or before
 * entry, else "(none)". One row per group: `variant`, `step0`…`step3`.
 */
export function funnelSql(question: ReferenceQuestion): string {
  const env = Math.trunc(question.environmentId);
  const tracked = (alias: string, step: number) => `${alias}.environment_id = ${env} AND ${alias}.type = 'track' AND ${alias}.name = '${STEPS[step]}'`;
  const later = STEPS.slice(1).map(
    (_name, index) => `s${index + 1} AS (
  SELECT p.unit_key, p.t0, min(e.occurred_at) AS t
    FROM s${index} p JOIN events e ON e.unit_key = p.unit_key
   WHERE ${tracked('e', index + 1)}
     AND e.occurred_at >= p.t AND e.occurred_at <= p.t0 + INTERVAL '${Math.trunc(question.windowSeconds)} seconds'
   GROUP BY p.unit_key, p.t0)`,
  );
  return `WITH s0 AS (
  SELECT e.unit_key, min(e.occurred_at) AS t0, min(e.occurred_at) AS t
    FROM events e
   WHERE ${tracked('e', 0)} AND e.occurred_at >= ${timestamp(question.from)} AND e.occurred_at < ${timestamp(question.to)}
   GROUP BY e.unit_key),
${later.join(',\n')}
SELECT coalesce(f.variant, '${NONE}') AS variant, ${STEPS.map((_name, i) => `count(s${i}.unit_key) AS step${i}`).join(', ')}
  FROM s0
  LEFT JOIN first_exposures f ON f.environment_id = ${env} AND f.flag_key = '${FLAG}' AND f.unit_key = s0.unit_key AND f.first_exposed_at <= s0.t0
  ${STEPS.slice(1)
    .map((_name, i) => `LEFT JOIN s${i + 1} ON s${i + 1}.unit_key = s0.unit_key`)
    .join('\n  ')}
 GROUP BY 1
 ORDER BY 1`;
}

/**
 * Daily usage: distinct units and events of each named tracked event in the
 * range, over it all (`day` null) and per UTC day (`YYYY-MM-DD`).
 */
export function usageSql(question: ReferenceQuestion, names: readonly string[]): string {
  const env = Math.trunc(question.environmentId);
  const quoted = names.map((name) => `'${name.replaceAll("'", "''")}'`).join(', ');
  return `SELECT name, CAST(CAST(occurred_at AT TIME ZONE 'UTC' AS DATE) AS VARCHAR) AS day, count(DISTINCT unit_key) AS units, count(*) AS events
  FROM events
 WHERE environment_id = ${env} AND type = 'track' AND name IN (${quoted})
   AND occurred_at >= ${timestamp(question.from)} AND occurred_at < ${timestamp(question.to)}
 GROUP BY GROUPING SETS ((name), (name, CAST(CAST(occurred_at AT TIME ZONE 'UTC' AS DATE) AS VARCHAR)))
 ORDER BY 1, 2`;
}

/** Units per step, by group: `(all)` for everyone, then each variant and "(none)". */
export type FunnelCounts = ReadonlyMap<string, readonly number[]>;

/** The reference's rows as counts, with `(all)` their sum. */
export function countsOfRows(rows: readonly Record<string, unknown>[]): FunnelCounts {
  const counts = new Map<string, number[]>();
  const all = STEPS.map(() => 0);
  for (const row of rows) {
    const units = STEPS.map((_name, i) => Number(row[`step${i}`]));
    counts.set(String(row.variant), units);
    units.forEach((value, i) => (all[i] = (all[i] ?? 0) + value));
  }
  counts.set(ALL, all);
  return counts;
}

interface FunnelGroupAnswer {
  readonly value: string | null;
  readonly steps: readonly { readonly units: number }[];
}

/** Dial's funnel answer as counts: its total as `(all)`, its groups by their values. */
export function countsOfAnswer(answer: { total: FunnelGroupAnswer; groups: readonly FunnelGroupAnswer[] }): FunnelCounts {
  const counts = new Map<string, number[]>([[ALL, answer.total.steps.map((step) => step.units)]]);
  for (const group of answer.groups) counts.set(group.value ?? ALL, group.steps.map((step) => step.units));
  return counts;
}

/**
 * Where two funnels' counts differ, in words; empty when equal. A group
 * missing on one side counts as no units there.
 *
 * @example funnelDifferences(new Map([['(all)', [3, 1]]]), new Map([['(all)', [3, 2]]])); // ['(all) step 1 (add_to_cart): 1 ≠ 2']
 */
export function funnelDifferences(actual: FunnelCounts, expected: FunnelCounts): string[] {
  const differences: string[] = [];
  const groups = [...new Set([...actual.keys(), ...expected.keys()])].sort();
  for (const group of groups) {
    STEPS.forEach((name, i) => {
      const a = actual.get(group)?.[i] ?? 0;
      const b = expected.get(group)?.[i] ?? 0;
      if (a !== b) differences.push(`${group} step ${i} (${name}): ${a} ≠ ${b}`);
    });
  }
  return differences;
}

/** Distinct units and events per event name and day; the day `*` is the whole range. */
export type UsageCounts = ReadonlyMap<string, { readonly units: number; readonly events: number }>;

const WHOLE_RANGE = '*';

export function usageOfRows(rows: readonly Record<string, unknown>[]): UsageCounts {
  return new Map(rows.map((row) => [`${String(row.name)} ${row.day === null ? WHOLE_RANGE : String(row.day)}`, { units: Number(row.units), events: Number(row.events) }]));
}

interface UsageDay {
  readonly date: string;
  readonly units: number;
  readonly events: number;
}

/** Dial's usage answer as counts, with the days that had nothing left out, as the reference has them. */
export function usageOfAnswer(answer: { series: readonly { event: string; total: { units: number; events: number; days: readonly UsageDay[] } }[] }): UsageCounts {
  const counts = new Map<string, { units: number; events: number }>();
  for (const series of answer.series) {
    if (series.total.events > 0) counts.set(`${series.event} ${WHOLE_RANGE}`, { units: series.total.units, events: series.total.events });
    for (const day of series.total.days) if (day.events > 0) counts.set(`${series.event} ${day.date}`, { units: day.units, events: day.events });
  }
  return counts;
}

/** Where two usage counts differ, in words; empty when equal. */
export function usageDifferences(actual: UsageCounts, expected: UsageCounts): string[] {
  const differences: string[] = [];
  for (const key of [...new Set([...actual.keys(), ...expected.keys()])].sort()) {
    const a = actual.get(key) ?? { units: 0, events: 0 };
    const b = expected.get(key) ?? { units: 0, events: 0 };
    if (a.units !== b.units || a.events !== b.events) differences.push(`${key}: ${a.units} units, ${a.events} events ≠ ${b.units} units, ${b.events} events`);
  }
  return differences;
}
