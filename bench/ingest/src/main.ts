/**
 * `npm run bench:ingest`: sustained durable events per second through Dial's
 * `POST /api/v1/events` on a real PostgreSQL, with concurrent keep-alive
 * senders at batches of 100 and 1,000 events, and in the same run raw
 * `COPY` of the same kind of rows into the same table as the physical
 * reference. Prints tables, then one JSON line as the very last line.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { BenchDatabase, backendCpuMs, countEvents, durabilitySettings, environmentId, resetEvents } from './bench-database.js';
import { copyReference, type CopyResult } from './copy-reference.js';
import { distribution, ms, rounded, table } from './report.js';
import { type SendResult, sendEvents } from './senders.js';
import { type WriterCounters, fetchWriterCounters } from './server-metrics.js';
import { type CpuTime, type ServerProcess, startServer } from './server-process.js';

interface Options {
  readonly postgres: string;
  readonly connections: number;
  readonly durationS: number;
  readonly warmupS: number;
  readonly maxEvents: number;
  readonly batchSizes: readonly number[];
  readonly exposureEvery: number;
  readonly units: number;
  readonly copyRows: number | undefined;
  readonly rowsPerCopy: number;
  readonly timeoutS: number;
  readonly quick: boolean;
  /** Where the server writes a V8 CPU profile, if anywhere. */
  readonly serverCpuProf: string | undefined;
}

const PROJECT = 'default';
const ENVIRONMENT = 'production';
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
/** The batch size the ratio is taken at: the most an SDK sends in one request. */
const RATIO_BATCH = 1000;
const TARGET_RATIO = 0.5;

function options(): Options {
  const { values } = parseArgs({
    options: {
      postgres: { type: 'string' },
      connections: { type: 'string' },
      'duration-s': { type: 'string' },
      'warmup-s': { type: 'string' },
      'max-events': { type: 'string' },
      'batch-sizes': { type: 'string', default: '100,1000' },
      'exposure-every': { type: 'string', default: '5' },
      units: { type: 'string', default: '100000' },
      'copy-rows': { type: 'string' },
      'rows-per-copy': { type: 'string', default: '10000' },
      'timeout-s': { type: 'string', default: '300' },
      quick: { type: 'boolean', default: false },
      'server-cpu-prof': { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const integer = (name: string, text: string | undefined, fallback: number, least: number): number => {
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isSafeInteger(value) || value < least) throw new Error(`--${name} must be an integer ≥ ${least}`);
    return value;
  };
  const batchSizes = (values['batch-sizes'] ?? '').split(',').map((text) => integer('batch-sizes', text.trim(), 0, 1));
  if (batchSizes.some((size) => size > 1000)) throw new Error('--batch-sizes: the server takes at most 1000 events per request');
  const postgres = values.postgres ?? (process.env.DATABASE_URL?.trim() || DEFAULT_POSTGRES);
  if (!/^postgres(ql)?:\/\//.test(postgres)) throw new Error('--postgres (or DATABASE_URL) must be a postgres:// connection string');
  return {
    postgres,
    connections: integer('connections', values.connections, quick ? 8 : 32, 1),
    durationS: integer('duration-s', values['duration-s'], quick ? 3 : 15, 1),
    warmupS: integer('warmup-s', values['warmup-s'], quick ? 1 : 3, 0),
    maxEvents: integer('max-events', values['max-events'], quick ? 100_000 : 3_000_000, 1),
    batchSizes,
    exposureEvery: integer('exposure-every', values['exposure-every'], 5, 0),
    units: integer('units', values.units, 100_000, 1),
    copyRows: values['copy-rows'] === undefined ? undefined : integer('copy-rows', values['copy-rows'], 0, 1),
    rowsPerCopy: integer('rows-per-copy', values['rows-per-copy'], 10_000, 1),
    timeoutS: integer('timeout-s', values['timeout-s'], 300, 1),
    quick,
    serverCpuProf: values['server-cpu-prof'] === undefined ? undefined : path.resolve(values['server-cpu-prof']),
  };
}

/** Jiffies the whole machine spent busy and in all, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU used during one phase: cores busy on average (2.0 = both of two), and milliseconds in all. */
interface CpuShare {
  readonly server: number;
  readonly bench: number;
  readonly machine: number;
  /** Milliseconds of CPU in the Dial server. */
  readonly serverMs: number;
  /** Milliseconds of CPU in the PostgreSQL backends serving the benchmark's database; undefined when PostgreSQL is not local. */
  readonly backendsMs: number | undefined;
}

/** Starts measuring CPU; the returned function stops and reports. `server` is left out for the COPY phase. */
async function cpuMeter(server: ServerProcess | undefined, backends: () => Promise<Map<number, number> | undefined>): Promise<() => Promise<CpuShare>> {
  const wall = performance.now();
  const serverBefore: CpuTime | undefined = server?.cpu();
  const benchBefore = process.cpuUsage();
  const machineBefore = machineTicks();
  const backendsBefore = await backends();
  return async () => {
    const seconds = (performance.now() - wall) / 1000;
    const serverAfter: CpuTime | undefined = server?.cpu();
    const bench = process.cpuUsage(benchBefore);
    const machineAfter = machineTicks();
    const backendsAfter = await backends();
    const cores = os.cpus().length;
    const serverMs = serverAfter === undefined || serverBefore === undefined ? 0 : serverAfter.user + serverAfter.system - serverBefore.user - serverBefore.system;
    let backendsMs: number | undefined;
    if (backendsBefore !== undefined && backendsAfter !== undefined) {
      backendsMs = 0;
      // A backend that connected during the phase used all of its CPU in it.
      for (const [pid, ms] of backendsAfter) backendsMs += ms - (backendsBefore.get(pid) ?? 0);
    }
    return {
      server: serverMs / 1000 / seconds,
      bench: (bench.user + bench.system) / 1e6 / seconds,
      machine: ((machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total)) * cores,
      serverMs,
      backendsMs,
    };
  };
}

interface Phase {
  readonly batchSize: number;
  readonly result: SendResult;
  readonly stored: number;
  readonly cpu: CpuShare;
  /** The server's event writer during the phase: transactions, rows and time in them. */
  readonly writer: WriterCounters;
}

const perSecond = (count: number, elapsedMs: number) => (elapsedMs > 0 ? (count * 1000) / elapsedMs : 0);
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

async function createSdkKey(url: string, adminToken: string): Promise<string> {
  const response = await fetch(new URL('/api/v1/tokens', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'server', name: 'bench:ingest', project: PROJECT, environment: ENVIRONMENT }),
  });
  const body = (await response.json()) as { secret?: string };
  if (response.status !== 201 || body.secret === undefined) throw new Error(`creating the SDK key answered ${response.status}: ${JSON.stringify(body)}`);
  return body.secret;
}

interface Context {
  readonly server: ServerProcess;
  readonly client: pg.Client;
  readonly sdkKey: string;
  readonly opts: Options;
  /** CPU of the benchmark database's backends, when PostgreSQL runs on this machine. */
  readonly backends: () => Promise<Map<number, number> | undefined>;
}

async function runPhase({ server, client, sdkKey, opts, backends }: Context, batchSize: number, durationS: number, tag: string): Promise<Phase> {
  await resetEvents(client);
  const writerBefore = await fetchWriterCounters(server.url);
  const meter = await cpuMeter(server, backends);
  const result = await sendEvents({
    url: server.url,
    sdkKey,
    connections: opts.connections,
    batchSize,
    durationMs: durationS * 1000,
    maxEvents: opts.maxEvents,
    idPrefix: tag,
    exposureEvery: opts.exposureEvery,
    units: opts.units,
  });
  const cpu = await meter();
  const writerAfter = await fetchWriterCounters(server.url);
  const writer = {
    transactions: writerAfter.transactions - writerBefore.transactions,
    rows: writerAfter.rows - writerBefore.rows,
    commitSeconds: writerAfter.commitSeconds - writerBefore.commitSeconds,
  };
  return { batchSize, result, stored: await countEvents(client), cpu, writer };
}

/** Microseconds of CPU per event, for the JSON line. */
const cpuPerEvent = (cpuMs: number | undefined, count: number) => (cpuMs === undefined || count === 0 ? null : rounded((cpuMs * 1000) / count, 1));
/** The same, or a dash, for the table. */
const perEvent = (cpuMs: number | undefined, count: number) => cpuPerEvent(cpuMs, count)?.toFixed(1) ?? '—';

function phaseRow(label: string, count: number, elapsedMs: number, latencies: Float64Array, cpu: CpuShare, withServer: boolean): string[] {
  const d = distribution(latencies);
  return [
    label,
    thousands(count),
    (elapsedMs / 1000).toFixed(1),
    thousands(perSecond(count, elapsedMs)),
    ms(d.p50),
    ms(d.p90),
    ms(d.p99),
    ms(d.max),
    withServer ? perEvent(cpu.serverMs, count) : '',
    perEvent(cpu.backendsMs, count),
    withServer ? cpu.server.toFixed(2) : '',
    cpu.bench.toFixed(2),
    cpu.machine.toFixed(2),
  ];
}

async function main(): Promise<number> {
  const opts = options();
  const adminToken = `dial_bench_${randomBytes(18).toString('hex')}`;
  const run = randomBytes(3).toString('hex');
  let database: BenchDatabase | undefined;
  let server: ServerProcess | undefined;
  let client: pg.Client | undefined;
  let cleanedUp: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleanedUp ??= (async () => {
      await client?.end().catch(() => undefined);
      await server?.stop(15_000);
      await database?.drop().catch((error: unknown) => console.error(`could not drop ${database?.name}: ${(error as Error).message}`));
    })());
  const abort = (why: string, code: number) => {
    console.error(`\n${why}: stopping the server, dropping the database and exiting`);
    void cleanUp().finally(() => process.exit(code));
  };
  const deadline = setTimeout(() => abort(`timed out after ${opts.timeoutS} s`, 1), opts.timeoutS * 1000);
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));

  try {
    const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `Event ingestion — Node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} × ${cpuModel}, load average ${(os.loadavg()[0] ?? 0).toFixed(2)} at start`,
    );
    database = await BenchDatabase.create(opts.postgres);
    client = await database.connect();
    const settings = await durabilitySettings(client);
    console.log(
      `PostgreSQL ${settings.server_version} at ${new URL(opts.postgres).host}, database ${database.name} (dropped at the end); ` +
        `synchronous_commit=${settings.synchronous_commit}, fsync=${settings.fsync}, wal_sync_method=${settings.wal_sync_method}, ` +
        `full_page_writes=${settings.full_page_writes}, shared_buffers=${Math.round((Number(settings.shared_buffers) * 8) / 1024)} MB`,
    );
    console.log(
      `${opts.connections} keep-alive connections on loopback, batches of ${opts.batchSizes.join(' and ')} events, ` +
        `${opts.durationS} s or ${thousands(opts.maxEvents)} events each (after ${opts.warmupS} s of warm-up); ` +
        `${opts.exposureEvery === 0 ? 'no exposures' : `one event in ${opts.exposureEvery} an exposure`}, over ${thousands(opts.units)} units${opts.quick ? ' (quick run)' : ''}`,
    );

    const started = performance.now();
    const nodeFlags = opts.serverCpuProf === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${opts.serverCpuProf}`];
    server = await startServer({ adminToken, databaseUrl: database.url, startTimeoutMs: 60_000, nodeFlags });
    console.log(`server: pid ${server.pid} at ${server.url}, started and migrated in ${ms(performance.now() - started)} ms\n`);
    const sdkKey = await createSdkKey(server.url, adminToken);
    const environment = await environmentId(client, PROJECT, ENVIRONMENT);
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(opts.postgres).hostname);
    const databaseName = database.name;
    const connected = client;
    const context: Context = { server, client, sdkKey, opts, backends: async () => (local ? backendCpuMs(connected, databaseName) : undefined) };

    const failures: string[] = [];
    const check = (phase: Phase, label: string) => {
      const { result, stored } = phase;
      if (stored !== result.accepted) failures.push(`${label}: ${thousands(result.accepted)} events acknowledged but ${thousands(stored)} stored`);
      if (result.duplicates !== 0 || result.rejected !== 0) failures.push(`${label}: ${result.duplicates} duplicates and ${result.rejected} rejected among unique, valid events`);
    };
    if (opts.warmupS > 0) {
      const warmup = await runPhase(context, opts.batchSizes[0] ?? 100, opts.warmupS, `w${run}`);
      check(warmup, 'warm-up');
      console.log(`warm-up: ${thousands(warmup.result.accepted)} events in ${ms(warmup.result.elapsedMs)} ms, not counted\n`);
    }
    const phases: Phase[] = [];
    for (const batchSize of opts.batchSizes) {
      const phase = await runPhase(context, batchSize, opts.durationS, `b${batchSize}${run}`);
      check(phase, `batch ${batchSize}`);
      phases.push(phase);
    }

    await resetEvents(client);
    const copyRows = opts.copyRows ?? Math.max(50_000, ...phases.map((phase) => phase.result.accepted));
    const copyMeter = await cpuMeter(undefined, context.backends);
    const copy: CopyResult = await copyReference(client, {
      environmentId: environment,
      rows: copyRows,
      rowsPerCopy: opts.rowsPerCopy,
      idPrefix: `c${run}`,
      exposureEvery: opts.exposureEvery,
      units: opts.units,
    });
    const copyCpu = await copyMeter();
    const copied = await countEvents(client);
    if (copied !== copy.rows || copy.rows !== copyRows) failures.push(`COPY: ${thousands(copyRows)} rows sent, ${thousands(copy.rows)} reported, ${thousands(copied)} stored`);
    await resetEvents(client);

    console.log('Durable events per second: POST /api/v1/events answered 200 (committed), from the first request sent to the last answer');
    console.log(
      table(
        [
          { title: 'phase', align: 'left' },
          { title: 'events', align: 'right' },
          { title: 's', align: 'right' },
          { title: 'events/s', align: 'right' },
          { title: 'p50 ms', align: 'right' },
          { title: 'p90 ms', align: 'right' },
          { title: 'p99 ms', align: 'right' },
          { title: 'max ms', align: 'right' },
          { title: 'server µs/ev', align: 'right' },
          { title: 'PG µs/ev', align: 'right' },
          { title: 'server cores', align: 'right' },
          { title: 'bench cores', align: 'right' },
          { title: 'machine cores', align: 'right' },
        ],
        [
          ...phases.map((phase) => phaseRow(`HTTP, batch ${phase.batchSize}`, phase.result.accepted, phase.result.elapsedMs, phase.result.latenciesMs, phase.cpu, true)),
          phaseRow(`COPY, ${thousands(opts.rowsPerCopy)} rows/stmt`, copy.rows, copy.elapsedMs, copy.latenciesMs, copyCpu, false),
        ],
      ),
    );
    console.log(
      '(latency: per request, or per COPY statement; CPU per event stored: the Dial server and the PostgreSQL backends of the benchmark database; ' +
        'cores busy on average: the Dial server, this process, the whole machine)',
    );
    for (const phase of phases) {
      const r = phase.result;
      const w = phase.writer;
      console.log(
        `batch ${phase.batchSize}: ${thousands(r.requests)} requests, ${thousands(r.accepted)} acknowledged, ${thousands(phase.stored)} stored, ` +
          `${r.duplicates} duplicates, ${r.rejected} rejected, ${r.overloaded} answered 503 and sent again; the writer committed ` +
          `${thousands(w.transactions)} transactions of ${thousands(w.transactions === 0 ? 0 : w.rows / w.transactions)} rows on average ` +
          `and was in one ${Math.round((w.commitSeconds * 100_000) / Math.max(1, r.elapsedMs))}% of the time`,
      );
    }
    console.log(`COPY: ${thousands(copy.rows)} rows in ${copy.statements} statements, ${thousands(copied)} stored`);

    const copyPerSecond = perSecond(copy.rows, copy.elapsedMs);
    const ratioPhase = phases.find((phase) => phase.batchSize === RATIO_BATCH) ?? phases.at(-1);
    const eventsPerSec = ratioPhase === undefined ? 0 : perSecond(ratioPhase.result.accepted, ratioPhase.result.elapsedMs);
    const ratio = copyPerSecond > 0 ? eventsPerSec / copyPerSecond : 0;
    const verdict = ratioPhase?.batchSize !== RATIO_BATCH ? `not judged without batch ${RATIO_BATCH}` : ratio >= TARGET_RATIO ? 'met' : 'NOT met';
    console.log(
      `\nratio at batch ${ratioPhase?.batchSize ?? '—'}: ${thousands(eventsPerSec)} events/s ÷ ${thousands(copyPerSecond)} COPY rows/s = ${ratio.toFixed(3)}; ` +
        `target ≥ ${TARGET_RATIO} — ${verdict}`,
    );
    console.log(`load average ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end: the server, PostgreSQL, the senders and anything else running share ${os.cpus().length} CPUs`);
    if (opts.serverCpuProf !== undefined) console.log(`server CPU profile: in ${opts.serverCpuProf} once it exits`);
    const warnings = server.output().trim();
    if (warnings !== '') console.log(`\nThe server printed (log level warn):\n${warnings.split('\n').slice(-10).join('\n')}`);
    for (const failure of failures) console.log(`FAILED: ${failure}`);

    const batches = Object.fromEntries(
      phases.map((phase) => {
        const d = distribution(phase.result.latenciesMs);
        return [
          String(phase.batchSize),
          {
            eventsPerSec: Math.round(perSecond(phase.result.accepted, phase.result.elapsedMs)),
            p50Ms: rounded(d.p50, 2),
            p90Ms: rounded(d.p90, 2),
            p99Ms: rounded(d.p99, 2),
            events: phase.result.accepted,
            serverCpuUsPerEvent: cpuPerEvent(phase.cpu.serverMs, phase.result.accepted),
            pgCpuUsPerEvent: cpuPerEvent(phase.cpu.backendsMs, phase.result.accepted),
          },
        ];
      }),
    );
    console.log(
      JSON.stringify({
        bench: 'ingest',
        eventsPerSec: Math.round(eventsPerSec),
        copyRowsPerSec: Math.round(copyPerSecond),
        ratio: rounded(ratio, 3),
        ratioBatch: ratioPhase?.batchSize ?? null,
        batches,
        copyPgCpuUsPerRow: cpuPerEvent(copyCpu.backendsMs, copy.rows),
        connections: opts.connections,
        verified: failures.length === 0,
      }),
    );
    return failures.length === 0 ? 0 : 1;
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
