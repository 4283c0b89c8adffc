/**
 * `npm run bench:propagation`: how long a flag change made through the admin
 * API takes to reach every one of 1,000 streaming SDK clients of one Dial
 * server on loopback, and how much server memory each connection holds.
 * Prints tables, then one JSON line as the very last line. Saves nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { AdminApi } from './admin-api.js';
import { distribution, ms, rounded, table } from './report.js';
import { type ServerMemory, type ServerProcess, startServer } from './server-process.js';
import { StreamClient } from './stream-client.js';

interface Options {
  readonly clients: number;
  readonly changes: number;
  readonly warmup: number;
  readonly intervalMs: number;
  readonly changeTimeoutMs: number;
  readonly timeoutS: number;
  readonly databaseUrl: string | undefined;
  /** Where the server writes a V8 CPU profile, if anywhere. */
  readonly serverCpuProf: string | undefined;
}

/** One change made through the API and its arrival at every client. */
interface Change {
  readonly warmup: boolean;
  readonly enabled: boolean;
  /** The snapshot version that carries it. */
  readonly expected: number;
  readonly writeMs: number;
  /** Per client, milliseconds from just before the write to holding `expected`; NaN if it never came. */
  readonly latencies: Float64Array;
  /** Time the benchmark process spent parsing and applying events during this change, all clients together. */
  readonly harnessMs: number;
}

interface Round {
  readonly expected: number;
  readonly t0: number;
  readonly latencies: Float64Array;
  pending: number;
  done(): void;
}

const PROJECT = 'default';
const ENVIRONMENT = 'production';
const CONNECT_CONCURRENCY = 50;
const SETTLE_MS = 1000;
const SETTLE_TRIES = 15;
const SETTLED_RSS_BYTES = 1024 * 1024;
const TARGET_P99_MS = 50;
const TARGET_CLIENTS = 1000;

function options(): Options {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '1000' },
      changes: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '3' },
      'interval-ms': { type: 'string', default: '200' },
      'change-timeout-ms': { type: 'string', default: '5000' },
      'timeout-s': { type: 'string', default: '180' },
      'server-cpu-prof': { type: 'string' },
    },
  });
  const numbers = {
    clients: Number(values.clients),
    changes: Number(values.changes),
    warmup: Number(values.warmup),
    intervalMs: Number(values['interval-ms']),
    changeTimeoutMs: Number(values['change-timeout-ms']),
    timeoutS: Number(values['timeout-s']),
  };
  for (const [name, value] of Object.entries(numbers)) {
    const least = name === 'warmup' || name === 'intervalMs' ? 0 : 1;
    if (!Number.isInteger(value) || value < least) throw new Error(`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be an integer ≥ ${least}`);
  }
  const serverCpuProf = values['server-cpu-prof'] === undefined ? undefined : path.resolve(values['server-cpu-prof']);
  return { ...numbers, databaseUrl: process.env.DATABASE_URL?.trim() || undefined, serverCpuProf };
}

/** Each client is a socket here and one in the server, which inherits this process's limit. */
function checkFileLimit(clients: number): void {
  let soft: number;
  try {
    const line = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    soft = line === undefined || line === 'unlimited' ? Infinity : Number(line);
  } catch {
    return;
  }
  const needed = clients + 256;
  if (soft < needed) throw new Error(`${clients} clients need about ${needed} open files per process, but the limit is ${soft}: raise it (ulimit -n ${needed}) or use fewer --clients`);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

/**
 * The server's memory once its RSS has stopped moving: the embedded
 * database hands pages back for seconds after start-up and after bursts.
 */
async function settledMemory(server: ServerProcess): Promise<ServerMemory> {
  let last = await server.memory();
  for (let tries = 0; tries < SETTLE_TRIES; tries++) {
    await sleep(SETTLE_MS);
    const next = await server.memory();
    const steady = Math.abs(next.rss - last.rss) < SETTLED_RSS_BYTES;
    last = next;
    if (steady) break;
  }
  return last;
}

/** The one-minute load average: other work on the machine shows in the tail. */
function loadAverage(): string {
  return (os.loadavg()[0] ?? 0).toFixed(2);
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Opens every client, a bounded number at a time, so the server's accept queue never overflows. */
async function connectAll(clients: readonly StreamClient[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < clients.length) {
      const client = clients[next++] as StreamClient;
      await client.connect();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, clients.length) }, worker));
}

function changeTable(changes: readonly Change[]): string {
  const rows = changes.map((change, i) => {
    const d = distribution(change.latencies);
    const missed = change.latencies.length - d.count;
    return [
      change.warmup ? `w${i + 1}` : String(i + 1 - changes.filter((c) => c.warmup).length),
      String(change.expected),
      change.enabled ? 'on' : 'off',
      ms(change.writeMs),
      ms(d.min),
      ms(d.p50),
      ms(d.p99),
      ms(d.max),
      ms(change.harnessMs),
      missed === 0 ? '' : String(missed),
    ];
  });
  return table(
    [
      { title: 'change', align: 'right' },
      { title: 'version', align: 'right' },
      { title: 'to', align: 'left' },
      { title: 'write ms', align: 'right' },
      { title: 'first ms', align: 'right' },
      { title: 'p50 ms', align: 'right' },
      { title: 'p99 ms', align: 'right' },
      { title: 'max ms', align: 'right' },
      { title: 'bench parse ms', align: 'right' },
      { title: 'missed', align: 'right' },
    ],
    rows,
  );
}

async function main(): Promise<number> {
  const opts = options();
  checkFileLimit(opts.clients);
  const adminToken = `dial_bench_${randomBytes(18).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dial-bench-propagation-'));
  const clients: StreamClient[] = [];
  const streamAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 0 });
  let server: ServerProcess | undefined;
  let api: AdminApi | undefined;
  let cleanedUp: Promise<void> | undefined;

  const cleanUp = (): Promise<void> =>
    (cleanedUp ??= (async () => {
      for (const client of clients) client.close();
      streamAgent.destroy();
      api?.close();
      await server?.stop(5000);
      rmSync(dataDir, { recursive: true, force: true });
    })());
  const abort = (why: string, code: number) => {
    console.error(`\n${why}: stopping the server and exiting`);
    void cleanUp().finally(() => process.exit(code));
  };
  const deadline = setTimeout(() => abort(`timed out after ${opts.timeoutS} s`, 1), opts.timeoutS * 1000);
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));

  try {
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `Flag change propagation — Node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} × ${cpu}, ` +
        `load average ${loadAverage()} at start`,
    );
    console.log(
      `${opts.clients.toLocaleString('en-US')} SSE clients on loopback, ${opts.changes} timed changes (after ${opts.warmup} warm-up), ` +
        `one every ${opts.intervalMs} ms at most; storage: ${opts.databaseUrl === undefined ? 'embedded PostgreSQL (PGlite), fresh' : 'PostgreSQL at DATABASE_URL'}`,
    );

    let started = performance.now();
    const nodeFlags = opts.serverCpuProf === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${opts.serverCpuProf}`];
    server = await startServer({ adminToken, dataDir, databaseUrl: opts.databaseUrl, startTimeoutMs: 60_000, nodeFlags });
    console.log(`\nserver: pid ${server.pid} at ${server.url}, started in ${ms(performance.now() - started)} ms`);
    api = new AdminApi(server.url, adminToken);

    const flagKey = `propagation-${Date.now().toString(36)}`;
    const flag = await api.call<{ version: number }>('POST', `/projects/${PROJECT}/flags`, { key: flagKey, name: 'Propagation benchmark' });
    const configPath = `/projects/${PROJECT}/flags/${flagKey}/environments/${ENVIRONMENT}`;
    let config = (await api.call<{ enabled: boolean; version: number }>('GET', configPath)).body;
    const sdkKey = await api.call<{ token: { id: number }; secret: string }>('POST', '/tokens', {
      kind: 'server',
      name: 'bench:propagation',
      project: PROJECT,
      environment: ENVIRONMENT,
    });

    const streamUrl = new URL('/api/v1/sdk/stream', server.url);
    let round: Round | undefined;
    const newClient = (index: number) =>
      new StreamClient({
        url: streamUrl,
        key: sdkKey.body.secret,
        agent: streamAgent,
        now: () => performance.now(),
        onVersion: (_client, version, at) => {
          const current = round;
          if (current === undefined || version < current.expected || !Number.isNaN(current.latencies[index])) return;
          current.latencies[index] = at - current.t0;
          if (--current.pending === 0) current.done();
        },
      });

    // One client first, so code loaded and compiled on first use does not count as memory per connection.
    const probe = newClient(-1);
    await probe.connect();
    probe.close();
    const before = await settledMemory(server);

    for (let i = 0; i < opts.clients; i++) clients.push(newClient(i));
    started = performance.now();
    await connectAll(clients);
    const connectMs = performance.now() - started;
    const after = await settledMemory(server);
    const perClient = { rss: (after.rss - before.rss) / opts.clients, heap: (after.heapUsed + after.external - before.heapUsed - before.external) / opts.clients };
    const held = new Set(clients.map((client) => client.version));
    console.log(
      `${opts.clients} clients connected and holding snapshot version ${[...held].join(', ')} in ${ms(connectMs)} ms ` +
        `(${CONNECT_CONCURRENCY} connecting at a time, each with ${clients[0]?.flags.size ?? 0} flag(s))`,
    );
    console.log(
      `server memory after a full GC: RSS ${megabytes(before.rss)} before, ${megabytes(after.rss)} with every client → ${kilobytes(perClient.rss)} per connection; ` +
        `V8 heap + external ${megabytes(before.heapUsed + before.external)} → ${megabytes(after.heapUsed + after.external)}, ${kilobytes(perClient.heap)} per connection\n`,
    );

    const changes: Change[] = [];
    const changesFrom = process.hrtime.bigint();
    const serverCpuBefore = server.cpu();
    const benchCpuBefore = process.cpuUsage();
    for (let i = 0; i < opts.warmup + opts.changes; i++) {
      const expected = Math.max(...clients.map((client) => client.version)) + 1;
      const latencies = new Float64Array(opts.clients).fill(Number.NaN);
      const { promise: allArrived, resolve: done } = deferred();
      const busyBefore = clients.reduce((sum, client) => sum + client.busyMs, 0);
      const enabled = !config.enabled;
      const t0 = performance.now();
      round = { expected, t0, latencies, pending: opts.clients, done };
      config = (await api.call<{ enabled: boolean; version: number }>('PATCH', configPath, { enabled, version: config.version })).body;
      const writeMs = performance.now() - t0;
      const giveUp = new AbortController();
      await Promise.race([allArrived, sleep(opts.changeTimeoutMs, undefined, { signal: giveUp.signal }).catch(() => undefined)]);
      giveUp.abort();
      round = undefined;
      const harnessMs = clients.reduce((sum, client) => sum + client.busyMs, 0) - busyBefore;
      changes.push({ warmup: i < opts.warmup, enabled, expected, writeMs, latencies, harnessMs });
      await sleep(Math.max(0, t0 + opts.intervalMs - performance.now()));
    }

    const changesTo = process.hrtime.bigint();
    const serverCpuAfter = server.cpu();
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const count = changes.length;
    const cpuPerChange = {
      serverUser: (serverCpuAfter.user - serverCpuBefore.user) / count,
      serverSystem: (serverCpuAfter.system - serverCpuBefore.system) / count,
      benchUser: benchCpu.user / 1000 / count,
      benchSystem: benchCpu.system / 1000 / count,
    };
    const timed = changes.filter((change) => !change.warmup);
    const all = distribution(timed.flatMap((change) => [...change.latencies]));
    const writes = distribution(timed.map((change) => change.writeMs));
    const harness = distribution(timed.map((change) => change.harnessMs));
    const perChange = timed.map((change) => distribution(change.latencies));
    const first = distribution(perChange.map((d) => d.min));
    const spread = distribution(perChange.map((d) => d.max - d.min));
    const missed = timed.length * opts.clients - all.count;
    const complete = clients.filter((_, i) => timed.every((change) => Number.isFinite(change.latencies[i]))).length;
    const trouble = { reconnects: 0, gaps: 0, idMismatches: 0, badEvents: 0 };
    for (const client of clients) for (const key of Object.keys(trouble) as (keyof typeof trouble)[]) trouble[key] += client.trouble[key];
    const heartbeats = clients.reduce((sum, client) => sum + client.heartbeats, 0);

    console.log('Each change, from just before its PATCH to each client holding the version that carries it:');
    console.log(changeTable(changes));
    console.log(`\nSummary over ${timed.length} timed changes × ${opts.clients} clients = ${(timed.length * opts.clients).toLocaleString('en-US')} samples`);
    console.log(
      table(
        [
          { title: 'measure', align: 'left' },
          { title: 'p50', align: 'right' },
          { title: 'p90', align: 'right' },
          { title: 'p99', align: 'right' },
          { title: 'max', align: 'right' },
        ],
        [
          ['change → client holds it (ms)', ms(all.p50), ms(all.p90), ms(all.p99), ms(all.max)],
          ['API write, PATCH answered (ms)', ms(writes.p50), ms(writes.p90), ms(writes.p99), ms(writes.max)],
          ['first client of each change (ms)', ms(first.p50), ms(first.p90), ms(first.p99), ms(first.max)],
          ['last − first client of each change (ms)', ms(spread.p50), ms(spread.p90), ms(spread.p99), ms(spread.max)],
          ['bench parsing per change, all clients (ms)', ms(harness.p50), ms(harness.p90), ms(harness.p99), ms(harness.max)],
        ],
      ),
    );
    console.log(`\nclients that received every change within ${opts.changeTimeoutMs} ms: ${complete} of ${opts.clients}; samples missed: ${missed}`);
    console.log(
      `stream trouble: ${trouble.reconnects} reconnections, ${trouble.gaps} version gaps, ${trouble.idMismatches} id/version mismatches, ` +
        `${trouble.badEvents} unreadable events; ${heartbeats} heartbeats`,
    );
    console.log(`server memory per connection: ${kilobytes(perClient.rss)} of RSS; V8 heap + external grew ${kilobytes(perClient.heap)} per connection`);
    const verdict = opts.clients < TARGET_CLIENTS ? `not judged with ${opts.clients} clients` : all.p99 < TARGET_P99_MS ? 'met' : 'NOT met';
    console.log(`target: p99 under ${TARGET_P99_MS} ms at ${TARGET_CLIENTS.toLocaleString('en-US')} clients on loopback — ${verdict} (p99 ${ms(all.p99)} ms)`);
    console.log(
      `CPU per change (all ${count}, from the changes' start to the last one's end): server ${ms(cpuPerChange.serverUser + cpuPerChange.serverSystem)} ms ` +
        `(${ms(cpuPerChange.serverUser)} user, ${ms(cpuPerChange.serverSystem)} system), bench ${ms(cpuPerChange.benchUser + cpuPerChange.benchSystem)} ms ` +
        `(${ms(cpuPerChange.benchUser)} user, ${ms(cpuPerChange.benchSystem)} system)`,
    );
    console.log(`load average ${loadAverage()} at the end: the server, the clients and anything else running share ${os.cpus().length} CPUs`);
    if (opts.serverCpuProf !== undefined) {
      // V8 stamps profile samples with the same monotonic clock as hrtime, in microseconds.
      console.log(`server CPU profile: in ${opts.serverCpuProf} once it exits; the changes ran from ${changesFrom / 1000n} to ${changesTo / 1000n} µs`);
    }
    const warnings = server.output().trim();
    if (warnings !== '') console.log(`\nThe server printed (log level warn):\n${warnings.split('\n').slice(-10).join('\n')}`);

    if (opts.databaseUrl !== undefined) {
      // A shared database keeps nothing of the run but its audit entries.
      await api.call('DELETE', `/tokens/${sdkKey.body.token.id}`).catch(() => undefined);
      const archived = await api.call<{ version: number }>('POST', `/projects/${PROJECT}/flags/${flagKey}/archive`, { version: flag.body.version }).catch(() => undefined);
      if (archived !== undefined) await api.call('DELETE', `/projects/${PROJECT}/flags/${flagKey}`, undefined, { 'if-match': `"${archived.body.version}"` }).catch(() => undefined);
    }

    console.log(
      JSON.stringify({
        bench: 'propagation',
        clients: opts.clients,
        p50Ms: rounded(all.p50, 2),
        p99Ms: rounded(all.p99, 2),
        maxMs: rounded(all.max, 2),
        changes: timed.length,
        missed,
        writeP50Ms: rounded(writes.p50, 2),
        memoryPerClientKB: rounded(perClient.rss / 1024, 1),
        heapPerClientKB: rounded(perClient.heap / 1024, 1),
      }),
    );
    return missed === 0 ? 0 : 1;
  } finally {
    clearTimeout(deadline);
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
