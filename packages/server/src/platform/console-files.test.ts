import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleFiles } from './console-files.js';
import { type App, createHttp } from './http.js';
import { createMetrics } from './metrics.js';

let dir: string;
const apps: App[] = [];

async function appServing(folder: string): Promise<App> {
  const app = await createHttp({ logger: pino({ level: 'silent' }), metrics: createMetrics(() => ({ total: 0, idle: 0, waiting: 0 })), version: 'test' });
  app.get('/api/v1/ping', async () => ({ ok: true }));
  await app.register(consoleFiles(folder));
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dial-console-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Dial</title>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the console build', () => {
  it('answers index.html at / without caching it', async () => {
    const res = await (await appServing(dir)).inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>Dial</title>');
  });

  it('serves hashed assets as immutable', async () => {
    const res = await (await appServing(dir)).inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers the console\'s own routes with index.html, so a reload works', async () => {
    const res = await (await appServing(dir)).inject({ method: 'GET', url: '/default/production/flags/new-checkout?x=1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Dial</title>');
  });

  it('leaves /api alone: its routes, and JSON 404s for unknown ones', async () => {
    const app = await appServing(dir);
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ ok: true });
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('route_not_found');
  });

  it('serves nothing when there is no build', async () => {
    const res = await (await appServing(path.join(dir, 'missing'))).inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });
});
