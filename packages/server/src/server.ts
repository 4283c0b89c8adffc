import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { ensureAdminToken } from './auth/token-store.js';
import type { Config } from './platform/config.js';
import { type Database, openEmbedded, openPostgres } from './platform/db.js';
import type { App } from './platform/http.js';
import { CONSOLE_DIR } from './platform/console-files.js';
import { createLogger } from './platform/logger.js';
import { type Migration, migrate, readMigrations, withStartupLock } from './platform/migrate.js';

/** The SQL migrations shipped with the server, beside `src/` and `dist/`. */
export const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);

export interface RunningServer {
  app: App;
  db: Database;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, closes the database. */
  stop(): Promise<void>;
}

export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  return config.databaseUrl === undefined ? openEmbedded(config.dataDir) : Promise.resolve(openPostgres(config.databaseUrl));
}

/**
 * Prepares a database for serving: migrations and the first admin token,
 * under one advisory lock so replicas starting together take turns. Returns
 * a newly created admin secret to show once.
 */
export async function prepareDatabase(
  db: Database,
  adminToken: string | undefined,
  migrations: readonly Migration[] = readMigrations(MIGRATIONS_DIR),
): Promise<string | undefined> {
  return withStartupLock(db, async (session) => {
    await migrate(session, migrations);
    return ensureAdminToken(session, adminToken);
  });
}

/**
 * Starts Dial: opens the database, migrates it, and listens. Prints the URL,
 * and a first admin token if it created one, to `out`.
 */
export async function startServer(config: Config, out: Writable, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const db = await openDatabase(config);
  let app: App | undefined;
  try {
    const migrations = readMigrations(MIGRATIONS_DIR);
    const newAdminSecret = await prepareDatabase(db, config.adminToken, migrations);
    app = await buildApp({
      db,
      logger,
      migrations,
      consoleDir: CONSOLE_DIR,
      client: config.clientRateLimit === undefined ? {} : { rateLimit: config.clientRateLimit },
      events: config.eventQueueLimit === undefined ? {} : { maxQueuedRows: config.eventQueueLimit },
      retention: config.retentionIntervalSeconds === undefined ? {} : { intervalMs: config.retentionIntervalSeconds * 1000 },
      journeyPaths: config.analyticsRefreshSeconds === undefined ? {} : { intervalMs: config.analyticsRefreshSeconds * 1000 },
      experimentValues: config.analyticsRefreshSeconds === undefined ? {} : { intervalMs: config.analyticsRefreshSeconds * 1000 },
      ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    // An IPv6 address goes in brackets, or its colons would read as the port.
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const storage = config.databaseUrl === undefined ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL';
    out.write(`\nDial is running at ${url} (${storage})\n`);
    out.write(`API reference: ${url}/api/docs\n`);
    if (newAdminSecret !== undefined) {
      out.write(`\nAdmin token (shown once; keep it safe):\n\n  ${newAdminSecret}\n\n`);
    }
    const running = app;
    return {
      app: running,
      db,
      url,
      stop: async () => {
        // The database closes only after the last in-flight request has finished with it.
        await running.close();
        await db.close();
      },
    };
  } catch (error) {
    if (app !== undefined) await app.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}
