import { type MetricDefinition, type VariantStatistics, sum } from '@dial/core/experiments';
import type { ArmStatistics } from '@dial/core/stats';
import { SqlParams, filtersSql } from '../events/property-filter-sql.js';
import type { Database } from '../platform/db.js';

/** What an experiment's results count, and of which metrics. */
export interface ResultsQuery {
  environmentId: number;
  flag: string;
  /** The compared variants, control first. */
  variants: readonly string[];
  /** Units first exposed in [start, end) count, with their events before `end`. */
  start: Date;
  end: Date;
  metrics: readonly MetricDefinition[];
}

/** A typed placeholder of a new parameter: `$3::text`. */
const typed = (params: SqlParams, value: unknown, cast: string) => `${params.add(value)}::${cast}`;

/** SQL for one unit's value of a metric, aggregating that unit's joined events `e` (exposure `x`). */
function unitValueSql(metric: MetricDefinition, params: SqlParams): string {
  const counted = [
    `e.name = ${typed(params, metric.event, 'text')}`,
    `e.occurred_at < x.first_exposed_at + make_interval(days => ${typed(params, metric.windowDays, 'int')})`,
    filtersSql('e.properties', metric.where, params),
  ].join(' AND ');
  switch (metric.kind) {
    case 'conversion':
      return `coalesce(max(1) FILTER (WHERE ${counted}), 0)`;
    case 'mean': {
      if (metric.property === undefined) return `count(*) FILTER (WHERE ${counted})`;
      const property = typed(params, metric.property, 'text');
      return `coalesce(sum(CASE WHEN jsonb_typeof(e.properties -> ${property}) = 'number' THEN (e.properties ->> ${property})::numeric END) FILTER (WHERE ${counted}), 0)`;
    }
  }
}

/** What per-unit values are computed over: an experiment's results query, but `end` may be left open (null: every event from the exposure on). */
export interface UnitValuesQuery extends Omit<ResultsQuery, 'end'> {
  end: Date | null;
}

/** Which exposed units a statement computes values for: all of them, or those a subquery (of `unit_key`) names. */
export type ExposedUnits = { all: true } | { subquery: string };

/** The condition on first exposures `x` that makes a unit one of the experiment's. */
export function exposuresSql(query: UnitValuesQuery, params: SqlParams, units: ExposedUnits = { all: true }): string {
  const start = typed(params, query.start.toISOString(), 'timestamptz');
  return [
    `x.environment_id = ${typed(params, query.environmentId, 'int')} AND x.flag_key = ${typed(params, query.flag, 'text')}`,
    `x.variant = ANY(${typed(params, query.variants, 'text[]')}) AND x.first_exposed_at >= ${start}`,
    ...(query.end === null ? [] : [`x.first_exposed_at < ${typed(params, query.end.toISOString(), 'timestamptz')}`]),
    ...('all' in units ? [] : [`x.unit_key IN (${units.subquery})`]),
  ].join(' AND ');
}

/**
 * A SELECT of each exposed unit's values, for the units with tracked events
 * of the metrics' names from their exposure on (and before the end): the
 * unit's events probe its exposure and are reduced to one value per metric,
 * grouped by the exposures' primary key, so its variant and exposure time
 * come along. Columns: unit_key, variant, first_exposed_at, last_event_at
 * (the latest event read), v0, v1, … in the order of `query.metrics`. The
 * results and the experiment's kept unit values both compute with it.
 */
export function unitValuesSql(query: UnitValuesQuery, params: SqlParams, units: ExposedUnits = { all: true }): string {
  const environment = typed(params, query.environmentId, 'int');
  const unitValues = query.metrics.map((metric, i) => `${unitValueSql(metric, params)} AS v${i}`);
  const names = typed(params, [...new Set(query.metrics.map((metric) => metric.event))], 'text[]');
  const end = query.end === null ? '' : ` AND e.occurred_at < ${typed(params, query.end.toISOString(), 'timestamptz')}`;
  return `
      SELECT x.unit_key, x.variant, x.first_exposed_at, max(e.occurred_at) AS last_event_at,
             ${unitValues.join(',\n             ')}
        FROM first_exposures x
        JOIN events e ON e.environment_id = ${environment} AND e.unit_key = x.unit_key
       WHERE ${exposuresSql(query, params, units)}
         AND e.type = 'track' AND e.name = ANY(${names})
         AND e.occurred_at >= ${typed(params, query.start.toISOString(), 'timestamptz')}${end} AND e.occurred_at >= x.first_exposed_at
       GROUP BY x.environment_id, x.flag_key, x.unit_key`;
}

/**
 * The statement that computes every metric's sufficient statistics per
 * variant and exposure day in one pass over the events. The experiment's
 * first exposures are hashed and the tracked events of the metrics' names
 * in the window probe them once (a parallel hash join); each unit's events
 * are reduced to one value per metric (`unitValuesSql`), and those are
 * summed per variant and day. Units without events are counted from the
 * exposures alone: their values are 0 and add nothing to the sums.
 */
export function resultsSql(query: ResultsQuery): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const sums = query.metrics.flatMap((metric, i) => [`sum(v${i})::text AS s${i}`, metric.kind === 'conversion' ? `NULL AS q${i}` : `sum(v${i} * v${i})::text AS q${i}`]);
  const day = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const text = `
    WITH exposed AS (
      SELECT x.variant, ${day('x.first_exposed_at')} AS day, count(*)::int AS n
        FROM first_exposures x
       WHERE ${exposuresSql(query, params)}
       GROUP BY 1, 2
    ), unit_values AS (${unitValuesSql(query, params)}
    ), sums AS (
      SELECT variant, ${day('first_exposed_at')} AS day, ${sums.join(', ')}
        FROM unit_values
       GROUP BY 1, 2
    )
    SELECT * FROM exposed LEFT JOIN sums USING (variant, day) ORDER BY variant, day`;
  return { text, values: params.values };
}

/** One variant and exposure day: its units `n`, and per metric i the sum `s<i>` of the unit values and (for means) of their squares `q<i>`, as text. */
export interface ResultsRow {
  variant: string;
  day: string;
  n: number;
  [column: string]: string | number | null;
}

/**
 * Every metric's statistics per compared variant, overall and by exposure
 * day, computed in the database: the same numbers as core's
 * `metricStatistics` over the same exposures and events. Returned in the
 * order of `query.metrics`, each with the variants in the order of
 * `query.variants`.
 *
 * @example
 * const [purchase] = await queryMetricStatistics(db, { environmentId, flag: 'new-checkout', variants: ['off', 'on'], start, end, metrics: [purchaseMetric] });
 * purchase[1].total; // { type: 'proportion', n: 5012, conversions: 631 }
 */
export async function queryMetricStatistics(db: Database, query: ResultsQuery): Promise<VariantStatistics[][]> {
  const { text, values } = resultsSql(query);
  const { rows } = await db.transaction(async (tx) => {
    // Enough memory for the hash of a million exposures and the per-unit values without spilling to disk,
    // and no JIT: compiling the expressions costs more than it saves on one pass.
    await tx.query("SET LOCAL work_mem = '256MB'");
    await tx.query('SET LOCAL jit = off');
    return tx.query<ResultsRow>(text, values);
  });
  return statisticsOfRows(query, rows);
}

/** Each metric's statistics per compared variant from the rows of its sums per variant and exposure day (ordered by day). */
export function statisticsOfRows(query: Pick<ResultsQuery, 'variants' | 'metrics'>, rows: readonly ResultsRow[]): VariantStatistics[][] {
  return query.metrics.map((metric, i) =>
    query.variants.map((variant) => {
      const days = rows
        .filter((row) => row.variant === variant)
        .map((row) => {
          const n = Number(row.n);
          // Days whose units have no events at all have no sums: 0.
          const total = Number(row[`s${i}`] ?? 0);
          const stats: ArmStatistics =
            metric.kind === 'conversion' ? { type: 'proportion', n, conversions: total } : { type: 'mean', n, sum: total, sumSquares: Number(row[`q${i}`] ?? 0) };
          return { day: row.day, stats };
        });
      const empty: ArmStatistics = metric.kind === 'conversion' ? { type: 'proportion', n: 0, conversions: 0 } : { type: 'mean', n: 0, sum: 0, sumSquares: 0 };
      const total = days.reduce((acc, day) => sum(acc, day.stats), empty);
      return { variant, total, days };
    }),
  );
}
