import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabase } from '../test-support.js';
import type { Database } from './db.js';
import { refreshPlannerStatistics } from './planner-statistics.js';

describe('planner statistics', () => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    await db.query('CREATE TABLE growing (id integer, padding text)');
  });
  afterAll(async () => database.cleanup());

  const reltuples = async () => Number((await db.query<{ n: number }>("SELECT reltuples AS n FROM pg_class WHERE oid = to_regclass('growing')")).rows[0]!.n);
  const grow = (from: number, to: number) => db.query(`INSERT INTO growing SELECT i, repeat('x', 100) FROM generate_series(${from}, ${to}) AS i`);

  it('are taken once a table has grown by a tenth since they last were', async () => {
    await grow(1, 20_000);
    expect(await reltuples()).toBe(-1);
    await refreshPlannerStatistics(db, ['growing', 'no_such_table']);
    expect(await reltuples()).toBe(20_000);
    await grow(20_001, 20_500);
    await refreshPlannerStatistics(db, ['growing']);
    expect(await reltuples()).toBe(20_000);
    await grow(20_501, 30_000);
    await refreshPlannerStatistics(db, ['growing']);
    expect(await reltuples()).toBe(30_000);
  });
});
