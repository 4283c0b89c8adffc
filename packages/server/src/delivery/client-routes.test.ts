import { CompiledSnapshot } from '@dial/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnvironment, findProject } from '../flags/projects.js';
import { loadSnapshot } from '../flags/snapshots.js';
import { createFlag, createSegment, expectStatus, patchConfig, projectUrl } from '../flags/test-flags.js';
import type { Database } from '../platform/db.js';
import { type TestApp, testApp } from '../test-support.js';
import { clientResult } from './client-flags.js';
import { EVALUATE_BODY_LIMIT, MAX_CONTEXT_ATTRIBUTES } from './client-routes.js';
import { type TestStream, openStream } from './test-sse.js';

let t: TestApp;
let base: string;
const streams: TestStream[] = [];

beforeAll(async () => {
  // A limit no test here reaches but the one that means to, on an app of its own.
  t = await testApp({ delivery: { heartbeatMs: 100 }, client: { rateLimit: { perSecond: 10_000, burst: 10_000 } } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/environments'), headers: t.admin, payload: { key: 'web', name: 'Web' } }), 201);
  expectStatus(
    await t.app.inject({ method: 'PATCH', url: projectUrl('/environments/web'), headers: t.admin, payload: { corsOrigins: ['https://app.example.com'], version: 1 } }),
    200,
  );
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await t.close();
});

async function createKey(app: TestApp, kind: 'server' | 'client', environment = 'production') {
  const res = await app.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: app.admin, payload: { kind, name: kind, project: 'default', environment } });
  expectStatus(res, 201);
  const { token, secret } = res.json<{ token: { id: number }; secret: string }>();
  return { id: token.id, secret };
}

async function revoke(app: TestApp, id: number) {
  expectStatus(await app.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: app.admin }), 204);
}

function evaluate(secret: string | undefined, payload: unknown = { context: { key: 'user-1' } }, headers: Record<string, string> = {}, app = t) {
  const all: Record<string, string> = { ...(secret === undefined ? {} : { authorization: `Bearer ${secret}` }), ...headers };
  // Text is sent as it is, for bodies that are not valid JSON.
  if (typeof payload === 'string') all['content-type'] = 'application/json';
  return app.app.inject({ method: 'POST', url: '/api/v1/sdk/evaluate', headers: all, payload: payload as string | object });
}

type Answer = { version: number; flags: Record<string, Record<string, unknown>> };

async function snapshotVersionOf(environment = 'production'): Promise<number> {
  const project = (await findProject(t.db, 'default'))!;
  const { rows } = await t.db.query<{ v: string }>('SELECT snapshot_version::text AS v FROM environments WHERE project_id = $1 AND key = $2', [project.id, environment]);
  return Number(rows[0]!.v);
}

/** Evaluates until the answer is at the database's version: a change reaches the hub with its NOTIFY. */
async function evaluateCurrent(secret: string, context: Record<string, unknown>): Promise<{ res: LightMyRequestResponse; body: Answer }> {
  const version = await snapshotVersionOf();
  const deadline = Date.now() + 2_000;
  for (;;) {
    const res = await evaluate(secret, { context });
    expectStatus(res, 200);
    const body = res.json<Answer>();
    if (body.version >= version) return { res, body };
    if (Date.now() > deadline) throw new Error(`evaluate stayed at version ${body.version}, not ${version}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function until(what: string, condition: () => Promise<boolean>, ms = 1_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('POST /api/v1/sdk/evaluate', () => {
  it('answers the client-side flags\' values, variants and reasons as core evaluates them, and nothing else', async () => {
    await createSegment(t, { key: 'staff', include: ['u-staff'] });
    await createFlag(t, { key: 'hidden-gate' });
    expectStatus(
      await patchConfig(t, 'hidden-gate', {
        enabled: true,
        rules: [{ id: 'no-fr', when: [{ attr: 'country', op: 'eq', values: ['FR'] }], serve: { variant: 'off' } }],
        fallthrough: { variant: 'on' },
      }),
      200,
    );
    await createFlag(t, { key: 'hidden-secret' });
    expectStatus(
      await patchConfig(t, 'hidden-secret', {
        enabled: true,
        rules: [{ id: 'insiders', when: [{ attr: 'email', op: 'endsWith', values: ['@secret.example'] }], serve: { variant: 'on' } }],
        fallthrough: { variant: 'off' },
      }),
      200,
    );
    await createFlag(t, { key: 'cs-targeted', clientSide: true });
    expectStatus(
      await patchConfig(t, 'cs-targeted', {
        enabled: true,
        rules: [
          { id: 'staff', when: [{ segment: 'staff' }], serve: { variant: 'on' } },
          {
            id: 'de',
            when: [{ attr: 'country', op: 'eq', values: ['DE'] }],
            serve: { rollout: { split: [{ variant: 'on', weight: 50_000 }, { variant: 'off', weight: 50_000 }] } },
          },
        ],
        fallthrough: { variant: 'off' },
      }),
      200,
    );
    await createFlag(t, {
      key: 'cs-copy',
      kind: 'string',
      clientSide: true,
      variants: [
        { key: 'short', value: 'Buy' },
        { key: 'long', value: 'Buy now' },
      ],
    });
    expectStatus(await patchConfig(t, 'cs-copy', { enabled: true, prerequisites: [{ flag: 'hidden-gate', variant: 'on' }], fallthrough: { variant: 'long' } }), 200);
    await createFlag(t, { key: 'cs-off', clientSide: true });
    await createFlag(t, { key: 'cs-device', kind: 'json', clientSide: true, variants: [{ key: 'a', value: { max: 3 } }, { key: 'b', value: null }] });
    expectStatus(
      await patchConfig(t, 'cs-device', {
        enabled: true,
        fallthrough: { rollout: { bucketBy: 'deviceId', split: [{ variant: 'a', weight: 50_000 }, { variant: 'b', weight: 50_000 }] } },
      }),
      200,
    );
    await createFlag(t, { key: 'cs-archived', clientSide: true });
    const archived = await t.app.inject({ method: 'POST', url: projectUrl('/flags/cs-archived/archive'), headers: t.admin, payload: { version: 1 } });
    expectStatus(archived, 200);

    const { secret } = await createKey(t, 'client');
    const project = (await findProject(t.db, 'default'))!;
    const environment = (await findEnvironment(t.db, project.id, 'production'))!;
    const compiled = CompiledSnapshot.compile(await loadSnapshot(t.db, project.id, environment.id));
    const contexts = [
      { key: 'u-staff' },
      { key: 'user-1', country: 'DE', deviceId: 'd-1' },
      { key: 'user-2', country: 'DE', deviceId: 'd-2' },
      { key: 'user-3', country: 'FR', email: 'ann@secret.example' },
      { key: 'user-4', country: ['US', 'DE'], deviceId: 42 },
      {},
    ];
    const reasons = new Set<string>();
    for (const context of contexts) {
      const { res, body } = await evaluateCurrent(secret, context);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(Object.keys(body)).toEqual(['version', 'flags']);
      expect(Object.keys(body.flags)).toEqual(['cs-copy', 'cs-device', 'cs-off', 'cs-targeted']);
      for (const [key, result] of Object.entries(body.flags)) {
        expect(result, `${key} for ${JSON.stringify(context)}`).toEqual(clientResult(compiled.evaluate(key, context)));
        reasons.add(String(result.reason));
      }
      // Nothing about how flags are targeted, nor any other flag, anywhere in the text.
      for (const word of ['rules', 'segments', 'ruleId', 'prerequisite', 'errorMessage', 'hidden-gate', 'hidden-secret', 'staff', 'secret.example', 'cs-archived']) {
        expect(res.body, word).not.toContain(word);
      }
    }
    expect([...reasons].sort()).toEqual(['DEFAULT', 'DISABLED', 'ERROR', 'PREREQUISITE_FAILED', 'SPLIT', 'TARGETING_MATCH']);

    const { body } = await evaluateCurrent(secret, { key: 'u-staff', country: 'FR' });
    expect(body.flags).toEqual({
      'cs-copy': { value: 'Buy now', variant: 'long', reason: 'PREREQUISITE_FAILED' },
      'cs-device': { reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' },
      'cs-off': { value: false, variant: 'off', reason: 'DISABLED' },
      'cs-targeted': { value: true, variant: 'on', reason: 'TARGETING_MATCH' },
    });
    expect(JSON.stringify(body.flags['cs-device'])).toBe('{"reason":"ERROR","errorCode":"TARGETING_KEY_MISSING"}');
    expect(JSON.stringify(body.flags['cs-targeted'])).toBe('{"value":true,"variant":"on","reason":"TARGETING_MATCH"}');
  });

  it('follows the client-side setting: a flag made hidden is gone from the next answers, one made visible appears', async () => {
    const { secret } = await createKey(t, 'client');
    await createFlag(t, { key: 'cs-toggle' });
    expect(Object.keys((await evaluateCurrent(secret, { key: 'u' })).body.flags)).not.toContain('cs-toggle');
    expectStatus(await t.app.inject({ method: 'PATCH', url: projectUrl('/flags/cs-toggle'), headers: t.admin, payload: { clientSide: true, version: 1 } }), 200);
    expect((await evaluateCurrent(secret, { key: 'u' })).body.flags['cs-toggle']).toEqual({ value: false, variant: 'off', reason: 'DISABLED' });
    expectStatus(await t.app.inject({ method: 'PATCH', url: projectUrl('/flags/cs-toggle'), headers: t.admin, payload: { clientSide: false, version: 2 } }), 200);
    expect(Object.keys((await evaluateCurrent(secret, { key: 'u' })).body.flags)).not.toContain('cs-toggle');
  });

  it('answers an environment without client-side flags with none', async () => {
    expectStatus(await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'empty', name: 'Empty' } }), 201);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.admin, payload: { kind: 'client', name: 'c', project: 'empty', environment: 'production' } });
    const answer = await evaluate(res.json<{ secret: string }>().secret);
    expectStatus(answer, 200);
    expect(answer.json()).toEqual({ version: 1, flags: {} });
  });

  it.each([
    ['a JSON array', [], 'body'],
    ['no context', {}, 'context'],
    ['a context that is text', { context: 'user-1' }, 'context'],
    ['a context that is an array', { context: [{ key: 'u' }] }, 'context'],
    ['a context that is null', { context: null }, 'context'],
    ['an unknown field', { context: { key: 'u' }, flags: ['a'] }, 'flags'],
    ['too many attributes', { context: Object.fromEntries(Array.from({ length: MAX_CONTEXT_ATTRIBUTES + 1 }, (_, i) => [`a${i}`, i])) }, 'context'],
  ])('refuses %s with 400 naming the field', async (_what, payload, path) => {
    const { secret } = await createKey(t, 'client');
    const res = await evaluate(secret, payload);
    expectStatus(res, 400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed' });
    expect(res.json().error.details.issues[0].path).toBe(path);
  });

  it('takes exactly the attribute limit, and refuses bad JSON with 400 and a body over 64 KB with 413', async () => {
    const { secret } = await createKey(t, 'client');
    expectStatus(await evaluate(secret, { context: Object.fromEntries(Array.from({ length: MAX_CONTEXT_ATTRIBUTES }, (_, i) => [`a${i}`, i])) }), 200);
    const bad = await evaluate(secret, '{"context": {');
    expectStatus(bad, 400);
    expect(bad.json().error.code).toBe('invalid_json');
    const big = await evaluate(secret, { context: { key: 'u', blob: 'x'.repeat(EVALUATE_BODY_LIMIT) } });
    expectStatus(big, 413);
    expect(big.json().error.message).toContain(String(EVALUATE_BODY_LIMIT));
  });

  it('refuses no key, unknown or revoked keys with 401, and admin tokens or server SDK keys with 403', async () => {
    const revoked = await createKey(t, 'client');
    await revoke(t, revoked.id);
    const server = await createKey(t, 'server');
    const cases: [string | undefined, Record<string, string>, number][] = [
      [undefined, {}, 401],
      ['dial_client_unknown000000000000000000000000000000000', {}, 401],
      [revoked.secret, {}, 401],
      [undefined, t.admin, 403],
      [server.secret, {}, 403],
    ];
    for (const [secret, headers, status] of cases) {
      const res = await evaluate(secret, { context: { key: 'u' } }, headers);
      expect(res.statusCode, `${secret} ${JSON.stringify(headers)}`).toBe(status);
      expect(res.json().error.code).toBe(status === 401 ? 'unauthorized' : 'forbidden');
    }
  });

  it('refuses a revoked key at once, though it was just looked up, and on another replica within a second', async () => {
    const replica = await t.replica();
    const key = await createKey(t, 'client');
    const onReplica = (secret: string) => replica.inject({ method: 'POST', url: '/api/v1/sdk/evaluate', headers: { authorization: `Bearer ${secret}` }, payload: { context: { key: 'u' } } });
    for (let i = 0; i < 3; i++) {
      expectStatus(await evaluate(key.secret), 200);
      expectStatus(await onReplica(key.secret), 200);
    }
    await revoke(t, key.id);
    expectStatus(await evaluate(key.secret), 401);
    await until('the replica refuses the revoked key', async () => (await onReplica(key.secret)).statusCode === 401);
    // Deleting an environment revokes its keys too.
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/environments'), headers: t.admin, payload: { key: 'gone', name: 'Gone' } }), 201);
    const doomed = await createKey(t, 'client', 'gone');
    expectStatus(await evaluate(doomed.secret), 200);
    expectStatus(await onReplica(doomed.secret), 200);
    expectStatus(await t.app.inject({ method: 'DELETE', url: projectUrl('/environments/gone'), headers: { ...t.admin, 'if-match': '1' } }), 204);
    expectStatus(await evaluate(doomed.secret), 401);
    await until('the replica refuses the deleted environment\'s key', async () => (await onReplica(doomed.secret)).statusCode === 401);
  });
});

describe('CORS', () => {
  it('answers any origin\'s preflight, for both client routes, without a key', async () => {
    for (const path of ['/api/v1/sdk/evaluate', '/api/v1/sdk/client-stream']) {
      const res = await t.app.inject({
        method: 'OPTIONS',
        url: path,
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expectStatus(res, 204);
      expect(res.headers).toMatchObject({
        'access-control-allow-origin': 'https://elsewhere.example',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type, last-event-id',
        'access-control-max-age': '600',
        vary: 'Origin',
      });
      expect(res.body).toBe('');
    }
    const anonymous = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/sdk/evaluate' });
    expect(anonymous.headers['access-control-allow-origin']).toBe('*');
  });

  it('lets an allowed origin read the answer, and refuses another with 403 origin_not_allowed and no CORS headers', async () => {
    const web = await createKey(t, 'client', 'web');
    const allowed = await evaluate(web.secret, { context: { key: 'u' } }, { origin: 'https://app.example.com' });
    expectStatus(allowed, 200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(allowed.headers.vary).toBe('Origin');
    const refused = await evaluate(web.secret, { context: { key: 'u' } }, { origin: 'https://evil.example' });
    expectStatus(refused, 403);
    expect(refused.json().error.code).toBe('origin_not_allowed');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    // No Origin header: not a browser, nothing to check.
    expectStatus(await evaluate(web.secret, { context: { key: 'u' } }), 200);
    // An environment allowing every origin says so.
    const production = await createKey(t, 'client');
    const any = await evaluate(production.secret, { context: { key: 'u' } }, { origin: 'https://evil.example' });
    expectStatus(any, 200);
    expect(any.headers['access-control-allow-origin']).toBe('*');
  });

  it('follows a change of the environment\'s origins', async () => {
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/environments'), headers: t.admin, payload: { key: 'shop', name: 'Shop' } }), 201);
    const key = await createKey(t, 'client', 'shop');
    const fromShop = () => evaluate(key.secret, { context: { key: 'u' } }, { origin: 'https://shop.example' });
    expectStatus(await fromShop(), 200);
    expectStatus(await t.app.inject({ method: 'PATCH', url: projectUrl('/environments/shop'), headers: t.admin, payload: { corsOrigins: ['https://other.example'], version: 1 } }), 200);
    await until('the new origins apply', async () => (await fromShop()).statusCode === 403);
    expectStatus(await t.app.inject({ method: 'PATCH', url: projectUrl('/environments/shop'), headers: t.admin, payload: { corsOrigins: ['https://shop.example'], version: 2 } }), 200);
    await until('the origins apply again', async () => (await fromShop()).statusCode === 200);
  });
});

describe('rate limit and queries', () => {
  it('answers 429 with Retry-After past the burst, refills at the rate, keeps keys apart, and asks the database nothing per evaluation', async () => {
    let clock = 1_000_000;
    let queries = 0;
    const counting = (db: Database): Database => ({
      ...db,
      query: ((text: string, params?: readonly unknown[]) => {
        queries++;
        return db.query(text, params);
      }) as Database['query'],
    });
    const own = await testApp({ client: { rateLimit: { perSecond: 2, burst: 5 }, now: () => clock }, wrapDb: counting });
    try {
      const first = await createKey(own, 'client');
      const second = await createKey(own, 'client');
      const ask = (secret: string, headers: Record<string, string> = {}) => evaluate(secret, { context: { key: 'u' } }, headers, own);
      expectStatus(await ask(first.secret), 200);
      expectStatus(await ask(second.secret), 200);
      queries = 0;
      for (let i = 0; i < 4; i++) expectStatus(await ask(first.secret), 200);
      expect(queries, 'database queries for 4 evaluations').toBe(0);

      const limited = await ask(first.secret, { origin: 'https://app.example.com' });
      expectStatus(limited, 429);
      expect(limited.json().error.code).toBe('rate_limited');
      expect(limited.headers['retry-after']).toBe('1');
      expect(limited.headers['access-control-allow-origin']).toBe('https://app.example.com');
      expect(limited.headers['access-control-expose-headers']).toContain('retry-after');
      expectStatus(await ask(second.secret), 200);
      // Another visitor of the same site, with the same key, has an allowance of its own.
      const elsewhere = await own.app.inject({
        method: 'POST',
        url: '/api/v1/sdk/evaluate',
        headers: { authorization: `Bearer ${first.secret}` },
        payload: { context: { key: 'v' } },
        remoteAddress: '198.51.100.7',
      });
      expectStatus(elsewhere, 200);
      clock += 500; // one request's worth at 2 a second
      expectStatus(await ask(first.secret), 200);
      expectStatus(await ask(first.secret), 429);
      clock += 10_000;
      for (let i = 0; i < 5; i++) expectStatus(await ask(first.secret), 200);
      expectStatus(await ask(first.secret), 429);
      expect(queries, 'database queries for every evaluation since').toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('rate limit behind a proxy', () => {
  it('counts each forwarded visitor apart when DIAL_TRUST_PROXY trusts the proxy', async () => {
    const own = await testApp({ client: { rateLimit: { perSecond: 1, burst: 1 }, now: () => 0 }, trustProxy: true });
    try {
      const key = await createKey(own, 'client');
      const from = (address: string) =>
        own.app.inject({
          method: 'POST',
          url: '/api/v1/sdk/evaluate',
          headers: { authorization: `Bearer ${key.secret}`, 'x-forwarded-for': address },
          payload: { context: { key: 'u' } },
        });
      expectStatus(await from('203.0.113.1'), 200);
      expectStatus(await from('203.0.113.1'), 429);
      expectStatus(await from('203.0.113.2'), 200);
    } finally {
      await own.close();
    }
  });
});

describe('GET /api/v1/sdk/client-stream', () => {
  async function open(url: string, secret?: string, headers: Record<string, string> = {}) {
    const stream = await openStream(url, secret, undefined, headers);
    streams.push(stream);
    return stream;
  }

  it('sends ready with the version, then changed within a second of an admin change, with the key in the query', async () => {
    const key = await createKey(t, 'client');
    await createFlag(t, { key: 'cs-live', clientSide: true });
    const version = await snapshotVersionOf();
    const events = await open(`${base}/api/v1/sdk/client-stream?key=${key.secret}`, undefined, { origin: 'https://app.example.com' });
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toBe('text/event-stream');
    expect(events.headers['access-control-allow-origin']).toBe('*');
    expect(await events.next()).toEqual({ retry: 1000 });
    expect(await events.next()).toEqual({ event: 'ready', id: String(version), data: JSON.stringify({ version }) });
    const changedAt = Date.now();
    expectStatus(await patchConfig(t, 'cs-live', { enabled: true }), 200);
    const changed = await events.nextEvent('changed', 1_000);
    expect(Date.now() - changedAt).toBeLessThan(1_000);
    expect(changed).toEqual({ event: 'changed', id: String(version + 1), data: JSON.stringify({ version: version + 1 }) });
    expect(await events.next(1_000)).toEqual({ comment: 'ping' });
    // The browser asks again and gets the change.
    expect((await evaluateCurrent(key.secret, { key: 'u' })).body.flags['cs-live']).toEqual({ value: true, variant: 'on', reason: 'DEFAULT' });
  });

  it('takes the key as a bearer token too, refuses other keys and origins, and ends when the key is revoked', async () => {
    const key = await createKey(t, 'client');
    const bearer = await open(`${base}/api/v1/sdk/client-stream`, key.secret);
    await bearer.nextEvent('ready');
    expect((await open(`${base}/api/v1/sdk/client-stream`)).status).toBe(401);
    expect((await open(`${base}/api/v1/sdk/client-stream?key=dial_client_nope`)).status).toBe(401);
    const server = await createKey(t, 'server');
    const refused = await open(`${base}/api/v1/sdk/client-stream`, server.secret);
    expect(refused.status).toBe(403);
    const web = await createKey(t, 'client', 'web');
    const wrongOrigin = await open(`${base}/api/v1/sdk/client-stream?key=${web.secret}`, undefined, { origin: 'https://evil.example' });
    expect(wrongOrigin.status).toBe(403);
    expect(JSON.parse(wrongOrigin.body).error.code).toBe('origin_not_allowed');
    expect(wrongOrigin.headers['access-control-allow-origin']).toBeUndefined();
    await revoke(t, key.id);
    await bearer.ended(2_000);
  });
});
