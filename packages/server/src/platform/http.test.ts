import http from 'node:http';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support.js';
import { type Database, openPostgres } from './db.js';
import { createHttp } from './http.js';
import { createMetrics } from './metrics.js';

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

/** GET `url` through `agent`: the status, Retry-After and the parsed body. */
function get(url: string, agent: http.Agent): Promise<{ status: number; retryAfter: string | undefined; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) }));
      })
      .on('error', reject);
  });
}

describe('closing', { timeout: 30_000 }, () => {
  it('refuses a request that comes while it closes with 503 unavailable and Retry-After', async () => {
    const app = await createHttp({ logger: pino({ level: 'silent' }), metrics: createMetrics(() => ({ total: 0, idle: 0, waiting: 0 })), version: 'test' });
    // Shutting down takes a while (streams end, listeners stop): requests can arrive meanwhile.
    let finishClosing!: () => void;
    const closingStarted = new Promise<void>((resolve) => {
      app.addHook('preClose', () => {
        resolve();
        return new Promise<void>((finish) => (finishClosing = finish));
      });
    });
    app.get('/ping', async () => ({ pong: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/ping`;
    // One keep-alive connection, open before the server starts closing.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await get(url, agent)).toMatchObject({ status: 200, body: { pong: true } });
      const closed = app.close();
      await closingStarted;
      const refused = await get(url, agent);
      finishClosing();
      await closed;
      expect(refused).toEqual({
        status: 503,
        retryAfter: '1',
        body: { error: { code: 'unavailable', message: 'The server is shutting down; send the request again', details: { retryAfterSeconds: 1 } } },
      });
    } finally {
      agent.destroy();
    }
  });
});
