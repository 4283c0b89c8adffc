import {
  type EventMetric,
  type ResolvedJourneyMetric,
  type ResolvedMetric,
  type VariantStatistics,
  countsEveryUnit,
  metricType,
  sum,
} from '@dial/core/experiments';
import type { ArmStatistics } from '@dial/core/stats';
import { SqlParams, filtersSql } from '../events/property-filter-sql.js';
import type { Database } from '../platform/db.js';
import { refreshPlannerStatistics } from '../platform/planner-statistics.js';

/** What an experiment's results count, and of which metrics. */
export interface ResultsQuery {
  environmentId: number;
  flag: string;
  /** The compared variants, control first. */
  variants: readonly string[];
  /** Units first exposed in [start, end) count, with their events before `end`. */
  start: Date;
  end: Date;
  /** Journey metrics with their journey's steps and window as they are now. */
  metrics: readonly ResolvedMetric[];
}

/** An experiment's units and every metric's statistics. */
export interface ResultsStatistics {
  /** Units first exposed in the window, per compared variant in the order of `variants`. */
  units: { variant: string; units: number }[];
  /** Per metric, in the order of `metrics`, each with the variants in the order of `variants`. */
  metrics: VariantStatistics[][];
}

/** A typed placeholder of a new parameter: `$3::text`. */
const typed = (params: SqlParams, value: unknown, cast: string) => `${params.add(value)}::${cast}`;

/** The UTC day of a timestamptz expression as YYYY-MM-DD. */
const day = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/** What every metric's SQL shares: the statement's parameters and the experiment's exposures `x`. */
interface Context {
  params: SqlParams;
  environment: string;
  start: string;
  end: string;
  /** The condition that an exposure `x` is one the results count. */
  exposures: string;
}

/** SQL for one unit's value of an event metric, aggregating that unit's joined events `e` (exposure `x`). */
function unitValueSql(metric: EventMetric, params: SqlParams): string {
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

/**
 * The event metrics' sums per variant and day, `s{i}` and `q{i}`, in one
 * pass over the events: the experiment's first exposures are hashed and the
 * tracked events of the metrics' names in the window probe them once (a
 * parallel hash join); each unit's events are reduced to one value per
 * metric (grouped by the exposures' primary key, so its variant and exposure
 * time come along), and those are summed per variant and day. Units without
 * events are left to `exposed`: their values are 0 and add nothing.
 */
function eventSumsCtes(metrics: readonly { metric: EventMetric; i: number }[], ctx: Context): string[] {
  const { params, environment, start, end, exposures } = ctx;
  const unitValues = metrics.map(({ metric, i }) => `${unitValueSql(metric, params)} AS v${i}`);
  const names = typed(params, [...new Set(metrics.map(({ metric }) => metric.event))], 'text[]');
  const sums = metrics.flatMap(({ metric, i }) => [`sum(v${i})::text AS s${i}`, metric.kind === 'conversion' ? `NULL AS q${i}` : `sum(v${i} * v${i})::text AS q${i}`]);
  return [
    `unit_values AS (
      SELECT x.variant, x.first_exposed_at,
             ${unitValues.join(',\n             ')}
        FROM first_exposures x
        JOIN events e ON e.environment_id = ${environment} AND e.unit_key = x.unit_key
       WHERE ${exposures}
         AND e.type = 'track' AND e.name = ANY(${names})
         AND e.occurred_at >= ${start} AND e.occurred_at < ${end} AND e.occurred_at >= x.first_exposed_at
       GROUP BY x.environment_id, x.flag_key, x.unit_key
    )`,
    `event_sums AS (
      SELECT variant, ${day('first_exposed_at')} AS day, ${sums.join(', ')}
        FROM unit_values
       GROUP BY 1, 2
    )`,
  ];
}

/**
 * A journey metric's completions per variant and day, `j{i}`: `s{i}` units
 * that completed (a journey conversion), or `n{i}` of them with the sums
 * `s{i}` and `q{i}` of their seconds from entry to the last step (a journey
 * duration). The journeys' funnel rule, from each unit's first exposure:
 * `j{i}_0` holds each exposed unit's entry, its first step-0 event (filters
 * holding) in [exposure, until), where `until` is the end of the metric's
 * window or of the results, whichever comes first; `j{i}_k` the units that
 * reached step k, each by its earliest matching event at or after step
 * k − 1's, at most the journey's window after entry and before `until`.
 * As in the journeys' funnel, event ids are carried only where a later step
 * has the same event name (one event never counts for two steps); ties at
 * one instant then go to the smallest id, in "C" order. Every step reads
 * its event name's tracked events of the unit from the index on
 * (environment, name, unit, time), and is materialized: each holds one row
 * per unit, built once, which the next step joins however the planner
 * misjudges their sizes.
 */
function journeyCtes(metric: ResolvedJourneyMetric, i: number, ctx: Context): string[] {
  const { params, environment, end, exposures } = ctx;
  const steps = metric.journey.steps;
  const cte = (k: number) => `j${i}_${k}`;
  const needsId = steps.map((step, k) => steps.slice(k + 1).some((later) => later.event === step.event));
  const carriedIds = (upTo: number) => steps.slice(0, upTo).flatMap((_step, j) => (needsId[j] ? [`p.id${j}`] : []));
  const window = typed(params, `${metric.journey.conversionWindowSeconds} seconds`, 'interval');
  const until = `least(x.first_exposed_at + make_interval(days => ${typed(params, metric.windowDays, 'int')}), ${end})`;
  const tracked = (k: number, unit: string) =>
    `e.environment_id = ${environment} AND e.type = 'track' AND e.name = ${typed(params, steps[k]!.event, 'text')} AND e.unit_key = ${unit}`;

  const first = steps[0]!;
  const entryJoin = `FROM first_exposures x
        JOIN events e ON ${tracked(0, 'x.unit_key')}
       WHERE ${exposures}
         AND e.occurred_at >= x.first_exposed_at AND e.occurred_at < ${until}
         AND ${filtersSql('e.properties', first.filters, params)}`;
  const ctes = [
    needsId[0]
      ? `${cte(0)} AS MATERIALIZED (
      SELECT DISTINCT ON (x.unit_key) x.unit_key, x.variant, x.first_exposed_at, ${until} AS until, e.occurred_at AS t0, e.occurred_at AS t, e.event_id AS id0
        ${entryJoin}
       ORDER BY x.unit_key, e.occurred_at, e.event_id COLLATE "C"
    )`
      : `${cte(0)} AS MATERIALIZED (
      SELECT x.unit_key, x.variant, x.first_exposed_at, ${until} AS until, min(e.occurred_at) AS t0, min(e.occurred_at) AS t
        ${entryJoin}
       GROUP BY x.environment_id, x.flag_key, x.unit_key
    )`,
  ];
  for (let k = 1; k < steps.length; k++) {
    const kept = ['p.unit_key', 'p.variant', 'p.first_exposed_at', 'p.until', 'p.t0', ...carriedIds(k)];
    const notTaken = steps
      .slice(0, k)
      .flatMap((earlier, j) => (earlier.event === steps[k]!.event ? [` AND e.event_id <> p.id${j}`] : []))
      .join('');
    const join = `FROM ${cte(k - 1)} p
        JOIN events e ON ${tracked(k, 'p.unit_key')}
       WHERE e.occurred_at >= p.t AND e.occurred_at <= p.t0 + ${window} AND e.occurred_at < p.until${notTaken}
         AND ${filtersSql('e.properties', steps[k]!.filters, params)}`;
    ctes.push(
      needsId[k]
        ? `${cte(k)} AS MATERIALIZED (
      SELECT DISTINCT ON (p.unit_key) ${kept.join(', ')}, e.occurred_at AS t, e.event_id AS id${k}
        ${join}
       ORDER BY p.unit_key, e.occurred_at, e.event_id COLLATE "C"
    )`
        : `${cte(k)} AS MATERIALIZED (
      SELECT ${kept.join(', ')}, min(e.occurred_at) AS t
        ${join}
       GROUP BY ${kept.join(', ')}
    )`,
    );
  }
  const completed = cte(steps.length - 1);
  const sums =
    metric.kind === 'journeyConversion'
      ? `count(*)::text AS s${i}`
      : `count(*)::int AS n${i}, sum(d)::text AS s${i}, sum(d * d)::text AS q${i}`;
  // Exact seconds: extract gives numeric to the microsecond.
  ctes.push(`j${i} AS (
      SELECT variant, ${day('first_exposed_at')} AS day, ${sums}
        FROM (SELECT variant, first_exposed_at, extract(epoch FROM t) - extract(epoch FROM t0) AS d FROM ${completed}) c
       GROUP BY 1, 2
    )`);
  return ctes;
}

const isEventMetric = (metric: ResolvedMetric): metric is EventMetric => metric.kind === 'conversion' || metric.kind === 'mean';

/**
 * The statement that computes every metric's sufficient statistics per
 * variant and exposure day: `exposed` counts the experiment's units from
 * its first exposures alone, the event metrics are summed in one pass over
 * their events, and each journey metric follows its journey's steps unit by
 * unit; all are joined by variant and day.
 */
export function resultsSql(query: ResultsQuery): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const environment = typed(params, query.environmentId, 'int');
  const start = typed(params, query.start.toISOString(), 'timestamptz');
  const end = typed(params, query.end.toISOString(), 'timestamptz');
  const exposures = `x.environment_id = ${environment} AND x.flag_key = ${typed(params, query.flag, 'text')}
         AND x.variant = ANY(${typed(params, query.variants, 'text[]')}) AND x.first_exposed_at >= ${start} AND x.first_exposed_at < ${end}`;
  const ctx: Context = { params, environment, start, end, exposures };
  const ctes = [
    `exposed AS (
      SELECT x.variant, ${day('x.first_exposed_at')} AS day, count(*)::int AS n
        FROM first_exposures x
       WHERE ${exposures}
       GROUP BY 1, 2
    )`,
  ];
  const joined: string[] = [];
  const eventMetrics = query.metrics.flatMap((metric, i) => (isEventMetric(metric) ? [{ metric, i }] : []));
  if (eventMetrics.length > 0) {
    ctes.push(...eventSumsCtes(eventMetrics, ctx));
    joined.push('event_sums');
  }
  query.metrics.forEach((metric, i) => {
    if (isEventMetric(metric)) return;
    ctes.push(...journeyCtes(metric, i, ctx));
    joined.push(`j${i}`);
  });
  const joins = joined.map((cte) => ` LEFT JOIN ${cte} USING (variant, day)`).join('');
  const text = `
    WITH ${ctes.join(', ')}
    SELECT * FROM exposed${joins} ORDER BY variant, day`;
  return { text, values: params.values };
}

interface ResultsRow {
  variant: string;
  day: string;
  n: number;
  [column: string]: string | number | null;
}

/**
 * The experiment's units and every metric's statistics per compared variant,
 * overall and by exposure day, computed in the database: the same numbers as
 * core's `exposedUnits` and `metricStatistics` over the same exposures and
 * events.
 *
 * @example
 * const { units, metrics: [purchase] } = await queryMetricStatistics(db, { environmentId, flag: 'new-checkout', variants: ['off', 'on'], start, end, metrics: [purchaseMetric] });
 * purchase[1].total; // { type: 'proportion', n: 5012, conversions: 631 }
 */
export async function queryMetricStatistics(db: Database, query: ResultsQuery): Promise<ResultsStatistics> {
  const { text, values } = resultsSql(query);
  // The joins are planned for the tables' real sizes, which the embedded database does not track by itself.
  await refreshPlannerStatistics(db, ['events', 'first_exposures']);
  const { rows } = await db.transaction(async (tx) => {
    // Enough memory for the hash of a million exposures and the per-unit values without spilling to disk,
    // and no JIT: compiling the expressions costs more than it saves on one pass.
    await tx.query("SET LOCAL work_mem = '256MB'");
    await tx.query('SET LOCAL jit = off');
    return tx.query<ResultsRow>(text, values);
  });
  const units = query.variants.map((variant) => ({
    variant,
    units: rows.filter((row) => row.variant === variant).reduce((total, row) => total + Number(row.n), 0),
  }));
  const metrics = query.metrics.map((metric, i) =>
    query.variants.map((variant) => {
      const proportion = metricType(metric) === 'proportion';
      const days = rows
        .filter((row) => row.variant === variant)
        .flatMap((row) => {
          // Journey durations count the units that completed; a day where none did is left out.
          const n = countsEveryUnit(metric) ? Number(row.n) : Number(row[`n${i}`] ?? 0);
          if (n === 0) return [];
          // Days whose units have no events at all have no sums: 0.
          const total = Number(row[`s${i}`] ?? 0);
          const stats: ArmStatistics = proportion
            ? { type: 'proportion', n, conversions: total }
            : { type: 'mean', n, sum: total, sumSquares: Number(row[`q${i}`] ?? 0) };
          return [{ day: row.day, stats }];
        });
      const empty: ArmStatistics = proportion ? { type: 'proportion', n: 0, conversions: 0 } : { type: 'mean', n: 0, sum: 0, sumSquares: 0 };
      const total = days.reduce((acc, day) => sum(acc, day.stats), empty);
      return { variant, total, days };
    }),
  );
  return { units, metrics };
}
