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

  /** Creates `dial_bench_ingest_<random>` on the server `serverUrl` points at. */
  static async create(serverUrl: string): Promise<BenchDatabase> {
    const name = `dial_bench_ingest_${randomBytes(5).toString('hex')}`;
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

  async drop(): Promise<void> {
    await BenchDatabase.#onServer(this.serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`));
  }
}

/** The server's settings that decide what a commit costs, for the report. */
export async function durabilitySettings(client: pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings
     WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', 'full_page_writes', 'shared_buffers', 'max_wal_size', 'server_version')
     ORDER BY name`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
}

/** Empties the event tables and writes every dirty page out, so each phase starts from the same state. */
export async function resetEvents(client: pg.Client): Promise<void> {
  await client.query('TRUNCATE events, first_exposures');
  await client.query('CHECKPOINT');
}

export async function countEvents(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM events');
  return Number(rows[0]?.n);
}

/** The id of `project`'s `environment`, to write COPY rows where the SDK key writes. */
export async function environmentId(client: pg.Client, project: string, environment: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    'SELECT e.id FROM environments e JOIN projects p ON p.id = e.project_id WHERE p.key = $1 AND e.key = $2',
    [project, environment],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no environment ${project}/${environment}`);
  return id;
}

/**
 * CPU milliseconds used so far by the server processes serving `database`,
 * read from /proc: only meaningful when PostgreSQL runs on this machine.
 * Undefined when a backend's /proc entry cannot be read.
 */
export async function backendCpuMs(client: pg.Client, database: string): Promise<Map<number, number> | undefined> {
  const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  const own = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const cpu = new Map<number, number>();
  for (const { pid } of [...rows, ...own.rows]) {
    try {
      const { user, system } = cpuOf(pid);
      cpu.set(pid, user + system);
    } catch {
      return undefined;
    }
  }
  return cpu;
}
