import { afterEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabase } from '../test-support.js';
import type { Database } from './db.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.cleanup();
  database = undefined;
});

/** Ends the backend `pid` from another connection and waits until it is gone. */
async function cut(other: Database, pid: number): Promise<void> {
  await other.query('SELECT pg_terminate_backend($1)', [pid]);
  for (let gone = false; !gone; ) {
    const { rows } = await other.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
    gone = rows.length === 0;
  }
  // The server's goodbye reaches the client on its own, while no query runs.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const backendPid = async (db: Pick<Database, 'query'>) => Number((await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);

// Only a real server's connections can break; the embedded database has none.
describe.runIf(process.env.DIAL_TEST_DATABASE_URL)('a pool of connections to PostgreSQL', () => {
  it('fails the transaction whose connection breaks, without crashing the process, and serves the next query on a new connection', async () => {
    database = await testDatabase();
    const { db } = database;
    const other = await database.reopen();
    let held = 0;
    await expect(
      db.transaction(async (tx) => {
        held = await backendPid(tx);
        await cut(other, held);
        await tx.query('SELECT 1');
      }),
    ).rejects.toThrow();
    expect(db.poolStats().total).toBe(0);
    const next = await backendPid(db);
    expect(next).not.toBe(held);
  });

  it('replaces an idle connection that broke', async () => {
    database = await testDatabase();
    const { db } = database;
    const other = await database.reopen();
    const first = await backendPid(db);
    await cut(other, first);
    expect(db.poolStats().total).toBe(0);
    expect(await backendPid(db)).not.toBe(first);
  });
});
