/**
 * `npm run bench:funnel`: a 4-step funnel with a variant breakdown and a
 * daily usage query through Dial's HTTP API, over millions of generated
 * events on a real PostgreSQL, cold and warm; checked against plain SQL, and
 * run in the same run on the same data in DuckDB as the columnar reference.
 * Prints progress and a table, then one JSON line as the very last line.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { AdminApi, ENVIRONMENT, JOURNEY, PROJECT, WINDOW_SECONDS, funnelPath, usagePath } from './admin-api.js';
import { BenchDatabase, backendCpuMs, environmentIdOf, journeyIdOf, serverSettings } from '@dial/bench-support/bench-database';
import { type DuckSession, type DuckTiming, DuckReference, loadDuckDb } from './duckdb-reference.js';
import { STEPS, dataWindow, generateEvents } from './event-generator.js';
import { type PathsOutcome, readPathSet, waitForPathSet } from './journey-paths.js';
import { OptionError, USAGE, parseOptions } from './options.js';
import {
  type FunnelCounts,
  countsOfAnswer,
  countsOfRows,
  funnelDifferences,
  funnelSql,
  usageDifferences,
  usageOfAnswer,
  usageOfRows,
  usageSql,
} from './reference-queries.js';
import { type Summary, ms, ratio, summary, table, thousands } from '@dial/bench-support/report';
import { resultLine } from './report.js';
import { type BackendReader, type CpuUsed, type Series, cpuMeter, timedGet, timedSeries } from './request-timing.js';
import { type ServerProcess, startServer } from '@dial/bench-support/server-process';
import { dropForLoad, loadConstraints, restoreAfterLoad } from '@dial/bench-support/load-constraints';

/** The events the usage query counts per day: the funnel's four. */
const USAGE_EVENTS = STEPS;
const TABLES = ['events', 'first_exposures'];

const now = () => performance.now();
const seconds = (millis: number) => `${(millis / 1000).toFixed(1)} s`;

/** One query's figures on one engine. */
interface Measured {
  readonly coldMs: number;
  readonly cold: CpuUsed | null;
  readonly warm: Summary;
  readonly warmCpu: CpuUsed | null;
}

interface DuckFigures {
  readonly version: string;
  readonly threads: string;
  readonly exportMs: number;
  readonly loadMs: number;
  readonly funnel: Measured;
  readonly usage: Measured;
}

function measuredOfDuck(cold: DuckTiming, warm: readonly DuckTiming[]): Measured {
  const warmCpu = warm.reduce((sum, timing) => sum + timing.cpuMs, 0) / Math.max(1, warm.length);
  return { coldMs: cold.ms, cold: { serverMs: cold.cpuMs, pgMs: null }, warm: summary(warm.map((timing) => timing.ms)), warmCpu: { serverMs: warmCpu, pgMs: null } };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const opts = parseOptions(args, process.env);
  const adminToken = `dial_bench_${randomBytes(18).toString('hex')}`;
  let database: BenchDatabase | undefined;
  let server: ServerProcess | undefined;
  let client: pg.Client | undefined;
  let outside: pg.Client | undefined;
  let folder: string | undefined;
  let duckSession: DuckSession | undefined;
  let cleanedUp: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleanedUp ??= (async () => {
      duckSession?.close();
      await client?.end().catch(() => undefined);
      await outside?.end().catch(() => undefined);
      await server?.stop(15_000);
      await database?.drop().catch((error: unknown) => console.error(`could not drop ${database?.name}: ${(error as Error).message}`));
      if (folder !== undefined) await rm(folder, { recursive: true, force: true });
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
      `Funnel and usage — Node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} × ${cpuModel}, ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${(os.loadavg()[0] ?? 0).toFixed(2)} at start`,
    );
    database = await BenchDatabase.create(opts.postgres, 'funnel');
    client = await database.connect();
    outside = await database.connectOutside();
    const settings = await serverSettings(client);
    console.log(
      `PostgreSQL ${settings.server_version} at ${new URL(opts.postgres).host}, database ${database.name} (dropped at the end); ` +
        `shared_buffers=${settings.shared_buffers}, effective_cache_size=${settings.effective_cache_size}, work_mem=${settings.work_mem}, ` +
        `max_parallel_workers_per_gather=${settings.max_parallel_workers_per_gather}, jit=${settings.jit}`,
    );
    const window = dataWindow(Date.now(), opts.days);
    const range = { from: window.start, to: window.end };
    console.log(
      `${thousands(opts.users)} users, ${thousands(opts.events)} events over ${opts.days} days ` +
        `(${new Date(window.start).toISOString().slice(0, 10)} to ${new Date(window.end).toISOString().slice(0, 10)}), seed ${opts.seed}; ` +
        `${opts.repeat} warm requests per query`,
    );

    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(opts.postgres).hostname);
    const watched = outside;
    const databaseName = database.name;
    const backends: BackendReader = async () => (local ? backendCpuMs(watched, databaseName) : undefined);
    const url = database.url;
    const serverEnv = { DIAL_ANALYTICS_REFRESH_SECONDS: String(opts.refreshSeconds) };
    const start = async (why: string): Promise<ServerProcess> => {
      const started = now();
      const child = await startServer({ adminToken, databaseUrl: url, startTimeoutMs: 120_000, env: serverEnv });
      console.log(`server (${why}): pid ${child.pid}, ready in ${ms(now() - started)} ms`);
      return child;
    };

    // 1. The schema, the project, its environment and the flag, through a real server.
    // The journey comes after the load, so that its paths are built once, over every event.
    console.log('');
    server = await start('migrates the database');
    let api = new AdminApi(server.url, adminToken);
    await api.createShop();
    await server.stop();
    server = undefined;
    const environmentId = await environmentIdOf(client, PROJECT, ENVIRONMENT);

    // 2. The events, made inside PostgreSQL, without indexes to keep up while loading.
    const constraints = await loadConstraints(client, TABLES);
    await dropForLoad(client, constraints);
    console.log(
      `\nGenerating events, ${thousands(opts.usersPerStatement)} users per statement ` +
        `(the ${constraints.filter((c) => c.kind !== 'foreign key').length} indexes and ${constraints.filter((c) => c.kind === 'foreign key').length} foreign keys ` +
        `of ${TABLES.join(' and ')} dropped until the load ends):`,
    );
    const loadStarted = now();
    const events = await generateEvents(
      client,
      { users: opts.users, events: opts.events, usersPerStatement: opts.usersPerStatement, seed: opts.seed, window, environmentId },
      (progress) =>
        console.log(
          `  ${thousands(progress.users).padStart(11)} / ${thousands(opts.users)} users, ${thousands(progress.events).padStart(12)} events, ` +
            `${seconds(progress.elapsedMs).padStart(8)}, ${thousands((progress.events * 1000) / Math.max(1, progress.elapsedMs))} events/s`,
        ),
      now,
    );
    const insertMs = now() - loadStarted;
    await restoreAfterLoad(client, constraints, (made, elapsed) => console.log(`  ${made.kind} ${made.name} made in ${seconds(elapsed)}`), now);
    const vacuumStarted = now();
    await client.query(`VACUUM (ANALYZE) ${TABLES.join(', ')}`);
    console.log(`  VACUUM ANALYZE in ${seconds(now() - vacuumStarted)}`);
    const loadMs = now() - loadStarted;
    const sizes = await client.query<{ events: string; first_exposures: string }>(
      `SELECT pg_size_pretty(pg_total_relation_size('events')) AS events, pg_size_pretty(pg_total_relation_size('first_exposures')) AS first_exposures`,
    );
    console.log(
      `loaded ${thousands(events)} events in ${seconds(loadMs)} (inserts ${seconds(insertMs)}); ` +
        `events ${sizes.rows[0]?.events} and first_exposures ${sizes.rows[0]?.first_exposures} with their indexes`,
    );

    // 3. The journey, made on the stored events; the server's keeper builds its paths.
    console.log('');
    server = await start(`DIAL_ANALYTICS_REFRESH_SECONDS=${opts.refreshSeconds}`);
    api = new AdminApi(server.url, adminToken);
    await api.createJourney();
    const journeyId = await journeyIdOf(client, PROJECT, JOURNEY);
    const reader = client;
    const paths: PathsOutcome = await waitForPathSet(() => readPathSet(reader, journeyId, environmentId), {
      timeoutMs: opts.pathsTimeoutS * 1000,
      pollMs: 250,
      progressMs: 5000,
      now,
      sleep: (millis) => sleep(millis),
      onWaiting: (elapsed) => console.log(`  waiting for the journey's paths: ${seconds(elapsed)}`),
    });
    const failures: string[] = [];
    if (paths.kind === 'built') {
      const counted = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM journey_paths WHERE journey_id = $1 AND environment_id = $2', [journeyId, environmentId]);
      console.log(`journey paths built ${seconds(paths.elapsedMs)} after the journey was created: ${thousands(Number(counted.rows[0]?.n))} paths, one per view_product event`);
      // What autovacuum would have done long before anyone asks: otherwise it runs during the timed requests, on the same 2 CPUs.
      const vacuumStarted = now();
      await client.query('VACUUM (ANALYZE) journey_paths, journey_path_sets, changed_units');
      console.log(`  VACUUM ANALYZE of the paths in ${seconds(now() - vacuumStarted)}`);
    }
    else if (paths.kind === 'not-kept') console.log('journey paths: this Dial keeps none (no journey_path_sets table); the funnel reads the events');
    else failures.push(`the journey's paths were not there after ${seconds(paths.elapsedMs)}`);
    await server.stop();
    server = undefined;

    // 4. Through HTTP: the first request after a restart, then warm ones.
    const measure = async (what: string, requestPath: string): Promise<{ measured: Measured; answers: unknown[] }> => {
      server = await start(`cold ${what}`);
      const restarted = server;
      api = new AdminApi(restarted.url, adminToken);
      // The client's own first connection, to a route that reads nothing: not what is timed.
      await fetch(new URL('/healthz', restarted.url)).then((response) => response.text());
      const meter = await cpuMeter(restarted, backends);
      const cold = await timedGet(api, requestPath);
      const coldCpu = await meter();
      const warm: Series = await timedSeries(api, requestPath, opts.repeat, restarted, backends);
      const printed = restarted.output().trim();
      if (printed !== '') console.log(`the server printed (log level warn):\n${printed.split('\n').slice(-10).join('\n')}`);
      await restarted.stop();
      server = undefined;
      const measured = { coldMs: cold.ms, cold: coldCpu, warm: summary(warm.ms), warmCpu: warm.cpuPerRequest };
      console.log(`  ${what}: cold ${ms(measured.coldMs)} ms, warm p50 ${ms(measured.warm.p50)} ms, p95 ${ms(measured.warm.p95)} ms`);
      return { measured, answers: [cold.body, warm.last] };
    };
    const funnel = await measure('funnel', funnelPath(range));
    const usage = await measure('usage', usagePath(range, USAGE_EVENTS));

    // 5. The check: plain SQL from the rule, on the same database.
    const question = { environmentId, from: range.from, to: range.to, windowSeconds: WINDOW_SECONDS };
    // As Dial runs its analyses: room to hash in memory, no JIT compilation.
    await client.query(`SET work_mem = '256MB'`);
    await client.query('SET jit = off');
    const sqlStarted = now();
    const reference: FunnelCounts = countsOfRows((await client.query(funnelSql(question))).rows);
    const plainSqlMs = now() - sqlStarted;
    for (const [i, answer] of funnel.answers.entries()) {
      const differences = funnelDifferences(countsOfAnswer(answer as Parameters<typeof countsOfAnswer>[0]), reference);
      for (const difference of differences) failures.push(`the ${i === 0 ? 'cold' : 'warm'} funnel's units differ from plain SQL's: ${difference}`);
    }
    const usageReference = usageOfRows((await client.query(usageSql(question, USAGE_EVENTS))).rows);
    for (const [i, answer] of usage.answers.entries()) {
      for (const difference of usageDifferences(usageOfAnswer(answer as Parameters<typeof usageOfAnswer>[0]), usageReference)) {
        failures.push(`the ${i === 0 ? 'cold' : 'warm'} usage differs from plain SQL's: ${difference}`);
      }
    }

    // 6. DuckDB: the same events, the same SQL.
    let duck: DuckFigures | null = null;
    let duckdbSkipped: string | null = opts.duckdb ? null : '--no-duckdb';
    if (opts.duckdb) {
      const loaded = await loadDuckDb();
      if ('error' in loaded) {
        duckdbSkipped = loaded.error;
      } else {
        folder = await mkdtemp(path.join(os.tmpdir(), 'dial-bench-funnel-'));
        console.log(`\nDuckDB ${loaded.version}: exporting the events to ${folder}`);
        const built = await DuckReference.build(loaded.module, client, folder);
        if (built.rows !== events) failures.push(`DuckDB holds ${thousands(built.rows)} events, PostgreSQL ${thousands(events)}`);
        console.log(`  exported in ${seconds(built.exportMs)}, loaded in ${seconds(built.loadMs)}`);
        const runDuck = async (sql: string): Promise<{ measured: Measured; cold: DuckTiming; threads: string }> => {
          duckSession = await built.reference.open();
          const session = duckSession;
          const cold = await session.time(sql);
          const warm: DuckTiming[] = [];
          for (let i = 0; i < opts.repeat; i++) warm.push(await session.time(sql));
          const threads = await session.setting('threads');
          session.close();
          duckSession = undefined;
          return { measured: measuredOfDuck(cold, warm), cold, threads };
        };
        const duckFunnel = await runDuck(funnelSql(question));
        for (const difference of funnelDifferences(countsOfRows(duckFunnel.cold.rows), reference)) failures.push(`DuckDB's funnel differs from PostgreSQL's: ${difference}`);
        const duckUsage = await runDuck(usageSql(question, USAGE_EVENTS));
        for (const difference of usageDifferences(usageOfRows(duckUsage.cold.rows), usageReference)) failures.push(`DuckDB's usage differs from PostgreSQL's: ${difference}`);
        duck = { version: loaded.version, threads: duckFunnel.threads, exportMs: built.exportMs, loadMs: built.loadMs, funnel: duckFunnel.measured, usage: duckUsage.measured };
        await rm(folder, { recursive: true, force: true });
        folder = undefined;
      }
    }

    // The report.
    const cpu = (used: CpuUsed | null, part: 'serverMs' | 'pgMs') => ms(used?.[part] ?? null);
    const row = (query: string, engine: string, measured: Measured, ratioTo: Measured | null): string[] => [
      query,
      engine,
      ms(measured.coldMs),
      ms(measured.warm.p50),
      ms(measured.warm.p95),
      ms(measured.warm.min),
      cpu(measured.warmCpu, 'serverMs'),
      cpu(measured.warmCpu, 'pgMs'),
      ratioTo === null ? '' : ratio(measured.warm.p50, ratioTo.warm.p50),
      ratioTo === null ? '' : ratio(measured.coldMs, ratioTo.coldMs),
    ];
    const rows = [row('funnel', 'Dial HTTP', funnel.measured, duck?.funnel ?? null)];
    if (duck !== null) rows.push(row('funnel', `DuckDB ${duck.threads} threads`, duck.funnel, null));
    rows.push(row('usage', 'Dial HTTP', usage.measured, duck?.usage ?? null));
    if (duck !== null) rows.push(row('usage', `DuckDB ${duck.threads} threads`, duck.usage, null));
    console.log(`\nFunnel (4 steps, by variant of new-checkout) and daily usage (4 events) over ${thousands(events)} events of ${thousands(opts.users)} users`);
    console.log(
      table(
        [
          { title: 'query', align: 'left' },
          { title: 'engine', align: 'left' },
          { title: 'cold ms', align: 'right' },
          { title: 'warm p50', align: 'right' },
          { title: 'warm p95', align: 'right' },
          { title: 'warm min', align: 'right' },
          { title: 'CPU ms/req', align: 'right' },
          { title: 'PG CPU ms/req', align: 'right' },
          { title: '÷ DuckDB warm', align: 'right' },
          { title: '÷ DuckDB cold', align: 'right' },
        ],
        rows,
      ),
    );
    console.log(
      `(cold: the first request after a restart of dial serve, on new PostgreSQL connections, or a newly opened DuckDB; warm: ${opts.repeat} more, one at a time. ` +
        'CPU per warm request: the Dial server process, or this process for DuckDB, which runs in it; PG: the backends of the benchmark database)',
    );
    console.log(
      `cold CPU: funnel ${cpu(funnel.measured.cold, 'serverMs')} ms server + ${cpu(funnel.measured.cold, 'pgMs')} ms PostgreSQL; ` +
        `usage ${cpu(usage.measured.cold, 'serverMs')} ms + ${cpu(usage.measured.cold, 'pgMs')} ms`,
    );
    console.log(`plain SQL funnel (the check) in PostgreSQL: ${ms(plainSqlMs)} ms, once, after the requests`);
    if (duck !== null) console.log(`DuckDB ${duck.version}: events exported from PostgreSQL in ${seconds(duck.exportMs)}, loaded in ${seconds(duck.loadMs)}`);
    else console.log(`DuckDB: not run (${duckdbSkipped})`);
    console.log(`load average ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end: the server, PostgreSQL, DuckDB and anything else running share ${os.cpus().length} CPUs`);
    const counts = countsOfAnswer(funnel.answers[0] as Parameters<typeof countsOfAnswer>[0]);
    for (const [group, units] of counts) console.log(`  ${group.padEnd(10)} ${units.map((value) => thousands(value).padStart(10)).join(' →')}`);
    if (failures.length === 0) console.log(`checked: Dial's funnel and usage equal plain SQL's${duck === null ? '' : ", and so do DuckDB's"}`);
    for (const failure of failures.slice(0, 20)) console.log(`FAILED: ${failure}`);

    console.log(
      resultLine({
        events,
        users: opts.users,
        warm: funnel.measured.warm,
        coldMs: funnel.measured.coldMs,
        duckdbWarm: duck?.funnel.warm ?? null,
        duckdbColdMs: duck?.funnel.coldMs ?? null,
        usageWarm: usage.measured.warm,
        usageColdMs: usage.measured.coldMs,
        duckdbUsageWarm: duck?.usage.warm ?? null,
        pathsBuildMs: paths.kind === 'built' ? paths.elapsedMs : null,
        serverCpuMsPerFunnel: funnel.measured.warmCpu?.serverMs ?? null,
        pgCpuMsPerFunnel: funnel.measured.warmCpu?.pgMs ?? null,
        loadMs,
        verified: failures.length === 0,
        duckdbSkipped,
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
    console.error(error instanceof OptionError ? `${error.message}\n\n${USAGE}` : error instanceof Error ? error.message : error);
    process.exit(error instanceof OptionError ? 2 : 1);
  },
);

