import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createFlag, expectStatus, projectUrl } from '../flags/test-flags.js';
import { type TestApp, testApp } from '../test-support.js';
import { createExperiment, createMetric } from './test-experiments.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await createFlag(t, {
    key: 'checkout',
    kind: 'string',
    variants: [
      { key: 'old', value: 'old' },
      { key: 'new', value: 'new' },
      { key: 'bold', value: 'bold' },
    ],
  });
  await createMetric(t, { key: 'purchase', kind: 'conversion', event: 'purchase' });
  await createMetric(t, { key: 'revenue', kind: 'mean', event: 'purchase', property: 'amount' });
  await createMetric(t, { key: 'errors', kind: 'mean', event: 'error', higherIsBetter: false });
});
afterAll(async () => t.close());

const draft = { flag: 'checkout', environment: 'production', control: 'old', treatments: ['new'], primaryMetric: 'purchase' };
const getExperiment = (key: string) => t.app.inject({ method: 'GET', url: projectUrl(`/experiments/${key}`), headers: t.admin });
const patch = (key: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: projectUrl(`/experiments/${key}`), headers: t.admin, payload });

describe('creating and reading experiments', () => {
  it('creates a draft on a flag in an environment, reads it with its ETag, and audits it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: projectUrl('/experiments'),
      headers: t.admin,
      payload: {
        key: 'new-checkout',
        name: 'New checkout',
        hypothesis: 'A shorter checkout sells more',
        ...draft,
        treatments: ['new', 'bold'],
        secondaryMetrics: ['revenue'],
        guardrailMetrics: ['errors'],
      },
    });
    expectStatus(res, 201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toEqual({
      key: 'new-checkout',
      name: 'New checkout',
      hypothesis: 'A shorter checkout sells more',
      flag: 'checkout',
      environment: 'production',
      control: 'old',
      treatments: ['new', 'bold'],
      primaryMetric: 'purchase',
      secondaryMetrics: ['revenue'],
      guardrailMetrics: ['errors'],
      status: 'draft',
      weights: null,
      startedAt: null,
      stoppedAt: null,
      shippedVariant: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await getExperiment('new-checkout');
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(res.json());
    expect(await auditOf(t, 'experiment', 'new-checkout')).toMatchObject([{ action: 'experiment.created', before: null, after: { key: 'new-checkout' } }]);
    expectStatus(await getExperiment('nope'), 404);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown flag', { flag: 'nope' }, 'flag', 'unknown_flag'],
    ['an unknown environment', { environment: 'staging' }, 'environment', 'unknown_environment'],
    ['a control the flag lacks', { control: 'blue' }, 'control', 'unknown_variant'],
    ['a treatment the flag lacks', { treatments: ['new', 'blue'] }, 'treatments[1]', 'unknown_variant'],
    ['the control as a treatment', { treatments: ['old'] }, 'treatments[0]', 'duplicate'],
    ['a treatment twice', { treatments: ['new', 'new'] }, 'treatments[1]', 'duplicate'],
    ['no treatment', { treatments: [] }, 'treatments', 'too_small'],
    ['an unknown metric', { guardrailMetrics: ['latency'] }, 'guardrailMetrics[0]', 'unknown_metric'],
    ['a metric in two roles', { secondaryMetrics: ['revenue'], guardrailMetrics: ['revenue'] }, 'guardrailMetrics[0]', 'duplicate'],
    ['the primary metric again', { secondaryMetrics: ['purchase'] }, 'secondaryMetrics[0]', 'duplicate'],
    ['no primary metric', { primaryMetric: undefined }, 'primaryMetric', 'missing'],
    ['an unknown field', { colour: 'red' }, 'colour', 'unknown_field'],
    ['a bad key', { key: 'Bad Key' }, 'key', 'invalid_format'],
  ])('rejects %s with 400 at its path, creating nothing', async (_what, changes, path, code) => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/experiments'), headers: t.admin, payload: { key: 'bad', name: 'Bad', ...draft, ...changes } });
    expectStatus(res, 400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues).toContainEqual(expect.objectContaining({ path, code }));
    expectStatus(await getExperiment('bad'), 404);
  });

  it('refuses a duplicate key with 409', async () => {
    const res = await t.app.inject({ method: 'POST', url: projectUrl('/experiments'), headers: t.admin, payload: { key: 'new-checkout', name: 'Again', ...draft } });
    expectStatus(res, 409);
    expect(res.json().error.code).toBe('already_exists');
  });
});

describe('listing experiments', () => {
  it('lists by key, filtered by text, status and flag, and paged', async () => {
    await createExperiment(t, { key: 'list-a', ...draft, hypothesis: 'Green BUTTONS' });
    await createExperiment(t, { key: 'list-b', ...draft });
    const list = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: projectUrl(`/experiments${query}`), headers: t.admin })).json().experiments.map((e: { key: string }) => e.key);
    expect(await list('?q=list-')).toEqual(['list-a', 'list-b']);
    expect(await list('?q=buttons')).toEqual(['list-a']);
    expect(await list('?status=draft&flag=checkout&q=list')).toEqual(['list-a', 'list-b']);
    expect(await list('?status=running')).toEqual([]);
    expect(await list('?flag=other')).toEqual([]);
    const first = (await t.app.inject({ method: 'GET', url: projectUrl('/experiments?q=list-&limit=1'), headers: t.admin })).json();
    expect(first).toMatchObject({ experiments: [{ key: 'list-a' }], nextCursor: 'list-a' });
    expectStatus(await t.app.inject({ method: 'GET', url: projectUrl('/experiments?status=paused'), headers: t.admin }), 400);
  });
});

describe('editing and deleting experiments', () => {
  it('changes a draft’s fields with its version, keeping the rest, and audits it', async () => {
    await createExperiment(t, { key: 'edited', ...draft });
    const res = await patch('edited', { treatments: ['bold'], secondaryMetrics: ['revenue'], version: 1 });
    expectStatus(res, 200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ treatments: ['bold'], secondaryMetrics: ['revenue'], primaryMetric: 'purchase', version: 2 });
    expect((await auditOf(t, 'experiment', 'edited'))[0]).toMatchObject({
      action: 'experiment.updated',
      before: { treatments: ['new'], version: 1 },
      after: { treatments: ['bold'], version: 2 },
    });
  });

  it('refuses stale and missing versions and bad references, changing nothing', async () => {
    await createExperiment(t, { key: 'guarded', ...draft });
    expectStatus(await patch('guarded', { name: 'x' }), 428);
    const stale = await patch('guarded', { name: 'x', version: 3 });
    expectStatus(stale, 409);
    expect(stale.json().error.code).toBe('version_conflict');
    const bad = await patch('guarded', { control: 'new', version: 1 });
    expectStatus(bad, 400);
    expect(bad.json().error.details.issues[0]).toMatchObject({ path: 'treatments[0]', code: 'duplicate' });
    expect((await getExperiment('guarded')).json()).toMatchObject({ name: 'guarded', control: 'old', version: 1 });
  });

  it('keeps a metric an experiment reads from being deleted, naming the experiment', async () => {
    await createMetric(t, { key: 'in-use', kind: 'conversion', event: 'x' });
    await createExperiment(t, { key: 'reader', ...draft, guardrailMetrics: ['in-use'] });
    const res = await t.app.inject({ method: 'DELETE', url: projectUrl('/metrics/in-use'), headers: { ...t.admin, 'if-match': '1' } });
    expectStatus(res, 409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { experiments: ['reader'] } });
    expect(res.json().error.message).toContain('"reader"');
    expectStatus(await patch('reader', { guardrailMetrics: [], version: 1 }), 200);
    expectStatus(await t.app.inject({ method: 'DELETE', url: projectUrl('/metrics/in-use'), headers: { ...t.admin, 'if-match': '1' } }), 204);
  });

  it('deletes an experiment with its version, and audits it', async () => {
    await createExperiment(t, { key: 'gone', ...draft });
    const del = (version?: string) =>
      t.app.inject({ method: 'DELETE', url: projectUrl('/experiments/gone'), headers: { ...t.admin, ...(version ? { 'if-match': version } : {}) } });
    expectStatus(await del(), 428);
    expectStatus(await del('"2"'), 409);
    expectStatus(await del('"1"'), 204);
    expectStatus(await getExperiment('gone'), 404);
    expect((await auditOf(t, 'experiment', 'gone'))[0]).toMatchObject({ action: 'experiment.deleted', before: { key: 'gone' }, after: null });
  });

  it('goes away with its project, metrics and all', async () => {
    const api = (method: 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>, version?: number) =>
      t.app.inject({ method, url, headers: { ...t.admin, ...(version ? { 'if-match': String(version) } : {}) }, ...(payload ? { payload } : {}) });
    expectStatus(await api('POST', '/api/v1/projects', { key: 'doomed', name: 'Doomed' }), 201);
    await createMetric(t, { key: 'm', kind: 'conversion', event: 'x' }, 'doomed');
    await createFlag(t, { key: 'f' }, 'doomed');
    await createExperiment(t, { key: 'e', flag: 'f', environment: 'production', control: 'off', treatments: ['on'], primaryMetric: 'm' }, 'doomed');
    expectStatus(await api('POST', projectUrl('/flags/f/archive', 'doomed'), { version: 1 }), 200);
    expectStatus(await api('DELETE', projectUrl('/flags/f', 'doomed'), undefined, 2), 204);
    expectStatus(await api('DELETE', '/api/v1/projects/doomed', undefined, 1), 204);
    const { rows } = await t.db.query<{ count: number }>("SELECT (SELECT count(*) FROM experiments WHERE key = 'e') + (SELECT count(*) FROM metrics WHERE key = 'm') AS count");
    expect(Number(rows[0]!.count)).toBe(0);
  });

  it('is for admin tokens only', async () => {
    expectStatus(await t.app.inject({ method: 'GET', url: projectUrl('/experiments') }), 401);
  });
});
