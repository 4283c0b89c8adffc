import path from 'node:path';

/** Everything the server reads from its environment. */
export interface Config {
  /** TCP port to listen on (`DIAL_PORT`, default 4242). */
  readonly port: number;
  /** Address to bind (`DIAL_HOST`, default 0.0.0.0). */
  readonly host: string;
  /** A PostgreSQL connection string (`DATABASE_URL`); without it Dial runs on the embedded database. */
  readonly databaseUrl: string | undefined;
  /** Where the embedded database and other local state live (`DIAL_DATA_DIR`, default ./.dial). */
  readonly dataDir: string;
  /** pino level (`DIAL_LOG_LEVEL`, default info). */
  readonly logLevel: LogLevel;
  /** An admin token to install on start for automated setups (`DIAL_ADMIN_TOKEN`). */
  readonly adminToken: string | undefined;
  /** Requests per second each client key may make, sustained and in a burst (`DIAL_CLIENT_RATE_LIMIT`, default 50:100). */
  readonly clientRateLimit?: { readonly perSecond: number; readonly burst: number };
  /** Event rows accepted but not yet committed past which ingestion answers 503 (`DIAL_EVENT_QUEUE_LIMIT`, default 50000). */
  readonly eventQueueLimit?: number;
  /** Seconds between runs of the job deleting events past their project's retention (`DIAL_RETENTION_INTERVAL_SECONDS`, default 3600). */
  readonly retentionIntervalSeconds?: number;
  /** Seconds between passes keeping journey paths and experiments' unit values current (`DIAL_ANALYTICS_REFRESH_SECONDS`, default 5). */
  readonly analyticsRefreshSeconds?: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address
   * (`DIAL_TRUST_PROXY`): `true`, a number of hops, or addresses/CIDRs; default none.
   */
  readonly trustProxy?: boolean | number | string[];
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Configuration that cannot be used; the message names the variable. */
export class ConfigError extends Error {}

/** Retention runs at least weekly: a longer wait would let a day's retention keep weeks of events. */
export const MAX_RETENTION_INTERVAL_SECONDS = 7 * 24 * 60 * 60;

/** Journey paths are kept current at least hourly: funnels refresh them anyway, but only passes build new ones. */
export const MAX_ANALYTICS_REFRESH_SECONDS = 60 * 60;

/** The shortest admin token accepted from the environment: anything shorter is guessable. */
export const MIN_ADMIN_TOKEN_LENGTH = 24;

/**
 * Reads the configuration from environment variables, rejecting bad values
 * with a message that names the variable.
 *
 * @example
 * loadConfig({ DIAL_PORT: '8080' }, '/srv/dial'); // { port: 8080, dataDir: '/srv/dial/.dial', ... }
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): Config {
  const portText = env.DIAL_PORT?.trim() || '4242';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new ConfigError(`DIAL_PORT must be a port number from 0 to 65535, not "${portText}"`);
  }
  const logLevel = (env.DIAL_LOG_LEVEL?.trim() || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`DIAL_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// connection string');
  }
  const adminToken = env.DIAL_ADMIN_TOKEN?.trim() || undefined;
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(`DIAL_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long`);
  }
  const clientRateLimit = parseRateLimit(env.DIAL_CLIENT_RATE_LIMIT?.trim() || '50:100');
  const queueText = env.DIAL_EVENT_QUEUE_LIMIT?.trim() || '50000';
  const eventQueueLimit = Number(queueText);
  if (!/^\d+$/.test(queueText) || !Number.isSafeInteger(eventQueueLimit) || eventQueueLimit < 1_000) {
    throw new ConfigError(`DIAL_EVENT_QUEUE_LIMIT must be a number of event rows, at least 1000 (one full request), not "${queueText}"`);
  }
  const retentionText = env.DIAL_RETENTION_INTERVAL_SECONDS?.trim() || '3600';
  const retentionIntervalSeconds = Number(retentionText);
  if (!/^\d+$/.test(retentionText) || retentionIntervalSeconds < 1 || retentionIntervalSeconds > MAX_RETENTION_INTERVAL_SECONDS) {
    throw new ConfigError(`DIAL_RETENTION_INTERVAL_SECONDS must be a number of seconds from 1 to ${MAX_RETENTION_INTERVAL_SECONDS} (a week), not "${retentionText}"`);
  }
  const refreshText = env.DIAL_ANALYTICS_REFRESH_SECONDS?.trim() || '5';
  const analyticsRefreshSeconds = Number(refreshText);
  if (!/^\d+$/.test(refreshText) || analyticsRefreshSeconds < 1 || analyticsRefreshSeconds > MAX_ANALYTICS_REFRESH_SECONDS) {
    throw new ConfigError(`DIAL_ANALYTICS_REFRESH_SECONDS must be a number of seconds from 1 to ${MAX_ANALYTICS_REFRESH_SECONDS} (an hour), not "${refreshText}"`);
  }
  const trustProxy = parseTrustProxy(env.DIAL_TRUST_PROXY?.trim() || 'false');
  return {
    port,
    host: env.DIAL_HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(cwd, env.DIAL_DATA_DIR?.trim() || '.dial'),
    logLevel: logLevel as LogLevel,
    adminToken,
    clientRateLimit,
    eventQueueLimit,
    retentionIntervalSeconds,
    analyticsRefreshSeconds,
    trustProxy,
  };
}

/** `true`/`false`, a number of proxy hops, or a comma-separated list of addresses or CIDR ranges. */
function parseTrustProxy(text: string): boolean | number | string[] {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry))) return entries;
  throw new ConfigError(`DIAL_TRUST_PROXY must be true, false, a number of proxy hops, or addresses such as "10.0.0.1,10.1.0.0/16", not "${text}"`);
}

/** `<perSecond>` or `<perSecond>:<burst>`; the burst defaults to two seconds' worth. */
function parseRateLimit(text: string): { perSecond: number; burst: number } {
  const match = /^(\d+(?:\.\d+)?)(?::(\d+))?$/.exec(text);
  const perSecond = Number(match?.[1]);
  const burst = match?.[2] === undefined ? Math.max(1, Math.ceil(2 * perSecond)) : Number(match[2]);
  if (!match || !(perSecond > 0) || !Number.isSafeInteger(burst) || burst < 1) {
    throw new ConfigError(
      `DIAL_CLIENT_RATE_LIMIT must be requests per second, optionally with a burst, such as "50" or "50:100" (both above 0), not "${text}"`,
    );
  }
  return { perSecond, burst };
}
