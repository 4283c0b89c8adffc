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

/** What per-unit values are computed over: an experiment's results query, but `end` may be left open (null: every event from the exposure on). */
export interface UnitValuesQuery extends Omit<ResultsQuery, 'end'> {
  end: Date | null;
}

/** Which exposed units a statement computes values for: all of them, those in a text[] parameter (its placeholder), or those a subquery (of `unit_key`) names. */
export type ExposedUnits = { all: true } | { keys: string } | { subquery: string };

/** What every metric's per-unit SQL shares: the statement's parameters and the experiment's exposures `x`. */
interface Context {
  params: SqlParams;
  environment: string;
  start: string;
  /** The end of the results, or null for none. */
  end: string | null;
  /** The condition that an exposure `x` is one the results count (and one of the units asked for). */
  exposures: string;
}

function contextOf(query: UnitValuesQuery, params: SqlParams, units: ExposedUnits): Context {
  const environment = typed(params, query.environmentId, 'int');
  const start = typed(params, query.start.toISOString(), 'timestamptz');
  const end = query.end === null ? null : typed(params, query.end.toISOString(), 'timestamptz');
  const exposures = [
    `x.environment_id = ${environment} AND x.flag_key = ${typed(params, query.flag, 'text')}`,
    `x.variant = ANY(${typed(params, query.variants, 'text[]')}) AND x.first_exposed_at >= ${start}`,
    ...(end === null ? [] : [`x.first_exposed_at < ${end}`]),
    ...('keys' in units ? [`x.unit_key = ANY(${units.keys}::text[])`] : 'subquery' in units ? [`x.unit_key IN (${units.subquery})`] : []),
  ].join('\n         AND ');
  return { params, environment, start, end, exposures };
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
 * The event metrics' values of each exposed unit with tracked events of the
 * metrics' names from its exposure on (and before the end): the
 * experiment's first exposures are hashed and those events probe them once
 * (a parallel hash join); each unit's events are reduced to one value per
 * metric, grouped by the exposures' primary key, so its variant and
 * exposure time come along. Columns: unit_key, variant, first_exposed_at,
 * last_event_at (the latest event read), and v{i} per metric.
 */
function eventUnitValuesSql(metrics: readonly { metric: EventMetric; i: number }[], ctx: Context): string {
  const { params, environment, start, end, exposures } = ctx;
  const unitValues = metrics.map(({ metric, i }) => `${unitValueSql(metric, params)} AS v${i}`);
  const names = typed(params, [...new Set(metrics.map(({ metric }) => metric.event))], 'text[]');
  return `
      SELECT x.unit_key, x.variant, x.first_exposed_at, max(e.occurred_at) AS last_event_at,
             ${unitValues.join(',\n             ')}
        FROM first_exposures x
        JOIN events e ON e.environment_id = ${environment} AND e.unit_key = x.unit_key
       WHERE ${exposures}
         AND e.type = 'track' AND e.name = ANY(${names})
         AND e.occurred_at >= ${start}${end === null ? '' : ` AND e.occurred_at < ${end}`} AND e.occurred_at >= x.first_exposed_at
       GROUP BY x.environment_id, x.flag_key, x.unit_key`;
}

/**
 * A journey metric's path of each exposed unit, by the journeys' funnel
 * rule from its first exposure: `j{i}_0` holds each unit's entry, its first
 * step-0 event (filters holding) in [exposure, until), where `until` is the
 * end of the metric's window or of the results, whichever comes first;
 * `j{i}_k` the units that reached step k, each by its earliest matching
 * event at or after step k − 1's, at most the journey's window after entry
 * and before `until`; the last, `completionsCte`, one row per unit that
 * completed, with its entry `t0` and last step `t`. As in the journeys'
 * funnel, event ids are carried only where a later step has the same event
 * name (one event never counts for two steps); ties at one instant then go
 * to the smallest id, in "C" order. Every step reads its event name's
 * tracked events of the unit from the index on (environment, name, unit,
 * time), and is materialized: each holds one row per unit, built once,
 * which the next step joins however the planner misjudges their sizes.
 */
function journeyStepCtes(metric: ResolvedJourneyMetric, i: number, ctx: Context): string[] {
  const { params, environment, end, exposures } = ctx;
  const steps = metric.journey.steps;
  const cte = (k: number) => `j${i}_${k}`;
  const needsId = steps.map((step, k) => steps.slice(k + 1).some((later) => later.event === step.event));
  const carriedIds = (upTo: number) => steps.slice(0, upTo).flatMap((_step, j) => (needsId[j] ? [`p.id${j}`] : []));
  const window = typed(params, `${metric.journey.conversionWindowSeconds} seconds`, 'interval');
  const windowEnd = `x.first_exposed_at + make_interval(days => ${typed(params, metric.windowDays, 'int')})`;
  const until = end === null ? windowEnd : `least(${windowEnd}, ${end})`;
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
  return ctes;
}

/** The CTE of `journeyStepCtes` holding the units that completed the journey. */
const completionsCte = (metric: ResolvedJourneyMetric, i: number) => `j${i}_${metric.journey.steps.length - 1}`;

/** A journey metric's value of a unit that completed, from its row `c` of completions: 1, or the exact seconds from entry to the last step (extract gives numeric to the microsecond). */
const completedValueSql = (metric: ResolvedJourneyMetric, c: string) => (metric.kind === 'journeyConversion' ? '1' : `extract(epoch FROM ${c}.t) - extract(epoch FROM ${c}.t0)`);

const isEventMetric = (metric: ResolvedMetric): metric is EventMetric => metric.kind === 'conversion' || metric.kind === 'mean';

/**
 * A SELECT of every exposed unit's value of each metric (or of the units
 * `units` names), from the same per-unit SQL as the results: unit_key,
 * variant, first_exposed_at, reach (the latest of its exposure and of the
 * events its values read: an event metric's latest event, a journey's last
 * step), and v0, v1, … in the order of `query.metrics`: 0 where the unit's
 * events give nothing, null for a journey duration it did not complete.
 */
export function exposedUnitValuesSql(query: UnitValuesQuery, params: SqlParams, units: ExposedUnits): string {
  const ctx = contextOf(query, params, units);
  const ctes: string[] = [];
  const joins: string[] = [];
  const reach = ['x.first_exposed_at'];
  const eventMetrics = query.metrics.flatMap((metric, i) => (isEventMetric(metric) ? [{ metric, i }] : []));
  if (eventMetrics.length > 0) {
    ctes.push(`unit_values AS (${eventUnitValuesSql(eventMetrics, ctx)}
    )`);
    joins.push('LEFT JOIN unit_values u ON u.unit_key = x.unit_key');
    reach.push('u.last_event_at');
  }
  const values = query.metrics.map((metric, i) => {
    if (isEventMetric(metric)) return `coalesce(u.v${i}, 0)::numeric AS v${i}`;
    ctes.push(...journeyStepCtes(metric, i, ctx));
    joins.push(`LEFT JOIN ${completionsCte(metric, i)} c${i} ON c${i}.unit_key = x.unit_key`);
    reach.push(`c${i}.t`);
    const completed = completedValueSql(metric, `c${i}`);
    return `(CASE WHEN c${i}.unit_key IS NOT NULL THEN ${completed} ${metric.kind === 'journeyConversion' ? 'ELSE 0 ' : ''}END)::numeric AS v${i}`;
  });
  return `${ctes.length === 0 ? '' : `WITH ${ctes.join(', ')}`}
    SELECT x.unit_key, x.variant, x.first_exposed_at, greatest(${reach.join(', ')}) AS reach, ${values.join(', ')}
      FROM first_exposures x
      ${joins.join('\n      ')}
     WHERE ${ctx.exposures}`;
}

/**
 * The statement that computes every metric's sufficient statistics per
 * variant and exposure day: `exposed` counts the experiment's units from
 * its first exposures alone; the event metrics' values of each unit
 * (`eventUnitValuesSql`) are summed in one pass over their events, `s{i}`
 * and `q{i}`; each journey metric follows its journey's steps unit by unit
 * (`journeyStepCtes`) and counts its completions, `s{i}` (a journey
 * conversion), or `n{i}` of them with the sums `s{i}` and `q{i}` of their
 * seconds from entry to the last step (a journey duration); all are joined
 * by variant and day. Units without events are left to `exposed`: their
 * values are 0 and add nothing.
 */
export function resultsSql(query: ResultsQuery): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const ctx = contextOf(query, params, { all: true });
  const ctes = [
    `exposed AS (
      SELECT x.variant, ${day('x.first_exposed_at')} AS day, count(*)::int AS n
        FROM first_exposures x
       WHERE ${ctx.exposures}
       GROUP BY 1, 2
    )`,
  ];
  const joined: string[] = [];
  const eventMetrics = query.metrics.flatMap((metric, i) => (isEventMetric(metric) ? [{ metric, i }] : []));
  if (eventMetrics.length > 0) {
    const sums = eventMetrics.flatMap(({ metric, i }) => [`sum(v${i})::text AS s${i}`, metric.kind === 'conversion' ? `NULL AS q${i}` : `sum(v${i} * v${i})::text AS q${i}`]);
    ctes.push(
      `unit_values AS (${eventUnitValuesSql(eventMetrics, ctx)}
    )`,
      `event_sums AS (
      SELECT variant, ${day('first_exposed_at')} AS day, ${sums.join(', ')}
        FROM unit_values
       GROUP BY 1, 2
    )`,
    );
    joined.push('event_sums');
  }
  query.metrics.forEach((metric, i) => {
    if (isEventMetric(metric)) return;
    ctes.push(...journeyStepCtes(metric, i, ctx));
    const sums = metric.kind === 'journeyConversion' ? `count(*)::text AS s${i}` : `count(*)::int AS n${i}, sum(d)::text AS s${i}, sum(d * d)::text AS q${i}`;
    ctes.push(`j${i} AS (
      SELECT variant, ${day('first_exposed_at')} AS day, ${sums}
        FROM (SELECT c.variant, c.first_exposed_at, ${completedValueSql(metric, 'c')} AS d FROM ${completionsCte(metric, i)} c) c
       GROUP BY 1, 2
    )`);
    joined.push(`j${i}`);
  });
  const joins = joined.map((cte) => ` LEFT JOIN ${cte} USING (variant, day)`).join('');
  const text = `
    WITH ${ctes.join(', ')}
    SELECT * FROM exposed${joins} ORDER BY variant, day`;
  return { text, values: params.values };
}

/** One variant and exposure day: its units `n`, and per metric i the sum `s{i}` of the values, `q{i}` of their squares (means) and `n{i}` the units with a value (journey durations), as text. */
export interface ResultsRow {
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
  return statisticsOfRows(query, rows);
}

/** The experiment's units and each metric's statistics per compared variant, from the rows of its sums per variant and exposure day (ordered by day). */
export function statisticsOfRows(query: Pick<ResultsQuery, 'variants' | 'metrics'>, rows: readonly ResultsRow[]): ResultsStatistics {
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
