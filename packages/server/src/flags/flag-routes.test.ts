import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, bearer, testApp } from '../test-support.js';
import { auditOf, createFlag, createServerKey, expectStatus, getConfig, patchConfig, projectUrl } from './test-flags.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/projects/default/environments',
    headers: t.admin,
    payload: { key: 'staging', name: 'Staging' },
  });
});
afterAll(async () => t.close());

const getFlag = (key: string) => t.app.inject({ method: 'GET', url: projectUrl(`/flags/${key}`), headers: t.admin });
const patchFlag = (key: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PATCH', url: projectUrl(`/flags/${key}`), headers: { ...t.admin, ...headers }, payload });
const listFlags = (query: string) => t.app.inject({ method: 'GET', url: projectUrl(`/flags${query}`), headers: t.admin });

describe('creating flags', () => {
  it('gives a boolean flag on/off variants and an off configuration in every environment, and audits it', async () => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/flags'), headers: t.admin, payload: { key: 'dark-mode', name: 'Dark mode' } });
    expectStatus(res, 201);
    expect(res.headers.etag).toBe('"1"');
    const flag = res.json();
    expect(flag).toMatchObject({
      key: 'dark-mode',
      name: 'Dark mode',
      description: '',
      kind: 'boolean',
      variants: [
        { key: 'on', value: true },
        { key: 'off', value: false },
      ],
      onVariant: 'on',
      offVariant: 'off',
      tags: [],
      owner: '',
      lifetime: 'temporary',
      archived: false,
      archivedAt: null,
      version: 1,
    });
    const off = { enabled: false, offVariant: 'off', prerequisites: [], rules: [], fallthrough: { variant: 'on' }, version: 1 };
    expect(Object.keys(flag.environments)).toEqual(['production', 'staging']);
    expect(flag.environments.production).toMatchObject(off);
    expect(flag.environments.staging).toMatchObject(off);
    const audit = await auditOf(t, 'flag', 'dark-mode');
    expect(audit).toMatchObject([{ action: 'flag.created', before: null, after: { key: 'dark-mode', environments: { production: off } } }]);
  });

  it('takes variants of other kinds, serving the first when on and the last when off by default', async () => {
    const flag = await createFlag(t, {
      key: 'checkout-copy',
      kind: 'string',
      variants: [
        { key: 'short', value: 'Buy', name: 'Short' },
        { key: 'long', value: 'Buy now' },
        { key: 'control', value: 'Checkout', description: 'What we have today' },
      ],
      tags: ['checkout', 'copy', 'checkout'],
      owner: 'growth',
      lifetime: 'permanent',
    });
    expect(flag).toMatchObject({ kind: 'string', onVariant: 'short', offVariant: 'control', tags: ['checkout', 'copy'], owner: 'growth', lifetime: 'permanent' });
    expect(flag.variants[2]).toEqual({ key: 'control', value: 'Checkout', description: 'What we have today' });
    expect(flag.environments.production).toMatchObject({ offVariant: 'control', fallthrough: { variant: 'short' } });
    const json = await createFlag(t, { key: 'limits', kind: 'json', variants: [{ key: 'a', value: { max: 3 } }, { key: 'b', value: null }], onVariant: 'b', offVariant: 'a' });
    expect(json.environments.production).toMatchObject({ offVariant: 'a', fallthrough: { variant: 'b' } });
  });

  it.each([
    [{ key: 'Bad Key' }, 'key'],
    [{ key: 'ok-1', name: '' }, 'name'],
    [{ key: 'ok-1', color: 'red' }, 'color'],
    [{ key: 'ok-1', kind: 'float' }, 'kind'],
    [{ key: 'ok-1', kind: 'string' }, 'variants'],
    [{ key: 'ok-1', kind: 'number', variants: [{ key: 'low', value: 1 }, { key: 'high', value: '10' }] }, 'variants[1].value'],
    [{ key: 'ok-1', kind: 'boolean', variants: [{ key: 'yes', value: 'true' }] }, 'variants[0].value'],
    [{ key: 'ok-1', kind: 'string', variants: [{ key: 'a', value: 'x' }, { key: 'a', value: 'y' }] }, 'variants[1].key'],
    [{ key: 'ok-1', kind: 'string', variants: [{ key: 'a', value: 'x', colour: 1 }] }, 'variants[0].colour'],
    [{ key: 'ok-1', kind: 'string', variants: [{ key: 'a' }] }, 'variants[0].value'],
    [{ key: 'ok-1', kind: 'string', variants: [{ key: 'a', value: 'x' }], onVariant: 'b' }, 'onVariant'],
    [{ key: 'ok-1', variants: [] }, 'variants'],
    [{ key: 'ok-1', tags: ['has space'] }, 'tags[0]'],
    [{ key: 'ok-1', lifetime: 'forever' }, 'lifetime'],
  ])('rejects %j with 400 naming the field, creating nothing', async (payload, path) => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/flags'), headers: t.admin, payload: { name: 'x', ...payload } });
    expectStatus(res, 400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.issues[0].path).toBe(path);
    expect(body.error.message).toContain(path);
    expectStatus(await getFlag('ok-1'), 404);
  });

  it('refuses a duplicate key with 409 and a project that does not exist with 404', async () => {
    await createFlag(t, { key: 'twice' });
    const dup = await t.app.inject({ method: 'POST', url: projectUrl('/flags'), headers: t.admin, payload: { key: 'twice', name: 'Again' } });
    expectStatus(dup, 409);
    expect(dup.json().error.code).toBe('already_exists');
    expect((await getFlag('twice')).json().name).toBe('twice');
    const missing = await t.app.inject({ method: 'POST', url: projectUrl('/flags', 'nope'), headers: t.admin, payload: { key: 'x', name: 'x' } });
    expectStatus(missing, 404);
  });

  it('gives flags of a new environment their off configuration', async () => {
    await createFlag(t, { key: 'before-qa' });
    const env = await t.app.inject({ method: 'POST', url: projectUrl('/environments'), headers: t.admin, payload: { key: 'qa', name: 'QA' } });
    expectStatus(env, 201);
    expect(await getConfig(t, 'before-qa', 'qa')).toMatchObject({ enabled: false, offVariant: 'off', fallthrough: { variant: 'on' }, version: 1 });
    expectStatus(await t.app.inject({ method: 'DELETE', url: projectUrl('/environments/qa'), headers: { ...t.admin, 'if-match': '1' } }), 204);
  });
});

describe('listing flags', () => {
  beforeAll(async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'listing', name: 'Listing' } });
    for (const [key, tags, description] of [
      ['alpha', ['web', 'team-a'], 'The first'],
      ['beta', ['web'], 'Second 50%_off'],
      ['gamma', ['api', 'team-a'], ''],
      ['delta', [], 'Has ALPHA in it'],
    ] as const) {
      await createFlag(t, { key, tags, description }, 'listing');
    }
    const version = (await getConfig(t, 'beta', 'production', 'listing')).version;
    await t.app.inject({
      method: 'PATCH',
      url: projectUrl('/flags/beta/environments/production', 'listing'),
      headers: t.admin,
      payload: { enabled: true, version },
    });
  });
  const keys = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: projectUrl(`/flags${query}`, 'listing'), headers: t.admin });
    expectStatus(res, 200);
    return res.json().flags.map((flag: { key: string }) => flag.key);
  };

  it('lists active flags by key with whether each is on in every environment', async () => {
    const res = await t.app.inject({ method: 'GET', url: projectUrl('/flags', 'listing'), headers: t.admin });
    const body = res.json();
    expect(body.flags.map((f: { key: string }) => f.key)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(body.flags[1]).toMatchObject({ key: 'beta', tags: ['web'], environments: { production: { enabled: true, version: 2 } } });
    expect(body.flags[0].environments).toEqual({ production: { enabled: false, version: 1, updatedAt: expect.any(String), servesOne: 'on' } });
    expect(body.nextCursor).toBeNull();
  });

  it('filters by text in key, name or description, ignoring case and wildcards', async () => {
    expect(await keys('?q=alpha')).toEqual(['alpha', 'delta']);
    expect(await keys('?q=SECOND')).toEqual(['beta']);
    expect(await keys('?q=50%25_')).toEqual(['beta']);
    expect(await keys('?q=%25')).toEqual(['beta']);
    expect(await keys('?q=a_p')).toEqual([]);
  });

  it('filters by tags, all of which must match, repeated or comma-separated', async () => {
    expect(await keys('?tag=web')).toEqual(['alpha', 'beta']);
    expect(await keys('?tag=web&tag=team-a')).toEqual(['alpha']);
    expect(await keys('?tag=team-a,api')).toEqual(['gamma']);
  });

  it('pages with a cursor', async () => {
    const first = (await t.app.inject({ method: 'GET', url: projectUrl('/flags?limit=3', 'listing'), headers: t.admin })).json();
    expect(first.flags.map((f: { key: string }) => f.key)).toEqual(['alpha', 'beta', 'delta']);
    expect(first.nextCursor).toBe('delta');
    expect(await keys(`?limit=3&cursor=${first.nextCursor}`)).toEqual(['gamma']);
  });

  it.each([
    ['?limit=0', 'querystring.limit'],
    ['?limit=501', 'querystring.limit'],
    ['?archived=maybe', 'querystring.archived'],
    ['?colour=red', 'querystring.colour'],
  ])('rejects %s with 400 naming the parameter', async (query, path) => {
    const res = await listFlags(query);
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0].path).toBe(path);
  });
});

describe('reading and editing a flag', () => {
  it('reads a flag with every environment, its ETag the flag version', async () => {
    await createFlag(t, { key: 'readable' });
    const res = await getFlag('readable');
    expectStatus(res, 200);
    expect(res.headers.etag).toBe('"1"');
    expect(Object.keys(res.json().environments)).toEqual(['production', 'staging']);
    expect(res.json().environments.staging).toMatchObject({ enabled: false, version: 1, updatedAt: expect.any(String) });
    const missing = await getFlag('nope');
    expectStatus(missing, 404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('edits metadata with the current version, refusing a stale or missing one, and audits before and after', async () => {
    await createFlag(t, { key: 'editable' });
    const ok = await patchFlag('editable', { name: 'Editable', tags: ['x'], owner: 'me', lifetime: 'permanent', description: 'Why' }, { 'if-match': '"1"' });
    expectStatus(ok, 200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ name: 'Editable', tags: ['x'], owner: 'me', lifetime: 'permanent', description: 'Why', version: 2 });
    const stale = await patchFlag('editable', { name: 'Stale', version: 1 });
    expectStatus(stale, 409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const missing = await patchFlag('editable', { name: 'No version' });
    expectStatus(missing, 428);
    expect(missing.json().error.code).toBe('version_required');
    const bad = await patchFlag('editable', { name: '', version: 2 });
    expectStatus(bad, 400);
    expect(bad.json().error.details.issues[0].path).toBe('name');
    expect((await getFlag('editable')).json()).toMatchObject({ name: 'Editable', version: 2 });
    const audit = await auditOf(t, 'flag', 'editable');
    expect(audit[0]).toMatchObject({ action: 'flag.updated', before: { name: 'editable', version: 1 }, after: { name: 'Editable', version: 2 } });
  });

  it('lets exactly one of two concurrent edits based on the same version through', async () => {
    await createFlag(t, { key: 'raced' });
    const [a, b] = await Promise.all([patchFlag('raced', { name: 'A', version: 1 }), patchFlag('raced', { name: 'B', version: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'A' : 'B';
    expect((a.statusCode === 409 ? a : b).json().error.code).toBe('version_conflict');
    expect((await getFlag('raced')).json()).toMatchObject({ name: winner, version: 2 });
    expect((await auditOf(t, 'flag', 'raced')).filter((entry) => entry.action === 'flag.updated')).toHaveLength(1);
  });

  it('adds, renames and removes variants no configuration serves', async () => {
    await createFlag(t, { key: 'plans', kind: 'string', variants: [{ key: 'a', value: 'A' }, { key: 'b', value: 'B' }] });
    const res = await patchFlag('plans', {
      variants: [
        { key: 'a', value: 'A2', name: 'First' },
        { key: 'c', value: 'C' },
        { key: 'b', value: 'B' },
      ],
      version: 1,
    });
    expectStatus(res, 200);
    expect(res.json().variants.map((v: { key: string }) => v.key)).toEqual(['a', 'c', 'b']);
    const removed = await patchFlag('plans', { variants: [{ key: 'a', value: 'A' }, { key: 'b', value: 'B' }], version: 2 });
    expectStatus(removed, 200);
  });

  it('refuses to remove a variant a configuration serves, naming where', async () => {
    await createFlag(t, { key: 'served', kind: 'string', variants: [{ key: 'a', value: 'A' }, { key: 'b', value: 'B' }, { key: 'c', value: 'C' }] });
    expectStatus(
      await patchConfig(t, 'served', { rules: [{ id: 'r1', when: [], serve: { rollout: { split: [{ variant: 'a', weight: 50000 }, { variant: 'b', weight: 50000 }] } } }] }, 'staging'),
      200,
    );
    const res = await patchFlag('served', { variants: [{ key: 'a', value: 'A' }, { key: 'c', value: 'C' }], offVariant: 'c', version: 1 });
    expectStatus(res, 409);
    expect(res.json().error.code).toBe('conflict');
    expect(res.json().error.message).toContain('"b"');
    expect(res.json().error.message).toContain('staging (rules[0].serve.rollout.split[1].variant)');
    expect(res.json().error.details.uses).toEqual([
      { flag: 'served', environment: 'staging', path: 'rules[0].serve.rollout.split[1].variant', variant: 'b', archived: false },
    ]);
    const fallthrough = await patchFlag('served', { variants: [{ key: 'b', value: 'B' }, { key: 'c', value: 'C' }], onVariant: 'b', version: 1 });
    expectStatus(fallthrough, 409);
    expect(fallthrough.json().error.details.uses.map((u: { environment: string; path: string }) => `${u.environment}:${u.path}`)).toEqual([
      'production:fallthrough.variant',
      'staging:rules[0].serve.rollout.split[0].variant',
      'staging:fallthrough.variant',
    ]);
    expect((await getFlag('served')).json().variants).toHaveLength(3);
  });

  it('refuses to remove a variant another flag requires as a prerequisite', async () => {
    await createFlag(t, { key: 'base', kind: 'string', variants: [{ key: 'x', value: 'X' }, { key: 'y', value: 'Y' }] });
    await createFlag(t, { key: 'dependent' });
    expectStatus(await patchConfig(t, 'dependent', { prerequisites: [{ flag: 'base', variant: 'y' }] }), 200);
    const res = await patchFlag('base', { variants: [{ key: 'x', value: 'X' }], version: 1, offVariant: 'x' });
    expectStatus(res, 409);
    expect(res.json().error.message).toContain('flag "dependent" in production (prerequisites[0])');
    expectStatus(await patchFlag('base', { variants: [{ key: 'x', value: 'X2' }, { key: 'y', value: 'Y' }], version: 1 }), 200);
  });

  it.each([
    [{ variants: [{ key: 'a', value: 1 }] }, 'variants[0].value'],
    [{ onVariant: 'nope' }, 'onVariant'],
    [{ kind: 'string' }, 'kind'],
    [{ key: 'renamed' }, 'key'],
  ])('rejects the edit %j with 400 naming the field', async (payload, path) => {
    if ((await getFlag('fixed')).statusCode === 404) await createFlag(t, { key: 'fixed' });
    const res = await patchFlag('fixed', { ...payload, version: 1 });
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0].path).toBe(path);
    expect((await getFlag('fixed')).json().version).toBe(1);
  });
});

describe('archiving, restoring and deleting', () => {
  const post = (key: string, action: 'archive' | 'restore', payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: projectUrl(`/flags/${key}/${action}`), headers: { ...t.admin, ...headers }, ...(payload ? { payload } : {}) });
  const remove = (key: string, version?: number) =>
    t.app.inject({ method: 'DELETE', url: projectUrl(`/flags/${key}`), headers: { ...t.admin, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) } });

  it('archives, lists archived flags apart, freezes their configurations, restores and deletes', async () => {
    await createFlag(t, { key: 'retired' });
    expectStatus(await post('retired', 'archive'), 428);
    expectStatus(await post('retired', 'archive', { version: 7 }), 409);
    const archived = await post('retired', 'archive', undefined, { 'if-match': '1' });
    expectStatus(archived, 200);
    expect(archived.json()).toMatchObject({ archived: true, archivedAt: expect.any(String), version: 2 });
    expect((await listFlags('?archived=true')).json().flags.map((f: { key: string }) => f.key)).toEqual(['retired']);
    expect((await listFlags('?limit=500')).json().flags.map((f: { key: string }) => f.key)).not.toContain('retired');
    expectStatus(await post('retired', 'archive', { version: 2 }), 409);

    const frozen = await patchConfig(t, 'retired', { enabled: true });
    expectStatus(frozen, 409);
    expect(frozen.json().error.message).toContain('archived');
    expect((await getConfig(t, 'retired')).enabled).toBe(false);

    const restored = await post('retired', 'restore', { version: 2 });
    expectStatus(restored, 200);
    expect(restored.json()).toMatchObject({ archived: false, archivedAt: null, version: 3 });
    expectStatus(await post('retired', 'restore', { version: 3 }), 409);

    const active = await remove('retired', 3);
    expectStatus(active, 409);
    expect(active.json().error.message).toContain('archive it');
    expectStatus(await post('retired', 'archive', { version: 3 }), 200);
    expectStatus(await remove('retired'), 428);
    expectStatus(await remove('retired', 3), 409);
    expectStatus(await remove('retired', 4), 204);
    expectStatus(await getFlag('retired'), 404);
    expect((await auditOf(t, 'flag', 'retired')).map((entry) => entry.action)).toEqual([
      'flag.deleted',
      'flag.archived',
      'flag.restored',
      'flag.archived',
      'flag.created',
    ]);
  });

  it('refuses to archive a flag an active flag requires, and to delete one any flag requires', async () => {
    await createFlag(t, { key: 'needed' });
    await createFlag(t, { key: 'needer' });
    expectStatus(await patchConfig(t, 'needer', { prerequisites: [{ flag: 'needed', variant: 'on' }] }, 'staging'), 200);
    const refused = await post('needed', 'archive', { version: 1 });
    expectStatus(refused, 409);
    expect(refused.json().error.message).toContain('flag "needer" in staging (prerequisites[0])');
    expect((await getFlag('needed')).json().archived).toBe(false);

    // Once the dependent is archived too, the prerequisite can be archived, but not deleted.
    expectStatus(await post('needer', 'archive', { version: 1 }), 200);
    expectStatus(await post('needed', 'archive', { version: 1 }), 200);
    const kept = await remove('needed', 2);
    expectStatus(kept, 409);
    expect(kept.json().error.message).toContain('archived flag "needer"');

    // Restoring the dependent first is refused while its prerequisite is archived, naming where.
    const early = await post('needer', 'restore', { version: 2 });
    expectStatus(early, 409);
    expect(early.json().error.details.issues[0]).toMatchObject({ environment: 'staging', path: 'prerequisites[0].flag', code: 'unknown_flag' });
    expectStatus(await post('needed', 'restore', { version: 2 }), 200);
    expectStatus(await post('needer', 'restore', { version: 2 }), 200);
  });

  it('rejects an unknown field in the body', async () => {
    await createFlag(t, { key: 'strict-archive' });
    const res = await post('strict-archive', 'archive', { version: 1, force: true });
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0].path).toBe('force');
  });
});

describe('tokens', () => {
  const routes: [string, string][] = [
    ['GET', '/flags'],
    ['POST', '/flags'],
    ['GET', '/flags/dark-mode'],
    ['PATCH', '/flags/dark-mode'],
    ['POST', '/flags/dark-mode/archive'],
    ['POST', '/flags/dark-mode/restore'],
    ['DELETE', '/flags/dark-mode'],
    ['GET', '/flags/dark-mode/environments/production'],
    ['PUT', '/flags/dark-mode/environments/production'],
    ['PATCH', '/flags/dark-mode/environments/production'],
    ['GET', '/segments'],
    ['POST', '/segments'],
    ['GET', '/segments/staff'],
    ['PUT', '/segments/staff'],
    ['PATCH', '/segments/staff'],
    ['DELETE', '/segments/staff'],
  ];

  it.each(routes)('%s %s admits admin tokens only: 401 without one, 403 with a server key', async (method, path) => {
    const serverKey = await createServerKey(t);
    const inject = (headers: Record<string, string>) =>
      t.app.inject({ method: method as 'GET', url: projectUrl(path), headers, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
    const anonymous = await inject({});
    expectStatus(anonymous, 401);
    expect(anonymous.json().error.code).toBe('unauthorized');
    const server = await inject(bearer(serverKey));
    expectStatus(server, 403);
    expect(server.json().error.code).toBe('forbidden');
  });
});

describe('the OpenAPI document', () => {
  it('describes every flag and segment route with tags, a summary and a description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expectStatus(res, 200);
    const paths = res.json().paths as Record<string, Record<string, { tags?: string[]; summary?: string; description?: string }>>;
    const ours = Object.entries(paths).filter(([path]) => /\/(flags|segments)/.test(path));
    expect(ours.map(([path]) => path).sort()).toEqual([
      '/api/v1/projects/{project}/flags',
      '/api/v1/projects/{project}/flags/{flag}',
      '/api/v1/projects/{project}/flags/{flag}/archive',
      '/api/v1/projects/{project}/flags/{flag}/environments/{environment}',
      '/api/v1/projects/{project}/flags/{flag}/restore',
      '/api/v1/projects/{project}/segments',
      '/api/v1/projects/{project}/segments/{segment}',
    ]);
    for (const [, operations] of ours) {
      for (const operation of Object.values(operations)) {
        expect(operation.tags?.length).toBeGreaterThan(0);
        expect(operation.summary).toBeTruthy();
        expect(operation.description).toBeTruthy();
      }
    }
    // Rules are documented as core's schemas, so clients can generate their types.
    const put = res.json().paths['/api/v1/projects/{project}/flags/{flag}/environments/{environment}'].put;
    const rules = put.requestBody.content['application/json'].schema.properties.rules;
    expect(Object.keys(rules.items.properties)).toEqual(['id', 'when', 'serve']);
  });
});

describe('the client-side setting', () => {
  const versions = async () => {
    const { rows } = await t.db.query<{ key: string; v: string }>("SELECT key, snapshot_version::text AS v FROM environments WHERE project_id = (SELECT id FROM projects WHERE key = 'default') ORDER BY key");
    return Object.fromEntries(rows.map((row) => [row.key, Number(row.v)]));
  };

  it('is off by default, set at creation or with PATCH, shown everywhere, audited, and changes every environment\'s snapshot', async () => {
    const hidden = await createFlag(t, { key: 'cs-hidden' });
    expect(hidden.clientSide).toBe(false);
    const shown = await createFlag(t, { key: 'cs-shown', clientSide: true });
    expect(shown.clientSide).toBe(true);
    expect((await getFlag('cs-shown')).json()).toMatchObject({ clientSide: true });
    const list = (await listFlags('?q=cs-')).json<{ flags: { key: string; clientSide: boolean }[] }>();
    expect(list.flags.map(({ key, clientSide }) => ({ key, clientSide }))).toEqual([
      { key: 'cs-hidden', clientSide: false },
      { key: 'cs-shown', clientSide: true },
    ]);

    const before = await versions();
    const res = await patchFlag('cs-hidden', { clientSide: true, version: 1 });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ clientSide: true, version: 2 });
    const after = await versions();
    for (const environment of Object.keys(before)) expect(after[environment], environment).toBe(before[environment]! + 1);
    const audit = await auditOf(t, 'flag', 'cs-hidden');
    expect(audit[0]).toMatchObject({ action: 'flag.updated', before: { clientSide: false }, after: { clientSide: true } });
    // Other edits keep it.
    expect((await patchFlag('cs-hidden', { name: 'Renamed', version: 2 })).json()).toMatchObject({ clientSide: true });
    expect((await patchFlag('cs-hidden', { clientSide: false, version: 3 })).json()).toMatchObject({ clientSide: false });
  });

  it('must be a boolean', async () => {
    await createFlag(t, { key: 'cs-bad' });
    const res = await patchFlag('cs-bad', { clientSide: 'yes', version: 1 });
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0].path).toBe('clientSide');
    const created = await t.app.inject({ method: 'POST', url: projectUrl('/flags'), headers: t.admin, payload: { key: 'cs-bad-2', name: 'x', clientSide: 1 } });
    expectStatus(created, 400);
  });
});

