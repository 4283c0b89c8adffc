import type { JourneyDefinition } from '@dial/core';
import { holdChangedUnits } from '../events/changed-units.js';
import type { Database, Queryable } from '../platform/db.js';
import { SqlParams } from './analysis-sql.js';
import { PATH_COLUMNS, journeyPathsSql } from './journey-paths-sql.js';

/*
 * Journey paths kept current as events arrive. A set of paths belongs to a
 * journey in an environment and follows one definition (steps and window).
 * Building it reads every event; refreshing it recomputes the paths of the
 * units noted in `changed_units` since its watermark. Each is one statement,
 * so what it reads, writes and records as its watermark share one snapshot,
 * and it runs under a transaction-level advisory lock on its set, so that
 * two writers of one set take turns.
 */

/** The journey and environment a set of paths belongs to. */
export interface PathSetKey {
  journeyId: number;
  environmentId: number;
}

/** What paths depend on: another definition needs other paths. */
export function pathDefinition(journey: JourneyDefinition): string {
  return JSON.stringify({ steps: journey.steps, conversionWindowSeconds: journey.conversionWindowSeconds });
}

/** Takes turns with other writers of the set, and keeps pruning out. */
async function lockSet(tx: Queryable, key: PathSetKey): Promise<void> {
  await holdChangedUnits(tx);
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [key.journeyId, key.environmentId]);
}

/** Whether the set exists and follows the journey's present definition. */
export async function pathSetIsCurrent(db: Queryable, key: PathSetKey, journey: JourneyDefinition): Promise<boolean> {
  const { rows } = await db.query<{ current: boolean }>(
    'SELECT definition = $3::jsonb AS current FROM journey_path_sets WHERE journey_id = $1 AND environment_id = $2',
    [key.journeyId, key.environmentId, pathDefinition(journey)],
  );
  return rows[0]?.current === true;
}

/**
 * Computes every path of a journey in an environment anew, replacing a set
 * that follows another definition; resolves to the number of paths (0 when
 * the set was current already).
 *
 * @example
 * await buildPaths(db, { journeyId: journey.id, environmentId: environment.id }, journey);
 */
export async function buildPaths(db: Database, key: PathSetKey, journey: JourneyDefinition): Promise<number> {
  return db.transaction(async (tx) => {
    await lockSet(tx, key);
    // Another replica may have built it while this one waited.
    if (await pathSetIsCurrent(tx, key, journey)) return 0;
    await tx.query('DELETE FROM journey_path_sets WHERE journey_id = $1 AND environment_id = $2', [key.journeyId, key.environmentId]);
    // Every unit: hash joins with room in memory, whatever the statistics say (planned on none, nested loops take minutes).
    await tx.query("SET LOCAL work_mem = '256MB'");
    await tx.query('SET LOCAL jit = off');
    await tx.query('SET LOCAL enable_nestloop = off');
    const params = new SqlParams();
    const journeyId = params.add(key.journeyId);
    const environmentId = params.add(key.environmentId);
    const definition = params.add(pathDefinition(journey));
    const paths = journeyPathsSql(journey, key.environmentId, { all: true }, params);
    const { rows } = await tx.query<{ paths: number }>(
      `WITH path_set AS (
         INSERT INTO journey_path_sets (journey_id, environment_id, definition, current_through, built_at, refreshed_at)
         VALUES (${journeyId}, ${environmentId}, ${definition}::jsonb, pg_snapshot_xmin(pg_current_snapshot()), now(), now())
         RETURNING journey_id, environment_id),
       inserted AS (
         INSERT INTO journey_paths (journey_id, environment_id, ${PATH_COLUMNS})
         SELECT path_set.journey_id, path_set.environment_id, p.* FROM path_set, (${paths}) p
         RETURNING 1)
       SELECT count(*)::integer AS paths FROM inserted`,
      params.values,
    );
    return Number(rows[0]?.paths ?? 0);
  });
}

/**
 * Brings a set up to date: the paths of every unit noted as changed since
 * its watermark are computed again. Resolves to the number of units, or
 * null when the set does not follow the journey's definition (or is gone)
 * and must be built.
 */
export async function refreshPaths(db: Database, key: PathSetKey, journey: JourneyDefinition): Promise<number | null> {
  return db.transaction(async (tx) => {
    await lockSet(tx, key);
    if (!(await pathSetIsCurrent(tx, key, journey))) return null;
    // The units noted since the watermark, and this snapshot's xmin: every later note is at or above it.
    const { rows } = await tx.query<{ units: string[] | null; xmin: string }>(
      `SELECT array_agg(DISTINCT c.unit_key) AS units, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin
         FROM journey_path_sets s JOIN changed_units c ON c.environment_id = s.environment_id AND c.written_by >= s.current_through
        WHERE s.journey_id = $1 AND s.environment_id = $2`,
      [key.journeyId, key.environmentId],
    );
    const { units, xmin } = rows[0]!;
    const params = new SqlParams();
    const journeyId = params.add(key.journeyId);
    const environmentId = params.add(key.environmentId);
    const mark = `UPDATE journey_path_sets SET current_through = ${params.add(xmin)}::xid8, refreshed_at = now()
       WHERE journey_id = ${journeyId} AND environment_id = ${environmentId}`;
    if (units === null) {
      await tx.query(mark, params.values);
      return 0;
    }
    const keys = params.add(units);
    const paths = journeyPathsSql(journey, key.environmentId, { keys }, params);
    // Both writes see the statement's snapshot: the delete takes the old paths, not the ones inserted beside it.
    await tx.query(
      `WITH removed AS (
         DELETE FROM journey_paths p
          WHERE p.journey_id = ${journeyId} AND p.environment_id = ${environmentId} AND p.unit_key = ANY(${keys}::text[])),
       inserted AS (
         INSERT INTO journey_paths (journey_id, environment_id, ${PATH_COLUMNS})
         SELECT ${journeyId}, ${environmentId}, p.* FROM (${paths}) p)
       ${mark}`,
      params.values,
    );
    return units.length;
  });
}
