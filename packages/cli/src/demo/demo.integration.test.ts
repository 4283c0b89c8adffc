/**
 * `dial demo` against a real Dial started in-process: the demo project is
 * set up once however often the demo runs, every simulated event reaches the
 * database through the Node SDK and the ingestion endpoint, and the funnel
 * shows the new checkout converting better. The live trickle runs as a person
 * starts it: a child process, stopped with SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, type Cleanups, api, request, startDial, storage } from '../test-server.js';
import { DemoError } from './admin-api.js';
import { type DemoSummary, runDemo } from './demo-command.js';
import type { DemoOptions } from './demo-options.js';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('../test-dial.ts', import.meta.url));
const DAY = 24 * 3600 * 1000;

/** `dial demo` run as a person runs it: a child process, with only the environment given. */
function dialDemo(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--conditions=dial-source', '--import', 'tsx', ENTRY, 'demo', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    process: child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))),
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const listener = net.createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as net.AddressInfo;
  await new Promise((resolve) => listener.close(resolve));
  return port;
}

function collector() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

async function demo(url: string, options: Partial<DemoOptions>): Promise<{ summary: DemoSummary; stdout: string; stderr: string }> {
  const stdout = collector();
  const stderr = collector();
  const summary = await runDemo({ url, token: ADMIN_TOKEN, users: 300, days: 14, rate: 2, live: false, seed: 'test', ...options }, { stdout, stderr });
  return { summary, stdout: stdout.text(), stderr: stderr.text() };
}

/** The demo environment's events in the database, by type. */
async function storedEvents(db: { query<R>(text: string): Promise<{ rows: R[] }> }) {
  const { rows } = await db.query<{ type: string; events: string; units: string; first: Date; last: Date; days: string }>(
    `SELECT e.type, count(*) AS events, count(DISTINCT e.unit_key) AS units, min(e.occurred_at) AS first, max(e.occurred_at) AS last,
            count(DISTINCT date_trunc('day', e.occurred_at)) AS days
       FROM events e JOIN environments env ON env.id = e.environment_id JOIN projects p ON p.id = env.project_id
      WHERE p.key = 'demo' AND env.key = 'production'
      GROUP BY e.type`,
  );
  return Object.fromEntries(rows.map((row) => [row.type, { ...row, events: Number(row.events), units: Number(row.units), days: Number(row.days) }]));
}

/** What the demo set up, with versions: equal before and after a run that changed nothing. */
async function setUpState(base: string) {
  const flags = (await api(base, 'GET', '/projects/demo/flags')).flags as { key: string; version: number; environments: Record<string, { version: number }> }[];
  return {
    project: await api(base, 'GET', '/projects/demo'),
    flags: flags.map(({ key, version, environments }) => ({ key, version, production: environments.production?.version })),
    segments: await api(base, 'GET', '/projects/demo/segments'),
    journeys: await api(base, 'GET', '/projects/demo/journeys'),
    metrics: await api(base, 'GET', '/projects/demo/metrics'),
    experiments: await api(base, 'GET', '/projects/demo/experiments'),
    changes: ((await api(base, 'GET', '/audit?project=demo&limit=500')).entries as { resource: { type: string } }[]).filter((entry) => entry.resource.type !== 'token'),
  };
}

describe('dial demo', () => {
  it('sets up the demo shop once, stores every event it sends, and the new checkout converts better', { timeout: 120_000 }, async () => {
    const server = await startDial(cleanups, await storage(cleanups));
    const startedAt = Date.now();

    const first = await demo(server.url, { users: 1500, seed: 'first' });
    expect(first.stdout).toMatch(/project demo +created\n/);
    expect(first.stdout).toMatch(/segment beta-testers +created\n/);
    expect(first.stdout).toMatch(/flag new-checkout +created: 50\/50 rollout of control and treatment\n/);
    expect(first.stdout).toMatch(/journey checkout +created: view-product → add-to-cart → checkout → purchase\n/);
    expect(first.stdout).toMatch(/metric purchase-conversion +created\n/);
    expect(first.stdout).toMatch(/metric checkout-duration +created\n/);
    expect(first.stdout).toMatch(/experiment new-checkout +created, running since \S+: control against treatment on purchase conversion\n/);
    expect(first.stdout).toMatch(/Backfill: 1,500 shoppers over the past 14 days \(--seed first\)\n/);
    expect(first.stderr).toMatch(/Backfill █+ 100% 1,500\/1,500/);
    expect(first.stderr).not.toMatch(/warning/);

    const newCheckout = await api(server.url, 'GET', '/projects/demo/flags/new-checkout/environments/production');
    expect(newCheckout).toMatchObject({
      enabled: true,
      fallthrough: { rollout: { split: [{ variant: 'control', weight: 50_000 }, { variant: 'treatment', weight: 50_000 }] } },
    });
    const searchV2 = await api(server.url, 'GET', '/projects/demo/flags/search-v2/environments/production');
    expect(searchV2.rules).toEqual([{ id: 'beta', when: [{ segment: 'beta-testers' }], serve: { variant: 'on' } }]);
    const journey = await api(server.url, 'GET', '/projects/demo/journeys/checkout');
    expect((journey.steps as { event: string }[]).map((step) => step.event)).toEqual(['view-product', 'add-to-cart', 'checkout', 'purchase']);

    const before = await setUpState(server.url);
    expect(before.flags.map((flag) => flag.key).sort()).toEqual(['dark-mode', 'new-checkout', 'recommendations', 'search-v2']);
    expect((before.segments.segments as { key: string }[]).map((segment) => segment.key)).toEqual(['beta-testers']);
    expect((before.journeys.journeys as { key: string }[]).map((j) => j.key)).toEqual(['checkout']);

    const second = await demo(server.url, { users: 100, seed: 'second' });
    for (const subject of ['project demo', 'segment beta-testers', 'flag new-checkout', 'flag dark-mode', 'journey checkout', 'metric purchase-conversion']) {
      expect(second.stdout).toMatch(new RegExp(`${subject} +already there\\n`));
    }
    expect(second.stdout).toMatch(/experiment new-checkout +already there, running since /);
    expect(await setUpState(server.url)).toEqual(before);

    // Each run's key was revoked when it stopped.
    const { tokens } = (await api(server.url, 'GET', '/tokens?kind=server&includeRevoked=true')) as { tokens: { name: string; revokedAt: string | null }[] };
    const demoKeys = tokens.filter((token) => token.name === 'dial demo');
    expect(demoKeys).toHaveLength(2);
    expect(demoKeys.every((token) => token.revokedAt !== null)).toBe(true);

    // Every event sent was stored once, with its simulated time in the past 14 days.
    const runs = [first.summary, second.summary];
    for (const summary of runs) expect(summary).toMatchObject({ duplicates: 0, rejected: 0, dropped: 0, accepted: summary.sent.track + summary.sent.exposure });
    expect(first.summary.shoppers).toBe(1500);
    const stored = await storedEvents(server.db);
    expect(stored.track?.events).toBe(first.summary.sent.track + second.summary.sent.track);
    expect(stored.exposure?.events).toBe(first.summary.sent.exposure + second.summary.sent.exposure);
    // Four flags are evaluated on each visit, and each shopper's visits are over an hour apart.
    expect(stored.exposure?.events).toBe(4 * (first.summary.visits + second.summary.visits));
    expect(stored.exposure?.units).toBe(1600);
    expect(stored.track!.first.getTime()).toBeGreaterThanOrEqual(startedAt - 14 * DAY);
    expect(stored.track!.last.getTime()).toBeLessThanOrEqual(Date.now());
    expect(stored.track?.days).toBeGreaterThanOrEqual(14);

    const from = new Date(startedAt - 15 * DAY).toISOString();
    const funnel = await api(server.url, 'GET', `/projects/demo/journeys/checkout/funnel?environment=production&from=${from}&breakdown=flag:new-checkout`);
    type Group = { value: string | null; steps: { units: number; conversionFromFirst: number | null }[] };
    const groups = Object.fromEntries((funnel.groups as Group[]).map((group) => [group.value, group]));
    expect(Object.keys(groups).sort()).toEqual(['control', 'treatment']);
    const total = funnel.total as Group;
    expect(groups.control!.steps[0]!.units + groups.treatment!.steps[0]!.units).toBe(total.steps[0]!.units);
    // Every shopper who viewed a product entered the journey, within the range.
    const viewers = await server.db.query<{ units: string }>(`SELECT count(DISTINCT unit_key) AS units FROM events WHERE type = 'track' AND name = 'view-product'`);
    expect(total.steps[0]!.units).toBe(Number(viewers.rows[0]!.units));
    expect(total.steps[0]!.units).toBeGreaterThan(1550);
    // About 15.5% of control and 23% of treatment buy; the seeds are fixed, so this is no coin toss.
    const bought = (variant: string) => groups[variant]!.steps[3]!.conversionFromFirst!;
    expect(bought('treatment')).toBeGreaterThan(bought('control') * 1.25);
    expect(bought('control')).toBeGreaterThan(0.11);
    expect(bought('treatment')).toBeLessThan(0.3);
  });

  it('runs the new-checkout experiment over the backfilled shoppers, and its results show the new checkout better', { timeout: 120_000 }, async () => {
    const server = await startDial(cleanups, await storage(cleanups));
    const run = await demo(server.url, { users: 3000, seed: 'experiment' });
    expect(run.summary).toMatchObject({ shoppers: 3000, rejected: 0, dropped: 0 });

    const experiment = await api(server.url, 'GET', '/projects/demo/experiments/new-checkout');
    expect(experiment).toMatchObject({
      status: 'running',
      flag: 'new-checkout',
      control: 'control',
      treatments: ['treatment'],
      primaryMetric: 'purchase-conversion',
      secondaryMetrics: ['checkout-completed', 'revenue-per-shopper'],
      guardrailMetrics: ['checkout-duration'],
      weights: { control: 50_000, treatment: 50_000 },
    });
    // Results count units first exposed from the start on: it is no later than the first shopper the backfill exposed.
    const exposed = await server.db.query<{ first: Date; units: string }>(
      `SELECT min(first_exposed_at) AS first, count(*) AS units FROM first_exposures WHERE flag_key = 'new-checkout'`,
    );
    expect(Date.parse(experiment.startedAt as string)).toBeLessThanOrEqual(exposed.rows[0]!.first.getTime());

    type Effect = { estimate: number; chanceToWin: number; significant: boolean; verdict: string };
    type Metric = { metric: string; role: string; variants: { variant: string; units: number; value: number; absolute: Effect | null; relative: Effect | null }[] };
    type Results = { test: string; units: number; srm: { mismatch: boolean }; metrics: Metric[] };
    const fixed = (await api(server.url, 'GET', '/projects/demo/experiments/new-checkout/results?test=fixed')) as unknown as Results;
    expect(fixed.units).toBe(Number(exposed.rows[0]!.units));
    expect(fixed.units).toBe(3000);
    expect(fixed.srm.mismatch).toBe(false);
    const metrics = fixed.metrics;
    expect(metrics.map((m) => [m.metric, m.role])).toEqual([
      ['purchase-conversion', 'primary'],
      ['checkout-completed', 'secondary'],
      ['revenue-per-shopper', 'secondary'],
      ['checkout-duration', 'guardrail'],
    ]);
    const [control, treatment] = metrics[0]!.variants;
    expect(control).toMatchObject({ variant: 'control', absolute: null });
    expect(treatment).toMatchObject({ variant: 'treatment', absolute: { verdict: 'better' }, relative: { significant: true, verdict: 'better' } });
    expect(treatment!.value).toBeGreaterThan(control!.value * 1.25);
    // Completing the checkout journey is buying, in order: the same shoppers.
    expect(metrics[1]!.variants.map((arm) => arm.value)).toEqual(metrics[0]!.variants.map((arm) => arm.value));
    // The journey's duration counts the shoppers who completed it.
    expect(metrics[3]!.variants.map((arm) => arm.units)).toEqual(metrics[1]!.variants.map((arm) => Math.round(arm.value * arm.units)));

    // As the console shows it, under the sequential test: well ahead, however often it is looked at.
    const sequential = (await api(server.url, 'GET', '/projects/demo/experiments/new-checkout/results')) as unknown as Results;
    expect(sequential.test).toBe('sequential');
    const relative = sequential.metrics[0]!.variants[1]!.relative!;
    expect(relative.estimate).toBeGreaterThan(0.25);
    expect(relative.chanceToWin).toBeGreaterThan(0.99);
  });

  it('says what is wrong when Dial cannot be reached or refuses the token, and changes nothing', { timeout: 90_000 }, async () => {
    const server = await startDial(cleanups, await storage(cleanups));
    await expect(demo(server.url, { token: 'dial_admin_wrong000000000000000000000000000' })).rejects.toThrow(
      new DemoError(`Dial at ${server.url} refused the admin token (401). Pass the admin token printed at Dial's first start with --token, or set DIAL_ADMIN_TOKEN.`),
    );
    const { secret } = await api(server.url, 'POST', '/tokens', { kind: 'server', name: 'sdk', project: 'default', environment: 'production' });
    await expect(demo(server.url, { token: secret as string })).rejects.toThrow(/the token is not an admin token \(403\)/);
    expect((await request(server.url, 'GET', '/projects/demo')).status).toBe(404);

    const usage = dialDemo(['--days', '40'], { DIAL_ADMIN_TOKEN: ADMIN_TOKEN });
    expect(await usage.exited).toBe(2);
    expect(usage.stderr()).toMatch(/^dial demo: --days must be a whole number from 1 to 29, not "40"\n\nUsage: dial demo \[options\]/);

    const port = await closedPort();
    await expect(demo(`http://127.0.0.1:${port}`, {})).rejects.toThrow(
      `cannot reach Dial at http://127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}). Is it running? Start it with "dial serve", or pass its address with --url.`,
    );
  });

  it('keeps shoppers coming live until SIGTERM, then sends what it queued and revokes its key', { timeout: 90_000 }, async () => {
    const server = await startDial(cleanups, await storage(cleanups));
    const child = dialDemo(['--users', '50', '--rate', '20', '--seed', 'live'], { DIAL_PORT: String(server.port), DIAL_ADMIN_TOKEN: ADMIN_TOKEN });

    await vi.waitFor(() => expect(child.stdout()).toContain('Live: about 20 shoppers a second; Ctrl-C to stop'), { timeout: 45_000, interval: 100 });
    const afterBackfill = await storedEvents(server.db);
    // Live shoppers arrive and their events reach Dial while the demo runs.
    await vi.waitFor(
      async () => {
        const now = await storedEvents(server.db);
        expect(now.exposure!.units).toBeGreaterThan(afterBackfill.exposure!.units + 20);
        expect(now.track!.last.getTime()).toBeGreaterThan(Date.now() - 60_000);
      },
      { timeout: 20_000, interval: 250 },
    );

    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    const sent = /Sent ([\d,]+) events \(([\d,]+) tracked, ([\d,]+) exposures\) for [\d,]+ shoppers; Dial stored ([\d,]+)\.\n/.exec(child.stdout());
    expect(sent, child.stdout() + child.stderr()).not.toBeNull();
    const [, total, tracked, exposures, accepted] = sent!.map((n) => Number(n.replaceAll(',', '')));
    expect(accepted).toBe(total);
    const stored = await storedEvents(server.db);
    expect(stored.track?.events).toBe(tracked);
    expect(stored.exposure?.events).toBe(exposures);
    const { tokens } = (await api(server.url, 'GET', '/tokens?kind=server')) as { tokens: { name: string }[] };
    expect(tokens.filter((token) => token.name === 'dial demo')).toEqual([]);
  });
});
