import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support.js';
import { auditOf, createFlag, createSegment, expectStatus, patchConfig, projectUrl } from './test-flags.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const getSegment = (key: string) => t.app.inject({ method: 'GET', url: projectUrl(`/segments/${key}`), headers: t.admin });
const send = (method: 'PUT' | 'PATCH' | 'DELETE', key: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url: projectUrl(`/segments/${key}`), headers: { ...t.admin, ...headers }, ...(payload ? { payload } : {}) });
const keysOf = (count: number) => Array.from({ length: count }, (_, i) => `user-${i}`);

describe('creating and reading segments', () => {
  it('creates a segment with lists and rule groups, reads it with its ETag, and audits it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: projectUrl('/segments'),
      headers: t.admin,
      payload: {
        key: 'staff',
        name: 'Staff',
        description: 'People who work here',
        include: ['u-1', 'u-2'],
        exclude: ['u-9'],
        rules: [[{ attr: 'email', op: 'endsWith', values: ['@example.com'] }]],
      },
    });
    expectStatus(res, 201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ key: 'staff', name: 'Staff', include: ['u-1', 'u-2'], exclude: ['u-9'], version: 1 });
    const read = await getSegment('staff');
    expectStatus(read, 200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual({ ...res.json() });
    expect(await auditOf(t, 'segment', 'staff')).toMatchObject([{ action: 'segment.created', before: null, after: { key: 'staff' } }]);
    expectStatus(await getSegment('nope'), 404);
  });

  it('defaults lists and rules to empty, and nests segments that exist', async () => {
    expect(await createSegment(t, { key: 'empty' })).toMatchObject({ description: '', include: [], exclude: [], rules: [] });
    expect(await createSegment(t, { key: 'staff-or-beta', rules: [[{ segment: 'staff' }], [{ attr: 'beta', op: 'exists' }]] })).toMatchObject({
      rules: [[{ segment: 'staff' }], [{ attr: 'beta', op: 'exists' }]],
    });
  });

  it.each<[string, Record<string, unknown>, string, string?]>([
    ['a bad key', { key: 'Bad Key' }, 'key', 'invalid_format'],
    ['an unknown field', { key: 'ok', colour: 'red' }, 'colour', 'unknown_field'],
    ['an empty name', { key: 'ok', name: ' ' }, 'name'],
    ['a key listed twice', { key: 'ok', include: ['a', 'b', 'a'] }, 'include[2]', 'duplicate'],
    ['a list of over 10,000 keys', { key: 'ok', exclude: keysOf(10_001) }, 'exclude', 'too_big'],
    ['an unknown nested segment', { key: 'ok', rules: [[{ attr: 'plan', op: 'eq', values: ['pro'] }, { segment: 'nobody' }]] }, 'rules[0][1].segment', 'unknown_segment'],
    ['a segment containing itself', { key: 'ok', rules: [[{ segment: 'ok' }]] }, 'rules[0][0].segment', 'segment_cycle'],
    ['a bad condition', { key: 'ok', rules: [[{ attr: 'age', op: 'gt', values: ['18'] }]] }, 'rules[0][0].values[0]'],
  ])('rejects %s with 400 at its path, creating nothing', async (_what, payload, path, code) => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/segments'), headers: t.admin, payload: { name: 'x', ...payload } });
    expectStatus(res, 400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues[0].path).toBe(path);
    if (code !== undefined) expect(error.details.issues[0].code).toBe(code);
    expectStatus(await getSegment('ok'), 404);
  });

  it('accepts lists of 10,000 keys', async () => {
    const segment = await createSegment(t, { key: 'big', include: keysOf(10_000) });
    expect(segment.include).toHaveLength(10_000);
  });

  it('refuses a duplicate key with 409', async () => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/segments'), headers: t.admin, payload: { key: 'staff', name: 'Again' } });
    expectStatus(res, 409);
    expect(res.json().error.code).toBe('already_exists');
  });
});

describe('listing segments', () => {
  beforeAll(async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'seglist', name: 'Segments' } });
    for (const key of ['one', 'two', 'three']) await createSegment(t, { key, description: key === 'two' ? 'Beta TESTERS' : '', include: ['a'] }, 'seglist');
  });
  const list = (query: string) => t.app.inject({ method: 'GET', url: projectUrl(`/segments${query}`, 'seglist'), headers: t.admin });

  it('lists by key with the sizes of their lists, filtered by text and paged', async () => {
    const all = (await list('')).json();
    expect(all.segments.map((s: { key: string }) => s.key)).toEqual(['one', 'three', 'two']);
    expect(all.segments[0]).toMatchObject({ key: 'one', included: 1, excluded: 0, ruleGroups: 0, version: 1 });
    expect(all.segments[0].include).toBeUndefined();
    expect((await list('?q=testers')).json().segments.map((s: { key: string }) => s.key)).toEqual(['two']);
    const first = (await list('?limit=2')).json();
    expect(first.segments.map((s: { key: string }) => s.key)).toEqual(['one', 'three']);
    expect((await list(`?limit=2&cursor=${first.nextCursor}`)).json()).toMatchObject({ segments: [{ key: 'two' }], nextCursor: null });
  });

  it('rejects a bad limit with 400 naming it', async () => {
    const res = await list('?limit=-1');
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0].path).toBe('querystring.limit');
  });
});

describe('editing segments', () => {
  it('replaces a segment with its version, leaving out lists as empty', async () => {
    await createSegment(t, { key: 'replaced', include: ['a'], exclude: ['b'] });
    const res = await send('PUT', 'replaced', { name: 'Replaced', include: ['c'], version: 1 });
    expectStatus(res, 200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ key: 'replaced', name: 'Replaced', description: '', include: ['c'], exclude: [], version: 2 });
    const [entry] = await auditOf(t, 'segment', 'replaced')
    expect(entry).toMatchObject({ action: 'segment.updated', before: { include: ['a'], version: 1 }, after: { include: ['c'], version: 2 } });
  });

  it('changes part of a segment, keeping the rest', async () => {
    await createSegment(t, { key: 'patched', description: 'Kept', include: ['a'] });
    const res = await send('PATCH', 'patched', { exclude: ['z'] }, { 'if-match': '"1"' });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ description: 'Kept', include: ['a'], exclude: ['z'], version: 2 });
  });

  it('refuses stale and missing versions, bad input and a cycle, changing nothing', async () => {
    await createSegment(t, { key: 'guarded' });
    await createSegment(t, { key: 'outer', rules: [[{ segment: 'guarded' }]] });
    const stale = await send('PATCH', 'guarded', { include: ['x'], version: 2 });
    expectStatus(stale, 409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 1 } });
    expectStatus(await send('PUT', 'guarded', { name: 'No version' }), 428);
    const key = await send('PUT', 'guarded', { key: 'renamed', name: 'x', version: 1 });
    expectStatus(key, 400);
    expect(key.json().error.details.issues[0].path).toBe('key');
    const cycle = await send('PATCH', 'guarded', { rules: [[{ segment: 'outer' }]], version: 1 });
    expectStatus(cycle, 400);
    expect(cycle.json().error.details.issues[0]).toMatchObject({ path: 'rules[0][0].segment', code: 'segment_cycle' });
    expect(cycle.json().error.message).toContain('guarded → outer → guarded');
    expect((await getSegment('guarded')).json()).toMatchObject({ include: [], rules: [], version: 1 });
  });

  it('lets exactly one of two concurrent edits based on the same version through', async () => {
    await createSegment(t, { key: 'raced' });
    const [a, b] = await Promise.all([send('PATCH', 'raced', { include: ['a'], version: 1 }), send('PATCH', 'raced', { include: ['b'], version: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await getSegment('raced')).json().version).toBe(2);
  });
});

describe('deleting segments', () => {
  it('deletes an unused segment with its version, and audits it', async () => {
    await createSegment(t, { key: 'unused' });
    expectStatus(await send('DELETE', 'unused'), 428);
    expectStatus(await send('DELETE', 'unused', undefined, { 'if-match': '"2"' }), 409);
    expectStatus(await send('DELETE', 'unused', undefined, { 'if-match': '"1"' }), 204);
    expectStatus(await getSegment('unused'), 404);
    expect((await auditOf(t, 'segment', 'unused'))[0]).toMatchObject({ action: 'segment.deleted', before: { key: 'unused' }, after: null });
  });

  it('refuses while a flag rule or another segment uses it, naming them', async () => {
    await createSegment(t, { key: 'in-use' });
    await createSegment(t, { key: 'wrapper', rules: [[{ segment: 'in-use' }]] });
    await createFlag(t, { key: 'targets-in-use' });
    expectStatus(await patchConfig(t, 'targets-in-use', { rules: [{ id: 'r', when: [{ attr: 'plan', op: 'exists' }, { segment: 'in-use' }], serve: { variant: 'on' } }] }), 200);
    const res = await send('DELETE', 'in-use', undefined, { 'if-match': '1' });
    expectStatus(res, 409);
    expect(res.json().error.message).toContain('flag "targets-in-use" in production (rules[0].when[1].segment)');
    expect(res.json().error.message).toContain('segment "wrapper"');
    expect(res.json().error.details).toEqual({
      flags: [{ flag: 'targets-in-use', environment: 'production', path: 'rules[0].when[1].segment', archived: false }],
      segments: ['wrapper'],
    });
    expectStatus(await getSegment('in-use'), 200);

    // Archived flags count too: restoring one must find its segments.
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/flags/targets-in-use/archive'), headers: t.admin, payload: { version: 1 } }), 200);
    expectStatus(await send('DELETE', 'wrapper', undefined, { 'if-match': '1' }), 204);
    const archived = await send('DELETE', 'in-use', undefined, { 'if-match': '1' });
    expectStatus(archived, 409);
    expect(archived.json().error.message).toContain('archived flag "targets-in-use"');
  });
});
