import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createServerKey, expectStatus, projectUrl } from '../flags/test-flags.js';
import { type TestApp, bearer, testApp } from '../test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const checkout = {
  key: 'checkout',
  name: 'Checkout',
  steps: [
    { event: 'view_product', label: 'Viewed a product' },
    { event: 'add_to_cart', filters: [{ property: 'quantity', operator: 'gte', value: 1 }] },
    { event: 'purchase', filters: [{ property: 'currency', operator: 'in', value: ['EUR', 'USD'] }, { property: 'coupon', operator: 'exists' }] },
  ],
};

const create = (payload: Record<string, unknown>, project = 'default') =>
  t.app.inject({ method: 'POST', url: projectUrl('/journeys', project), headers: t.admin, payload });
const get = (key: string) => t.app.inject({ method: 'GET', url: projectUrl(`/journeys/${key}`), headers: t.admin });
const put = (key: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PUT', url: projectUrl(`/journeys/${key}`), headers: { ...t.admin, ...headers }, payload });
const remove = (key: string, query = '', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'DELETE', url: projectUrl(`/journeys/${key}${query}`), headers: { ...t.admin, ...headers } });

describe('creating and reading journeys', () => {
  it('creates a journey with defaults filled in, reads it with its ETag, and audits it', async () => {
    const res = await create(checkout);
    expectStatus(res, 201);
    expect(res.headers.etag).toBe('"1"');
    const journey = res.json();
    expect(journey).toEqual({
      key: 'checkout',
      name: 'Checkout',
      description: '',
      steps: [
        { event: 'view_product', label: 'Viewed a product', filters: [] },
        { event: 'add_to_cart', label: 'add_to_cart', filters: [{ property: 'quantity', operator: 'gte', value: 1 }] },
        {
          event: 'purchase',
          label: 'purchase',
          filters: [{ property: 'currency', operator: 'in', value: ['EUR', 'USD'] }, { property: 'coupon', operator: 'exists' }],
        },
      ],
      conversionWindowSeconds: 604_800,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: journey.createdAt,
    });
    const read = await get('checkout');
    expectStatus(read, 200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(journey);
    expect(await auditOf(t, 'journey', 'checkout')).toMatchObject([{ action: 'journey.created', before: null, after: journey }]);
  });

  it('lists a project\'s journeys by key', async () => {
    expectStatus(await create({ key: 'a-signup', name: 'Signup', description: 'From landing to account', steps: [{ event: 'landing' }, { event: 'signup' }], conversionWindowSeconds: 3600 }), 201);
    const res = await t.app.inject({ method: 'GET', url: projectUrl('/journeys'), headers: t.admin });
    expectStatus(res, 200);
    expect(res.json().journeys.map((j: { key: string; conversionWindowSeconds: number }) => [j.key, j.conversionWindowSeconds])).toEqual([
      ['a-signup', 3600],
      ['checkout', 604_800],
    ]);
  });

  it('refuses a key already used with 409', async () => {
    const res = await create({ ...checkout, name: 'Again' });
    expectStatus(res, 409);
    expect(res.json().error.code).toBe('already_exists');
  });

  it.each<[string, Record<string, unknown>, string, string?]>([
    ['a bad key', { key: 'Check Out' }, 'key', 'invalid_format'],
    ['a missing name', { name: undefined }, 'name', 'missing'],
    ['a blank name', { name: '  ' }, 'name'],
    ['a NUL in the name', { name: 'a\u0000b' }, 'name', 'invalid_value'],
    ['a description over 1000 characters', { description: 'd'.repeat(1001) }, 'description', 'too_big'],
    ['an unknown field', { colour: 'red' }, 'colour', 'unknown_field'],
    ['a single step', { steps: [{ event: 'a' }] }, 'steps', 'too_small'],
    ['a filter comparing a string with gt', { steps: [{ event: 'a', filters: [{ property: 'p', operator: 'gt', value: 'x' }] }, { event: 'b' }] }, 'steps[0].filters[0].value', 'invalid_type'],
    ['an unknown operator', { steps: [{ event: 'a' }, { event: 'b', filters: [{ property: 'p', operator: 'like', value: 'x' }] }] }, 'steps[1].filters[0].operator', 'invalid_value'],
    ['a window over 90 days', { conversionWindowSeconds: 7_776_001 }, 'conversionWindowSeconds', 'too_big'],
  ])('refuses %s with 400 at its path, creating nothing', async (_what, changes, path, code) => {
    const res = await create({ ...checkout, key: 'bad', ...changes });
    expectStatus(res, 400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues[0].path).toBe(path);
    if (code !== undefined) expect(error.details.issues[0].code).toBe(code);
    expectStatus(await get('bad'), 404);
    expectStatus(await get('Check Out'), 404);
  });

  it('answers 404 for an unknown project or journey, and 403 to SDK keys', async () => {
    expectStatus(await create(checkout, 'nope'), 404);
    const missing = await get('nope');
    expectStatus(missing, 404);
    expect(missing.json().error.message).toBe('Journey "nope" in project "default" does not exist');
    const key = await createServerKey(t);
    expectStatus(await t.app.inject({ method: 'GET', url: projectUrl('/journeys'), headers: bearer(key) }), 403);
  });
});

describe('changing journeys', () => {
  const changed = { name: 'Checkout v2', steps: [{ event: 'view_product' }, { event: 'purchase' }], conversionWindowSeconds: 86_400 };

  it('needs the version it is based on, and refuses a stale one', async () => {
    const missing = await put('checkout', changed);
    expectStatus(missing, 428);
    expect(missing.json().error.code).toBe('version_required');
    const stale = await put('checkout', { ...changed, version: 7 });
    expectStatus(stale, 409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 1, sentVersion: 7 } });
    expect((await get('checkout')).json().version).toBe(1);
  });

  it('replaces everything but the key, with If-Match or the body\'s version, and audits before and after', async () => {
    const before = (await get('checkout')).json();
    const res = await put('checkout', changed, { 'if-match': '"1"' });
    expectStatus(res, 200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({
      key: 'checkout',
      name: 'Checkout v2',
      description: '',
      steps: [
        { event: 'view_product', label: 'view_product', filters: [] },
        { event: 'purchase', label: 'purchase', filters: [] },
      ],
      conversionWindowSeconds: 86_400,
      version: 2,
      createdAt: before.createdAt,
    });
    const again = await put('checkout', { ...changed, key: 'checkout', description: 'Shorter', version: 2 });
    expectStatus(again, 200);
    expect(again.json()).toMatchObject({ description: 'Shorter', version: 3 });
    const [latest, first] = await auditOf(t, 'journey', 'checkout');
    expect(first).toMatchObject({ action: 'journey.updated', before: { version: 1, name: 'Checkout', steps: before.steps }, after: { version: 2, name: 'Checkout v2' } });
    expect(latest).toMatchObject({ action: 'journey.updated', before: { version: 2 }, after: { version: 3, description: 'Shorter' } });
  });

  it('refuses another key, unknown fields and bad steps, changing nothing', async () => {
    const renamed = await put('checkout', { ...changed, key: 'other', version: 3 });
    expectStatus(renamed, 400);
    expect(renamed.json().error.details.issues[0]).toMatchObject({ path: 'key' });
    const unknown = await put('checkout', { ...changed, version: 3, enabled: true });
    expectStatus(unknown, 400);
    expect(unknown.json().error.details.issues[0]).toMatchObject({ path: 'enabled', code: 'unknown_field' });
    const bad = await put('checkout', { ...changed, steps: [{ event: 'a', filters: [{ property: 'p', operator: 'exists', value: 1 }] }, { event: 'b' }], version: 3 });
    expectStatus(bad, 400);
    expect(bad.json().error.details.issues[0].path).toBe('steps[0].filters[0].value');
    expect((await get('checkout')).json().version).toBe(3);
    expectStatus(await put('nope', { ...changed, version: 1 }), 404);
  });
});

describe('deleting journeys', () => {
  it('needs the version, in If-Match or ?version=, and audits the deletion', async () => {
    expectStatus(await remove('a-signup'), 428);
    expectStatus(await remove('a-signup', '?version=2'), 409);
    expectStatus(await remove('a-signup', '?version=soon'), 400);
    expectStatus(await remove('a-signup', '', { 'if-match': '"1"' }), 204);
    expectStatus(await get('a-signup'), 404);
    expect((await auditOf(t, 'journey', 'a-signup'))[0]).toMatchObject({ action: 'journey.deleted', before: { key: 'a-signup', version: 1 }, after: null });
    expectStatus(await remove('checkout', '?version=3'), 204);
    expectStatus(await remove('checkout', '?version=3'), 404);
  });
});
