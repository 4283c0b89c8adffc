import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support.js';
import { auditOf, createFlag, createSegment, expectStatus, getConfig, patchConfig, projectUrl } from './test-flags.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await t.app.inject({ method: 'POST', url: projectUrl('/environments'), headers: t.admin, payload: { key: 'staging', name: 'Staging' } });
  await createSegment(t, { key: 'staff', include: ['u-1'] });
  await createFlag(t, { key: 'new-cart' });
  await createFlag(t, { key: 'plan', kind: 'string', variants: [{ key: 'free', value: 'free' }, { key: 'pro', value: 'pro' }] });
});
afterAll(async () => t.close());

const configUrl = (flag: string, environment = 'production') => projectUrl(`/flags/${flag}/environments/${environment}`);
const put = (flag: string, payload: Record<string, unknown>, headers: Record<string, string> = {}, environment = 'production') =>
  t.app.inject({ method: 'PUT', url: configUrl(flag, environment), headers: { ...t.admin, ...headers }, payload });
const patch = (flag: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PATCH', url: configUrl(flag), headers: { ...t.admin, ...headers }, payload });

/** The FLAGS.md example, adapted to this project. */
const checkout = {
  enabled: true,
  offVariant: 'off',
  prerequisites: [{ flag: 'new-cart', variant: 'on' }],
  rules: [
    { id: 'staff', when: [{ segment: 'staff' }], serve: { variant: 'on' } },
    {
      id: 'eu-pro',
      when: [
        { attr: 'country', op: 'eq', values: ['DE', 'FR'] },
        { attr: 'plan', op: 'eq', values: ['pro'] },
      ],
      serve: { rollout: { salt: 'checkout-v2', bucketBy: 'key', split: [{ variant: 'on', weight: 25000 }, { variant: 'off', weight: 75000 }] } },
    },
  ],
  fallthrough: { variant: 'off' },
};

describe('reading a configuration', () => {
  it('answers one environment\'s configuration with its version as ETag', async () => {
    await createFlag(t, { key: 'read-me' });
    const res = await t.app.inject({ method: 'GET', url: configUrl('read-me', 'staging'), headers: t.admin });
    expectStatus(res, 200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toEqual({
      enabled: false,
      offVariant: 'off',
      prerequisites: [],
      rules: [],
      fallthrough: { variant: 'on' },
      version: 1,
      updatedAt: expect.any(String),
    });
  });

  it.each([
    ['nope', 'production', 'Flag "nope"'],
    ['read-me', 'nope', 'Environment "nope"'],
  ])('answers 404 for flag %s in environment %s', async (flag, environment, named) => {
    const res = await t.app.inject({ method: 'GET', url: configUrl(flag, environment), headers: t.admin });
    expectStatus(res, 404);
    expect(res.json().error.message).toContain(named);
  });
});

describe('replacing a configuration', () => {
  it('stores a valid configuration, raises its version and the flag shows it, audited per environment', async () => {
    await createFlag(t, { key: 'checkout-v2' });
    const res = await put('checkout-v2', { ...checkout, version: 1 });
    expectStatus(res, 200);
    expect(res.headers.etag).toBe('"2"');
    const saved = checkout;
    expect(res.json()).toMatchObject({ ...saved, version: 2 });
    const flag = (await t.app.inject({ method: 'GET', url: projectUrl('/flags/checkout-v2'), headers: t.admin })).json();
    expect(flag.version).toBe(1);
    expect(flag.environments.production).toMatchObject({ ...saved, version: 2 });
    expect(flag.environments.staging).toMatchObject({ enabled: false, version: 1 });
    const [entry] = await auditOf(t, 'flag', 'checkout-v2');
    expect(entry).toMatchObject({
      action: 'flag.config.updated',
      resource: { environment: 'production' },
      before: { enabled: false, rules: [], version: 1 },
      after: { ...saved, version: 2 },
    });
  });

  it('leaves out prerequisites as none, and takes the version from If-Match', async () => {
    await createFlag(t, { key: 'no-prereqs' });
    const res = await put('no-prereqs', { enabled: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } }, { 'if-match': '"1"' });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ enabled: true, prerequisites: [], version: 2 });
  });

  const base = { enabled: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } };
  const rule = (when: unknown[], serve: unknown = { variant: 'on' }) => ({ ...base, rules: [{ id: 'r1', when, serve }] });

  it.each<[string, Record<string, unknown>, string, string?]>([
    ['an unknown operator', rule([{ attr: 'plan', op: 'eq', values: ['pro'] }, { attr: 'country', op: 'equals', values: ['DE'] }]), 'rules[0].when[1].op'],
    ['a value of the wrong type', rule([{ attr: 'age', op: 'gt', values: ['18'] }]), 'rules[0].when[0].values[0]'],
    ['an invalid regular expression', rule([{ attr: 'email', op: 'matches', values: ['(['] }]), 'rules[0].when[0].values[0]', 'invalid_regex'],
    ['a misspelt field in a condition', rule([{ attr: 'plan', op: 'eq', values: ['pro'], negat: true }]), 'rules[0].when[0].negat', 'unknown_field'],
    ['an unknown segment', rule([{ segment: 'staf' }]), 'rules[0].when[0].segment', 'unknown_segment'],
    ['a split that does not sum to 100%', rule([], { rollout: { split: [{ variant: 'on', weight: 50000 }, { variant: 'off', weight: 40000 }] } }), 'rules[0].serve.rollout.split', 'split_sum'],
    ['a variant the flag does not have', { ...base, fallthrough: { variant: 'maybe' } }, 'fallthrough.variant', 'unknown_variant'],
    ['an unknown off variant', { ...base, offVariant: 'of' }, 'offVariant', 'unknown_variant'],
    ['a duplicate rule id', { ...base, rules: [{ id: 'a', when: [], serve: { variant: 'on' } }, { id: 'a', when: [], serve: { variant: 'off' } }] }, 'rules[1].id', 'duplicate'],
    ['an unknown prerequisite flag', { ...base, prerequisites: [{ flag: 'nope', variant: 'on' }] }, 'prerequisites[0].flag', 'unknown_flag'],
    ['a prerequisite variant that flag lacks', { ...base, prerequisites: [{ flag: 'plan', variant: 'enterprise' }] }, 'prerequisites[0].variant', 'unknown_variant'],
    ['the flag itself as a prerequisite', { ...base, prerequisites: [{ flag: 'strict', variant: 'on' }] }, 'prerequisites[0].flag', 'prerequisite_cycle'],
    ['an unknown top-level field', { ...base, colour: 'red' }, 'colour', 'unknown_field'],
    ['a missing field', { enabled: true, offVariant: 'off', rules: [] }, 'fallthrough', 'missing'],
  ])('rejects %s with 400 at the JSON path of the field, changing nothing', async (_what, payload, path, code) => {
    if ((await t.app.inject({ method: 'GET', url: configUrl('strict'), headers: t.admin })).statusCode === 404) await createFlag(t, { key: 'strict' });
    const res = await put('strict', { ...payload, version: 1 });
    expectStatus(res, 400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues[0].path).toBe(path);
    if (code !== undefined) expect(error.details.issues[0].code).toBe(code);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(await getConfig(t, 'strict')).toMatchObject({ enabled: false, version: 1 });
  });

  it('refuses a stale version with 409 and a missing one with 428', async () => {
    await createFlag(t, { key: 'versioned' });
    expectStatus(await put('versioned', { ...checkout, prerequisites: [], version: 1 }), 200);
    const stale = await put('versioned', { ...checkout, enabled: false, prerequisites: [], version: 1 });
    expectStatus(stale, 409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2, sentVersion: 1 } });
    const missing = await put('versioned', { ...checkout, enabled: false, prerequisites: [] });
    expectStatus(missing, 428);
    const mismatch = await put('versioned', { ...checkout, prerequisites: [], version: 2 }, { 'if-match': '"3"' });
    expectStatus(mismatch, 400);
    expect(await getConfig(t, 'versioned')).toMatchObject({ enabled: true, version: 2 });
  });

  it('lets exactly one of two concurrent replacements based on the same version through', async () => {
    await createFlag(t, { key: 'contested' });
    const [a, b] = await Promise.all([
      put('contested', { ...base, fallthrough: { variant: 'on' }, version: 1 }),
      put('contested', { ...base, fallthrough: { variant: 'off' }, version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'on' : 'off';
    expect(await getConfig(t, 'contested')).toMatchObject({ fallthrough: { variant: winner }, version: 2 });
  });

  it('answers 404 for an environment that does not exist', async () => {
    const res = await put('new-cart', { ...base, version: 1 }, {}, 'nope');
    expectStatus(res, 404);
  });
});

describe('prerequisites across flags', () => {
  it('refuses a cycle in one environment and allows the reverse edge in another', async () => {
    await createFlag(t, { key: 'cycle-a' });
    await createFlag(t, { key: 'cycle-b' });
    expectStatus(await patchConfig(t, 'cycle-a', { prerequisites: [{ flag: 'cycle-b', variant: 'on' }] }), 200);
    const cycle = await patchConfig(t, 'cycle-b', { prerequisites: [{ flag: 'cycle-a', variant: 'on' }] });
    expectStatus(cycle, 400);
    expect(cycle.json().error.details.issues[0]).toMatchObject({ path: 'prerequisites[0].flag', code: 'prerequisite_cycle' });
    expect(cycle.json().error.message).toContain('cycle-b → cycle-a → cycle-b');
    expectStatus(await patchConfig(t, 'cycle-b', { prerequisites: [{ flag: 'cycle-a', variant: 'on' }] }, 'staging'), 200);
  });

  it('refuses a chain deeper than 10, counting the flags that depend on the one edited', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `chain-${i + 1}`);
    for (const key of keys) await createFlag(t, { key });
    // chain-1 → chain-2 → … → chain-11: ten links.
    for (let i = 0; i < 10; i++) expectStatus(await patchConfig(t, keys[i]!, { prerequisites: [{ flag: keys[i + 1]!, variant: 'on' }] }), 200);
    const deeper = await patchConfig(t, 'chain-11', { prerequisites: [{ flag: 'chain-12', variant: 'on' }] });
    expectStatus(deeper, 400);
    expect(deeper.json().error.details.issues[0]).toMatchObject({ path: 'prerequisites[0].flag', code: 'prerequisite_too_deep' });
    expect(await getConfig(t, 'chain-11')).toMatchObject({ prerequisites: [], version: 1 });
  });

  it('refuses an archived flag as a prerequisite', async () => {
    await createFlag(t, { key: 'gone' });
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/flags/gone/archive'), headers: t.admin, payload: { version: 1 } }), 200);
    await createFlag(t, { key: 'wants-gone' });
    const res = await patchConfig(t, 'wants-gone', { prerequisites: [{ flag: 'gone', variant: 'on' }] });
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0]).toMatchObject({ path: 'prerequisites[0].flag', code: 'unknown_flag' });
  });
});

describe('changing part of a configuration', () => {
  it('turns a flag off as a kill switch, keeping its rules', async () => {
    await createFlag(t, { key: 'killable' });
    expectStatus(await put('killable', { ...checkout, version: 1 }), 200);
    const res = await patch('killable', { enabled: false, version: 2 });
    expectStatus(res, 200);
    expect(res.headers.etag).toBe('"3"');
    expect(res.json()).toMatchObject({ enabled: false, rules: checkout.rules, prerequisites: checkout.prerequisites, version: 3 });
    const [entry] = await auditOf(t, 'flag', 'killable');
    expect(entry).toMatchObject({ action: 'flag.config.updated', before: { enabled: true, version: 2 }, after: { enabled: false, version: 3 } });
  });

  it('validates the configuration it results in, with paths into the body', async () => {
    await createFlag(t, { key: 'partly' });
    const res = await patch('partly', { rules: [{ id: 'r', when: [{ segment: 'nobody' }], serve: { variant: 'on' } }], version: 1 });
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0].path).toBe('rules[0].when[0].segment');
    const bad = await patch('partly', { enabled: 'yes', version: 1 });
    expectStatus(bad, 400);
    expect(bad.json().error.details.issues[0].path).toBe('enabled');
    expect(await getConfig(t, 'partly')).toMatchObject({ rules: [], version: 1 });
  });

  it('refuses a stale version with 409 and a missing one with 428', async () => {
    await createFlag(t, { key: 'patched' });
    expectStatus(await patch('patched', { enabled: true, version: 1 }), 200);
    const stale = await patch('patched', { enabled: false, version: 1 });
    expectStatus(stale, 409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expectStatus(await patch('patched', { enabled: false }), 428);
    expect(await getConfig(t, 'patched')).toMatchObject({ enabled: true, version: 2 });
  });

  it('lets exactly one of two concurrent kill switches based on the same version through', async () => {
    await createFlag(t, { key: 'double-kill' });
    const [a, b] = await Promise.all([patch('double-kill', { enabled: true, version: 1 }), patch('double-kill', { enabled: true, version: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await getConfig(t, 'double-kill')).version).toBe(2);
  });
});
