import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createFlag, expectStatus, getConfig, patchConfig, projectUrl } from '../flags/test-flags.js';
import { type TestApp, testApp } from '../test-support.js';
import { createExperiment, createMetric } from './test-experiments.js';

let clock = Date.parse('2026-03-02T09:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ experiments: { now: () => clock } });
  await createMetric(t, { key: 'purchase', kind: 'conversion', event: 'purchase' });
});
afterAll(async () => t.close());

const HALF = { rollout: { split: [{ variant: 'on', weight: 50_000 }, { variant: 'off', weight: 50_000 }] } };
let flags = 0;
/** A flag of its own and a draft experiment on it, on by default with a 50/50 rollout. */
async function experimentOn(config: Record<string, unknown> = { enabled: true, fallthrough: HALF }) {
  const key = `flag-${++flags}`;
  await createFlag(t, { key });
  if (Object.keys(config).length > 0) expectStatus(await patchConfig(t, key, config), 200);
  await createExperiment(t, { key, flag: key, environment: 'production', control: 'off', treatments: ['on'], primaryMetric: 'purchase' });
  return key;
}
const act = (key: string, action: 'start' | 'stop' | 'ship', payload: Record<string, unknown> | undefined, version?: number) =>
  t.app.inject({
    method: 'POST',
    url: projectUrl(`/experiments/${key}/${action}`),
    headers: { ...t.admin, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
    ...(payload ? { payload } : {}),
  });
const getExperiment = async (key: string) => (await t.app.inject({ method: 'GET', url: projectUrl(`/experiments/${key}`), headers: t.admin })).json();
const snapshotVersion = async () => Number((await t.db.query<{ v: string }>("SELECT snapshot_version AS v FROM environments WHERE key = 'production'")).rows[0]!.v);

describe('starting an experiment', () => {
  it('records the start time and the rollout’s weights of a draft whose flag splits traffic, and audits it', async () => {
    const key = await experimentOn({ enabled: true, fallthrough: { rollout: { split: [{ variant: 'on', weight: 20_000 }, { variant: 'off', weight: 80_000 }] } } });
    const res = await act(key, 'start', { version: 1 });
    expectStatus(res, 200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ status: 'running', startedAt: '2026-03-02T09:00:00.000Z', stoppedAt: null, weights: { off: 80_000, on: 20_000 }, version: 2 });
    expect((await auditOf(t, 'experiment', key))[0]).toMatchObject({
      action: 'experiment.started',
      before: { status: 'draft' },
      after: { status: 'running', startedAt: '2026-03-02T09:00:00.000Z' },
    });
  });

  it('starts as of an earlier instant when told, so exposures already collected count, but never in the future', async () => {
    const key = await experimentOn();
    const future = await act(key, 'start', { version: 1, startedAt: '2026-03-02T09:00:00.001Z' });
    expectStatus(future, 400);
    expect(future.json().error.details.issues[0]).toMatchObject({ path: 'startedAt', code: 'invalid_value', message: '2026-03-02T09:00:00.001Z is in the future; an experiment starts now or earlier' });
    expectStatus(await act(key, 'start', { version: 1, startedAt: 'last week' }), 400);
    expect(await getExperiment(key)).toMatchObject({ status: 'draft', startedAt: null, version: 1 });
    const res = await act(key, 'start', { version: 1, startedAt: '2026-02-16T10:00:00+01:00' });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'running', startedAt: '2026-02-16T09:00:00.000Z', version: 2 });
    expect((await auditOf(t, 'experiment', key))[0]).toMatchObject({ action: 'experiment.started', after: { startedAt: '2026-02-16T09:00:00.000Z' } });
  });

  it('takes the first rule’s rollout when the fallthrough serves one variant', async () => {
    const key = await experimentOn({
      enabled: true,
      rules: [
        { id: 'staff', when: [{ attr: 'staff', op: 'exists' }], serve: { variant: 'on' } },
        { id: 'de', when: [{ attr: 'country', op: 'eq', values: ['DE'] }], serve: HALF },
      ],
      fallthrough: { variant: 'off' },
    });
    expect((await act(key, 'start', undefined, 1)).json()).toMatchObject({ status: 'running', weights: { off: 50_000, on: 50_000 } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['is off', { enabled: false, fallthrough: HALF }, 'it is off, serving "off" to everyone'],
    ['serves one variant', { enabled: true, fallthrough: { variant: 'on' } }, 'it has no percentage rollout'],
    ['gives the control no weight', { enabled: true, fallthrough: { rollout: { split: [{ variant: 'on', weight: 100_000 }, { variant: 'off', weight: 0 }] } } }, 'control "off"'],
  ])('refuses with 400 when the flag %s, naming the problem and changing nothing', async (_what, config, problem) => {
    const key = await experimentOn(config);
    const res = await act(key, 'start', { version: 1 });
    expectStatus(res, 400);
    expect(res.json().error.message).toContain(`flag "${key}" in environment "production"`);
    expect(res.json().error.message).toContain(problem);
    expect(await getExperiment(key)).toMatchObject({ status: 'draft', startedAt: null, version: 1 });
  });

  it('refuses an archived flag, a stale or missing version, and a second start', async () => {
    const archived = await experimentOn();
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl(`/flags/${archived}/archive`), headers: t.admin, payload: { version: 1 } }), 200);
    expect((await act(archived, 'start', { version: 1 })).json().error.message).toContain('is archived');

    const key = await experimentOn();
    expectStatus(await act(key, 'start', {}), 428);
    expectStatus(await act(key, 'start', { version: 2 }), 409);
    expectStatus(await act(key, 'start', { version: 1, extra: true }), 400);
    expectStatus(await act(key, 'start', { version: 1 }), 200);
    const again = await act(key, 'start', { version: 2 });
    expectStatus(again, 409);
    expect(again.json().error).toMatchObject({ code: 'conflict', details: { status: 'running' } });
  });

  it('fixes the flag, environment and variants once started, but not the name or metrics', async () => {
    const key = await experimentOn();
    expectStatus(await act(key, 'start', { version: 1 }), 200);
    await createMetric(t, { key: `more-${key}`, kind: 'mean', event: 'view' });
    const patch = (payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: projectUrl(`/experiments/${key}`), headers: t.admin, payload });
    const fixed = await patch({ treatments: ['off'], control: 'on', version: 2 });
    expectStatus(fixed, 409);
    expect(fixed.json().error.details).toEqual({ fields: ['control', 'treatments'] });
    expect((await patch({ name: 'Renamed', secondaryMetrics: [`more-${key}`], version: 2 })).json()).toMatchObject({ name: 'Renamed', status: 'running', version: 3 });
  });
});

describe('stopping an experiment', () => {
  it('records the stop time of a running experiment and leaves the flag as it is', async () => {
    const key = await experimentOn();
    clock = Date.parse('2026-03-02T10:00:00Z');
    expectStatus(await act(key, 'start', { version: 1 }), 200);
    const before = await getConfig(t, key);
    clock = Date.parse('2026-03-09T10:00:00Z');
    const res = await act(key, 'stop', { version: 2 });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'stopped', startedAt: '2026-03-02T10:00:00.000Z', stoppedAt: '2026-03-09T10:00:00.000Z', weights: { on: 50_000, off: 50_000 } });
    expect(await getConfig(t, key)).toEqual(before);
    expect((await auditOf(t, 'experiment', key))[0]).toMatchObject({ action: 'experiment.stopped' });
    expectStatus(await act(key, 'stop', { version: 3 }), 409);
  });

  it('refuses a draft', async () => {
    expectStatus(await act(await experimentOn(), 'stop', { version: 1 }), 409);
  });
});

describe('shipping a variant', () => {
  it('serves the variant to everyone in the environment and stops the experiment, audited, with a new snapshot version', async () => {
    const key = await experimentOn({
      enabled: true,
      prerequisites: [],
      rules: [{ id: 'staff', when: [{ attr: 'staff', op: 'exists' }], serve: { variant: 'off' } }],
      fallthrough: HALF,
    });
    clock = Date.parse('2026-03-10T08:00:00Z');
    expectStatus(await act(key, 'start', { version: 1 }), 200);
    const snapshot = await snapshotVersion();
    clock = Date.parse('2026-03-17T08:00:00Z');
    const res = await act(key, 'ship', { variant: 'on', version: 2 });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'shipped', shippedVariant: 'on', stoppedAt: '2026-03-17T08:00:00.000Z', version: 3 });
    expect(await getConfig(t, key)).toMatchObject({ enabled: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } });
    expect(await snapshotVersion()).toBeGreaterThan(snapshot);
    expect((await auditOf(t, 'experiment', key))[0]).toMatchObject({ action: 'experiment.shipped', after: { status: 'shipped', shippedVariant: 'on' } });
    expect((await auditOf(t, 'flag', key))[0]).toMatchObject({
      action: 'flag.config.updated',
      resource: { environment: 'production' },
      before: { rules: [{ id: 'staff' }], fallthrough: HALF },
      after: { rules: [], fallthrough: { variant: 'on' } },
    });
    expectStatus(await act(key, 'ship', { variant: 'off', version: 3 }), 409);
  });

  it('ships a stopped experiment, keeping its stop time', async () => {
    const key = await experimentOn();
    expectStatus(await act(key, 'start', { version: 1 }), 200);
    clock = Date.parse('2026-03-20T08:00:00Z');
    expectStatus(await act(key, 'stop', { version: 2 }), 200);
    clock = Date.parse('2026-03-21T08:00:00Z');
    expect((await act(key, 'ship', { variant: 'off', version: 3 })).json()).toMatchObject({
      status: 'shipped',
      shippedVariant: 'off',
      stoppedAt: '2026-03-20T08:00:00.000Z',
    });
    expect(await getConfig(t, key)).toMatchObject({ enabled: true, fallthrough: { variant: 'off' } });
  });

  it('refuses a variant that is not compared, a draft, and a flag it cannot change, changing neither', async () => {
    const key = await experimentOn();
    expectStatus(await act(key, 'ship', { variant: 'on', version: 1 }), 409);
    expectStatus(await act(key, 'start', { version: 1 }), 200);
    const unknown = await act(key, 'ship', { variant: 'blue', version: 2 });
    expectStatus(unknown, 400);
    expect(unknown.json().error.details.issues[0]).toMatchObject({ path: 'variant', code: 'unknown_variant' });
    expectStatus(await act(key, 'ship', { version: 2 }), 400);

    const config = await getConfig(t, key);
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl(`/flags/${key}/archive`), headers: t.admin, payload: { version: 1 } }), 200);
    const archived = await act(key, 'ship', { variant: 'on', version: 2 });
    expectStatus(archived, 409);
    expect(archived.json().error.message).toContain('archived');
    expect(await getExperiment(key)).toMatchObject({ status: 'running', shippedVariant: null, version: 2 });
    expect(await getConfig(t, key)).toEqual(config);
  });
});
