/**
 * The check: each metric's units and totals per variant by plain SQL,
 * written from the metrics' definitions and the rule the results state
 * (units first exposed in [from, to) to a compared variant; each counts its
 * tracked events from its exposure on, within the metric's window and
 * before `to`), compared with what Dial answered.
 */
import { METRICS } from './admin-api.js';
import { FLAG, VARIANTS } from './data-generator.js';

type Metric = (typeof METRICS)[number];

/** Units and each metric's total (conversions, or the sum of the values) of one variant. */
export interface VariantTotals {
  readonly units: number;
  readonly totals: readonly number[];
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The condition that an event `e` counts for `metric` of a unit exposed at `x.first_exposed_at`. */
function countedSql(metric: Metric): string {
  const conditions = [`e.name = ${literal(metric.event)}`, `e.occurred_at < x.first_exposed_at + interval '${metric.windowDays} days'`];
  for (const filter of 'where' in metric ? metric.where : []) {
    if (filter.operator !== 'gte') throw new Error(`the check knows the gte filter only, not ${filter.operator}`);
    const value = `e.properties -> ${literal(filter.property)}`;
    conditions.push(`jsonb_typeof(${value}) = 'number' AND (${value})::numeric >= ${filter.value}`);
  }
  return conditions.join(' AND ');
}

/** One unit's value of `metric`, over its joined events `e`. */
function valueSql(metric: Metric): string {
  const counted = countedSql(metric);
  if (metric.kind === 'conversion') return `CASE WHEN bool_or(${counted}) THEN 1 ELSE 0 END`;
  if (!('property' in metric)) return `count(*) FILTER (WHERE ${counted})`;
  const value = `e.properties -> ${literal(metric.property)}`;
  return `coalesce(sum((${value})::numeric) FILTER (WHERE ${counted} AND jsonb_typeof(${value}) = 'number'), 0)`;
}

/** The statement: one row per variant with `units` and `t0`, `t1`, … per metric, as text. */
export function referenceSql(environmentId: number, range: { from: string; to: string }): string {
  const values = METRICS.map((metric, i) => `${valueSql(metric)} AS v${i}`);
  const totals = METRICS.map((_metric, i) => `sum(v${i})::text AS t${i}`);
  return `
    WITH exposed AS (
      SELECT unit_key, variant, first_exposed_at FROM first_exposures
       WHERE environment_id = ${environmentId} AND flag_key = ${literal(FLAG)} AND variant IN (${VARIANTS.map(literal).join(', ')})
         AND first_exposed_at >= ${literal(range.from)}::timestamptz AND first_exposed_at < ${literal(range.to)}::timestamptz
    ), unit_values AS (
      SELECT x.variant, ${values.join(', ')}
        FROM exposed x
        LEFT JOIN events e ON e.environment_id = ${environmentId} AND e.unit_key = x.unit_key AND e.type = 'track'
                          AND e.occurred_at >= x.first_exposed_at AND e.occurred_at < ${literal(range.to)}::timestamptz
       GROUP BY x.variant, x.unit_key
    )
    SELECT variant, count(*)::text AS units, ${totals.join(', ')} FROM unit_values GROUP BY variant ORDER BY variant`;
}

/** The reference's rows by variant. */
export function totalsOfRows(rows: readonly Record<string, string>[]): Map<string, VariantTotals> {
  return new Map(rows.map((row) => [row.variant!, { units: Number(row.units), totals: METRICS.map((_metric, i) => Number(row[`t${i}`] ?? 0)) }]));
}

/** The part of Dial's results the check reads. */
export interface ResultsAnswer {
  from: string;
  to: string;
  units: number;
  metrics: { metric: string; variants: { variant: string; units: number; total: number }[] }[];
}

/** Dial's answer by variant, its metrics in the order of `METRICS`. */
export function totalsOfAnswer(answer: ResultsAnswer): Map<string, VariantTotals> {
  const order = METRICS.map((metric) => answer.metrics.find((shown) => shown.metric === metric.key));
  return new Map(
    VARIANTS.map((variant) => {
      const arms = order.map((metric) => metric?.variants.find((arm) => arm.variant === variant));
      return [variant, { units: arms[0]?.units ?? 0, totals: arms.map((arm) => arm?.total ?? Number.NaN) }];
    }),
  );
}

/** Equal, or as near as the API's totals come: it adds each day's exact sum as a double. */
const agree = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

/**
 * Where two answers differ, in words; none when they agree (units exactly,
 * totals to the last bits a double holds).
 *
 * @example totalsDifferences(answer, reference); // ['treatment revenue: 1234.5 against 1234.25']
 */
export function totalsDifferences(got: ReadonlyMap<string, VariantTotals>, want: ReadonlyMap<string, VariantTotals>): string[] {
  const differences: string[] = [];
  for (const variant of VARIANTS) {
    const a = got.get(variant);
    const b = want.get(variant);
    if (a === undefined || b === undefined) {
      if (a !== b) differences.push(`${variant}: ${a === undefined ? 'missing from the answer' : 'missing from the reference'}`);
      continue;
    }
    if (a.units !== b.units) differences.push(`${variant} units: ${a.units} against ${b.units}`);
    METRICS.forEach((metric, i) => {
      if (!agree(a.totals[i]!, b.totals[i]!)) differences.push(`${variant} ${metric.key}: ${a.totals[i]} against ${b.totals[i]}`);
    });
  }
  return differences;
}
