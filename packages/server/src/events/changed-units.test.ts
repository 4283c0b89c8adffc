import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db.js';
import { prepareDatabase } from '../server.js';
import { type TestDatabase, testDatabase } from '../test-support.js';
import { holdChangedUnits, pruneChangedUnits } from './changed-units.js';

let database: TestDatabase;
let db: Database;
let environmentId: number;
let projectId: number;
beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  await prepareDatabase(db, undefined);
  const { rows } = await db.query<{ id: number; project_id: number }>("SELECT id, project_id FROM environments WHERE key = 'production'");
  environmentId = Number(rows[0]!.id);
  projectId = Number(rows[0]!.project_id);
});
afterAll(async () => database.cleanup());

const notes = async () => (await db.query<{ unit_key: string }>('SELECT unit_key FROM changed_units ORDER BY written_by, unit_key')).rows.map((row) => row.unit_key);

describe('changed units', () => {
  it('are noted by every write and delete of events and first exposures', async () => {
    await db.query(
      `INSERT INTO events (environment_id, event_id, type, name, unit_key, occurred_at, received_at) VALUES ($1, 'n1', 'track', 'a', 'noted-1', now(), now()), ($1, 'n2', 'track', 'a', 'noted-1', now(), now())`,
      [environmentId],
    );
    await db.query(`INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id) VALUES ($1, 'f', 'noted-2', 'on', now(), 'x')`, [environmentId]);
    await db.query(`DELETE FROM events WHERE event_id = 'n1'`);
    expect(await notes()).toEqual(['noted-1', 'noted-2', 'noted-1']);
  });

  it('are pruned below the lowest watermark of every set of every kind, and all of them without a set', async () => {
    await db.query('DELETE FROM changed_units');
    await db.query("INSERT INTO changed_units (environment_id, unit_key, written_by) VALUES ($1, 'u100', '100'), ($1, 'u200', '200'), ($1, 'u300', '300')", [environmentId]);
    const journey = await db.query<{ id: number }>(`INSERT INTO journeys (project_id, key, name, steps, conversion_window_seconds) VALUES ($1, 'pruned', 'Pruned', '[]', 60) RETURNING id`, [projectId]);
    const experiment = await db.query<{ id: number }>(
      `INSERT INTO experiments (project_id, key, name, flag_key, environment_id, control_variant, treatment_variants) VALUES ($1, 'pruned', 'Pruned', 'f', $2, 'off', ARRAY['on']) RETURNING id`,
      [projectId, environmentId],
    );
    await db.query(`INSERT INTO journey_path_sets VALUES ($1, $2, '{}', '300', now(), now())`, [journey.rows[0]!.id, environmentId]);
    await db.query(`INSERT INTO experiment_value_sets VALUES ($1, '{}', '200', now(), now())`, [experiment.rows[0]!.id]);

    expect(await pruneChangedUnits(db)).toBe(1);
    expect(await notes()).toEqual(['u200', 'u300']);
    await db.query(`UPDATE experiment_value_sets SET current_through = '400'`);
    expect(await pruneChangedUnits(db)).toBe(1);
    expect(await notes()).toEqual(['u300']);
    await db.query('DELETE FROM journey_path_sets');
    await db.query('DELETE FROM experiment_value_sets');
    expect(await pruneChangedUnits(db)).toBe(1);
    expect(await notes()).toEqual([]);
  });

  it.skipIf(!process.env.DIAL_TEST_DATABASE_URL)('are left alone while a set is being built or refreshed, without waiting for it', async () => {
    await db.query("INSERT INTO changed_units (environment_id, unit_key, written_by) VALUES ($1, 'busy', '100')", [environmentId]);
    // Another replica's connection, closed with the database.
    const other = await database.reopen();
    await other.transaction(async (tx) => {
      await holdChangedUnits(tx);
      expect(await pruneChangedUnits(db)).toBeNull();
    });
    expect(await notes()).toEqual(['busy']);
    expect(await pruneChangedUnits(db)).toBe(1);
  });
});
