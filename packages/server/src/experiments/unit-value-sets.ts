import { holdChangedUnits } from '../events/changed-units.js';
import { SqlParams } from '../events/property-filter-sql.js';
import type { Database, Queryable } from '../platform/db.js';
import { refreshPlannerStatistics } from '../platform/planner-statistics.js';
import { type ResultsQuery, type ResultsRow, type ResultsStatistics, type UnitValuesQuery, exposedUnitValuesSql, statisticsOfRows } from './results-query.js';

/*
 * An experiment's unit values kept current as events arrive, as journey
 * paths are: a set per experiment holds every exposed unit's value of each
 * metric (`experiment_unit_values`) and their sums per variant, exposure
 * day and metric (`experiment_value_sums`), all computed with the SQL the
 * results use on the events (`exposedUnitValuesSql`). Building a set reads every
 * event; refreshing it computes again the units noted in `changed_units`
 * since its watermark and moves their old values out of the sums and the
 * new ones in. Each is one statement, so that what it reads, writes and
 * records as its watermark share one snapshot, under a transaction-level
 * advisory lock on the set.
 *
 * The end. A stopped experiment's values read events up to the stop, as its
 * results do. A running experiment's results end now, a moving instant, so
 * its values read every stored event instead, and each unit keeps its
 * reach: the latest of its first exposure and the events its values read.
 * Results ending at E take the sums, less the units that reach E or later
 * (an exposure or event dated ahead of the clock, which ingestion accepts up
 * to five minutes ahead, or a result asked to end in the past), which are
 * computed from their events up to E as the results' SQL does. So the kept
 * answer is the direct one, to the last digit, for any end.
 */

/** What a set follows: another definition needs new values. */
export function valueSetDefinition(query: UnitValuesQuery): string {
  return JSON.stringify({
    environmentId: query.environmentId,
    flag: query.flag,
    variants: query.variants,
    start: query.start.toISOString(),
    end: query.end?.toISOString() ?? null,
    metrics: query.metrics,
  });
}

/** Each set's lock is a single bigint: this prefix and the experiment's id, apart from the changed units' lock. */
const SET_LOCK_PREFIX = BigInt(0x64696176) << 32n;

/** Takes turns with other writers and readers of the set, and keeps pruning out. */
async function lockSet(tx: Queryable, experimentId: number): Promise<void> {
  await holdChangedUnits(tx);
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [String(SET_LOCK_PREFIX + BigInt(experimentId))]);
}

/** Whether the experiment's set exists and follows `query`. */
export async function valueSetIsCurrent(db: Queryable, experimentId: number, query: UnitValuesQuery): Promise<boolean> {
  const { rows } = await db.query<{ current: boolean }>('SELECT definition = $2::jsonb AS current FROM experiment_value_sets WHERE experiment_id = $1', [
    experimentId,
    valueSetDefinition(query),
  ]);
  return rows[0]?.current === true;
}

/** Drops the experiment's set, with its values and sums: it is no longer kept. */
export async function dropUnitValues(db: Database, experimentId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSet(tx, experimentId);
    await tx.query('DELETE FROM experiment_value_sets WHERE experiment_id = $1', [experimentId]);
  });
}

/**
 * A SELECT of the sums of a relation of units (variant, first_exposed_at,
 * metric_values, sign: 1 to add a unit, -1 to take it out) per variant,
 * exposure day and metric, as `experiment_value_sums` holds them: metric 0
 * counts every unit, metric i the units with a value of the definition's
 * i-th metric, with the sums of their values and of their squares.
 */
function sumsSql(relation: string): string {
  return `SELECT d.variant, (d.first_exposed_at AT TIME ZONE 'UTC')::date AS day, (m.position - 1)::smallint AS metric,
           coalesce(sum(d.sign) FILTER (WHERE m.value IS NOT NULL), 0)::bigint AS units,
           coalesce(sum(d.sign * m.value), 0) AS total, coalesce(sum(d.sign * m.value * m.value), 0) AS squares
      FROM (${relation}) d CROSS JOIN LATERAL unnest(array_prepend(0::numeric, d.metric_values)) WITH ORDINALITY AS m(value, position)
     GROUP BY 1, 2, 3`;
}

/** The tables the sets' statements read and write: the embedded database, which has no autovacuum, gets their statistics refreshed first. */
const TABLES = ['events', 'first_exposures', 'changed_units', 'experiment_unit_values', 'experiment_value_sums'];

/** Results' memory: the hash of a million exposures and the per-unit values without spilling to disk, and no JIT. */
async function analyticsSettings(tx: Queryable): Promise<void> {
  await tx.query("SET LOCAL work_mem = '256MB'");
  await tx.query('SET LOCAL jit = off');
}

/**
 * Computes every unit value of an experiment anew, replacing a set that
 * follows another definition; resolves to the number of units (0 when the
 * set was current already).
 *
 * @example
 * await buildUnitValues(db, experiment.id, unitValuesQueryOf(experiment, metrics)!);
 */
export async function buildUnitValues(db: Database, experimentId: number, query: UnitValuesQuery): Promise<number> {
  await refreshPlannerStatistics(db, TABLES);
  return db.transaction(async (tx) => {
    await lockSet(tx, experimentId);
    // Another replica may have built it while this one waited.
    if (await valueSetIsCurrent(tx, experimentId, query)) return 0;
    await tx.query('DELETE FROM experiment_value_sets WHERE experiment_id = $1', [experimentId]);
    await analyticsSettings(tx);
    // Every unit: hash joins, whatever the statistics say. Planned on none, a nested loop over the events took minutes for a few thousand units.
    await tx.query('SET LOCAL enable_nestloop = off');
    const params = new SqlParams();
    const experiment = `${params.add(experimentId)}::int`;
    const definition = params.add(valueSetDefinition(query));
    const values = exposedUnitValuesSql(query, params, { all: true });
    const { rows } = await tx.query<{ units: number }>(
      `WITH value_set AS (
         INSERT INTO experiment_value_sets (experiment_id, definition, current_through, built_at, refreshed_at)
         VALUES (${experiment}, ${definition}::jsonb, pg_snapshot_xmin(pg_current_snapshot()), now(), now())
         RETURNING experiment_id),
       inserted AS (
         INSERT INTO experiment_unit_values (experiment_id, unit_key, variant, first_exposed_at, reach, metric_values)
         SELECT value_set.experiment_id, u.unit_key, u.variant, u.first_exposed_at, u.reach, ${valuesArray(query)} FROM value_set, (${values}) u
         RETURNING variant, first_exposed_at, metric_values),
       summed AS (
         INSERT INTO experiment_value_sums (experiment_id, variant, day, metric, units, total, squares)
         SELECT ${experiment}, s.* FROM (${sumsSql('SELECT variant, first_exposed_at, metric_values, 1 AS sign FROM inserted')}) s)
       SELECT count(*)::integer AS units FROM inserted`,
      params.values,
    );
    return Number(rows[0]?.units ?? 0);
  });
}

/** The unit's values as `experiment_unit_values` holds them, from a row `u` of `exposedUnitValuesSql`. */
const valuesArray = (query: UnitValuesQuery) => `ARRAY[${query.metrics.map((_metric, i) => `u.v${i}`).join(', ')}]::numeric[]`;

/**
 * Computes again the units noted as changed since the set's watermark, in
 * a transaction holding the set's lock: their old values leave the sums
 * and their new ones enter; nothing but the watermark moves when none
 * changed. The units are read first, with the snapshot's xmin, the next
 * watermark: every note at or above it is read again next time.
 */
async function refreshIn(tx: Queryable, experimentId: number, query: UnitValuesQuery): Promise<number> {
  const { rows } = await tx.query<{ units: string[] | null; xmin: string }>(
    `SELECT array_agg(DISTINCT c.unit_key) AS units, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin
       FROM experiment_value_sets s JOIN changed_units c ON c.environment_id = $2 AND c.written_by >= s.current_through
      WHERE s.experiment_id = $1`,
    [experimentId, query.environmentId],
  );
  const { units, xmin } = rows[0]!;
  const params = new SqlParams();
  const experiment = `${params.add(experimentId)}::int`;
  const mark = `UPDATE experiment_value_sets SET current_through = ${params.add(xmin)}::xid8, refreshed_at = now() WHERE experiment_id = ${experiment}`;
  if (units === null) {
    await tx.query(mark, params.values);
    return 0;
  }
  const keys = params.add(units);
  const values = exposedUnitValuesSql(query, params, { keys });
  // Both writes see the statement's snapshot: the delete takes the old values, not the ones inserted beside it.
  await tx.query(
    `WITH removed AS (
       DELETE FROM experiment_unit_values v
        WHERE v.experiment_id = ${experiment} AND v.unit_key = ANY(${keys}::text[])
       RETURNING v.variant, v.first_exposed_at, v.metric_values),
     inserted AS (
       INSERT INTO experiment_unit_values (experiment_id, unit_key, variant, first_exposed_at, reach, metric_values)
       SELECT ${experiment}, u.unit_key, u.variant, u.first_exposed_at, u.reach, ${valuesArray(query)} FROM (${values}) u
       RETURNING variant, first_exposed_at, metric_values),
     summed AS (
       INSERT INTO experiment_value_sums AS s (experiment_id, variant, day, metric, units, total, squares)
       SELECT ${experiment}, c.* FROM (${sumsSql(
         'SELECT variant, first_exposed_at, metric_values, 1 AS sign FROM inserted UNION ALL SELECT variant, first_exposed_at, metric_values, -1 FROM removed',
       )}) c
       ON CONFLICT (experiment_id, variant, day, metric)
       DO UPDATE SET units = s.units + excluded.units, total = s.total + excluded.total, squares = s.squares + excluded.squares)
     ${mark}`,
    params.values,
  );
  return units.length;
}

/**
 * Brings a set up to date with the units changed since its watermark.
 * Resolves to the number of units, or null when the set does not follow
 * `query` (or is gone) and must be built.
 */
export async function refreshUnitValues(db: Database, experimentId: number, query: UnitValuesQuery): Promise<number | null> {
  await refreshPlannerStatistics(db, TABLES);
  return db.transaction(async (tx) => {
    await lockSet(tx, experimentId);
    if (!(await valueSetIsCurrent(tx, experimentId, query))) return null;
    return refreshIn(tx, experimentId, query);
  });
}

/**
 * The statement reading results from a set: the sums, less the units that
 * reach the end or later, plus those of them first exposed before the end
 * with their values computed from their events up to the end. Rows as
 * `resultsSql` gives them.
 */
function keptResultsSql(experimentId: number, results: ResultsQuery): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const experiment = `${params.add(experimentId)}::int`;
  const end = `${params.add(results.end.toISOString())}::timestamptz`;
  const recomputed = `SELECT u.variant, u.first_exposed_at, ${valuesArray(results)} AS metric_values
      FROM (${exposedUnitValuesSql(results, params, { subquery: 'SELECT unit_key FROM boundary' })}) u`;
  const metric = (i: number) => `FILTER (WHERE metric = ${i})`;
  const sums = results.metrics.flatMap((_metric, i) => [
    `(sum(units) ${metric(i + 1)})::int AS n${i}`,
    `(sum(total) ${metric(i + 1)})::text AS s${i}`,
    `(sum(squares) ${metric(i + 1)})::text AS q${i}`,
  ]);
  const text = `
    WITH boundary AS MATERIALIZED (
      SELECT unit_key, variant, first_exposed_at, metric_values FROM experiment_unit_values
       WHERE experiment_id = ${experiment} AND reach >= ${end}
    ), recomputed AS (${recomputed}
    ), parts AS (
      SELECT variant, day, metric, units, total, squares FROM experiment_value_sums WHERE experiment_id = ${experiment}
      UNION ALL
      ${sumsSql('SELECT variant, first_exposed_at, metric_values, -1 AS sign FROM boundary UNION ALL SELECT variant, first_exposed_at, metric_values, 1 FROM recomputed')}
    )
    SELECT variant, to_char(day, 'YYYY-MM-DD') AS day, (sum(units) ${metric(0)})::int AS n, ${sums.join(', ')}
      FROM parts
     GROUP BY variant, day
    HAVING sum(units) ${metric(0)} > 0
     ORDER BY variant, day`;
  return { text, values: params.values };
}

/**
 * Each metric's statistics from the experiment's kept unit values, brought
 * up to date first, in one transaction holding the set's lock: the numbers
 * `queryMetricStatistics` gives for the kept query ending at `end`. Null
 * when the set does not follow `kept` (missing, or built for another
 * definition), or ends before `end`: the caller reads the events instead.
 *
 * @example
 * const kept = await keptStatistics(db, experiment.id, unitValuesQueryOf(experiment, metrics)!, new Date());
 */
export async function keptStatistics(
  db: Database,
  experimentId: number,
  kept: UnitValuesQuery,
  end: Date,
): Promise<{ statistics: ResultsStatistics; refreshed: number } | null> {
  if (kept.end !== null && kept.end.getTime() < end.getTime()) return null;
  // A set being built is not current yet: read the events rather than wait for the build's lock.
  if (!(await valueSetIsCurrent(db, experimentId, kept))) return null;
  await refreshPlannerStatistics(db, TABLES);
  return db.transaction(async (tx) => {
    await lockSet(tx, experimentId);
    if (!(await valueSetIsCurrent(tx, experimentId, kept))) return null;
    await analyticsSettings(tx);
    const refreshed = await refreshIn(tx, experimentId, kept);
    const results = { ...kept, end };
    const { text, values } = keptResultsSql(experimentId, results);
    const { rows } = await tx.query<ResultsRow>(text, values);
    return { statistics: statisticsOfRows(results, rows), refreshed };
  });
}
