/**
 * Test harness: an isolated database (in-memory embedded PostgreSQL, or a
 * fresh database on the server named by DIAL_TEST_DATABASE_URL) and the app
 * built on it, called through `inject()`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { type AppDeps, buildApp } from './app.js';
import { type Database, openEmbedded, openPostgres } from './platform/db.js';
import type { App } from './platform/http.js';
import { readMigrations } from './platform/migrate.js';
import { MIGRATIONS_DIR, prepareDatabase } from './server.js';

export const TEST_ADMIN_TOKEN = 'dial_admin_test0000000000000000000000000000000000';

export interface TestDatabase {
  db: Database;
  /** The connection string of the test's own database; undefined when embedded. */
  url: string | undefined;
  /** Opens another pool on the same database, as a second server replica would. */
  reopen(): Promise<Database>;
  cleanup(): Promise<void>;
}

/** A database of the test's own, dropped by `cleanup`. */
export async function testDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DIAL_TEST_DATABASE_URL;
  if (serverUrl === undefined || serverUrl === '') {
    const db = await openEmbedded(undefined);
    return { db, url: undefined, reopen: async () => db, cleanup: () => db.close() };
  }
  const name = `dial_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  const open = () => {
    const db = openPostgres(url.toString(), { max: 5 });
    opened.push(db);
    return db;
  };
  return {
    db: open(),
    url: url.toString(),
    reopen: async () => open(),
    async cleanup() {
      await Promise.all(opened.map((db) => db.close()));
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestApp {
  app: App;
  db: Database;
  database: TestDatabase;
  /** `Authorization` header of the admin token installed for the test. */
  admin: { authorization: string };
  /**
   * Another app on the same database, as a second server replica: its own
   * pool on a real server, the same instance when embedded. Closed by `close`.
   */
  replica(): Promise<App>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Flag delivery's timing, such as a short heartbeat. */
  delivery?: AppDeps['delivery'];
  /** Client evaluation's rate limit and clock. */
  client?: AppDeps['client'];
  /** Event ingestion's queue bound, batch size and linger. */
  events?: AppDeps['events'];
  /** Experiments' clock. */
  experiments?: AppDeps['experiments'];
  /** Wraps the database the app is given, e.g. to count its queries. */
  wrapDb?: (db: Database) => Database;
  /** Whose X-Forwarded-For names the client (DIAL_TRUST_PROXY). */
  trustProxy?: AppDeps['trustProxy'];
  /** The event retention job: not scheduled unless a test gives an interval, so no run lands in another test's queries. */
  retention?: AppDeps['retention'];
  /** The journey path keeper: no passes unless a test gives an interval; tests build paths themselves. */
  journeyPaths?: AppDeps['journeyPaths'];
  /** The experiment unit value keeper: no passes unless a test gives an interval; tests build the values themselves. */
  experimentValues?: AppDeps['experimentValues'];
}

/** The app on a migrated database of its own, with a known admin token. */
export async function testApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await testDatabase();
  await prepareDatabase(database.db, TEST_ADMIN_TOKEN);
  const build = async (db: Database) => {
    const app = await buildApp({
      db: options.wrapDb === undefined ? db : options.wrapDb(db),
      logger: pino({ level: 'silent' }),
      migrations: readMigrations(MIGRATIONS_DIR),
      delivery: options.delivery,
      client: options.client,
      ...(options.events === undefined ? {} : { events: options.events }),
      ...(options.experiments === undefined ? {} : { experiments: options.experiments }),
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
      retention: options.retention ?? { intervalMs: 0 },
      journeyPaths: options.journeyPaths ?? { intervalMs: 0 },
      experimentValues: options.experimentValues ?? { intervalMs: 0 },
    });
    await app.ready();
    return app;
  };
  const app = await build(database.db);
  const replicas: App[] = [];
  return {
    app,
    db: database.db,
    database,
    admin: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    async replica() {
      const replica = await build(await database.reopen());
      replicas.push(replica);
      return replica;
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.close()));
      await app.close();
      await database.cleanup();
    },
  };
}

/** The `Authorization` header for a secret. */
export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
