import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { MIGRATIONS_DIR } from '../server.js';
import { type TestApp, testApp, testDatabase } from '../test-support.js';
import { readMigrations } from './migrate.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 60_000);
afterAll(async () => t.close(), 30_000);

const silent = pino({ level: 'silent' });

describe('health and readiness', { timeout: 30_000 }, () => {
  it('answers /healthz without a token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is ready on a migrated database, and says which kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: t.db.kind });
    expect(t.db.kind).toBe(process.env.DIAL_TEST_DATABASE_URL ? 'postgres' : 'embedded');
  });

  it('is not ready on a database that was never migrated, and becomes ready when it is', async () => {
    const database = await testDatabase();
    const app = await buildApp({ db: database.db, logger: silent, migrations: readMigrations(MIGRATIONS_DIR) });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', reason: 'migrations are not all applied' });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.cleanup();
    }
  });

  it('is not ready when a migration is missing, nor when the database is closed', async () => {
    const other = await testApp();
    try {
      await other.db.query('DELETE FROM schema_migrations WHERE version = 1');
      const missing = await other.app.inject({ method: 'GET', url: '/readyz' });
      expect(missing.statusCode).toBe(503);
      expect(missing.json().reason).toBe('migrations are not all applied');

      await other.db.close();
      const closed = await other.app.inject({ method: 'GET', url: '/readyz' });
      expect(closed.statusCode).toBe(503);
      expect(closed.json()).toEqual({ status: 'unavailable', reason: 'the database does not answer' });
      expect((await other.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('metrics', () => {
  it('exposes request durations by route template and status, the database pool and the process', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/projects/default', headers: t.admin });
    await t.app.inject({ method: 'GET', url: '/api/v1/projects/nope', headers: t.admin });
    await t.app.inject({ method: 'GET', url: '/no/such/route/42' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toContain('# TYPE dial_http_request_duration_seconds histogram');
    expect(text).toMatch(/dial_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/projects\/:project",status_code="200"\} 1\n/);
    expect(text).toMatch(/dial_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/projects\/:project",status_code="404"\} 1\n/);
    // Unknown paths share one label, so scanners cannot grow the metrics without bound.
    expect(text).toMatch(/dial_http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1\n/);
    expect(text).not.toContain('/no/such/route');
    expect(text).not.toContain('route="/api/v1/projects/default"');
    expect(text).toMatch(/dial_db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/dial_db_pool_connections\{state="idle"\} \d+/);
    expect(text).toMatch(/dial_db_pool_connections\{state="waiting"\} \d+/);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  it('keeps each app its own registry', async () => {
    const other = await buildApp({ db: t.db, logger: silent, migrations: readMigrations(MIGRATIONS_DIR) });
    try {
      const text = (await other.inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).not.toContain('route="/api/v1/projects/:project"');
    } finally {
      await other.close();
    }
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every `$ref` in a document, with the JSON pointer it is found at. */
function refs(value: Json, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => refs(item, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [{ at, ref: child }] : refs(child, `${at}/${key}`),
  );
}

function resolvePointer(document: Json, pointer: string): Json | undefined {
  let node: Json | undefined = document;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter((p) => p !== '')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    node = node !== null && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
  }
  return node;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('the OpenAPI document', () => {
  it('is a well-formed OpenAPI 3.1 document of the projects, tokens and audit routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json<Record<string, Json> & { paths: Record<string, Record<string, Record<string, Json>>> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Dial API', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(doc.components).toMatchObject({ securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } });

    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/readyz',
        '/api/v1/projects',
        '/api/v1/projects/{project}',
        '/api/v1/tokens',
        '/api/v1/tokens/{id}',
        '/api/v1/audit',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/tokens']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/tokens/{id}']!)).toEqual(['delete']);
    // Plumbing is left out of the reference.
    expect(paths).not.toContain('/metrics');
    expect(paths).not.toContain('/api/v1/openapi.json');
    expect(paths.some((p) => p.startsWith('/api/docs'))).toBe(false);

    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path, 'paths use {name} templates').not.toMatch(/:/);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(item)) {
        expect(METHODS, `${path}: ${method}`).toContain(method);
        const responses = operation.responses as Record<string, Json>;
        expect(Object.keys(responses).length, `${method} ${path} has responses`).toBeGreaterThan(0);
        for (const status of Object.keys(responses)) expect(status).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
        const params = (operation.parameters ?? []) as { name: string; in: string; required?: boolean }[];
        for (const name of templated) {
          expect(params, `${method} ${path} declares {${name}}`).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
        }
      }
    }

    const audit = doc.paths['/api/v1/audit']!.get!;
    const auditParams = (audit.parameters as { name: string; in: string }[]).filter((p) => p.in === 'query').map((p) => p.name);
    expect(auditParams).toEqual(
      expect.arrayContaining(['resourceType', 'resource', 'project', 'environment', 'actor', 'action', 'from', 'to', 'cursor', 'limit']),
    );
    const created = doc.paths['/api/v1/tokens']!.post!;
    expect(created.requestBody).toMatchObject({ content: { 'application/json': { schema: expect.any(Object) } } });

    for (const { at, ref } of refs(doc as Json)) {
      expect(ref, `${at} refers within the document`).toMatch(/^#\//);
      expect(resolvePointer(doc as Json, ref), `${at}: ${ref} resolves`).toBeDefined();
    }
  });

  it('serves the browsable reference at /api/docs', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
      const location = new URL(String(res.headers.location), 'http://localhost/api/docs/');
      res = await t.app.inject({ method: 'GET', url: location.pathname });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    const spec = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.json().openapi).toBe('3.1.0');
  });
});

describe('the HTTP plumbing', () => {
  it('answers an unknown route with a 404 error body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ error: { code: 'route_not_found', message: 'No route GET /api/v1/nothing-here' } });
    const post = await t.app.inject({ method: 'POST', url: '/healthz', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('route_not_found');
  });

  it('echoes an incoming request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'edge-7f3a:42' } });
    expect(res.headers['x-request-id']).toBe('edge-7f3a:42');
  });

  it('makes up a request id when there is none, or the incoming one is unfit for logs', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const first = await t.app.inject({ method: 'GET', url: '/healthz' });
    const second = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(first.headers['x-request-id']).toMatch(uuid);
    expect(second.headers['x-request-id']).toMatch(uuid);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    for (const unfit of ['has spaces', 'x'.repeat(129), 'line\u2028break', '']) {
      const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': unfit } });
      expect(res.headers['x-request-id']).toMatch(uuid);
    }
  });

  it('gives error responses a request id too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: { 'x-request-id': 'req-401' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-request-id']).toBe('req-401');
  });
});
