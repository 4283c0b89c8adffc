import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database, Queryable, Session } from './db.js';

/** One numbered SQL file: `0001_initial.sql` is version 1. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every session that migrates or bootstraps takes this lock first, so replicas starting together take turns. */
export const STARTUP_LOCK = 0x6469616c; // "dial"

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads the numbered migrations of a folder, in order; rejects gaps and duplicates. */
export function readMigrations(folder: URL | string): Migration[] {
  const migrations = readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE.exec(file);
      if (!match) throw new Error(`migration file "${file}" must be named NNNN_name.sql`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(new URL(file, ensureFolderUrl(folder)), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${index + 1} is missing or duplicated (found ${migration.version})`);
  });
  return migrations;
}

function ensureFolderUrl(folder: URL | string): URL {
  if (folder instanceof URL) return folder.href.endsWith('/') ? folder : new URL(`${folder.href}/`);
  // pathToFileURL escapes what a URL would misread, such as "#" or "?" in a folder name.
  return pathToFileURL(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`);
}

/**
 * Runs `work` holding the start-up advisory lock on one connection. Two
 * servers starting at once on one database take turns instead of racing.
 */
export async function withStartupLock<T>(db: Database, work: (session: Session) => Promise<T>): Promise<T> {
  return db.session(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await work(session);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  });
}

/**
 * Applies the migrations not yet applied, each in its own transaction, on a
 * session that holds the start-up lock. Returns the versions it applied.
 */
export async function migrate(session: Session, migrations: readonly Migration[]): Promise<number[]> {
  await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await session.query<{ version: number }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((row) => Number(row.version)));
  const done: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await session.exec('BEGIN');
    try {
      await session.exec(migration.sql);
      await session.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      await session.exec('COMMIT');
    } catch (error) {
      await session.exec('ROLLBACK');
      throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
    }
    done.push(migration.version);
  }
  return done;
}

/**
 * Whether every known migration has been applied: part of readiness. A
 * database never migrated, or missing any one version, is not ready.
 */
export async function migrationsApplied(db: Queryable, migrations: readonly Migration[]): Promise<boolean> {
  const table = await db.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (table.rows[0]?.present !== true) return false;
  // Versions run 1..N without gaps (readMigrations checks), so counting them is enough.
  const { rows } = await db.query<{ applied: number }>(
    'SELECT count(*)::int AS applied FROM schema_migrations WHERE version BETWEEN 1 AND $1',
    [migrations.length],
  );
  return Number(rows[0]?.applied ?? 0) === migrations.length;
}
