/**
 * `npm run bench:client-eval`: requests a second and latency of Dial's
 * `POST /api/v1/sdk/evaluate` with 50 client-side flags, and of Unleash's
 * frontend API (`POST /api/frontend`) with the same 50 flags, loaded the
 * same way in the same run, each server a process of its own on loopback.
 * Prints tables, then one JSON line as the very last line. Saves nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type BenchUser, FLAGS, dialConfig, onByRule, unleashStrategies, users } from './flags.js';
import { type LoadResult, runLoad } from './load.js';
import { type ServerProcess, startDial, startUnleash } from './processes.js';

interface Options {
  readonly durationS: number;
  readonly warmupS: number;
  readonly rounds: number;
  readonly concurrency: number;
  readonly users: number;
  readonly unleash: boolean;
  readonly timeoutS: number;
  readonly databaseUrl: string | undefined;
  readonly postgresUrl: string;
  /** Where Dial writes a V8 CPU profile when it stops, if anywhere. */
  readonly dialCpuProf: string | undefined;
}

const TARGET_RATIO = 3;
const TARGET_P99_MS = 10;

function options(): Options {
  const { values } = parseArgs({
    options: {
      'duration-s': { type: 'string', default: '10' },
      'warmup-s': { type: 'string', default: '2' },
      rounds: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: '16' },
      users: { type: 'string', default: '1000' },
      'no-unleash': { type: 'boolean', default: false },
      'timeout-s': { type: 'string', default: '600' },
      'dial-cpu-prof': { type: 'string' },
    },
  });
  const number = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number of at least ${min}`);
    return value;
  };
  return {
    durationS: number('duration-s', 1),
    warmupS: number('warmup-s', 0),
    rounds: number('rounds', 1),
    concurrency: number('concurrency', 1),
    users: number('users', 1),
    unleash: !values['no-unleash'],
    timeoutS: number('timeout-s', 30),
    databaseUrl: process.env.DATABASE_URL?.trim() || undefined,
    postgresUrl: process.env.BENCH_POSTGRES_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres',
    dialCpuProf: values['dial-cpu-prof'] === undefined ? undefined : path.resolve(values['dial-cpu-prof']),
  };
}

/** One JSON call; throws with the answer when it is not 2xx. */
async function call<T>(base: string, method: string, route: string, authorization: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(route, base), {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text.slice(0, 300)}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** The 50 flags in Dial, client-side and configured in production, and a client key. */
async function seedDial(dial: ServerProcess, adminToken: string): Promise<string> {
  const admin = `Bearer ${adminToken}`;
  for (const flag of FLAGS) {
    await call(dial.url, 'POST', '/api/v1/projects/default/flags', admin, { key: flag.key, name: flag.key, clientSide: true });
    await call(dial.url, 'PUT', `/api/v1/projects/default/flags/${flag.key}/environments/production`, admin, { ...dialConfig(flag), version: 1 });
  }
  const { secret } = await call<{ secret: string }>(dial.url, 'POST', '/api/v1/tokens', admin, {
    kind: 'client',
    name: 'bench',
    project: 'default',
    environment: 'production',
  });
  return secret;
}

/** The same flags in Unleash, through its admin API, on in `development`. */
async function seedUnleash(unleash: ServerProcess, adminToken: string): Promise<void> {
  for (const name of ['country', 'plan', 'email']) {
    await call(unleash.url, 'POST', '/api/admin/context', adminToken, { name, stickiness: false }).catch((error: Error) => {
      if (!/409|already exists/i.test(error.message)) throw error;
    });
  }
  const features = '/api/admin/projects/default/features';
  for (const flag of FLAGS) {
    await call(unleash.url, 'POST', features, adminToken, { name: flag.key, type: 'release' });
    for (const strategy of unleashStrategies(flag)) {
      await call(unleash.url, 'POST', `${features}/${flag.key}/environments/development/strategies`, adminToken, strategy);
    }
    await call(unleash.url, 'POST', `${features}/${flag.key}/environments/development/on`, adminToken);
  }
}

const dialBody = (user: BenchUser) => JSON.stringify({ context: { key: user.key, country: user.country, plan: user.plan, email: user.email } });
const unleashBody = (user: BenchUser) => JSON.stringify({ context: { userId: user.key, country: user.country, plan: user.plan, email: user.email } });

/** Flags on for a user, as each system answers. */
async function dialOn(dial: ServerProcess, key: string, user: BenchUser): Promise<Set<string>> {
  const answer = await call<{ flags: Record<string, { value?: unknown }> }>(dial.url, 'POST', '/api/v1/sdk/evaluate', `Bearer ${key}`, JSON.parse(dialBody(user)));
  return new Set(Object.entries(answer.flags).filter(([, result]) => result.value === true).map(([flag]) => flag));
}

async function unleashOn(unleash: ServerProcess, token: string, user: BenchUser): Promise<Set<string>> {
  const answer = await call<{ toggles: { name: string; enabled: boolean }[] }>(unleash.url, 'POST', '/api/frontend', token, JSON.parse(unleashBody(user)));
  return new Set(answer.toggles.filter((toggle) => toggle.enabled).map((toggle) => toggle.name));
}

/** The two systems agree on every flag a rule decides, for every sample user; rollouts are compared by share. */
async function compare(dial: ServerProcess, dialKey: string, unleash: ServerProcess, unleashToken: string, sample: readonly BenchUser[]) {
  let mismatches = 0;
  let dialCount = 0;
  let unleashCount = 0;
  for (const user of sample) {
    const [d, u] = await Promise.all([dialOn(dial, dialKey, user), unleashOn(unleash, unleashToken, user)]);
    dialCount += d.size;
    unleashCount += u.size;
    for (const flag of FLAGS) {
      const expected = onByRule(flag, user);
      if (expected === undefined) continue;
      if (d.has(flag.key) !== expected || u.has(flag.key) !== expected) {
        if (mismatches < 5) console.log(`  ${flag.key} for ${JSON.stringify(user)}: expected ${expected}, Dial ${d.has(flag.key)}, Unleash ${u.has(flag.key)}`);
        mismatches++;
      }
    }
  }
  return { mismatches, dialOnShare: dialCount / (sample.length * FLAGS.length), unleashOnShare: unleashCount / (sample.length * FLAGS.length) };
}

interface Measured {
  readonly name: string;
  readonly results: LoadResult[];
  cpuMs: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
}

function summary(measured: Measured) {
  const requests = measured.results.reduce((sum, result) => sum + result.requests, 0);
  const errors = measured.results.reduce((sum, result) => sum + result.errors, 0);
  const elapsedMs = measured.results.reduce((sum, result) => sum + result.elapsedMs, 0);
  const bytes = measured.results.reduce((sum, result) => sum + result.responseBytes, 0);
  const all = new Float64Array(requests);
  let offset = 0;
  for (const result of measured.results) {
    all.set(result.latencies, offset);
    offset += result.latencies.length;
  }
  all.sort();
  const rps = requests / (elapsedMs / 1000);
  const perCpuSecond = requests / (measured.cpuMs / 1000);
  return {
    name: measured.name,
    requests,
    errors,
    rps,
    p50: percentile(all, 0.5),
    p90: percentile(all, 0.9),
    p99: percentile(all, 0.99),
    max: percentile(all, 1),
    cpuS: measured.cpuMs / 1000,
    cores: measured.cpuMs / elapsedMs,
    cpuUsPerRequest: (measured.cpuMs * 1000) / requests,
    perCpuSecond,
    bytesPerAnswer: bytes / requests,
  };
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

async function measure(server: ServerProcess, load: Parameters<typeof runLoad>[0], warmupMs: number, into: Measured): Promise<LoadResult> {
  if (warmupMs > 0) await runLoad({ ...load, durationMs: warmupMs });
  const before = server.cpuMs();
  const result = await runLoad(load);
  into.cpuMs += server.cpuMs() - before;
  into.results.push(result);
  return result;
}

async function main(): Promise<void> {
  const opts = options();
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((error: unknown) => console.error(`cleanup: ${(error as Error).message}`));
  };
  const deadline = setTimeout(() => {
    console.error(`the benchmark did not finish within ${opts.timeoutS} s`);
    void cleanup().finally(() => process.exit(1));
  }, opts.timeoutS * 1000);
  deadline.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }

  try {
    console.log(`client-eval: ${FLAGS.length} client-side flags, ${opts.users} users, ${opts.concurrency} keep-alive connections,`);
    console.log(`${opts.rounds} round(s) of ${opts.durationS} s per system (after ${opts.warmupS} s of warm-up each), alternating; ${os.cpus().length} CPUs, Node ${process.version}`);
    const everyone = users(opts.users);

    // Dial
    const adminToken = `dial_admin_bench${randomBytes(16).toString('hex')}`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dial-bench-client-eval-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const dial = await startDial({
      adminToken,
      dataDir,
      databaseUrl: opts.databaseUrl,
      rateLimit: '1000000:1000000',
      nodeFlags: opts.dialCpuProf === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${opts.dialCpuProf}`],
    });
    cleanups.push(() => dial.stop());
    const dialKey = await seedDial(dial, adminToken);
    console.log(`Dial: ${dial.url} (${opts.databaseUrl === undefined ? 'embedded PostgreSQL' : 'PostgreSQL at DATABASE_URL'}), seeded`);

    // Unleash
    let unleash: ServerProcess | undefined;
    let unleashToken = '';
    let unleashProblem: string | undefined = opts.unleash ? undefined : 'not run (--no-unleash)';
    if (opts.unleash) {
      try {
        const database = `dial_bench_unleash_${randomBytes(4).toString('hex')}`;
        const server = new URL(opts.postgresUrl);
        const admin = new pg.Client({ connectionString: opts.postgresUrl });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${database}`);
        await admin.end();
        cleanups.push(async () => {
          const client = new pg.Client({ connectionString: opts.postgresUrl });
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
          await client.end();
        });
        const unleashAdmin = `*:*.bench-admin-${randomBytes(12).toString('hex')}`;
        unleashToken = `default:development.bench-frontend-${randomBytes(12).toString('hex')}`;
        const started = await startUnleash({
          database: { host: server.hostname, port: Number(server.port || 5432), user: decodeURIComponent(server.username || 'postgres'), password: decodeURIComponent(server.password), database },
          adminToken: unleashAdmin,
          frontendToken: unleashToken,
        });
        cleanups.push(() => started.stop());
        await seedUnleash(started, unleashAdmin);
        // The frontend API reads flags from a cache of its own: wait until it serves them all.
        const staff = everyone.find((user) => user.email.endsWith('@example.com') && ['DE', 'FR', 'NL'].includes(user.country))!;
        const expected = FLAGS.filter((flag) => onByRule(flag, staff) === true).map((flag) => flag.key);
        const servesAll = async () => {
          const on = await unleashOn(started, unleashToken, staff);
          return expected.every((key) => on.has(key));
        };
        for (let tries = 0; !(await servesAll()); tries++) {
          if (tries > 100) throw new Error('the frontend API did not serve the seeded flags within 10 s');
          await sleep(100);
        }
        unleash = started;
        console.log(`Unleash: ${started.url} (unleash-server 7.5.1 on PostgreSQL database ${database}), seeded`);
      } catch (error) {
        unleashProblem = (error as Error).message.split('\n').slice(0, 6).join('\n');
        console.log(`Unleash could not run: ${unleashProblem}`);
      }
    }

    if (unleash !== undefined) {
      const check = await compare(dial, dialKey, unleash, unleashToken, everyone.slice(0, 200));
      console.log(
        `Equivalence over 200 users: ${check.mismatches} disagreements on flags decided by rules; flags on: Dial ${fixed(check.dialOnShare * 100, 1)}%, Unleash ${fixed(check.unleashOnShare * 100, 1)}% (rollouts hash differently, so only their shares compare)`,
      );
      if (check.mismatches > 0) throw new Error('the two systems do not serve the same flags');
    }

    const dialLoad = {
      url: `${dial.url}/api/v1/sdk/evaluate`,
      headers: { authorization: `Bearer ${dialKey}` },
      bodies: everyone.map(dialBody),
      concurrency: opts.concurrency,
      durationMs: opts.durationS * 1000,
    };
    const unleashLoad = unleash && {
      url: `${unleash.url}/api/frontend`,
      headers: { authorization: unleashToken },
      bodies: everyone.map(unleashBody),
      concurrency: opts.concurrency,
      durationMs: opts.durationS * 1000,
    };
    const dialMeasured: Measured = { name: 'Dial POST /api/v1/sdk/evaluate', results: [], cpuMs: 0 };
    const unleashMeasured: Measured = { name: 'Unleash 7.5.1 POST /api/frontend', results: [], cpuMs: 0 };
    for (let round = 1; round <= opts.rounds; round++) {
      const d = await measure(dial, dialLoad, opts.warmupS * 1000, dialMeasured);
      console.log(`round ${round}: Dial ${fixed(d.requests / (d.elapsedMs / 1000), 0)} req/s`);
      if (unleash !== undefined && unleashLoad) {
        const u = await measure(unleash, unleashLoad, opts.warmupS * 1000, unleashMeasured);
        console.log(`round ${round}: Unleash ${fixed(u.requests / (u.elapsedMs / 1000), 0)} req/s`);
      }
    }

    const rows = [dialMeasured, ...(unleash === undefined ? [] : [unleashMeasured])].map(summary);
    console.log('');
    console.log(
      table([
        ['system', 'requests', 'errors', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'server CPU s', 'cores busy', 'CPU µs/req', 'req per CPU-s', 'bytes/answer'],
        ...rows.map((row) => [
          row.name,
          String(row.requests),
          String(row.errors),
          fixed(row.rps, 0),
          fixed(row.p50, 2),
          fixed(row.p90, 2),
          fixed(row.p99, 2),
          fixed(row.max, 1),
          fixed(row.cpuS, 1),
          fixed(row.cores, 2),
          fixed(row.cpuUsPerRequest, 0),
          fixed(row.perCpuSecond, 0),
          fixed(row.bytesPerAnswer, 0),
        ]),
      ]),
    );
    const dialRow = rows[0]!;
    const unleashRow = rows[1];
    const ratio = unleashRow === undefined ? null : dialRow.perCpuSecond / unleashRow.perCpuSecond;
    console.log('');
    console.log('Requests per CPU-second of the server process (from /proc) is the per-core figure: the load generator shares the machine.');
    if (unleashRow !== undefined && ratio !== null) {
      console.log(`Per core: Dial ${fixed(ratio, 1)}× Unleash's frontend API (target ≥ ${TARGET_RATIO}×); raw throughput ${fixed(dialRow.rps / unleashRow.rps, 1)}×.`);
    } else {
      console.log(`Unleash: ${unleashProblem ?? 'not run'}; Dial's figures alone.`);
    }
    console.log(`Dial p99 ${fixed(dialRow.p99, 2)} ms at ${fixed(dialRow.rps, 0)} req/s with ${opts.concurrency} connections (target < ${TARGET_P99_MS} ms).`);
    const errors = dialRow.errors + (unleashRow?.errors ?? 0);
    if (errors > 0) console.log(`Errors: ${errors} answers were not 200; see the table.`);
    await cleanup();
    clearTimeout(deadline);
    console.log(
      JSON.stringify({
        bench: 'client-eval',
        dialRps: Math.round(dialRow.rps),
        unleashRps: unleashRow === undefined ? null : Math.round(unleashRow.rps),
        ratio: ratio === null ? null : Math.round(ratio * 100) / 100,
        p99Ms: Math.round(dialRow.p99 * 100) / 100,
      }),
    );
    if (errors > 0) process.exitCode = 1;
  } catch (error) {
    console.error(`client-eval failed: ${(error as Error).stack ?? String(error)}`);
    await cleanup();
    process.exitCode = 1;
  }
}

await main();
