import { describe, expect, it } from 'vitest';
import { openPostgres } from './db.js';
import { isDatabaseUnavailable, isUniqueViolation } from './pg-errors.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('database errors', () => {
  it('knows a database that cannot be reached just now', async () => {
    // Nothing listens on port 1: the driver's own error for a server that is down.
    const db = openPostgres('postgres://postgres@127.0.0.1:1/dial');
    const refused: unknown = await db.query('SELECT 1').catch((error: unknown) => error);
    await db.close();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    for (const error of [
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('sorry, too many clients already', '53300'),
      withCode('connection failure', '08006'),
      withCode('read ECONNRESET', 'ECONNRESET'),
    ]) {
      expect(isDatabaseUnavailable(error), error.message).toBe(true);
    }
  });

  it('does not take a bug or bad data for an outage', () => {
    for (const error of [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('syntax error at or near "SELEC"', '42601'),
      new TypeError("Cannot read properties of undefined (reading 'rows')"),
      new Error('something else'),
    ]) {
      expect(isDatabaseUnavailable(error), error.message).toBe(false);
    }
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isUniqueViolation(withCode('duplicate key', '23505'))).toBe(true);
  });
});
