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

  it('keeps events 90 days unless told otherwise; the retention is set on creation or with PATCH, versioned and audited', async () => {
    const plain = await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'kept', name: 'Kept' } });
    expect(plain.json()).toMatchObject({ eventRetentionDays: 90 });
    const short = await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'brief', name: 'Brief', eventRetentionDays: 7 } });
    expect(short.json()).toMatchObject({ eventRetentionDays: 7, version: 1 });

    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/projects/kept', headers: t.admin, payload: { eventRetentionDays: 3650, version: 1 } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Kept', eventRetentionDays: 3650, version: 2 });
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/projects/kept', headers: t.admin });
    expect(read.json()).toMatchObject({ eventRetentionDays: 3650, version: 2 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: t.admin })).json().projects).toContainEqual(
      expect.objectContaining({ key: 'brief', eventRetentionDays: 7 }),
    );
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?resourceType=project&resource=kept', headers: t.admin });
    expect(audit.json().entries[0]).toMatchObject({ action: 'project.updated', before: { eventRetentionDays: 90 }, after: { eventRetentionDays: 3650 } });

    // A name change leaves the retention as it was.
    const renamed = await t.app.inject({ method: 'PATCH', url: '/api/v1/projects/kept', headers: t.admin, payload: { name: 'Kept long', version: 2 } });
    expect(renamed.json()).toMatchObject({ eventRetentionDays: 3650, version: 3 });
  });

  it.each([0, 3651, 1.5, '30', null])('refuses eventRetentionDays %j with 400 naming the field, and changes nothing', async (days) => {
    const patch = await t.app.inject({ method: 'PATCH', url: '/api/v1/projects/default', headers: t.admin, payload: { eventRetentionDays: days, version: 1 } });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details.issues[0].path).toBe('eventRetentionDays');
    const create = await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'never', name: 'Never', eventRetentionDays: days } });
    expect(create.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects/default', headers: t.admin })).json()).toMatchObject({ eventRetentionDays: 90, version: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects/never', headers: t.admin })).statusCode).toBe(404);
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

describe('CORS origins of an environment', () => {
  const url = '/api/v1/projects/default/environments/production';
  const snapshotVersion = async () => (await findEnvironmentSnapshotVersion()) ?? 0;
  const findEnvironmentSnapshotVersion = async () => {
    const { rows } = await t.db.query<{ v: string }>("SELECT snapshot_version::text AS v FROM environments WHERE key = 'production' AND project_id = (SELECT id FROM projects WHERE key = 'default')");
    return rows[0] === undefined ? undefined : Number(rows[0].v);
  };

  it('allows every origin by default, and is set with PATCH: versioned, audited, and a new snapshot version', async () => {
    const before = await t.app.inject({ method: 'GET', url, headers: t.admin });
    expect(before.json()).toMatchObject({ corsOrigins: ['*'] });
    const version = before.json<{ version: number }>().version;
    const snapshotBefore = await snapshotVersion();
    const origins = ['https://app.example.com', 'http://localhost:5173', 'https://app.example.com'];
    const res = await t.app.inject({ method: 'PATCH', url, headers: t.admin, payload: { corsOrigins: origins, version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ corsOrigins: ['https://app.example.com', 'http://localhost:5173'], version: version + 1 });
    expect((await t.app.inject({ method: 'GET', url, headers: t.admin })).json()).toMatchObject({ corsOrigins: ['https://app.example.com', 'http://localhost:5173'] });
    expect(await snapshotVersion()).toBe(snapshotBefore + 1);
    const stale = await t.app.inject({ method: 'PATCH', url, headers: t.admin, payload: { corsOrigins: ['*'], version } });
    expect(stale.statusCode).toBe(409);

    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?resourceType=environment&resource=production', headers: t.admin });
    expect(audit.json().entries[0]).toMatchObject({
      action: 'environment.updated',
      before: { corsOrigins: ['*'] },
      after: { corsOrigins: ['https://app.example.com', 'http://localhost:5173'] },
    });
    // A rename leaves the origins, and what SDKs are served, as they were.
    const renamed = await t.app.inject({ method: 'PATCH', url, headers: t.admin, payload: { name: 'Production', version: version + 1 } });
    expect(renamed.json()).toMatchObject({ corsOrigins: ['https://app.example.com', 'http://localhost:5173'] });
    expect(await snapshotVersion()).toBe(snapshotBefore + 1);
    const reset = await t.app.inject({ method: 'PATCH', url, headers: t.admin, payload: { corsOrigins: ['*'], version: version + 2 } });
    expect(reset.json()).toMatchObject({ corsOrigins: ['*'] });
  });

  it.each([
    [['https://app.example.com/'], 'corsOrigins[0]'],
    [['https://App.example.com'], 'corsOrigins[0]'],
    [['app.example.com'], 'corsOrigins[0]'],
    [['*', 'ftp://files.example.com'], 'corsOrigins[1]'],
    [['https://app.example.com:443'], 'corsOrigins[0]'],
    [['https://app.example.com/path'], 'corsOrigins[0]'],
    ['*', 'corsOrigins'],
  ])('refuses corsOrigins %j, naming %s', async (corsOrigins, path) => {
    const { version } = (await t.app.inject({ method: 'GET', url, headers: t.admin })).json<{ version: number }>();
    const res = await t.app.inject({ method: 'PATCH', url, headers: t.admin, payload: { corsOrigins, version } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe(path);
    expect((await t.app.inject({ method: 'GET', url, headers: t.admin })).json()).toMatchObject({ version });
  });
});
