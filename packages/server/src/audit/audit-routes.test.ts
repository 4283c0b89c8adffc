import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, bearer, testApp } from '../test-support.js';

let t: TestApp;
/** The second admin token, named "ops-bot". */
let opsBot: { authorization: string };
let opsBotId: number;

interface Entry {
  id: string;
  at: string;
  actor: { id: string; name: string };
  action: string;
  resource: { type: string; key: string; project: string | null; environment: string | null };
  before: unknown;
  after: unknown;
  requestId: string | null;
}
interface Page {
  entries: Entry[];
  nextCursor: string | null;
}

async function post(url: string, headers: Record<string, string>, payload: object) {
  const res = await t.app.inject({ method: 'POST', url, headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function audit(query = ''): Promise<Page> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: t.admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

const actions = (page: Page) => page.entries.map((entry) => `${entry.action} ${entry.resource.key}`);

/**
 * Five changes, newest last:
 * 1. admin creates the token ops-bot; 2. admin creates project shop;
 * 3. ops-bot creates project api; 4. ops-bot adds environment staging to api;
 * 5. admin renames shop.
 */
beforeAll(async () => {
  t = await testApp();
  const created = await post('/api/v1/tokens', t.admin, { kind: 'admin', name: 'ops-bot' });
  opsBot = bearer(created.secret);
  opsBotId = created.token.id;
  await post('/api/v1/projects', { ...t.admin, 'x-request-id': 'req-shop' }, { key: 'shop', name: 'Shop' });
  await post('/api/v1/projects', opsBot, { key: 'api', name: 'API' });
  await post('/api/v1/projects/api/environments', opsBot, { key: 'staging', name: 'Staging' });
  const renamed = await t.app.inject({ method: 'PATCH', url: '/api/v1/projects/shop', headers: t.admin, payload: { name: 'Shop 2', version: 1 } });
  expect(renamed.statusCode).toBe(200);
}, 60_000);
afterAll(async () => t.close(), 30_000);

describe('reading the audit log', () => {
  it('lists every change newest first, with who, what, before and after', async () => {
    const page = await audit();
    expect(actions(page)).toEqual([
      'project.updated shop',
      'environment.created staging',
      'project.created api',
      'project.created shop',
      `token.created ${opsBotId}`,
    ]);
    expect(page.nextCursor).toBeNull();
    const ids = page.entries.map((entry) => BigInt(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    const shop = page.entries[3]!;
    expect(shop).toMatchObject({
      actor: { id: expect.stringMatching(/^token:\d+$/), name: 'DIAL_ADMIN_TOKEN' },
      resource: { type: 'project', key: 'shop', project: 'shop', environment: null },
      before: null,
      after: { key: 'shop', name: 'Shop' },
      requestId: 'req-shop',
    });
    expect(new Date(shop.at).toISOString()).toBe(shop.at);
    expect(page.entries[0]).toMatchObject({ before: { name: 'Shop' }, after: { name: 'Shop 2' } });
  });

  it.each([
    ['?resourceType=project', ['project.updated shop', 'project.created api', 'project.created shop']],
    ['?resourceType=project&resource=shop', ['project.updated shop', 'project.created shop']],
    ['?resource=staging', ['environment.created staging']],
    ['?project=api', ['environment.created staging', 'project.created api']],
    ['?environment=staging', ['environment.created staging']],
    ['?action=project.created', ['project.created api', 'project.created shop']],
    ['?action=project.created&project=api', ['project.created api']],
    ['?actor=ops-bot', ['environment.created staging', 'project.created api']],
    ['?resourceType=nothing', []],
    ['?actor=nobody', []],
  ])('filters with %s', async (query, expected) => {
    expect(actions(await audit(query))).toEqual(expected);
  });

  it('filters by actor id as well as by name', async () => {
    expect(actions(await audit(`?actor=token:${opsBotId}`))).toEqual(actions(await audit('?actor=ops-bot')));
    const admin = (await audit('?actor=DIAL_ADMIN_TOKEN')).entries;
    expect(admin.map((entry) => entry.action)).toEqual(['project.updated', 'project.created', 'token.created']);
    expect(actions(await audit(`?actor=${encodeURIComponent(admin[0]!.actor.id)}`))).toEqual(actions({ entries: admin, nextCursor: null }));
  });

  it('pages with a cursor: limit 2 over 5 entries is 3 pages, each entry once', async () => {
    const all = await audit();
    expect(all.entries).toHaveLength(5);
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await audit(`?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      sizes.push(page.entries.length);
      seen.push(...page.entries.map((entry) => entry.id));
      cursor = page.nextCursor;
      if (cursor !== null) expect(cursor).toBe(page.entries.at(-1)!.id);
    } while (cursor !== null && sizes.length < 10);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(all.entries.map((entry) => entry.id));
    expect(new Set(seen).size).toBe(5);
  });

  it('pages within a filter, and ends with a null cursor when the last page is exactly full', async () => {
    const first = await audit('?resourceType=project&limit=2');
    expect(actions(first)).toEqual(['project.updated shop', 'project.created api']);
    expect(first.nextCursor).not.toBeNull();
    const second = await audit(`?resourceType=project&limit=2&cursor=${first.nextCursor}`);
    expect(actions(second)).toEqual(['project.created shop']);
    expect(second.nextCursor).toBeNull();
    const exact = await audit('?resourceType=project&limit=3');
    expect(exact.entries).toHaveLength(3);
    expect(exact.nextCursor).toBeNull();
  });

  it('records nothing for a change that was refused', async () => {
    const before = (await audit('?limit=500')).entries.length;
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'shop', name: 'Again' } });
    expect(dup.statusCode).toBe(409);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.admin, payload: { kind: 'server', name: 'x', project: 'nope', environment: 'production' } });
    expect(bad.statusCode).toBe(404);
    expect((await audit('?limit=500')).entries).toHaveLength(before);
  });
});

describe('bad queries', () => {
  it.each([
    ['from=yesterday', 'from'],
    ['to=2024-13-01T00:00:00Z', 'to'],
    ['from=2024-01-01', 'from'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1.5', 'limit'],
    ['cursor=abc', 'cursor'],
    ['cursor=-1', 'cursor'],
    ['cursor=99999999999999999999', 'cursor'],
    ['cursor=9223372036854775808', 'cursor'],
    ['bogus=1', 'bogus'],
    ['actor=a&actor=b', 'actor'],
  ])('refuses ?%s with 400 naming %s', async (query, parameter) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?${query}`, headers: t.admin });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(parameter);
    expect(error.details.issues.map((issue: { path: string }) => issue.path)).toContain(`querystring.${parameter}`);
  });

  it('accepts the largest cursor there can be', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit?cursor=9223372036854775807&limit=1', headers: t.admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().entries).toHaveLength(1);
  });
});

describe('who may read it', () => {
  it('refuses a request without a token, or with an unknown one, with 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer('dial_admin_not-a-real-token') });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('unauthorized');
  });

  it('refuses server and client keys with 403', async () => {
    for (const kind of ['server', 'client']) {
      const key = await post('/api/v1/tokens', t.admin, { kind, name: `${kind} key`, project: 'default', environment: 'production' });
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(key.secret) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });
});

describe('time ranges, and entries beyond the ninth', () => {
  const insert = (at: string, key: string) =>
    t.db.query(
      `INSERT INTO audit_log (at, actor_id, actor_name, action, resource_type, resource_key)
       VALUES ($1, 'token:999', 'importer', 'widget.imported', 'widget', $2)`,
      [at, key],
    );

  it('filters from (inclusive) to (exclusive), in any offset', async () => {
    await insert('2021-06-01T00:00:00Z', 'w2021');
    await insert('2022-06-01T00:00:00Z', 'w2022');
    await insert('2023-06-01T00:00:00Z', 'w2023');
    const keys = async (range: string) => (await audit(`?resourceType=widget&${range}`)).entries.map((entry) => entry.resource.key);
    expect(await keys('from=2022-01-01T00:00:00Z')).toEqual(['w2023', 'w2022']);
    expect(await keys('to=2022-06-01T00:00:00Z')).toEqual(['w2021']);
    expect(await keys('from=2022-06-01T00:00:00Z&to=2023-06-01T00:00:00Z')).toEqual(['w2022']);
    expect(await keys('from=2022-06-01T00:00:00.001Z')).toEqual(['w2023']);
    expect(await keys(`from=${encodeURIComponent('2022-06-01T02:00:00+02:00')}&to=${encodeURIComponent('2022-06-01T02:00:01+02:00')}`)).toEqual([
      'w2022',
    ]);
    expect(await keys('from=2030-01-01T00:00:00Z')).toEqual([]);
    const entry = (await audit('?resourceType=widget&limit=1')).entries[0]!;
    expect(entry).toMatchObject({ at: '2023-06-01T00:00:00.000Z', actor: { id: 'token:999', name: 'importer' }, before: null, after: null, requestId: null });
  });

  it('keeps newest-first order past entry 9 and 99, across pages', async () => {
    for (let i = 0; i < 100; i++) await insert('2024-01-01T00:00:00Z', `bulk${i}`);
    const seen: bigint[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await audit(`?resourceType=widget&limit=7${cursor === null ? '' : `&cursor=${cursor}`}`);
      seen.push(...page.entries.map((entry) => BigInt(entry.id)));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(103);
    expect(seen).toEqual([...seen].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  });
});

describe('append-only', () => {
  const count = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n);

  it.each([
    "UPDATE audit_log SET action = 'forged'",
    "UPDATE audit_log SET actor_name = 'someone else' WHERE resource_key = 'shop'",
    'DELETE FROM audit_log',
    "DELETE FROM audit_log WHERE resource_key = 'shop'",
    'TRUNCATE audit_log',
  ])('refuses %s on the database itself', async (sql) => {
    const before = await count();
    const snapshot = await t.db.query('SELECT * FROM audit_log ORDER BY id');
    await expect(t.db.query(sql)).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('audit_log is append-only') });
    await expect(t.db.transaction((tx) => tx.query(sql))).rejects.toMatchObject({ code: '42501' });
    expect(await count()).toBe(before);
    expect((await t.db.query('SELECT * FROM audit_log ORDER BY id')).rows).toEqual(snapshot.rows);
  });

  it('accepts new entries', async () => {
    const before = await count();
    await t.db.query(
      "INSERT INTO audit_log (actor_id, actor_name, action, resource_type, resource_key) VALUES ('token:1', 'x', 'test.appended', 'test', 'one')",
    );
    expect(await count()).toBe(before + 1);
    expect(actions(await audit('?action=test.appended'))).toEqual(['test.appended one']);
  });
});
