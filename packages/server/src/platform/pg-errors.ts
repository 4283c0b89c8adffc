/** PostgreSQL's SQLSTATE for a unique constraint violation, as both drivers report it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** The network failing under the driver: nothing answers, or the connection broke. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** Shutting down, crashed, starting up or in recovery, or out of connections. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What pg says, with no code, of a connection that ended or never came. */
const DRIVER_MESSAGES = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * The database cannot be reached just now: refused, restarting, or the
 * connection broke mid-query. Worth trying again shortly, unlike a bug.
 *
 * @example
 * isDatabaseUnavailable(await pool.query('SELECT 1').catch((error) => error)) // true while PostgreSQL restarts
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  return DRIVER_MESSAGES.test(error.message);
}
