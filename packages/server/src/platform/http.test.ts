import { describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support.js';
import { type Database, openPostgres } from './db.js';

/** The driver's error for a database server that is down: nothing listens on port 1. */
async function refusedConnection(): Promise<unknown> {
  const db = openPostgres('postgres://postgres@127.0.0.1:1/dial');
  const error: unknown = await db.query('SELECT 1').catch((failure: unknown) => failure);
  await db.close();
  return error;
}

describe('errors', { timeout: 30_000 }, () => {
  it('answers 503 with Retry-After, not 500, while the database cannot be reached, and 500 for anything else', async () => {
    const refused = await refusedConnection();
    let failure: unknown;
    const failing = (db: Database): Database => ({
      ...db,
      query: (text, params) => (failure === undefined ? db.query(text, params) : Promise.reject(failure)),
    });
    const t: TestApp = await testApp({ wrapDb: failing });
    const list = () => t.app.inject({ method: 'GET', url: '/api/v1/projects', headers: t.admin });
    try {
      failure = refused;
      const down = await list();
      expect(down.statusCode).toBe(503);
      expect(down.headers['retry-after']).toBe('1');
      expect(down.json()).toEqual({
        error: { code: 'unavailable', message: 'The database cannot be reached just now; retry in 1 s', details: { retryAfterSeconds: 1 } },
      });

      failure = new TypeError("Cannot read properties of undefined (reading 'rows')");
      const broken = await list();
      expect(broken.statusCode).toBe(500);
      expect(broken.headers['retry-after']).toBeUndefined();
      expect(broken.json<{ error: { code: string } }>().error.code).toBe('internal');

      failure = undefined;
      expect((await list()).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
