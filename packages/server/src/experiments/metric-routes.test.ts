import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, expectStatus, projectUrl } from '../flags/test-flags.js';
import { type TestApp, testApp } from '../test-support.js';
import { createMetric } from './test-experiments.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const getMetric = (key: string) => t.app.inject({ method: 'GET', url: projectUrl(`/metrics/${key}`), headers: t.admin });
const send = (method: 'PUT' | 'DELETE', key: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url: projectUrl(`/metrics/${key}`), headers: { ...t.admin, ...headers }, ...(payload ? { payload } : {}) });

describe('creating and reading metrics', () => {
  it('creates a conversion metric with filters, reads it with its ETag, and audits it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: projectUrl('/metrics'),
      headers: t.admin,
      payload: {
        key: 'pro-purchase',
        name: 'Pro purchases',
        kind: 'conversion',
        event: 'purchase',
        where: [
          { property: 'plan', operator: 'in', value: ['pro', 'team'] },
          { property: 'amount', operator: 'gt', value: 0 },
          { property: 'coupon', operator: 'exists' },
        ],
        windowDays: 14,
      },
    });
    expectStatus(res, 201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toEqual({
      key: 'pro-purchase',
      name: 'Pro purchases',
      description: '',
      higherIsBetter: true,
      kind: 'conversion',
      event: 'purchase',
      where: [
        { property: 'plan', operator: 'in', value: ['pro', 'team'] },
        { property: 'amount', operator: 'gt', value: 0 },
        { property: 'coupon', operator: 'exists' },
      ],
      windowDays: 14,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await getMetric('pro-purchase');
    expectStatus(read, 200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(res.json());
    expect(await auditOf(t, 'metric', 'pro-purchase')).toMatchObject([{ action: 'metric.created', before: null, after: { key: 'pro-purchase', kind: 'conversion' } }]);
    expectStatus(await getMetric('nope'), 404);
  });

  it('creates mean metrics of a property’s sum or of a count, with the defaults', async () => {
    expect(await createMetric(t, { key: 'revenue', kind: 'mean', event: 'purchase', property: 'amount' })).toMatchObject({
      kind: 'mean',
      event: 'purchase',
      property: 'amount',
      where: [],
      windowDays: 7,
      higherIsBetter: true,
    });
    const errors = await createMetric(t, { key: 'errors', kind: 'mean', event: 'error', higherIsBetter: false });
    expect(errors).toMatchObject({ kind: 'mean', event: 'error', higherIsBetter: false });
    expect(errors.property).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string, string?]>([
    ['a bad key', { key: 'Bad Key', kind: 'conversion', event: 'x' }, 'key', 'invalid_format'],
    ['no kind', { key: 'ok', event: 'x' }, 'kind', 'missing'],
    ['an unknown kind', { key: 'ok', kind: 'median', event: 'x' }, 'kind', 'invalid_value'],
    ['no event', { key: 'ok', kind: 'conversion' }, 'event', 'missing'],
    ['a property on a conversion', { key: 'ok', kind: 'conversion', event: 'x', property: 'amount' }, 'property', 'unknown_field'],
    ['an unknown field', { key: 'ok', kind: 'mean', event: 'x', colour: 'red' }, 'colour', 'unknown_field'],
    ['a window of 0 days', { key: 'ok', kind: 'mean', event: 'x', windowDays: 0 }, 'windowDays', 'too_small'],
    ['a window of a fraction of a day', { key: 'ok', kind: 'mean', event: 'x', windowDays: 1.5 }, 'windowDays'],
    ['an unknown filter operator', { key: 'ok', kind: 'conversion', event: 'x', where: [{ property: 'p', operator: 'like', value: 'a' }] }, 'where[0].operator', 'invalid_value'],
    ['the old filter form', { key: 'ok', kind: 'conversion', event: 'x', where: [{ property: 'p', op: 'eq', values: ['a'] }] }, 'where[0].operator'],
    ['a comparison with a string', { key: 'ok', kind: 'conversion', event: 'x', where: [{ property: 'p', operator: 'gt', value: '3' }] }, 'where[0].value', 'invalid_type'],
    ['an empty list of values', { key: 'ok', kind: 'conversion', event: 'x', where: [{ property: 'p', operator: 'in', value: [] }] }, 'where[0].value', 'too_small'],
    ['a value on exists', { key: 'ok', kind: 'conversion', event: 'x', where: [{ property: 'p', operator: 'exists', value: 1 }] }, 'where[0].value'],
    ['an event name of 201 characters', { key: 'ok', kind: 'conversion', event: 'e'.repeat(201) }, 'event', 'too_big'],
  ])('rejects %s with 400 at its path, creating nothing', async (_what, payload, path, code) => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/metrics'), headers: t.admin, payload: { name: 'x', ...payload } });
    expectStatus(res, 400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues[0].path).toBe(path);
    if (code !== undefined) expect(error.details.issues[0].code).toBe(code);
    expectStatus(await getMetric('ok'), 404);
  });

  it('refuses a duplicate key with 409, and an unknown project with 404', async () => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/metrics'), headers: t.admin, payload: { key: 'revenue', name: 'Again', kind: 'mean', event: 'x' } });
    expectStatus(res, 409);
    expect(res.json().error.code).toBe('already_exists');
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/metrics', 'nope'), headers: t.admin, payload: { key: 'm', name: 'm', kind: 'mean', event: 'x' } }), 404);
  });
});

describe('journey metrics', () => {
  const journeyUrl = (key: string, project = 'default') => projectUrl(`/journeys/${key}`, project);
  beforeAll(async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: projectUrl('/journeys'),
      headers: t.admin,
      payload: { key: 'signup-flow', name: 'Signup', steps: [{ event: 'visit' }, { event: 'signup' }] },
    });
    expectStatus(res, 201);
  });

  it('name a journey of the project by key; a duration is lower-is-better unless said otherwise', async () => {
    expect(await createMetric(t, { key: 'signed-up', kind: 'journeyConversion', journey: 'signup-flow', windowDays: 3 })).toEqual({
      key: 'signed-up',
      name: 'signed-up',
      description: '',
      higherIsBetter: true,
      kind: 'journeyConversion',
      journey: 'signup-flow',
      windowDays: 3,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await createMetric(t, { key: 'signup-time', kind: 'journeyDuration', journey: 'signup-flow' })).toMatchObject({
      kind: 'journeyDuration',
      journey: 'signup-flow',
      windowDays: 7,
      higherIsBetter: false,
    });
    expect(await createMetric(t, { key: 'signup-time-up', kind: 'journeyDuration', journey: 'signup-flow', higherIsBetter: true })).toMatchObject({ higherIsBetter: true });
    expect(await auditOf(t, 'metric', 'signed-up')).toMatchObject([{ action: 'metric.created', after: { kind: 'journeyConversion', journey: 'signup-flow' } }]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown journey', { kind: 'journeyConversion', journey: 'nope' }, 'journey', 'unknown_journey'],
    ['no journey', { kind: 'journeyDuration' }, 'journey', 'missing'],
    ['an event on a journey metric', { kind: 'journeyConversion', journey: 'signup-flow', event: 'signup' }, 'event', 'unknown_field'],
    ['filters on a journey metric', { kind: 'journeyDuration', journey: 'signup-flow', where: [] }, 'where', 'unknown_field'],
  ])('refuse %s with 400 at its path, creating nothing', async (_what, payload, path, code) => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/metrics'), headers: t.admin, payload: { key: 'bad-journey', name: 'x', ...payload } });
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0]).toMatchObject({ path, code });
    expectStatus(await getMetric('bad-journey'), 404);
  });

  it('take another journey, or become event metrics, through an edit that checks the journey exists', async () => {
    await createMetric(t, { key: 'moving', kind: 'journeyConversion', journey: 'signup-flow' });
    const unknown = await send('PUT', 'moving', { name: 'moving', kind: 'journeyConversion', journey: 'gone', version: 1 });
    expectStatus(unknown, 400);
    expect(unknown.json().error.details.issues[0]).toMatchObject({ path: 'journey', code: 'unknown_journey', message: 'there is no journey "gone" in project "default"' });
    const res = await send('PUT', 'moving', { name: 'moving', kind: 'conversion', event: 'signup', version: 1 });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ kind: 'conversion', event: 'signup', where: [], version: 2 });
    expect(res.json().journey).toBeUndefined();
    expect((await auditOf(t, 'metric', 'moving'))[0]).toMatchObject({ before: { kind: 'journeyConversion', journey: 'signup-flow' }, after: { kind: 'conversion' } });
  });

  it('keep their journey from being deleted: 409 names the metrics, and the journey goes once none reads it', async () => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/journeys'), headers: t.admin, payload: { key: 'doomed', name: 'Doomed', steps: [{ event: 'a' }, { event: 'b' }] } });
    expectStatus(res, 201);
    await createMetric(t, { key: 'doomed-rate', kind: 'journeyConversion', journey: 'doomed' });
    await createMetric(t, { key: 'doomed-time', kind: 'journeyDuration', journey: 'doomed' });
    const refused = await t.app.inject({ method: 'DELETE', url: journeyUrl('doomed'), headers: { ...t.admin, 'if-match': '"1"' } });
    expectStatus(refused, 409);
    expect(refused.json().error).toMatchObject({
      code: 'conflict',
      message: 'Journey "doomed" is read by metric "doomed-rate", "doomed-time"; change or delete them first',
      details: { metrics: ['doomed-rate', 'doomed-time'] },
    });
    expectStatus(await t.app.inject({ method: 'GET', url: journeyUrl('doomed'), headers: t.admin }), 200);
    expectStatus(await send('DELETE', 'doomed-rate', undefined, { 'if-match': '"1"' }), 204);
    expectStatus(await send('PUT', 'doomed-time', { name: 'x', kind: 'journeyDuration', journey: 'signup-flow', version: 1 }), 200);
    expectStatus(await t.app.inject({ method: 'DELETE', url: journeyUrl('doomed'), headers: { ...t.admin, 'if-match': '"1"' } }), 204);
  });

  it('are found by their journey’s key and listed by kind', async () => {
    const list = await t.app.inject({ method: 'GET', url: projectUrl('/metrics?q=signup-fl&kind=journeyDuration'), headers: t.admin });
    expect(list.json().metrics.map((m: { key: string }) => m.key)).toEqual(['doomed-time', 'signup-time', 'signup-time-up']);
  });
});

describe('listing metrics', () => {
  beforeAll(async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'metriclist', name: 'Metrics' } });
    await createMetric(t, { key: 'a-signup', kind: 'conversion', event: 'signup' }, 'metriclist');
    await createMetric(t, { key: 'b-revenue', kind: 'mean', event: 'purchase', property: 'amount', description: 'Money IN' }, 'metriclist');
    await createMetric(t, { key: 'c-views', kind: 'mean', event: 'page_view' }, 'metriclist');
  });
  const list = (query: string) => t.app.inject({ method: 'GET', url: projectUrl(`/metrics${query}`, 'metriclist'), headers: t.admin });
  const keys = async (query: string) => (await list(query)).json().metrics.map((m: { key: string }) => m.key);

  it('lists by key, filtered by text (also the event) and kind, and paged', async () => {
    expect(await keys('')).toEqual(['a-signup', 'b-revenue', 'c-views']);
    expect(await keys('?q=money')).toEqual(['b-revenue']);
    expect(await keys('?q=page_')).toEqual(['c-views']);
    expect(await keys('?kind=mean')).toEqual(['b-revenue', 'c-views']);
    const first = (await list('?limit=2')).json();
    expect(first.metrics.map((m: { key: string }) => m.key)).toEqual(['a-signup', 'b-revenue']);
    expect((await list(`?limit=2&cursor=${first.nextCursor}`)).json()).toMatchObject({ metrics: [{ key: 'c-views' }], nextCursor: null });
    expectStatus(await list('?kind=median'), 400);
  });
});

describe('editing and deleting metrics', () => {
  it('replaces a metric with its version, even its kind, and audits before and after', async () => {
    await createMetric(t, { key: 'checkout', kind: 'conversion', event: 'checkout' });
    const res = await send('PUT', 'checkout', { name: 'Checkout value', kind: 'mean', event: 'checkout', property: 'total', version: 1 });
    expectStatus(res, 200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ key: 'checkout', name: 'Checkout value', kind: 'mean', property: 'total', windowDays: 7, version: 2 });
    const [entry] = await auditOf(t, 'metric', 'checkout');
    expect(entry).toMatchObject({ action: 'metric.updated', before: { kind: 'conversion', version: 1 }, after: { kind: 'mean', property: 'total', version: 2 } });
  });

  it('refuses stale and missing versions and bad input, changing nothing', async () => {
    await createMetric(t, { key: 'guarded', kind: 'conversion', event: 'x' });
    const stale = await send('PUT', 'guarded', { name: 'x', kind: 'conversion', event: 'y', version: 2 });
    expectStatus(stale, 409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 1 } });
    expectStatus(await send('PUT', 'guarded', { name: 'x', kind: 'conversion', event: 'y' }), 428);
    const key = await send('PUT', 'guarded', { key: 'renamed', name: 'x', kind: 'conversion', event: 'y', version: 1 });
    expectStatus(key, 400);
    expect(key.json().error.details.issues[0].path).toBe('key');
    expect((await getMetric('guarded')).json()).toMatchObject({ event: 'x', version: 1 });
  });

  it('lets exactly one of two concurrent edits based on the same version through', async () => {
    await createMetric(t, { key: 'raced', kind: 'conversion', event: 'x' });
    const edit = (event: string) => send('PUT', 'raced', { name: 'raced', kind: 'conversion', event, version: 1 });
    const [a, b] = await Promise.all([edit('a'), edit('b')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await getMetric('raced')).json().version).toBe(2);
  });

  it('deletes a metric no experiment reads, with its version, and audits it', async () => {
    await createMetric(t, { key: 'unused', kind: 'conversion', event: 'x' });
    expectStatus(await send('DELETE', 'unused'), 428);
    expectStatus(await send('DELETE', 'unused', undefined, { 'if-match': '"2"' }), 409);
    expectStatus(await send('DELETE', 'unused', undefined, { 'if-match': '"1"' }), 204);
    expectStatus(await getMetric('unused'), 404);
    expect((await auditOf(t, 'metric', 'unused'))[0]).toMatchObject({ action: 'metric.deleted', before: { key: 'unused' }, after: null });
  });

  it('is for admin tokens only', async () => {
    expectStatus(await t.app.inject({ method: 'GET', url: projectUrl('/metrics') }), 401);
  });
});
