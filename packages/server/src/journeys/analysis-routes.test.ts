import { type AnalyticsEvent, type FirstExposure, conversionOf, funnelOf, usageEventsOf, usageOf } from '@dial/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerKey, expectStatus, projectUrl } from '../flags/test-flags.js';
import { findEnvironment, findProject } from '../flags/projects.js';
import { type TestApp, bearer, testApp } from '../test-support.js';
import { buildPaths } from './journey-paths.js';
import { storeEvents } from './test-events.js';

const NOW = Date.parse('2026-02-01T00:00:00Z');
const DAY = 86_400_000;
const journey = {
  key: 'checkout',
  name: 'Checkout',
  steps: [
    { event: 'view_product' },
    { event: 'add_to_cart' },
    { event: 'checkout', filters: [{ property: 'items', operator: 'gte' as const, value: 1 }] },
    { event: 'purchase' },
  ],
  conversionWindowSeconds: 2 * 86_400,
};
const definition = {
  key: journey.key,
  steps: journey.steps.map((step) => ({ event: step.event, label: step.event, filters: step.filters ?? [] })),
  conversionWindowSeconds: journey.conversionWindowSeconds,
};

/** A small deterministic generator, so the data set is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 400 units over the 14 days before NOW: a checkout where the "on" variant converts better, and some searches. */
function shop(): { events: AnalyticsEvent[]; exposures: FirstExposure[] } {
  const next = random(7);
  const events: AnalyticsEvent[] = [];
  const exposures: FirstExposure[] = [];
  const start = (NOW - 14 * DAY) * 1000;
  for (let u = 0; u < 400; u++) {
    const unitKey = `user-${u}`;
    const variant = next() < 0.5 ? 'on' : 'off';
    const country = ['DE', 'FR', 'US', 'GB', 'NL', 'ES', 'IT'][Math.floor(next() * 7)]!;
    let at = start + Math.floor(next() * 14 * DAY * 1000);
    if (next() < 0.8) exposures.push({ flagKey: 'new-checkout', unitKey, variant, atMicros: at - Math.floor(next() * 3 * DAY * 1000) });
    const add = (name: string, properties: Record<string, unknown> = {}) =>
      events.push({ id: `${unitKey}-${events.length}`, type: 'track', name, unitKey, attributes: { country }, properties, atMicros: at });
    const keep = variant === 'on' ? 0.75 : 0.55;
    add('view_product', { price: Math.round(next() * 10_000) / 100 });
    for (const [name, properties] of [['add_to_cart', {}], ['checkout', { items: Math.floor(next() * 3) }], ['purchase', {}]] as const) {
      if (next() > keep) break;
      at += Math.floor(next() * 6 * 3600 * 1_000_000);
      add(name, properties);
    }
    if (next() < 0.3) add('search', { query: next() < 0.5 ? 'shoes' : 'hats' });
  }
  return { events, exposures };
}

let t: TestApp;
const data = shop();
beforeAll(async () => {
  t = await testApp({ client: { now: () => NOW } });
  expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/journeys'), headers: t.admin, payload: journey }), 201);
  const project = (await findProject(t.db, 'default'))!;
  await storeEvents(t.db, (await findEnvironment(t.db, project.id, 'production'))!.id, data.events, data.exposures);
});
afterAll(async () => t.close());

const get = (path: string, headers = t.admin) => t.app.inject({ method: 'GET', url: projectUrl(path), headers });
const range = { fromMicros: (NOW - 30 * DAY) * 1000, toMicros: NOW * 1000 };
const reference = { journey: definition, environment: 'production', range, breakdownLimit: 5, events: data.events, firstExposures: data.exposures };

describe('GET …/journeys/:journey/funnel', () => {
  it('answers the reference funnel over the last 30 days by default', async () => {
    const res = await get('/journeys/checkout/funnel?environment=production');
    expectStatus(res, 200);
    const funnel = res.json();
    expect(funnel).toEqual(funnelOf({ ...reference, breakdown: null }));
    expect(funnel).toMatchObject({ from: '2026-01-02T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', conversionWindowSeconds: 172_800, groups: [] });
    expect(funnel.total.steps[0].units).toBe(400);
    expect(funnel.total.steps[3].units).toBeGreaterThan(0);
  });

  it('breaks down by flag variant, with "on" converting better', async () => {
    const res = await get('/journeys/checkout/funnel?environment=production&breakdown=flag:new-checkout');
    expectStatus(res, 200);
    const funnel = res.json();
    expect(funnel).toEqual(funnelOf({ ...reference, breakdown: { kind: 'flag', key: 'new-checkout' } }));
    const rate = (value: string) => funnel.groups.find((g: { value: string }) => g.value === value).steps[3].conversionFromFirst;
    expect(rate('on')).toBeGreaterThan(rate('off'));
  });

  it('breaks down by attribute with a limit, and by property, over a given range', async () => {
    const from = '2026-01-20T00:00:00Z';
    const to = '2026-01-27T12:00:00Z';
    const within = { fromMicros: Date.parse(from) * 1000, toMicros: Date.parse(to) * 1000 };
    const byCountry = await get(`/journeys/checkout/funnel?environment=production&from=${from}&to=${to}&breakdown=attribute:country&breakdownLimit=3`);
    expectStatus(byCountry, 200);
    expect(byCountry.json()).toEqual(funnelOf({ ...reference, range: within, breakdownLimit: 3, breakdown: { kind: 'attribute', key: 'country' } }));
    expect(byCountry.json().groups.map((g: { value: string }) => g.value).at(-1)).toBe('(other)');
    const byPrice = await get(`/journeys/checkout/funnel?environment=production&from=2026-01-20&to=${to}&breakdown=property:price&breakdownLimit=20`);
    expectStatus(byPrice, 200);
    expect(byPrice.json()).toEqual(funnelOf({ ...reference, range: within, breakdownLimit: 20, breakdown: { kind: 'property', key: 'price' } }));
  });
});

describe('GET …/journeys/:journey/conversion', () => {
  it('answers the reference daily cohorts, every day of the range', async () => {
    const res = await get('/journeys/checkout/conversion?environment=production&breakdown=flag:new-checkout');
    expectStatus(res, 200);
    expect(res.json()).toEqual(conversionOf({ ...reference, breakdown: { kind: 'flag', key: 'new-checkout' } }));
    expect(res.json().total.days).toHaveLength(30);
  });
});

describe('GET …/usage and …/usage/events', () => {
  it('lists the most used events', async () => {
    const res = await get('/usage/events?environment=production&limit=3');
    expectStatus(res, 200);
    expect(res.json()).toEqual(usageEventsOf({ environment: 'production', range, limit: 3, events: data.events }));
    expect(res.json().events.map((e: { name: string }) => e.name)).toEqual(['view_product', 'add_to_cart', 'checkout']);
  });

  it('answers the reference daily usage for each event named, with breakdowns', async () => {
    const plain = await get('/usage?environment=production&event=search&event=purchase&event=search');
    expectStatus(plain, 200);
    const question = { environment: 'production', range, breakdownLimit: 5, events: data.events, firstExposures: data.exposures, eventNames: ['search', 'purchase'] };
    expect(plain.json()).toEqual(usageOf({ ...question, breakdown: null }));
    const byVariant = await get('/usage?environment=production&event=search&event=purchase&breakdown=flag:new-checkout');
    expect(byVariant.json()).toEqual(usageOf({ ...question, breakdown: { kind: 'flag', key: 'new-checkout' } }));
    const byQuery = await get('/usage?environment=production&event=search&breakdown=property:query&breakdownLimit=1');
    expect(byQuery.json()).toEqual(usageOf({ ...question, eventNames: ['search'], breakdownLimit: 1, breakdown: { kind: 'property', key: 'query' } }));
  });
});

describe('events sent through ingestion', () => {
  it('count in the funnel as soon as they are stored', async () => {
    const key = await createServerKey(t);
    // A minute after the generated data's clock: events may be up to 5 minutes ahead of the server's.
    const at = NOW + 60_000;
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: bearer(key),
      payload: {
        events: [
          { id: 'sdk-1', type: 'track', name: 'view_product', key: 'sdk-user', timestamp: at },
          { id: 'sdk-2', type: 'track', name: 'add_to_cart', key: 'sdk-user', timestamp: at + 1500 },
        ],
      },
    });
    expectStatus(sent, 200);
    const funnel = (await get(`/journeys/checkout/funnel?environment=production&from=${new Date(at).toISOString()}&to=${new Date(at + 60_000).toISOString()}`)).json();
    expect(funnel.total.steps.map((s: { units: number }) => s.units)).toEqual([1, 1, 0, 0]);
    expect(funnel.total.steps[1].medianSecondsFromFirst).toBe(1.5);
  });
});

describe('journey paths', () => {
  const pathSet = async () => {
    const { rows } = await t.db.query<{ journey_id: number; environment_id: number; refreshed_at: Date }>(
      `SELECT s.journey_id, s.environment_id, s.refreshed_at FROM journey_path_sets s JOIN journeys j ON j.id = s.journey_id WHERE j.key = 'checkout'`,
    );
    return rows[0];
  };

  it('answer funnels once built, refreshed with the events stored since, and equal to the reference', async () => {
    const project = (await findProject(t.db, 'default'))!;
    const environment = (await findEnvironment(t.db, project.id, 'production'))!;
    const { rows } = await t.db.query<{ id: number }>(`SELECT id FROM journeys WHERE key = 'checkout'`);
    expect(await buildPaths(t.db, { journeyId: Number(rows[0]!.id), environmentId: environment.id }, definition)).toBeGreaterThanOrEqual(400);
    const built = (await pathSet())!.refreshed_at;

    expect((await get('/journeys/checkout/funnel?environment=production')).json()).toEqual(funnelOf({ ...reference, breakdown: null }));
    const byVariant = await get('/journeys/checkout/funnel?environment=production&breakdown=flag:new-checkout');
    expect(byVariant.json()).toEqual(funnelOf({ ...reference, breakdown: { kind: 'flag', key: 'new-checkout' } }));
    const byCountry = await get('/journeys/checkout/funnel?environment=production&breakdown=attribute:country&breakdownLimit=3');
    expect(byCountry.json()).toEqual(funnelOf({ ...reference, breakdownLimit: 3, breakdown: { kind: 'attribute', key: 'country' } }));
    expect((await get('/journeys/checkout/conversion?environment=production&breakdown=flag:new-checkout')).json()).toEqual(
      conversionOf({ ...reference, breakdown: { kind: 'flag', key: 'new-checkout' } }),
    );

    const at = NOW + 120_000;
    const key = await createServerKey(t);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: bearer(key),
      payload: {
        events: [
          { id: 'path-1', type: 'track', name: 'view_product', key: 'path-user', timestamp: at },
          { id: 'path-2', type: 'track', name: 'add_to_cart', key: 'path-user', timestamp: at + 2500 },
          { id: 'path-3', type: 'track', name: 'checkout', key: 'path-user', timestamp: at + 3000, properties: { items: 2 } },
        ],
      },
    });
    expectStatus(sent, 200);
    const window = `from=${new Date(at).toISOString()}&to=${new Date(at + 60_000).toISOString()}`;
    const funnel = (await get(`/journeys/checkout/funnel?environment=production&${window}`)).json();
    expect(funnel.total.steps.map((s: { units: number }) => s.units)).toEqual([1, 1, 1, 0]);
    expect(funnel.total.steps[2].medianSecondsFromFirst).toBe(3);
    expect((await pathSet())!.refreshed_at.getTime()).toBeGreaterThan(built.getTime());
  });

  it('are set aside when the journey changes, and funnels read events until paths follow the new steps', async () => {
    const steps = [{ event: 'view_product' }, { event: 'add_to_cart' }];
    const { version } = (await get('/journeys/checkout')).json();
    const payload = { name: journey.name, steps, conversionWindowSeconds: journey.conversionWindowSeconds, version };
    expectStatus(await t.app.inject({ method: 'PUT', url: projectUrl('/journeys/checkout'), headers: t.admin, payload }), 200);
    const changed = { ...definition, steps: steps.map((step) => ({ ...step, label: step.event, filters: [] })) };
    const refreshed = (await pathSet())!.refreshed_at;
    expect((await get('/journeys/checkout/funnel?environment=production')).json()).toEqual(funnelOf({ ...reference, journey: changed, breakdown: null }));
    expect((await pathSet())!.refreshed_at).toEqual(refreshed);
  });
});

describe('bad requests', () => {
  it.each([
    ['/journeys/checkout/funnel', 'querystring.environment'],
    ['/journeys/checkout/funnel?environment=production&from=yesterday', 'querystring.from'],
    ['/journeys/checkout/funnel?environment=production&to=2026-01-01T00:00:00', 'querystring.to'],
    ['/journeys/checkout/funnel?environment=production&from=2026-01-02&to=2026-01-01', 'querystring.from'],
    ['/journeys/checkout/funnel?environment=production&from=2025-01-01&to=2026-01-02T00:00:00.001Z', 'querystring.to'],
    ['/journeys/checkout/funnel?environment=production&breakdown=variant:x', 'querystring.breakdown'],
    ['/journeys/checkout/funnel?environment=production&breakdown=flag:Not%20A%20Key', 'querystring.breakdown'],
    ['/journeys/checkout/funnel?environment=production&breakdown=property:', 'querystring.breakdown'],
    ['/journeys/checkout/funnel?environment=production&breakdownLimit=21', 'querystring.breakdownLimit'],
    ['/journeys/checkout/conversion?environment=production&colour=red', 'querystring.colour'],
    ['/usage?environment=production', 'querystring.event'],
    [`/usage?environment=production&${Array.from({ length: 11 }, (_, i) => `event=e${i}`).join('&')}`, 'querystring.event'],
    ['/usage?environment=production&event=a%00b', 'querystring.event'],
    ['/usage/events?environment=production&limit=101', 'querystring.limit'],
  ])('%s is refused with 400 naming %s', async (path, parameter) => {
    const res = await get(path);
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0].path).toBe(parameter);
  });

  it('accepts a range of exactly 366 days', async () => {
    expectStatus(await get('/journeys/checkout/funnel?environment=production&from=2025-01-01&to=2026-01-02'), 200);
  });

  it.each([
    ['/journeys/nope/funnel?environment=production', 'Journey "nope"'],
    ['/journeys/checkout/conversion?environment=staging', 'Environment "staging"'],
    ['/usage?environment=staging&event=search', 'Environment "staging"'],
  ])('%s is 404', async (path, what) => {
    const res = await get(path);
    expectStatus(res, 404);
    expect(res.json().error.message).toContain(what);
  });

  it('is 404 for an unknown project and 403 for SDK keys', async () => {
    expectStatus(await t.app.inject({ method: 'GET', url: '/api/v1/projects/nope/usage/events?environment=production', headers: t.admin }), 404);
    const key = await createServerKey(t);
    expectStatus(await get('/journeys/checkout/funnel?environment=production', bearer(key)), 403);
  });
});
