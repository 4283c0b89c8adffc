import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { MIGRATIONS_DIR, prepareDatabase } from '../server.js';
import { TEST_ADMIN_TOKEN, type TestDatabase, testDatabase } from '../test-support.js';
import type { Database } from './db.js';
import { type Migration, migrate, migrationsApplied, readMigrations, withStartupLock } from './migrate.js';

const folders: string[] = [];

/** A temporary folder holding `files`; the `#` in its name checks that paths are not mistaken for URLs. */
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'dial migrations #'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('readMigrations', () => {
  it('reads numbered files in order, ignoring other files', () => {
    const folder = folderWith({
      '0002_second.sql': 'SELECT 2;',
      '0010_tenth.sql': 'SELECT 10;',
      '0001_first.sql': 'SELECT 1;',
      'README.md': 'not a migration',
      ...Object.fromEntries([3, 4, 5, 6, 7, 8, 9].map((n) => [`000${n}_m${n}.sql`, `SELECT ${n};`])),
    });
    const migrations = readMigrations(folder);
    expect(migrations.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(migrations[0]).toEqual({ version: 1, name: 'first', sql: 'SELECT 1;' });
    expect(migrations[9]).toMatchObject({ version: 10, name: 'tenth' });
  });

  it('reads a folder given as a path, with or without a trailing slash, or as a URL', () => {
    const folder = folderWith({ '0001_only.sql': 'SELECT 1;' });
    const expected = [{ version: 1, name: 'only', sql: 'SELECT 1;' }];
    expect(readMigrations(folder)).toEqual(expected);
    expect(readMigrations(`${folder}${path.sep}`)).toEqual(expected);
    expect(readMigrations(pathToFileURL(folder))).toEqual(expected);
  });

  it('reads the shipped migrations', () => {
    const shipped = readMigrations(MIGRATIONS_DIR);
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    expect(shipped.map((m) => m.version)).toEqual(shipped.map((_, i) => i + 1));
  });

  it.each(['1_init.sql', '0001-init.sql', '0001_Init.sql', '00001_init.sql', '0001_.sql'])('rejects the file name %s', (file) => {
    expect(() => readMigrations(folderWith({ [file]: 'SELECT 1;' }))).toThrow(`migration file "${file}" must be named NNNN_name.sql`);
  });

  it('rejects a gap in the numbers', () => {
    const folder = folderWith({ '0001_a.sql': '', '0003_c.sql': '' });
    expect(() => readMigrations(folder)).toThrow('migration 2 is missing or duplicated (found 3)');
  });

  it('rejects a missing first migration', () => {
    expect(() => readMigrations(folderWith({ '0002_b.sql': '' }))).toThrow('migration 1 is missing');
  });

  it('rejects two migrations with one number', () => {
    const folder = folderWith({ '0001_a.sql': '', '0001_b.sql': '', '0002_c.sql': '' });
    expect(() => readMigrations(folder)).toThrow(/migration 2 is missing or duplicated/);
  });
});

// Each test starts a database of its own, which takes a few seconds when embedded.
describe('migrate', { timeout: 30_000 }, () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.cleanup();
    database = undefined;
  });

  const migrations: Migration[] = [
    { version: 1, name: 'widgets', sql: 'CREATE TABLE widgets (id integer PRIMARY KEY); CREATE INDEX widgets_id ON widgets (id);' },
    { version: 2, name: 'gadgets', sql: "CREATE TABLE gadgets (id integer PRIMARY KEY); INSERT INTO gadgets VALUES (1);" },
  ];

  it('applies each migration once, in order, and nothing on a second run', async () => {
    database = await testDatabase();
    const db = database.db;
    expect(await migrationsApplied(db, migrations)).toBe(false);
    expect(await withStartupLock(db, (session) => migrate(session, migrations.slice(0, 1)))).toEqual([1]);
    expect(await migrationsApplied(db, migrations)).toBe(false);
    expect(await withStartupLock(db, (session) => migrate(session, migrations))).toEqual([2]);
    expect(await withStartupLock(db, (session) => migrate(session, migrations))).toEqual([]);
    expect(await migrationsApplied(db, migrations)).toBe(true);
    const { rows } = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => ({ version: Number(row.version), name: row.name }))).toEqual([
      { version: 1, name: 'widgets' },
      { version: 2, name: 'gadgets' },
    ]);
    expect((await db.query('SELECT * FROM gadgets')).rows).toHaveLength(1);
    // Readiness notices any one version missing, not only the last.
    await db.query('DELETE FROM schema_migrations WHERE version = 1');
    expect(await migrationsApplied(db, migrations)).toBe(false);
  });

  it('rolls a failing migration back whole, names it, and keeps the ones before it', async () => {
    database = await testDatabase();
    const db = database.db;
    const broken: Migration = { version: 3, name: 'broken', sql: 'CREATE TABLE half (id integer); SELECT * FROM no_such_table;' };
    await expect(withStartupLock(db, (session) => migrate(session, [...migrations, broken]))).rejects.toThrow(
      /^migration 3 \(broken\) failed: .*no_such_table/,
    );
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => Number(row.version))).toEqual([1, 2]);
    expect((await db.query("SELECT to_regclass('half') AS t")).rows[0]).toEqual({ t: null });
    // The session is usable again: the next start-up applies the fixed migration.
    const fixed = { ...broken, sql: 'CREATE TABLE half (id integer);' };
    expect(await withStartupLock(db, (session) => migrate(session, [...migrations, fixed]))).toEqual([3]);
  });
});

describe('two servers starting together on one empty database', { timeout: 30_000 }, () => {
  let database: TestDatabase;
  afterAll(async () => database?.cleanup());

  it('both come up, with every migration applied once and one first admin token', async () => {
    database = await testDatabase();
    const first = database.db;
    const second: Database = await database.reopen();
    const secrets = await Promise.all([prepareDatabase(first, undefined), prepareDatabase(second, undefined)]);

    const created = secrets.filter((secret) => secret !== undefined);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatch(/^dial_admin_/);
    const shipped = readMigrations(MIGRATIONS_DIR);
    const { rows } = await first.query<{ version: number; n: number }>(
      'SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version',
    );
    expect(rows.map((row) => [Number(row.version), Number(row.n)])).toEqual(shipped.map((m) => [m.version, 1]));
    const admins = await first.query("SELECT id FROM tokens WHERE kind = 'admin'");
    expect(admins.rows).toHaveLength(1);

    const logger = pino({ level: 'silent' });
    const apps = await Promise.all([first, second].map((db) => buildApp({ db, logger, migrations: shipped })));
    try {
      for (const app of apps) {
        const ready = await app.inject({ method: 'GET', url: '/readyz' });
        expect(ready.statusCode).toBe(200);
        const tokens = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { authorization: `Bearer ${created[0]}` } });
        expect(tokens.statusCode).toBe(200);
      }
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }
  });

  it('installs one configured admin token once, however many servers start with it', async () => {
    const other = await testDatabase();
    try {
      const pools = [other.db, await other.reopen(), await other.reopen()];
      const secrets = await Promise.all(pools.map((db) => prepareDatabase(db, TEST_ADMIN_TOKEN)));
      expect(secrets).toEqual([undefined, undefined, undefined]);
      const { rows } = await other.db.query<{ name: string }>("SELECT name FROM tokens WHERE kind = 'admin'");
      expect(rows).toEqual([{ name: 'DIAL_ADMIN_TOKEN' }]);
    } finally {
      await other.cleanup();
    }
  });
});
