/**
 * Experiments end to end: a real Dial, started in-process, and simulated
 * users served and tracked through the real Node SDK, whose exposures and
 * purchases reach the results API through ingestion and the results query.
 *
 * What each part shows:
 * - a known effect through the real path: the reported interval holds the
 *   true effect and the result is significant;
 * - no effect through the real path: the API reports exactly the sufficient
 *   statistics of what the SDK sent, and no significant difference;
 * - lost treatment exposures through the real path: the sample-ratio check
 *   warns;
 * - the false-positive rate over many seeded A/A simulations, assigned by
 *   the SDKs' own bucketing and computed by core's oracle and statistics (the
 *   same functions the server applies to its SQL sums, which its property
 *   tests hold equal to the oracle): at most 5% with the sequential test, and
 *   near the nominal 5% with the fixed-horizon test, as it should be.
 *
 * On the embedded database by default; on a fresh database of
 * DIAL_TEST_DATABASE_URL in the `postgres` project.
 */
import { CompiledSnapshot, type Snapshot } from '@dial/core';
import { type TrackedEvent, type UnitExposure, metricStatistics } from '@dial/core/experiments';
import { compareArms } from '@dial/core/stats';
import { DialClient } from '@dial/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cleanups, api, startDial, storage } from './test-server.js';

/** A small, seeded random number generator (mulberry32): the same users and purchases on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HALF = { rollout: { split: [{ variant: 'on', weight: 50_000 }, { variant: 'off', weight: 50_000 }] } };
const USERS = 4_000;

const cleanups: Cleanups = [];
let base = '';
let sdkKey = '';
beforeAll(async () => {
  const server = await startDial(cleanups, await storage(cleanups));
  base = server.url;
  await api(base, 'POST', '/projects/default/metrics', { key: 'bought', name: 'Bought', kind: 'conversion', event: 'purchase' });
  const { secret } = await api(base, 'POST', '/tokens', { kind: 'server', name: 'simulation', project: 'default', environment: 'production' });
  sdkKey = secret as string;
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** A boolean flag split 50/50 in production and a running experiment on it, off against on, on purchases. */
async function runningExperiment(key: string): Promise<void> {
  await api(base, 'POST', '/projects/default/flags', { key, name: key });
  const route = `/projects/default/flags/${key}/environments/production`;
  const { version } = await api(base, 'GET', route);
  await api(base, 'PATCH', route, { enabled: true, fallthrough: HALF, version });
  await api(base, 'POST', '/projects/default/experiments', { key, name: key, flag: key, environment: 'production', control: 'off', treatments: ['on'], primaryMetric: 'bought' });
  await api(base, 'POST', `/projects/default/experiments/${key}/start`, { version: 1 });
}

interface Simulated {
  exposures: UnitExposure[];
  events: TrackedEvent[];
}

/**
 * Serves the flag to USERS users through the SDK (recording their exposures)
 * and tracks a purchase for each with the variant's rate; returns what the
 * SDK sent. `fetch` may tamper with what reaches Dial.
 */
async function simulate(flag: string, rates: { off: number; on: number }, seed: number, fetchWith: typeof fetch = fetch): Promise<Simulated> {
  // Polling only: a streaming client closed before the server stops would hold up the stop.
  const client = new DialClient({ sdkKey, baseUrl: base, stream: false, flushOnExit: false, flushAt: 1_000, fetch: fetchWith });
  try {
    await client.ready;
    const random = seeded(seed);
    const simulated: Simulated = { exposures: [], events: [] };
    for (let i = 0; i < USERS; i++) {
      const user = { key: `${flag}-user-${i}` };
      const variant = client.boolean(flag, user, false) ? 'on' : 'off';
      simulated.exposures.push({ unit: user.key, variant, exposedAt: Date.now() });
      if (random() < rates[variant]) {
        client.track('purchase', user);
        simulated.events.push({ id: `${user.key}/purchase`, unit: user.key, name: 'purchase', properties: {}, occurredAt: Date.now() });
      }
    }
    await client.flush();
    expect(client.status()).toMatchObject({ queuedEvents: 0, droppedEvents: 0 });
    return simulated;
  } finally {
    await client.close();
  }
}

interface Effect {
  estimate: number;
  ci: [number, number];
  pValue: number;
  chanceToWin: number;
  significant: boolean;
  verdict: string;
}

/** What these tests read of the results API's answer. */
interface Results {
  units: number;
  srm: { mismatch: boolean; pValue: number | null; message: string | null; variants: { observedShare: number | null }[] };
  metrics: { variants: { variant: string; units: number; total: number; absolute: Effect | null; relative: Effect | null }[] }[];
}

const results = async (flag: string, test = 'sequential') =>
  (await api(base, 'GET', `/projects/default/experiments/${flag}/results?test=${test}`)) as unknown as Results;

describe('experiments end to end through the Node SDK', () => {
  it('report a known effect: an interval holding the true lift, and a significant result', async () => {
    await runningExperiment('known-lift');
    await simulate('known-lift', { off: 0.1, on: 0.16 }, 1);
    const body = await results('known-lift');
    expect(body.units).toBe(USERS);
    const on = body.metrics[0]!.variants[1]!;
    expect(on.variant).toBe('on');
    const absolute = on.absolute!;
    const relative = on.relative!;
    // True effects: +0.06 absolute, +60% relative.
    expect(absolute.ci[0]).toBeLessThan(0.06);
    expect(absolute.ci[1]).toBeGreaterThan(0.06);
    expect(relative.ci[0]).toBeLessThan(0.6);
    expect(relative.ci[1]).toBeGreaterThan(0.6);
    expect(relative).toMatchObject({ significant: true, verdict: 'better' });
    expect(relative.pValue).toBeLessThan(0.05);
    expect(relative.chanceToWin).toBeGreaterThan(0.99);
    expect(body.srm.mismatch).toBe(false);
  });

  it('report no effect where there is none, from exactly the statistics of what the SDK sent', async () => {
    await runningExperiment('no-lift');
    const sent = await simulate('no-lift', { off: 0.12, on: 0.12 }, 2);
    const body = await results('no-lift');
    const window = { start: 0, end: Number.MAX_SAFE_INTEGER, variants: ['off', 'on'] };
    const [off, on] = metricStatistics({ kind: 'conversion', event: 'purchase', where: [], windowDays: 7 }, sent.exposures, sent.events, window);
    expect(body.metrics[0]!.variants.map((arm) => [arm.units, arm.total])).toEqual([
      [off!.total.n, off!.total.type === 'proportion' ? off!.total.conversions : NaN],
      [on!.total.n, on!.total.type === 'proportion' ? on!.total.conversions : NaN],
    ]);
    for (const test of ['sequential', 'fixed']) {
      const relative = (await results('no-lift', test)).metrics[0]!.variants[1]!.relative;
      expect(relative, test).toMatchObject({ significant: false, verdict: 'inconclusive' });
    }
  });

  it('warn of a sample-ratio mismatch when some treatment exposures are lost on the way', async () => {
    await runningExperiment('lossy');
    const random = seeded(3);
    /** Drops 15% of the exposures to "on" from each batch, as a broken client or proxy might. */
    const losing: typeof fetch = async (input, init) => {
      if (!String(input).endsWith('/api/v1/events') || typeof init?.body !== 'string') return fetch(input, init);
      const batch = JSON.parse(init.body) as { events: { type: string; variant?: string }[] };
      batch.events = batch.events.filter((event) => !(event.type === 'exposure' && event.variant === 'on' && random() < 0.15));
      return fetch(input, { ...init, body: JSON.stringify(batch) });
    };
    await simulate('lossy', { off: 0.1, on: 0.1 }, 4, losing);
    const { srm } = await results('lossy');
    expect(srm.mismatch).toBe(true);
    expect(srm.pValue).toBeLessThan(0.001);
    expect(srm.message).toContain('Sample ratio mismatch');
    expect(srm.variants[1]!.observedShare).toBeLessThan(0.47);
  });

  it('keep the false-positive rate of A/A simulations at most 5%', () => {
    // The SDKs' bucketing assigns the units, as in the real path; core computes what the server would.
    const snapshot: Snapshot = {
      version: 1,
      flags: [{ key: 'aa', variants: { on: true, off: false }, enabled: true, offVariant: 'off', prerequisites: [], rules: [], fallthrough: HALF }],
      segments: [],
    };
    const compiled = CompiledSnapshot.compile(snapshot);
    const metric = { kind: 'conversion' as const, event: 'purchase', where: [], windowDays: 7 };
    const window = { start: 0, end: 1, variants: ['off', 'on'] };
    const runs = 1_000;
    const significant = { sequential: 0, fixed: 0 };
    // 1,000 experiments of 1,000 units each, converting at 12% whatever the variant.
    for (let run = 0; run < runs; run++) {
      const random = seeded(1_000 + run);
      const exposures: UnitExposure[] = [];
      const events: TrackedEvent[] = [];
      for (let i = 0; i < 1_000; i++) {
        const unit = `aa-${run}-${i}`;
        exposures.push({ unit, variant: compiled.evaluate('aa', { key: unit }).variant!, exposedAt: 0 });
        if (random() < 0.12) events.push({ id: `${unit}/purchase`, unit, name: 'purchase', properties: {}, occurredAt: 0 });
      }
      const [off, on] = metricStatistics(metric, exposures, events, window);
      const relative = compareArms(off!.total, on!.total).relative;
      if (relative !== null && relative.sequential.pValue < 0.05) significant.sequential++;
      if (relative !== null && relative.fixed.pValue < 0.05) significant.fixed++;
    }
    expect(significant.sequential / runs).toBeLessThanOrEqual(0.05);
    // The fixed-horizon test read once errs at its nominal rate: 5%, within sampling noise of 1,000 runs.
    expect(significant.fixed / runs).toBeGreaterThan(0.025);
    expect(significant.fixed / runs).toBeLessThan(0.075);
  });
});
