import { Writable } from 'node:stream';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnvironment, findProject } from '../flags/projects.js';
import { expectStatus } from '../flags/test-flags.js';
import type { Database } from '../platform/db.js';
import { type TestApp, testApp } from '../test-support.js';
import type { EventRow } from './event-validation.js';
import { requestRows, writeBatch } from './event-writer.js';
import { EventRetention, RETENTION_LOCK } from './retention.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The clock every run here reads. */
const NOW = Date.parse('2026-06-01T12:00:00Z');
const silent = pino({ level: 'silent' });

let t: TestApp;
let sequence = 0;

beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

async function project(key: string, eventRetentionDays: number): Promise<number> {
  expectStatus(await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key, name: key, eventRetentionDays } }), 201);
  const found = (await findProject(t.db, key))!;
  return (await findEnvironment(t.db, found.id, 'production'))!.id;
}

/** Events, and exposures recorded as first, that occurred `daysAgo` before NOW. */
async function eventsAt(environmentId: number, daysAgo: number, count = 1): Promise<string[]> {
  const rows: EventRow[] = Array.from({ length: count }, () => {
    const n = ++sequence;
    return {
      environmentId,
      eventId: `r-${n}`,
      type: n % 2 === 0 ? 'exposure' : 'track',
      name: n % 2 === 0 ? 'checkout' : 'signup',
      unitKey: `unit-${n}`,
      variant: n % 2 === 0 ? 'on' : null,
      attributes: '{}',
      properties: '{}',
      occurredAt: new Date(NOW - daysAgo * DAY_MS),
      receivedAt: new Date(NOW),
    };
  });
  await writeBatch(t.db, [requestRows(rows)]);
  return rows.map((row) => row.eventId);
}

async function remaining(environmentId: number): Promise<{ events: number; firstExposures: number }> {
  const { rows } = await t.db.query<{ events: number; first_exposures: number }>(
    `SELECT (SELECT count(*)::int FROM events WHERE environment_id = $1) AS events,
            (SELECT count(*)::int FROM first_exposures WHERE environment_id = $1) AS first_exposures`,
    [environmentId],
  );
  return { events: Number(rows[0]!.events), firstExposures: Number(rows[0]!.first_exposures) };
}

/** The database, keeping the statements its sessions send. */
function recordingSessions(db: Database, statements: { text: string; params: readonly unknown[] }[]): Database {
  return {
    ...db,
    session: (work) =>
      db.session((session) =>
        work({
          ...session,
          query: (text, params) => {
            statements.push({ text, params: params ?? [] });
            return session.query(text, params);
          },
        }),
      ),
  };
}

describe('EventRetention', () => {
  it("deletes each project's events and first exposures older than its retention, and keeps the recent ones", async () => {
    const yearly = await project('yearly', 365);
    const weekly = await project('weekly', 7);
    for (const environment of [yearly, weekly]) {
      await eventsAt(environment, 400, 4);
      await eventsAt(environment, 30, 4);
      await eventsAt(environment, 6.9, 4);
    }
    const registry = new Registry();
    const retention = new EventRetention(t.db, silent, registry, { intervalMs: 0, now: () => NOW });
    const run = await retention.run();
    expect(run?.projects).toEqual(
      expect.arrayContaining([
        { project: 'yearly', days: 365, events: 4, firstExposures: 2 },
        { project: 'weekly', days: 7, events: 8, firstExposures: 4 },
      ]),
    );
    expect(await remaining(yearly)).toEqual({ events: 8, firstExposures: 4 });
    expect(await remaining(weekly)).toEqual({ events: 4, firstExposures: 2 });
    // Nothing more the next time, until the clock moves on.
    expect((await retention.run())?.projects.find((p) => p.project === 'weekly')).toMatchObject({ events: 0, firstExposures: 0 });
    const later = new EventRetention(t.db, silent, new Registry(), { intervalMs: 0, now: () => NOW + DAY_MS });
    expect((await later.run())?.projects.find((p) => p.project === 'weekly')).toMatchObject({ events: 4, firstExposures: 2 });
  });

  it('follows a retention changed through the API at its next run', async () => {
    const environment = await project('shrinking', 90);
    await eventsAt(environment, 45, 3);
    const retention = new EventRetention(t.db, silent, new Registry(), { intervalMs: 0, now: () => NOW });
    await retention.run();
    expect((await remaining(environment)).events).toBe(3);
    expectStatus(await t.app.inject({ method: 'PATCH', url: '/api/v1/projects/shrinking', headers: t.admin, payload: { eventRetentionDays: 30, version: 1 } }), 200);
    await retention.run();
    expect((await remaining(environment)).events).toBe(0);
  });

  it('deletes in batches of at most batchRows, one statement after another until none is older, and counts and logs what it deleted', async () => {
    const environment = await project('batched', 10);
    await eventsAt(environment, 20, 10);
    await eventsAt(environment, 1, 2);
    const statements: { text: string; params: readonly unknown[] }[] = [];
    const registry = new Registry();
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }));
    const retention = new EventRetention(recordingSessions(t.db, statements), logger, registry, { intervalMs: 0, batchRows: 3, now: () => NOW });
    const run = await retention.run();
    expect(run?.projects.find((p) => p.project === 'batched')).toEqual({ project: 'batched', days: 10, events: 10, firstExposures: 5 });
    expect(await remaining(environment)).toEqual({ events: 2, firstExposures: 1 });

    const mine = (table: string) =>
      statements.filter(({ text, params }) => text.startsWith(`DELETE FROM ${table} `) && (params[0] as number[]).includes(environment));
    // 3 + 3 + 3 + 1 events; 3 + 2 first exposures.
    expect(mine('events').map(({ params }) => params[2])).toEqual([3, 3, 3, 3]);
    expect(mine('first_exposures')).toHaveLength(2);
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/dial_retention_deleted_rows_total\{table="events"\} (\d+)/);
    expect(Number(/dial_retention_deleted_rows_total\{table="events"\} (\d+)/.exec(metrics)![1])).toBeGreaterThanOrEqual(10);
    expect(metrics).toContain('dial_retention_runs_total{outcome="completed"} 1');
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; events: number; projects: { project: string }[] }).find((line) => line.msg === 'event retention run');
    expect(logged?.events).toBeGreaterThanOrEqual(10);
    expect(logged?.projects.map((p) => p.project)).toContain('batched');
  });

  it.skipIf(!process.env.DIAL_TEST_DATABASE_URL)('skips its run while another replica holds the lock', async () => {
    const environment = await project('locked', 5);
    await eventsAt(environment, 10, 2);
    const other = await t.database.reopen();
    const registry = new Registry();
    const retention = new EventRetention(t.db, silent, registry, { intervalMs: 0, now: () => NOW });
    await other.session(async (session) => {
      await session.query('SELECT pg_advisory_lock($1)', [RETENTION_LOCK]);
      try {
        expect(await retention.run()).toBeUndefined();
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK]);
      }
    });
    expect((await remaining(environment)).events).toBe(2);
    expect(await registry.metrics()).toContain('dial_retention_runs_total{outcome="skipped"} 1');
    await retention.run();
    expect((await remaining(environment)).events).toBe(0);
  });
});

describe('the retention job in the app', () => {
  it('runs on its interval once the app is ready, and stops with it', async () => {
    let clock = NOW;
    const app = await testApp({ retention: { intervalMs: 200, now: () => clock } });
    try {
      const found = (await findProject(app.db, 'default'))!;
      const environment = (await findEnvironment(app.db, found.id, 'production'))!.id;
      const rows = [oldRow(environment)];
      await writeBatch(app.db, [requestRows(rows)]);
      const count = async () => Number((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n);
      expect(await count()).toBe(1);
      clock = NOW + 200;
      const deadline = Date.now() + 20_000;
      while ((await count()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await count()).toBe(0);
      const metrics = (await app.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(metrics).toMatch(/dial_retention_runs_total\{outcome="completed"\} [1-9]/);
    } finally {
      await app.close();
    }
  });
});

function oldRow(environmentId: number): EventRow {
  return {
    environmentId,
    eventId: `old-${++sequence}`,
    type: 'track',
    name: 'signup',
    unitKey: 'unit',
    variant: null,
    attributes: '{}',
    properties: '{}',
    occurredAt: new Date(NOW - 91 * DAY_MS),
    receivedAt: new Date(NOW),
  };
}
