import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { cpuOf } from './server-process.js';

/**
 * The benchmark's own database on a PostgreSQL server: created fresh for the
 * run and dropped at its end, so nothing of it outlives the benchmark.
 */
export class BenchDatabase {
  private constructor(
    private readonly serverUrl: string,
    readonly name: string,
    /** Connection string of the new database. */
    readonly url: string,
  ) {}

  /** Creates `dial_bench_<bench>_<random>` on the server `serverUrl` points at, e.g. `dial_bench_funnel_3fa2c1d0e9`. */
  static async create(serverUrl: string, bench: string): Promise<BenchDatabase> {
    const name = `dial_bench_${bench}_${randomBytes(5).toString('hex')}`;
    await BenchDatabase.#onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return new BenchDatabase(serverUrl, name, url.toString());
  }

  static async #onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** A connection to the benchmark's database; the caller ends it. */
  async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    return client;
  }

  /**
   * A connection to the server's maintenance database, to watch the
   * benchmark database's backends from outside, so that watching costs
   * them nothing; the caller ends it.
   */
  async connectOutside(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.serverUrl });
    await client.connect();
    return client;
  }

  async drop(): Promise<void> {
    await BenchDatabase.#onServer(this.serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`));
  }
}

/** The server's settings that shape query times, for the report. */
export async function serverSettings(client: pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings
      WHERE name IN ('server_version', 'shared_buffers', 'effective_cache_size', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'random_page_cost')
      ORDER BY name`,
  );
  const kilobytes = { '8kB': 8, kB: 1 } as Record<string, number>;
  return Object.fromEntries(
    rows.map((row) => {
      const size = row.unit === null ? undefined : kilobytes[row.unit];
      return [row.name, size === undefined ? row.setting : `${Math.round((Number(row.setting) * size) / 1024)} MB`];
    }),
  );
}

/**
 * CPU milliseconds used so far by each PostgreSQL backend serving
 * `database`, read from /proc, through a connection to another database:
 * only meaningful when PostgreSQL runs on this machine.
 */
export async function backendCpuMs(outside: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await outside.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const { user, system } = cpuOf(pid);
      cpu.set(pid, user + system);
    } catch {
      // A backend that ended since the query used what it used: it is gone from the next reading too.
      continue;
    }
  }
  return cpu;
}

/** The id of `project`'s `environment`: the benchmark writes its events under it. */
export async function environmentIdOf(client: pg.Client, project: string, environment: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    'SELECT e.id FROM environments e JOIN projects p ON p.id = e.project_id WHERE p.key = $1 AND e.key = $2',
    [project, environment],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no environment ${project}/${environment}`);
  return id;
}

/** The id of `project`'s `journey`: its paths are kept under it. */
export async function journeyIdOf(client: pg.Client, project: string, journey: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>('SELECT j.id FROM journeys j JOIN projects p ON p.id = j.project_id WHERE p.key = $1 AND j.key = $2', [
    project,
    journey,
  ]);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no journey ${project}/${journey}`);
  return id;
}

/** The id of `project`'s `experiment`: its unit values are kept under it. */
export async function experimentIdOf(client: pg.Client, project: string, experiment: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>('SELECT x.id FROM experiments x JOIN projects p ON p.id = x.project_id WHERE p.key = $1 AND x.key = $2', [
    project,
    experiment,
  ]);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no experiment ${project}/${experiment}`);
  return id;
}
