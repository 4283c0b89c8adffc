/**
 * `npm run bench:experiments`: an experiment's results (five metrics)
 * through Dial's HTTP API over a million exposed units and ten million
 * events on a real PostgreSQL: computed from the events as a fallback does,
 * then from the unit values Dial keeps, cold and warm; checked against
 * plain SQL. Prints progress and a table, then one JSON line as the very
 * last line.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { AdminApi, ENVIRONMENT, EXPERIMENT, METRICS, PROJECT, RESULTS_PATH } from './admin-api.js';
import { BenchDatabase, backendCpuMs, environmentIdOf, experimentIdOf, serverSettings } from '@dial/bench-support/bench-database';
import { FLAG, dataWindow, generateData } from './data-generator.js';
import { dropForLoad, loadConstraints, restoreAfterLoad } from '@dial/bench-support/load-constraints';
import { OptionError, USAGE, parseOptions } from './options.js';
import { type ResultsAnswer, referenceSql, totalsDifferences, totalsOfAnswer, totalsOfRows } from './reference-queries.js';
import { type Summary, ms, ratio, summary, table, thousands } from '@dial/bench-support/report';
import { resultLine } from './report.js';
import { type BackendReader, type CpuUsed, cpuMeter, timedGet, timedSeries } from './request-timing.js';
import { type ServerProcess, startServer } from '@dial/bench-support/server-process';
import { type ValuesOutcome, readValueSet, waitForValueSet } from './value-set.js';

const TABLES = ['events', 'first_exposures'];
/** The longest refresh interval Dial takes: a server started with it makes no pass while the benchmark times the results from the events. */
const NO_PASSES_SECONDS = 3600;

const now = () => performance.now();
const seconds = (millis: number) => `${(millis / 1000).toFixed(1)} s`;
const loadAverage = () => os.loadavg()[0] ?? 0;

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
  let cleanedUp: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleanedUp ??= (async () => {
      await client?.end().catch(() => undefined);
      await outside?.end().catch(() => undefined);
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
      `Experiment results — Node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} × ${cpuModel}, ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${loadAverage().toFixed(2)} at start`,
    );
    database = await BenchDatabase.create(opts.postgres, 'experiments');
    client = await database.connect();
    outside = await database.connectOutside();
    const settings = await serverSettings(client);
    console.log(
      `PostgreSQL ${settings.server_version} at ${new URL(opts.postgres).host}, database ${database.name} (dropped at the end); ` +
        `shared_buffers=${settings.shared_buffers}, effective_cache_size=${settings.effective_cache_size}, work_mem=${settings.work_mem}, ` +
        `max_parallel_workers_per_gather=${settings.max_parallel_workers_per_gather}, jit=${settings.jit}`,
    );
    const window = dataWindow(Date.now(), opts.days);
    const startedAt = window.start - 3_600_000;
    console.log(
      `${thousands(opts.units)} units exposed to ${FLAG} (control and treatment, 50/50 by a hash of the unit), ${thousands(opts.events)} events over ${opts.days} days ` +
        `(${new Date(window.start).toISOString().slice(0, 10)} to ${new Date(window.end).toISOString().slice(0, 10)}), seed ${opts.seed}; ` +
        `experiment ${EXPERIMENT} started ${new Date(startedAt).toISOString()}, before the data, on ${METRICS.length} metrics: ${METRICS.map((metric) => metric.key).join(', ')}`,
    );

    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(opts.postgres).hostname);
    const watched = outside;
    const databaseName = database.name;
    const backends: BackendReader = async () => (local ? backendCpuMs(watched, databaseName) : undefined);
    const url = database.url;
    const start = async (why: string, refreshSeconds: number): Promise<ServerProcess> => {
      const started = now();
      const child = await startServer({ adminToken, databaseUrl: url, startTimeoutMs: 120_000, env: { DIAL_ANALYTICS_REFRESH_SECONDS: String(refreshSeconds) } });
      console.log(`server (${why}): pid ${child.pid}, ready in ${ms(now() - started)} ms`);
      return child;
    };
    const stop = async () => {
      const printed = server?.output().trim() ?? '';
      if (printed !== '') console.log(`the server printed (log level warn):\n${printed.split('\n').slice(-10).join('\n')}`);
      await server?.stop();
      server = undefined;
    };

    // 1. The schema, the project, the flag, the metrics and the experiment (a draft), through a real server.
    console.log('');
    server = await start('migrates the database', opts.refreshSeconds);
    let api = new AdminApi(server.url, adminToken);
    await api.createShop();
    await stop();
    const environmentId = await environmentIdOf(client, PROJECT, ENVIRONMENT);
    const experimentId = await experimentIdOf(client, PROJECT, EXPERIMENT);

    // 2. The exposures and events, made inside PostgreSQL, without indexes to keep up while loading.
    const constraints = await loadConstraints(client, TABLES);
    await dropForLoad(client, constraints);
    console.log(
      `\nGenerating exposures and events, ${thousands(opts.unitsPerStatement)} units per statement ` +
        `(the ${constraints.filter((c) => c.kind !== 'foreign key').length} indexes and ${constraints.filter((c) => c.kind === 'foreign key').length} foreign keys ` +
        `of ${TABLES.join(' and ')} dropped until the load ends):`,
    );
    const loadStarted = now();
    const events = await generateData(
      client,
      { units: opts.units, events: opts.events, unitsPerStatement: opts.unitsPerStatement, seed: opts.seed, window, environmentId },
      (progress) =>
        console.log(
          `  ${thousands(progress.units).padStart(11)} / ${thousands(opts.units)} units, ${thousands(progress.events).padStart(12)} events, ` +
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

    const failures: string[] = [];
    const answers: { what: string; answer: ResultsAnswer }[] = [];

    // 3. Results computed from the events, as Dial does until it keeps the experiment's values: a server that makes no pass.
    let direct: Summary | null = null;
    let directCpu: CpuUsed | null = null;
    console.log('');
    server = await start(`DIAL_ANALYTICS_REFRESH_SECONDS=${NO_PASSES_SECONDS}: results from the events`, NO_PASSES_SECONDS);
    api = new AdminApi(server.url, adminToken);
    await api.startExperiment(startedAt);
    const experimentStarted = now();
    if (opts.direct > 0) {
      const series = await timedSeries(api, RESULTS_PATH, opts.direct, server, backends);
      direct = summary(series.ms);
      directCpu = series.cpuPerRequest;
      answers.push({ what: 'results from the events', answer: series.last as ResultsAnswer });
      console.log(`  results from the events: ${series.ms.map((value) => `${ms(value)} ms`).join(', ')}`);
      if ((await readValueSet(client, experimentId)).kind === 'present') failures.push('the unit values were built while the results were timed from the events');
    }
    await stop();

    // 4. The server keeps the experiment's unit values: the first pass builds them.
    server = await start(`DIAL_ANALYTICS_REFRESH_SECONDS=${opts.refreshSeconds}: builds the unit values`, opts.refreshSeconds);
    const reader = client;
    const values: ValuesOutcome = await waitForValueSet(() => readValueSet(reader, experimentId), {
      timeoutMs: opts.valuesTimeoutS * 1000,
      pollMs: 250,
      progressMs: 10_000,
      now,
      sleep: (millis) => sleep(millis),
      onWaiting: (elapsed) => console.log(`  waiting for the experiment's unit values: ${seconds(elapsed)}`),
    });
    if (values.kind === 'built') {
      console.log(`unit values of ${thousands(values.set.units)} units built ${seconds(values.elapsedMs)} after the server started (${seconds(now() - experimentStarted)} after the experiment did)`);
      if (values.set.units !== opts.units) failures.push(`the unit values hold ${thousands(values.set.units)} units, not ${thousands(opts.units)}`);
    } else if (values.kind === 'not-kept') console.log('unit values: this Dial keeps none (no experiment_value_sets table); results read the events');
    else failures.push(`the experiment's unit values were not there after ${seconds(values.elapsedMs)}`);
    await stop();

    // 5. Through HTTP: the first request after a restart, then warm ones, while the server keeps refreshing every pass.
    server = await start(`cold results, DIAL_ANALYTICS_REFRESH_SECONDS=${opts.refreshSeconds}`, opts.refreshSeconds);
    const restarted = server;
    api = new AdminApi(restarted.url, adminToken);
    // The client's own first connection, to a route that reads nothing: not what is timed.
    await fetch(new URL('/healthz', restarted.url)).then((response) => response.text());
    const loadBefore = loadAverage();
    const coldMeter = await cpuMeter(restarted, backends);
    const cold = await timedGet(api, RESULTS_PATH);
    const coldCpu = await coldMeter();
    answers.push({ what: 'cold results', answer: cold.body as ResultsAnswer });
    const warmSeries = await timedSeries(api, RESULTS_PATH, opts.repeat, restarted, backends);
    const loadAfter = loadAverage();
    const warm = summary(warmSeries.ms);
    answers.push({ what: 'warm results', answer: warmSeries.last as ResultsAnswer });
    console.log(`  results: cold ${ms(cold.ms)} ms, warm p50 ${ms(warm.p50)} ms, p95 ${ms(warm.p95)} ms (${opts.repeat} requests)`);
    await stop();

    // 6. The check: plain SQL from the rule, on the same database, over the warm answer's range.
    let plainSqlMs: number | null = null;
    const last = answers.at(-1)!.answer;
    if (opts.check) {
      const sqlStarted = now();
      const reference = totalsOfRows((await client.query<Record<string, string>>(referenceSql(environmentId, { from: last.from, to: last.to }))).rows);
      plainSqlMs = now() - sqlStarted;
      for (const { what, answer } of answers) {
        for (const difference of totalsDifferences(totalsOfAnswer(answer), reference)) failures.push(`the ${what} differ from plain SQL's: ${difference}`);
      }
    }
    for (const { what, answer } of answers.slice(0, -1)) {
      if (JSON.stringify(answer.metrics) !== JSON.stringify(last.metrics)) failures.push(`the ${what}' metrics differ from the warm results'`);
    }

    // The report.
    const cpu = (used: CpuUsed | null, part: 'serverMs' | 'pgMs') => ms(used?.[part] ?? null);
    const rows: string[][] = [];
    if (direct !== null) rows.push(['from the events', '—', ms(direct.p50), ms(direct.p95), ms(direct.min), cpu(directCpu, 'serverMs'), cpu(directCpu, 'pgMs'), '']);
    rows.push(['kept unit values', ms(cold.ms), ms(warm.p50), ms(warm.p95), ms(warm.min), cpu(warmSeries.cpuPerRequest, 'serverMs'), cpu(warmSeries.cpuPerRequest, 'pgMs'), ratio(direct?.p50, warm.p50)]);
    console.log(`\nExperiment results (${METRICS.length} metrics, 2 variants) over ${thousands(opts.units)} exposed units and ${thousands(events)} events: GET ${RESULTS_PATH}`);
    console.log(
      table(
        [
          { title: 'read from', align: 'left' },
          { title: 'cold ms', align: 'right' },
          { title: 'p50 ms', align: 'right' },
          { title: 'p95 ms', align: 'right' },
          { title: 'min ms', align: 'right' },
          { title: 'CPU ms/req', align: 'right' },
          { title: 'PG CPU ms/req', align: 'right' },
          { title: 'faster', align: 'right' },
        ],
        rows,
      ),
    );
    console.log(
      `(from the events: ${opts.direct} requests before the values were kept, as Dial answers until they are; kept: the first request after a restart of dial serve, ` +
        `on new PostgreSQL connections, then ${opts.repeat} more, one at a time, each bringing the values up to date first. ` +
        'CPU per request: the Dial server process, and the backends of the benchmark database)',
    );
    console.log(`cold CPU: ${cpu(coldCpu, 'serverMs')} ms server + ${cpu(coldCpu, 'pgMs')} ms PostgreSQL`);
    if (plainSqlMs !== null) console.log(`plain SQL (the check) in PostgreSQL: ${ms(plainSqlMs)} ms, once, after the requests`);
    console.log(
      `load average ${loadBefore.toFixed(2)} before the timed requests and ${loadAfter.toFixed(2)} after: the server, PostgreSQL and anything else running share ${os.cpus().length} CPUs`,
    );
    const totals = totalsOfAnswer(last);
    for (const [variant, arm] of totals) console.log(`  ${variant.padEnd(10)} ${thousands(arm.units).padStart(10)} units, ${METRICS.map((metric, i) => `${metric.key} ${arm.totals[i]}`).join(', ')}`);
    if (failures.length === 0) console.log(`checked: Dial's results equal plain SQL's${opts.check ? '' : ' (not run: --no-check)'}, cold, warm and from the events alike`);
    for (const failure of failures.slice(0, 20)) console.log(`FAILED: ${failure}`);

    console.log(
      resultLine({
        units: opts.units,
        events,
        metrics: METRICS.length,
        warm,
        coldMs: cold.ms,
        direct,
        buildMs: values.kind === 'built' ? values.elapsedMs : null,
        serverCpuMsPerRequest: warmSeries.cpuPerRequest.serverMs,
        pgCpuMsPerRequest: warmSeries.cpuPerRequest.pgMs,
        loadMs,
        loadAverage: [loadBefore, loadAfter],
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
    console.error(error instanceof OptionError ? `${error.message}\n\n${USAGE}` : error instanceof Error ? error.message : error);
    process.exit(error instanceof OptionError ? 2 : 1);
  },
);
