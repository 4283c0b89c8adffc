import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

async function createServerKey() {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: t.admin,
    payload: { kind: 'server', name: 'svc', project: 'default', environment: 'production' },
  });
  return res.json<{ secret: string }>().secret;
}

describe('projects', () => {
  it('starts with project default and its production environment', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects/default', headers: t.admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ key: 'default', version: 1, environments: [{ key: 'production' }] });
    expect(res.headers.etag).toBe('"1"');
  });

  it('creates a project with production, or the environments given, and audits it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'shop', name: 'Shop' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().environments.map((e: { key: string }) => e.key)).toEqual(['production']);
    const custom = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: t.admin,
      payload: { key: 'api', name: 'API', environments: [{ key: 'staging', name: 'Staging' }, { key: 'prod', name: 'Prod' }] },
    });
    expect(custom.json().environments.map((e: { key: string }) => e.key)).toEqual(['staging', 'prod']);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?resourceType=project&resource=shop', headers: t.admin });
    expect(audit.json().entries).toMatchObject([{ action: 'project.created', actor: { name: 'DIAL_ADMIN_TOKEN' }, before: null, after: { key: 'shop' } }]);
  });

  it('refuses a duplicate key with 409 and changes nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'default', name: 'Again' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_exists');
  });

  it.each([
    [{ key: 'Bad Key', name: 'x' }, 'key'],
    [{ key: 'ok', name: '' }, 'name'],
    [{ key: 'ok', name: 'x', color: 'red' }, 'color'],
    [{ key: 'ok' }, 'name'],
    [{ key: 42, name: 'x' }, 'key'],
  ])('rejects %j with 400 naming the field', async (payload, path) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.issues[0].path).toBe(path);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects/ok', headers: t.admin })).statusCode).toBe(404);
  });

  it('rejects malformed JSON and wrong content types without a 500', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { ...t.admin, 'content-type': 'application/json' },
      payload: '{"key": "x",',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_json');
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: { ...t.admin, 'content-type': 'text/plain' }, payload: 'hi' });
    expect(text.statusCode).toBe(415);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { ...t.admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ key: 'big', name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('updates with the current version, and refuses a stale or missing one', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'versioned', name: 'V' } });
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/projects/versioned',
      headers: { ...t.admin, 'if-match': '"1"' },
      payload: { name: 'V2' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'V2', version: 2 });
    const stale = await t.app.inject({ method: 'PATCH', url: '/api/v1/projects/versioned', headers: t.admin, payload: { name: 'V3', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/v1/projects/versioned', headers: t.admin, payload: { name: 'V3' } });
    expect(missing.statusCode).toBe(428);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/projects/versioned', headers: t.admin });
    expect(after.json()).toMatchObject({ name: 'V2', version: 2 });
  });

  it('deletes an empty project with its version', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'doomed', name: 'D' } });
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/projects/doomed', headers: { ...t.admin, 'if-match': '1' } });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects/doomed', headers: t.admin })).statusCode).toBe(404);
  });

  it('answers 404 for an unknown project', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects/nope', headers: t.admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('admits admin tokens only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    const serverKey = await createServerKey();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: { authorization: `Bearer ${serverKey}` } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });
});

describe('environments', () => {
  it('adds, renames and deletes environments, keeping at least one', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'envs', name: 'Envs' } });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects/envs/environments',
      headers: t.admin,
      payload: { key: 'staging', name: 'Staging' },
    });
    expect(created.statusCode).toBe(201);
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/projects/envs/environments', headers: t.admin, payload: { key: 'staging', name: 'S' } });
    expect(dup.statusCode).toBe(409);
    const badSource = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects/envs/environments',
      headers: t.admin,
      payload: { key: 'beta', name: 'Beta', copyFrom: 'nope' },
    });
    expect(badSource.statusCode).toBe(404);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/projects/envs/environments/staging',
      headers: t.admin,
      payload: { name: 'Stage', version: 1 },
    });
    expect(renamed.json()).toMatchObject({ name: 'Stage', version: 2 });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/projects/envs/environments', headers: t.admin });
    expect(list.json().environments.map((e: { key: string }) => e.key)).toEqual(['production', 'staging']);
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/v1/projects/envs/environments/staging', headers: { ...t.admin, 'if-match': '2' } })).statusCode,
    ).toBe(204);
    const last = await t.app.inject({ method: 'DELETE', url: '/api/v1/projects/envs/environments/production', headers: { ...t.admin, 'if-match': '1' } });
    expect(last.statusCode).toBe(409);
    const one = await t.app.inject({ method: 'GET', url: '/api/v1/projects/envs/environments/production', headers: t.admin });
    expect(one.statusCode).toBe(200);
  });
});
