/**
 * Events on PostgreSQL survive faults: `dial serve` killed with SIGKILL or
 * stopped with SIGTERM under load, and PostgreSQL itself crashed and
 * restarted under load. Every acknowledged id is stored exactly once.
 *
 * The file starts a private PostgreSQL cluster of its own, which it may
 * crash without disturbing anyone, so it needs no DIAL_TEST_DATABASE_URL and
 * runs in the `embedded` project only.
 */
import { randomBytes } from 'node:crypto';
import { openPostgres } from '@dial/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type EventStore, EventLoad, createSdkKey, postgresStore, until } from './test-event-load.js';
import {
  ACKNOWLEDGED_BEFORE_FAULT,
  BATCH_SIZE,
  SENDERS,
  acknowledgedBeforeFault,
  expectStoredOnce,
  killLeftoverServers,
  killedUnderLoad,
  networkErrors,
  startDial,
  stoppedUnderLoad,
  underLoad,
} from './test-event-faults.js';
import { type PrivatePostgres, startPrivatePostgres } from './test-private-postgres.js';

let cluster: PrivatePostgres;
const stores: EventStore[] = [];

beforeAll(async () => {
  cluster = await startPrivatePostgres();
});

afterEach(async () => {
  killLeftoverServers();
  // A test that failed during an outage leaves the cluster down.
  if (cluster?.running === false) await cluster.start();
  for (const store of stores.splice(0)) await store.cleanup();
});

afterAll(async () => {
  await cluster?.destroy();
});

async function newStore(): Promise<EventStore> {
  const store = await postgresStore(cluster, `dial_faults_${randomBytes(4).toString('hex')}`);
  stores.push(store);
  return store;
}

/**
 * Holds a SHARE lock on the events table so the writer's INSERT waits;
 * resolves once one does. `release` rolls the holding transaction back.
 */
async function holdEventWrites(url: string): Promise<{ release(): Promise<void> }> {
  const db = openPostgres(url);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const holding = db.session(async (session) => {
    await session.query('BEGIN');
    await session.query('LOCK TABLE events IN SHARE MODE');
    locked();
    await released;
    await session.query('ROLLBACK');
  });
  await lockTaken;
  await until(async () => {
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::integer AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND (query LIKE 'COPY events%' OR query LIKE 'INSERT INTO events%')",
    );
    return rows[0]!.n > 0;
  }, 5_000, () => 'an event write waiting for the lock');
  return {
    async release() {
      release();
      await holding;
      await db.close();
    },
  };
}

describe('events on PostgreSQL', { timeout: 40_000 }, () => {
  it('lose nothing acknowledged when the server is killed with SIGKILL under load, and are stored once when resent after a restart', async () => {
    await killedUnderLoad(await newStore());
  });

  it('lose nothing acknowledged when the server is stopped with SIGTERM under load: it waits for the writes in flight and exits with 0', async () => {
    const store = await newStore();
    await stoppedUnderLoad(store, () => holdEventWrites(store.env.DATABASE_URL!));
  });

  it('get 503 with Retry-After while PostgreSQL restarts, then succeed; nothing acknowledged is lost or stored twice', async () => {
    const store = await newStore();
    const server = await startDial(store);
    const sdkKey = await createSdkKey(server.url);
    const load = new EventLoad(server.url, sdkKey, { senders: SENDERS, batchSize: BATCH_SIZE, retryUntilAcknowledged: true });
    // When it ends, each sender retries its last batch until it is acknowledged.
    await underLoad(load, server, async () => {
      await acknowledgedBeforeFault(load);
      await cluster.crash();
      // Down long enough for every sender to be refused, and to retry and be refused again.
      await until(() => load.count(503) >= 2 * SENDERS, 10_000, () => 'two 503s a sender during the outage');
      await cluster.start();
      const acknowledgedAtRestart = load.acknowledged.size;
      await until(() => load.acknowledged.size >= acknowledgedAtRestart + ACKNOWLEDGED_BEFORE_FAULT, 20_000, () => 'acknowledgements after the restart');
    });
    server.dial.child.kill('SIGTERM');
    expect(await server.dial.exited(15_000)).toBe(0);

    // The server stayed up: every answer was a 200 or a 503 with Retry-After.
    expect(load.problems).toEqual([]);
    expect(networkErrors(load)).toEqual([]);
    expect(load.count(503)).toBeGreaterThanOrEqual(2 * SENDERS);
    expect(load.acknowledged.size).toBe(load.sent.size);

    const stored = await store.storedCounts();
    expectStoredOnce(stored, load.sent, load.sent);
    expect(stored.size).toBe(load.sent.size);
  });
});
