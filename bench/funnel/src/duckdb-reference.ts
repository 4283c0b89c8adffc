/**
 * The columnar reference: the same events in DuckDB (`@duckdb/node-api`, an
 * optional dependency, in this process), the same funnel and usage SQL.
 * The events leave PostgreSQL as CSV through `COPY … TO STDOUT` into a file
 * of a temporary folder, and DuckDB loads them into a database file there.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/*
 * The few parts of @duckdb/node-api the benchmark uses, typed here: the
 * package is optional, and the benchmark type-checks and runs without it.
 */
interface DuckReader {
  getRowObjectsJson(): Record<string, unknown>[];
}
interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<DuckReader>;
  closeSync(): void;
}
interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}
export interface DuckModule {
  DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<DuckInstance> };
}

const MODULE = '@duckdb/node-api';

/** DuckDB's module, or why it could not be loaded. */
export async function loadDuckDb(): Promise<{ module: DuckModule; version: string } | { error: string }> {
  try {
    const module = (await import(MODULE)) as DuckModule;
    const instance = await module.DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const version = String((await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0]?.v);
    connection.closeSync();
    instance.closeSync();
    return { module, version };
  } catch (error) {
    return { error: `${MODULE} did not load: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** The columns the queries read, with DuckDB's types. */
export const EVENT_COLUMNS = {
  environment_id: 'INTEGER',
  unit_key: 'VARCHAR',
  type: 'VARCHAR',
  name: 'VARCHAR',
  occurred_at: 'TIMESTAMPTZ',
} as const;
export const EXPOSURE_COLUMNS = {
  environment_id: 'INTEGER',
  flag_key: 'VARCHAR',
  unit_key: 'VARCHAR',
  variant: 'VARCHAR',
  first_exposed_at: 'TIMESTAMPTZ',
} as const;

async function copyOut(client: pg.Client, columns: readonly string[], table: string, file: string): Promise<void> {
  const stream = client.query(copyTo(`COPY (SELECT ${columns.join(', ')} FROM ${table}) TO STDOUT WITH (FORMAT csv)`));
  await pipeline(stream, createWriteStream(file));
}

/** A DuckDB database file holding the benchmark's events and first exposures, the columns the queries read. */
export class DuckReference {
  private constructor(
    private readonly module: DuckModule,
    private readonly file: string,
  ) {}

  /**
   * Exports both tables from PostgreSQL into CSV files in `folder`, loads
   * them into `folder/reference.duckdb` and closes it. Times each part.
   */
  static async build(module: DuckModule, client: pg.Client, folder: string): Promise<{ reference: DuckReference; exportMs: number; loadMs: number; rows: number }> {
    const started = performance.now();
    // Times in UTC with their offset, as DuckDB reads a TIMESTAMPTZ.
    await client.query(`SET TimeZone = 'UTC'`);
    const events = path.join(folder, 'events.csv');
    const exposures = path.join(folder, 'first_exposures.csv');
    await copyOut(client, Object.keys(EVENT_COLUMNS), 'events', events);
    await copyOut(client, Object.keys(EXPOSURE_COLUMNS), 'first_exposures', exposures);
    await client.query('RESET TimeZone');
    const exported = performance.now();

    const file = path.join(folder, 'reference.duckdb');
    const instance = await module.DuckDBInstance.create(file);
    const connection = await instance.connect();
    const load = (table: string, csv: string, columns: Record<string, string>) =>
      connection.run(
        `CREATE TABLE ${table} AS SELECT * FROM read_csv('${csv.replaceAll("'", "''")}', header = false, columns = {${Object.entries(columns)
          .map(([name, type]) => `'${name}': '${type}'`)
          .join(', ')}})`,
      );
    await load('events', events, EVENT_COLUMNS);
    await load('first_exposures', exposures, EXPOSURE_COLUMNS);
    await connection.run('CHECKPOINT');
    const rows = Number((await connection.runAndReadAll('SELECT count(*) AS n FROM events')).getRowObjectsJson()[0]?.n);
    connection.closeSync();
    instance.closeSync();
    return { reference: new DuckReference(module, file), exportMs: exported - started, loadMs: performance.now() - exported, rows };
  }

  /** Opens the database file afresh: a new instance, with nothing of it in DuckDB's buffers. */
  open(): Promise<DuckSession> {
    return DuckSession.open(this.module, this.file);
  }
}

export interface DuckTiming {
  readonly ms: number;
  /** CPU of this process, where DuckDB runs, during the query: all its threads. */
  readonly cpuMs: number;
  readonly rows: Record<string, unknown>[];
}

/** One DuckDB instance and a connection to it. */
export class DuckSession {
  private constructor(
    private readonly instance: DuckInstance,
    private readonly connection: DuckConnection,
  ) {}

  /** Opens the database at `file`, or `:memory:` for one that lives in memory alone. */
  static async open(module: DuckModule, file: string): Promise<DuckSession> {
    const instance = await module.DuckDBInstance.create(file);
    return new DuckSession(instance, await instance.connect());
  }

  /** Runs `sql` and returns its rows, with numbers too large for a double as text. */
  async run(sql: string): Promise<Record<string, unknown>[]> {
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJson();
  }

  async setting(name: string): Promise<string> {
    const rows = await this.run(`SELECT current_setting('${name}') AS value`);
    return String(rows[0]?.value);
  }

  /** Runs `sql` and reads its whole answer, timed. */
  async time(sql: string): Promise<DuckTiming> {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const rows = await this.run(sql);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000, rows };
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
