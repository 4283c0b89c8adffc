/**
 * The Node SDK against the real server, started in-process: changes made
 * through the admin API reach a connected SDK, a restart loses nothing, two
 * replicas on one PostgreSQL agree, a persisted snapshot serves flags
 * with no server at all, and tracked events are stored once. On the embedded database by default; on a fresh
 * database of DIAL_TEST_DATABASE_URL in the `postgres` project.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DialClient, type DialClientOptions, type Timers } from '@dial/sdk-node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Cleanups, api, postgresUrl, startDial, storage as newStorage } from './test-server.js';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

const storage = () => newStorage(cleanups);
const start = (env: Record<string, string>, port = 0) => startDial(cleanups, env, port);

/** A boolean flag in the default project, switched on in production, and a server SDK key for production. */
async function setUp(base: string, flag: string): Promise<string> {
  await api(base, 'POST', '/projects/default/flags', { key: flag, name: flag });
  await setEnabled(base, flag, true);
  const { secret } = await api(base, 'POST', '/tokens', { kind: 'server', name: 'sdk', project: 'default', environment: 'production' });
  return secret as string;
}

async function setEnabled(base: string, flag: string, enabled: boolean): Promise<void> {
  const route = `/projects/default/flags/${flag}/environments/production`;
  const { version } = await api(base, 'GET', route);
  await api(base, 'PATCH', route, { enabled, version });
}

/**
 * A client, closed after the servers have stopped: on Node 20, aborting a
 * streaming fetch makes undici open a spare connection that sends no request,
 * and a stopping server waits for such a connection until its headers timeout.
 */
function sdk(options: DialClientOptions): DialClient {
  const client = new DialClient(options);
  cleanups.unshift(() => client.close());
  return client;
}

/** Real timers, except that reconnection delays (at most `holdUpToMs`) wait while `holding`, until `release()`. */
function heldTimers(holdUpToMs: number): Timers & { holding: boolean; release(): void } {
  const held = new Map<object, () => void>();
  return {
    holding: false,
    setTimeout(callback, ms) {
      if (!this.holding || ms > holdUpToMs) return setTimeout(callback, ms);
      const handle = {};
      held.set(handle, callback);
      return handle;
    },
    clearTimeout(handle) {
      if (!held.delete(handle as object)) clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
    release() {
      this.holding = false;
      const callbacks = [...held.values()];
      held.clear();
      for (const callback of callbacks) callback();
    },
  };
}

describe('the Node SDK against the server', () => {
  it('sees a change made through the admin API within a second', async () => {
    const server = await start(await storage());
    const sdkKey = await setUp(server.url, 'checkout');
    const client = sdk({ sdkKey, baseUrl: server.url });
    await client.ready;
    expect(client.status()).toMatchObject({ ready: true, stale: false, source: 'stream' });
    expect(client.booleanDetails('checkout', { key: 'u-1' }, false)).toEqual({ value: true, variant: 'on', reason: 'DEFAULT' });

    const changed = new Promise<string[]>((resolve) => client.on('change', resolve));
    const sent = Date.now();
    await setEnabled(server.url, 'checkout', false);
    expect(await changed).toEqual(['checkout']);
    expect(Date.now() - sent).toBeLessThan(1_000);
    expect(client.booleanDetails('checkout', { key: 'u-1' }, true)).toEqual({ value: false, variant: 'off', reason: 'DISABLED' });
  });

  it('serves the last known flags while the server restarts, then reconnects and gets the change it missed', async () => {
    const env = await storage();
    let server = await start(env);
    const sdkKey = await setUp(server.url, 'checkout');
    const timers = heldTimers(1_000);
    const client = sdk({ sdkKey, baseUrl: server.url, timers, backoffCapMs: 1_000, pollIntervalMs: 60_000 });
    await client.ready;
    const version = client.status().version;

    const seen: boolean[] = [];
    const sampler = setInterval(() => seen.push(client.boolean('checkout', { key: 'u-1' }, false)), 10);
    try {
      timers.holding = true;
      await server.stop();
      await vi.waitFor(() => expect(client.status().stale).toBe(true));

      server = await start(env, server.port);
      await setEnabled(server.url, 'checkout', false);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(client.status()).toMatchObject({ version, stale: true });
    } finally {
      clearInterval(sampler);
    }
    expect(seen.length).toBeGreaterThan(10);
    expect(new Set(seen)).toEqual(new Set([true]));

    timers.release();
    await vi.waitFor(() => expect(client.boolean('checkout', { key: 'u-1' }, true)).toBe(false), { timeout: 10_000 });
    expect(client.status()).toMatchObject({ stale: false, source: 'stream' });
    expect(client.status().version).toBeGreaterThan(version ?? 0);
  });

  it('starts from a persisted snapshot when no server answers', async () => {
    const server = await start(await storage());
    const sdkKey = await setUp(server.url, 'checkout');
    const dir = mkdtempSync(path.join(tmpdir(), 'dial-sdk-file-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'snapshot.json');

    const first = sdk({ sdkKey, baseUrl: server.url, persistFile: file });
    await first.ready;
    await vi.waitFor(() => expect(existsSync(file)).toBe(true));
    await server.stop();
    await first.close();

    const started = Date.now();
    const second = sdk({ sdkKey, baseUrl: server.url, persistFile: file, initTimeoutMs: 10_000 });
    await second.ready;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(second.status()).toMatchObject({ ready: true, stale: true, source: 'file' });
    expect(second.booleanDetails('checkout', { key: 'u-1' }, false)).toEqual({ value: true, variant: 'on', reason: 'DEFAULT' });
    expect(second.boolean('missing', { key: 'u-1' }, true)).toBe(true);
  });

  it('stores tracked events and exposures once, even when a batch is sent again after its answer was lost', async () => {
    const server = await start(await storage());
    const sdkKey = await setUp(server.url, 'checkout');
    const answers: Array<{ accepted: number; duplicates: number; rejected: unknown[] }> = [];
    const bodies: string[] = [];
    let loseNextAnswer = true;
    /** Delivers every request, but loses the first events answer, as a dropped connection would. */
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/api/v1/events')) return response;
      bodies.push(String(init?.body));
      // Read in full, so that no connection is left waiting for the body to be consumed.
      const text = await response.text();
      answers.push(JSON.parse(text) as (typeof answers)[number]);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new TypeError('fetch failed: the answer was lost');
      }
      return new Response(text, { status: response.status, headers: response.headers });
    };
    // Polling only: closing a streaming client before the server stops would hold up the stop (see `sdk`).
    const client = sdk({ sdkKey, baseUrl: server.url, fetch: lossy, stream: false, flushOnExit: false, backoffBaseMs: 10 });
    await client.ready;
    expect(client.boolean('checkout', { key: 'u-1', plan: 'pro' }, false)).toBe(true);
    expect(client.boolean('checkout', { key: 'u-1', plan: 'pro' }, false)).toBe(true);
    client.track('purchase', { key: 'u-1', plan: 'pro' }, { amount: 42.5 });
    client.track('signup', { key: 'u-2' });
    await client.flush();

    expect(answers).toEqual([
      { accepted: 3, duplicates: 0, rejected: [] },
      { accepted: 0, duplicates: 3, rejected: [] },
    ]);
    expect(bodies[1]).toBe(bodies[0]);
    expect(client.status()).toMatchObject({ queuedEvents: 0, droppedEvents: 0 });

    client.track('purchase', { key: 'u-3' });
    await client.close();
    expect(answers[2]).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it.runIf(postgresUrl !== undefined)('hears a change made through one server from another on the same PostgreSQL', async () => {
    const env = await storage();
    const [a, b] = await Promise.all([start(env), start(env)]);
    const sdkKey = await setUp(a.url, 'checkout');
    const client = sdk({ sdkKey, baseUrl: b.url });
    await client.ready;
    expect(client.boolean('checkout', { key: 'u-1' }, false)).toBe(true);

    const changed = new Promise<string[]>((resolve) => client.on('change', resolve));
    const sent = Date.now();
    await setEnabled(a.url, 'checkout', false);
    expect(await changed).toEqual(['checkout']);
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(client.boolean('checkout', { key: 'u-1' }, true)).toBe(false);
    expect(client.status().source).toBe('stream');
  });
});
