import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnvironment, findProject } from '../flags/projects.js';
import { expectStatus, projectUrl } from '../flags/test-flags.js';
import type { Database } from '../platform/db.js';
import { type TestApp, testApp } from '../test-support.js';
import { MAX_EVENTS_PER_REQUEST, MAX_PROPERTIES_BYTES } from './event-validation.js';

let t: TestApp;
let serverKey: string;
let clientKey: string;
let webKey: string;

async function createKey(app: TestApp, kind: 'server' | 'client', environment = 'production') {
  const res = await app.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: app.admin, payload: { kind, name: kind, project: 'default', environment } });
  expectStatus(res, 201);
  return res.json<{ secret: string }>().secret;
}

beforeAll(async () => {
  t = await testApp();
  expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/environments'), headers: t.admin, payload: { key: 'web', name: 'Web' } }), 201);
  expectStatus(
    await t.app.inject({ method: 'PATCH', url: projectUrl('/environments/web'), headers: t.admin, payload: { corsOrigins: ['https://app.example.com'], version: 1 } }),
    200,
  );
  serverKey = await createKey(t, 'server');
  clientKey = await createKey(t, 'client');
  webKey = await createKey(t, 'client', 'web');
});
afterAll(async () => {
  await t.close();
});

let sequence = 0;
const uniqueId = () => `e-${Date.now()}-${++sequence}`;

const track = (overrides: Record<string, unknown> = {}) => ({ id: uniqueId(), type: 'track', name: 'signup', key: 'user-1', timestamp: Date.now(), ...overrides });
const exposure = (overrides: Record<string, unknown> = {}) => ({ id: uniqueId(), type: 'exposure', name: 'checkout', variant: 'on', key: 'user-1', timestamp: new Date().toISOString(), ...overrides });

function send(app: TestApp, secret: string | undefined, payload: unknown, headers: Record<string, string> = {}) {
  const all: Record<string, string> = { ...(secret === undefined ? {} : { authorization: `Bearer ${secret}` }), ...headers };
  if (typeof payload === 'string') all['content-type'] = 'application/json';
  return app.app.inject({ method: 'POST', url: '/api/v1/events', headers: all, payload: payload as string | object });
}

type Answer = { accepted: number; duplicates: number; rejected: { index: number; reason: string }[] };

async function environmentId(db: Database, key: string): Promise<number> {
  const project = (await findProject(db, 'default'))!;
  return (await findEnvironment(db, project.id, key))!.id;
}

async function storedIds(db: Database, ids: readonly string[]): Promise<{ event_id: string; environment_id: number }[]> {
  const { rows } = await db.query<{ event_id: string; environment_id: number }>(
    'SELECT event_id, environment_id FROM events WHERE event_id = ANY($1::text[]) ORDER BY event_id',
    [ids],
  );
  return rows;
}

const countEvents = async (db: Database) => Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM events')).rows[0]!.n);

describe('POST /api/v1/events', () => {
  it('stores valid events, counting duplicates and naming each rejected event by index', async () => {
    const good = track({ properties: { plan: 'pro', amount: 12.5 }, attributes: { country: 'DE', beta: true } });
    const events = [
      good,
      { ...track(), id: 'bad id!' },
      exposure(),
      { ...exposure(), variant: undefined },
      track({ timestamp: Date.now() + 10 * 60 * 1000 }),
      track({ timestamp: Date.now() - 31 * 24 * 60 * 60 * 1000 }),
      track({ attributes: { nested: { no: 1 } } }),
      track({ properties: { blob: 'x'.repeat(MAX_PROPERTIES_BYTES) } }),
      track({ key: '' }),
      track({ name: 'n'.repeat(201) }),
      track({ timestamp: 'yesterday' }),
      { ...good },
    ];
    const res = await send(t, serverKey, { events });
    expectStatus(res, 200);
    const body = res.json<Answer>();
    expect(body.accepted).toBe(2);
    expect(body.duplicates).toBe(1);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(body.rejected[0]!.reason).toMatch(/^id /);
    expect(body.rejected[1]!.reason).toMatch(/variant is required/);
    expect(body.rejected[2]!.reason).toMatch(/5 minutes/);
    expect(body.rejected[3]!.reason).toMatch(/30 days/);
    expect(body.rejected[4]!.reason).toMatch(/flat/);
    expect(body.rejected[5]!.reason).toMatch(/bytes/);
    const stored = await storedIds(t.db, events.map((event) => String(event.id)));
    expect(stored.map((row) => row.event_id).sort()).toEqual([String(good.id), String(events[2]!.id)].sort());
    const { rows } = await t.db.query<{ properties: unknown; attributes: unknown; type: string }>('SELECT properties, attributes, type FROM events WHERE event_id = $1', [good.id]);
    expect(rows[0]).toEqual({ properties: { plan: 'pro', amount: 12.5 }, attributes: { country: 'DE', beta: true }, type: 'track' });
  });

  it('stores nothing twice when the same ids are sent again, also by two requests at once', async () => {
    const events = [track(), exposure(), track()];
    const first = await send(t, serverKey, { events });
    expect(first.json<Answer>()).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const again = await send(t, clientKey, { events });
    expect(again.json<Answer>()).toEqual({ accepted: 0, duplicates: 3, rejected: [] });

    const fresh = [track(), track(), exposure()];
    const [a, b] = await Promise.all([send(t, serverKey, { events: fresh }), send(t, serverKey, { events: fresh })]);
    const answers = [a.json<Answer>(), b.json<Answer>()];
    expect(answers.map((answer) => answer.accepted).reduce((x, y) => x + y)).toBe(3);
    expect(answers.map((answer) => answer.duplicates).reduce((x, y) => x + y)).toBe(3);
    expect(await storedIds(t.db, [...events, ...fresh].map((event) => event.id))).toHaveLength(6);
  });

  it('keeps the first variant each unit was exposed to', async () => {
    const key = `unit-${uniqueId()}`;
    const early = Date.now() - 60_000;
    expectStatus(await send(t, serverKey, { events: [exposure({ key, variant: 'blue', timestamp: early + 1_000 }), exposure({ key, variant: 'green', timestamp: early })] }), 200);
    expectStatus(await send(t, serverKey, { events: [exposure({ key, variant: 'red', timestamp: early - 5_000 })] }), 200);
    const { rows } = await t.db.query<{ variant: string }>('SELECT variant FROM first_exposures WHERE flag_key = $1 AND unit_key = $2', ['checkout', key]);
    expect(rows).toEqual([{ variant: 'green' }]);
  });

  it('refuses an event with text PostgreSQL cannot store, and stores the events written with it', async () => {
    const poisoned = track({ properties: { note: 'a\u0000b' } });
    const [good, neighbour] = [track(), track()];
    const [res, other] = await Promise.all([send(t, serverKey, { events: [good, poisoned] }), send(t, serverKey, { events: [neighbour] })]);
    expect(res.json<Answer>()).toEqual({ accepted: 1, duplicates: 0, rejected: [{ index: 1, reason: expect.stringMatching(/properties .*cannot be stored/) as unknown }] });
    expect(other.json<Answer>().accepted).toBe(1);
    expect((await storedIds(t.db, [good.id, poisoned.id, neighbour.id])).map((row) => row.event_id).sort()).toEqual([good.id, neighbour.id].sort());
  });

  it('refuses a malformed body as a whole and stores nothing', async () => {
    const before = await countEvents(t.db);
    const cases: [unknown, number][] = [
      ['{"events": [', 400],
      ['[1, 2]', 400],
      [{ events: 'no' }, 400],
      [{ other: [] }, 400],
      [{ events: [track()], extra: 1 }, 400],
      [{ events: Array.from({ length: MAX_EVENTS_PER_REQUEST + 1 }, () => track()) }, 400],
      [{ events: [track({ properties: { blob: 'x'.repeat(4_000) } })].concat(Array.from({ length: 300 }, () => track({ properties: { blob: 'x'.repeat(4_000) } }))) }, 413],
    ];
    for (const [payload, status] of cases) {
      const res = await send(t, serverKey, payload);
      expectStatus(res, status);
      expect(res.json<{ error: { code: string } }>().error.code).toBeTypeOf('string');
    }
    expect(await countEvents(t.db)).toBe(before);
  });

  it('needs a server or client key: 401 without, 403 with an admin token', async () => {
    expectStatus(await send(t, undefined, { events: [track()] }), 401);
    expectStatus(await send(t, 'dial_server_nope', { events: [track()] }), 401);
    const admin = await t.app.inject({ method: 'POST', url: '/api/v1/events', headers: t.admin, payload: { events: [track()] } });
    expectStatus(admin, 403);
  });

  it("stores events in the key's environment only", async () => {
    const [mine, theirs] = [track(), track()];
    expectStatus(await send(t, webKey, { events: [mine] }), 200);
    expectStatus(await send(t, serverKey, { events: [theirs] }), 200);
    const stored = await storedIds(t.db, [mine.id, theirs.id]);
    const web = await environmentId(t.db, 'web');
    const production = await environmentId(t.db, 'production');
    expect(stored.find((row) => row.event_id === mine.id)?.environment_id).toBe(web);
    expect(stored.find((row) => row.event_id === theirs.id)?.environment_id).toBe(production);
    // The same id in another environment is another event.
    expect((await send(t, serverKey, { events: [mine] })).json<Answer>().accepted).toBe(1);
  });

  it("answers browsers on the environment's origins only, with CORS headers", async () => {
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/events', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } });
    expectStatus(preflight, 204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const allowed = await send(t, webKey, { events: [track()] }, { origin: 'https://app.example.com' });
    expectStatus(allowed, 200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const refused = await send(t, webKey, { events: [track()] }, { origin: 'https://evil.example.com' });
    expectStatus(refused, 403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('origin_not_allowed');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limit of client keys', () => {
  it('answers a visitor 429 with Retry-After past the burst and stores nothing of it; other visitors, evaluations and server keys are not held back', async () => {
    let clock = Date.now();
    const app = await testApp({ client: { rateLimit: { perSecond: 2, burst: 3 }, now: () => clock } });
    try {
      const [client, server] = [await createKey(app, 'client'), await createKey(app, 'server')];
      for (let i = 0; i < 3; i++) expectStatus(await send(app, client, { events: [track()] }), 200);
      const held = track();
      const limited = await send(app, client, { events: [held] }, { origin: 'https://app.example.com' });
      expectStatus(limited, 429);
      expect(limited.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
      expect(limited.headers['retry-after']).toBe('1');
      expect(limited.headers['access-control-allow-origin']).toBe('https://app.example.com');
      expect(limited.headers['access-control-expose-headers']).toContain('retry-after');
      expect(await storedIds(app.db, [held.id])).toEqual([]);

      const elsewhere = await app.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: { authorization: `Bearer ${client}` },
        payload: { events: [track()] },
        remoteAddress: '198.51.100.7',
      });
      expectStatus(elsewhere, 200);
      const evaluation = await app.app.inject({ method: 'POST', url: '/api/v1/sdk/evaluate', headers: { authorization: `Bearer ${client}` }, payload: { context: { key: 'u' } } });
      expectStatus(evaluation, 200);
      for (let i = 0; i < 10; i++) expectStatus(await send(app, server, { events: [track()] }), 200);

      clock += 500; // one request's worth at 2 a second
      expectStatus(await send(app, client, { events: [held] }), 200);
      expectStatus(await send(app, client, { events: [track()] }), 429);
      expect((await storedIds(app.db, [held.id])).map((row) => row.event_id)).toEqual([held.id]);
    } finally {
      await app.close();
    }
  });
});

/** A database that counts its transactions and, while held, keeps them waiting. */
function gatedDb() {
  let gate: Promise<void> | undefined;
  let open: () => void = () => undefined;
  let onStart: (() => void) | undefined;
  const state = {
    transactions: 0,
    hold() {
      gate = new Promise<void>((resolve) => (open = resolve));
      return new Promise<void>((resolve) => (onStart = resolve));
    },
    release() {
      gate = undefined;
      open();
    },
    wrap: (db: Database): Database => ({
      kind: db.kind,
      query: (text, params) => db.query(text, params),
      session: (work) => db.session(work),
      listen: (channels, onMessage, options) => db.listen(channels, onMessage, options),
      poolStats: () => db.poolStats(),
      close: () => db.close(),
      transaction: async (work) => {
        state.transactions += 1;
        onStart?.();
        onStart = undefined;
        if (gate !== undefined) await gate;
        return db.transaction(work);
      },
    }),
  };
  return state;
}

describe('the event writer', () => {
  it('groups concurrent requests into fewer transactions', async () => {
    const gated = gatedDb();
    const app = await testApp({ wrapDb: gated.wrap, events: { lingerMs: 20 } });
    try {
      const secret = await createKey(app, 'server');
      const before = gated.transactions;
      const answers = await Promise.all(Array.from({ length: 20 }, () => send(app, secret, { events: [track(), track()] })));
      for (const res of answers) expect(res.json<Answer>()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
      expect(gated.transactions - before).toBeLessThan(20);
      expect(await countEvents(app.db)).toBe(40);
    } finally {
      await app.close();
    }
  });

  it('counts accepted, duplicate and refused events by type, and its batches, in /metrics', async () => {
    const app = await testApp();
    try {
      const secret = await createKey(app, 'server');
      const [a, b] = [track(), exposure()];
      expectStatus(await send(app, secret, { events: [a, b, { ...track(), id: 'bad id!' }, { ...track(), type: 'click' }, { ...exposure(), variant: 1 }] }), 200);
      expectStatus(await send(app, secret, { events: [a, b, track()] }), 200);
      const text = (await app.app.inject({ method: 'GET', url: '/metrics' })).body;
      for (const line of [
        'dial_events_accepted_total{type="track"} 2',
        'dial_events_accepted_total{type="exposure"} 1',
        'dial_events_duplicate_total{type="track"} 1',
        'dial_events_duplicate_total{type="exposure"} 1',
        'dial_events_rejected_total{type="track"} 1',
        'dial_events_rejected_total{type="exposure"} 1',
        'dial_events_rejected_total{type="invalid"} 1',
        'dial_event_batches_total{outcome="copied"} 1',
        'dial_event_batches_total{outcome="merged"} 1',
        'dial_event_batch_rows_sum 5',
        'dial_event_batch_rows_count 2',
        'dial_event_commit_duration_seconds_count 2',
        'dial_event_queue_rows 0',
        'dial_event_overloaded_total 0',
      ]) {
        expect(text).toContain(`${line}\n`);
      }
    } finally {
      await app.close();
    }
  });

  it('answers 503 with Retry-After when too many rows wait, and stores what it took', async () => {
    const gated = gatedDb();
    const app = await testApp({ wrapDb: gated.wrap, events: { maxQueuedRows: 3, lingerMs: 0 } });
    try {
      const secret = await createKey(app, 'server');
      const started = gated.hold();
      const first = send(app, secret, { events: [track(), track()] });
      await started;
      const refused = await send(app, secret, { events: [track(), track()] });
      expectStatus(refused, 503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('overloaded');
      const metrics = (await app.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(metrics).toContain('dial_event_overloaded_total 1');
      expect(metrics).toContain('dial_event_queue_rows 2');
      gated.release();
      expect((await first).json<Answer>().accepted).toBe(2);
      expect(await countEvents(app.db)).toBe(2);
      // Once written, the queue takes more again.
      expectStatus(await send(app, secret, { events: [track(), track()] }), 200);
    } finally {
      gated.release();
      await app.close();
    }
  });

  it('answers 503 with Retry-After when the database fails, and the same ids sent again are stored once', async () => {
    let failing = false;
    const flaky = (db: Database): Database => ({
      ...db,
      transaction: async (work) => {
        if (failing) throw new Error('connection terminated unexpectedly');
        return db.transaction(work);
      },
    });
    const app = await testApp({ wrapDb: flaky });
    try {
      const secret = await createKey(app, 'server');
      const batch = { events: [track(), track()] };
      failing = true;
      const refused = await send(app, secret, batch);
      expectStatus(refused, 503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('unavailable');
      expect((await app.app.inject({ method: 'GET', url: '/metrics' })).body).toContain('dial_event_batches_total{outcome="failed"} 1\n');
      failing = false;
      expect((await send(app, secret, batch)).json<Answer>()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
      expect((await send(app, secret, batch)).json<Answer>()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
      expect(await countEvents(app.db)).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('commits queued events before the app finishes closing', async () => {
    const gated = gatedDb();
    const app = await testApp({ wrapDb: gated.wrap });
    let closed = false;
    try {
      const secret = await createKey(app, 'server');
      const started = gated.hold();
      const pending = send(app, secret, { events: [track(), exposure()] });
      await started;
      const closing = app.app.close();
      setTimeout(() => gated.release(), 50);
      await closing;
      closed = true;
      expect((await pending).json<Answer>().accepted).toBe(2);
      expect(await countEvents(app.db)).toBe(2);
    } finally {
      gated.release();
      if (closed) await app.database.cleanup();
      else await app.close();
    }
  });
});
