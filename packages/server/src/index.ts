export { buildApp, VERSION, type AppDeps } from './app.js';
export { startServer, prepareDatabase, openDatabase, MIGRATIONS_DIR, type RunningServer } from './server.js';
export { loadConfig, ConfigError, type Config } from './platform/config.js';
export { createLogger } from './platform/logger.js';
export { openEmbedded, openPostgres, type Database } from './platform/db.js';
export { readMigrations } from './platform/migrate.js';
