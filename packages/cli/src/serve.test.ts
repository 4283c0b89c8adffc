/**
 * `dial serve` as an operator runs it: a child process on a loopback port,
 * stopped with SIGTERM while requests are in flight.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEmbedded } from '@dial/server';
import { afterAll, describe, expect, it } from 'vitest';
import { type DialProcess, printed, spawnDial, started, within } from './test-dial-process.js';

const ADMIN_TOKEN = 'dial_admin_serve0000000000000000000000000000000000';

const children: ChildProcess[] = [];
const folders: string[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function dial(args: string[], env: Record<string, string> = {}): DialProcess {
  const run = spawnDial(args, env);
  children.push(run.child);
  return run;
}

/** Resolves once a new TCP connection to `port` is refused. */
async function refused(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const outcome = await new Promise<'connected' | 'refused'>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', () => resolve('refused'));
    });
    if (outcome === 'refused') return;
    if (Date.now() > deadline) throw new Error(`port ${port} still accepts connections after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Creates a server SDK key and opens its event stream; resolves once the first event arrived. */
async function openEventStream(url: URL, adminToken: string): Promise<{ ended: Promise<void> }> {
  const created = await fetch(new URL('/api/v1/tokens', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'server', name: 'sdk', project: 'default', environment: 'production' }),
  });
  const { secret } = (await created.json()) as { secret: string };
  return new Promise((resolve, reject) => {
    http
      .get(new URL('/api/v1/sdk/stream', url), { headers: { authorization: `Bearer ${secret}` }, agent: false }, (res) => {
        const ended = new Promise<void>((resolveEnded) => res.on('close', () => resolveEnded()));
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('event: snapshot')) resolve({ ended });
        });
      })
      .on('error', reject);
  });
}

interface InFlight {
  /** Sends the rest of the body. */
  finish(): void;
  response: Promise<{ status: number; body: string }>;
}

/**
 * Starts a POST and stops halfway through its body. With `Expect:
 * 100-continue` the server answers 100 once it has read the headers, so the
 * request is known to be in flight before it resolves.
 */
function halfSentPost(url: URL, path: string, payload: object, agent: http.Agent | false): Promise<InFlight> {
  const body = Buffer.from(JSON.stringify(payload));
  const half = Math.floor(body.length / 2);
  return new Promise((resolveStarted, rejectStarted) => {
    let finishResponse!: (value: { status: number; body: string }) => void;
    let failResponse!: (error: Error) => void;
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      finishResponse = resolve;
      failResponse = reject;
    });
    const request = http.request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path,
      agent,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'content-type': 'application/json',
        'content-length': body.length,
        expect: '100-continue',
      },
    });
    request.on('continue', () => {
      request.write(body.subarray(0, half));
      resolveStarted({ finish: () => request.end(body.subarray(half)), response });
    });
    request.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => finishResponse({ status: res.statusCode ?? 0, body: text }));
      res.on('error', failResponse);
    });
    request.on('error', (error) => {
      rejectStarted(error);
      failResponse(error);
    });
    request.flushHeaders();
  });
}

// Starting the embedded database takes seconds; each wait inside is bounded on its own.
describe('dial serve', { timeout: 120_000 }, () => {
  it('listens on the port the system picks for DIAL_PORT=0, and drains in-flight requests on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dial-serve-'));
    folders.push(dataDir);
    const server = dial(['serve'], { DIAL_PORT: '0', DIAL_DATA_DIR: dataDir, DIAL_ADMIN_TOKEN: ADMIN_TOKEN });
    const url = await started(server, 50_000);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
    expect(server.output()).toContain(`API reference: ${url.origin}/api/docs`);
    const ready = await fetch(new URL('/readyz', url));
    expect(ready.status).toBe(200);
    // A client that keeps an idle connection open must not hold the shutdown up.
    const idle = new http.Agent({ keepAlive: true });
    const healthy = await new Promise<number>((resolve, reject) => {
      http.get(new URL('/healthz', url), { agent: idle }, (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0))).on('error', reject);
    });
    expect(healthy).toBe(200);

    const keepAlive = new http.Agent({ keepAlive: true });
    const keys = ['drain-1', 'drain-2', 'drain-3', 'drain-4'];
    const inFlight = await Promise.all(
      keys.map((key, i) => halfSentPost(url, '/api/v1/projects', { key, name: `Drained ${i}` }, i % 2 === 0 ? false : keepAlive)),
    );

    // Nor must an SDK's event stream, which never ends on its own.
    const stream = await openEventStream(url, ADMIN_TOKEN);

    server.child.kill('SIGTERM');
    await within(2_000, stream.ended, () => 'the event stream to end');
    await refused(Number(url.port), 5_000);
    for (const request of inFlight) request.finish();
    const responses = await within(5_000, Promise.all(inFlight.map((request) => request.response)), () => 'in-flight responses');
    expect(responses.map((res) => res.status)).toEqual([201, 201, 201, 201]);
    expect(responses.map((res) => JSON.parse(res.body).key)).toEqual(keys);

    expect(await server.exited(5_000)).toBe(0);
    // A configured admin token is installed, not printed.
    expect(server.output()).not.toContain('Admin token');
    keepAlive.destroy();
    idle.destroy();
    expect(server.errors()).toBe('');

    // What was acknowledged is stored.
    const db = await openEmbedded(dataDir);
    try {
      const { rows } = await db.query<{ key: string }>("SELECT key FROM projects WHERE key LIKE 'drain-%' ORDER BY key");
      expect(rows.map((row) => row.key)).toEqual(keys);
    } finally {
      await db.close();
    }
  });

  it('prints a first admin token once when none is configured', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dial-serve-'));
    folders.push(dataDir);
    const first = dial(['serve'], { DIAL_PORT: '0', DIAL_DATA_DIR: dataDir });
    const url = await started(first, 50_000);
    const secret = (await printed(first, /\n {2}(dial_admin_\w{43})\n/, 5_000))[1];
    const res = await fetch(new URL('/api/v1/tokens', url), { headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited(5_000)).toBe(0);

    const second = dial(['serve'], { DIAL_PORT: '0', DIAL_DATA_DIR: dataDir });
    await started(second, 50_000);
    second.child.kill('SIGINT');
    expect(await second.exited(5_000)).toBe(0);
    expect(second.output()).not.toContain('dial_admin_');
  });

  it.each([
    ['DIAL_PORT', 'abc'],
    ['DIAL_LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://db/dial'],
  ])('exits with 2 and names %s when it is %j', async (variable, value) => {
    const server = dial(['serve'], { [variable]: value });
    expect(await server.exited(10_000)).toBe(2);
    expect(server.errors()).toMatch(new RegExp(`^dial: ${variable} `));
    expect(server.output()).toBe('');
  });

  it('exits with 1 and says why when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dial-serve-'));
    folders.push(dataDir);
    try {
      const server = dial(['serve'], { DIAL_PORT: String(port), DIAL_DATA_DIR: dataDir, DIAL_ADMIN_TOKEN: ADMIN_TOKEN });
      expect(await server.exited(50_000)).toBe(1);
      expect(server.errors()).toMatch(/^dial: could not start: .*EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });
});

describe('dial help, version and unknown commands', { timeout: 20_000 }, () => {
  it('prints the help', async () => {
    for (const command of ['help', '--help', '-h']) {
      const run = dial([command]);
      expect(await run.exited(10_000)).toBe(0);
      expect(run.output()).toMatch(/^dial \d+\.\d+\.\d+: /);
      expect(run.output()).toContain('dial serve');
      expect(run.output()).toContain('dial demo');
      for (const variable of ['DIAL_PORT', 'DIAL_HOST', 'DATABASE_URL', 'DIAL_DATA_DIR', 'DIAL_LOG_LEVEL', 'DIAL_ADMIN_TOKEN', 'DIAL_CLIENT_RATE_LIMIT', 'DIAL_EVENT_QUEUE_LIMIT', 'DIAL_RETENTION_INTERVAL_SECONDS']) {
        expect(run.output()).toContain(variable);
      }
    }
  });

  it('prints the version', async () => {
    for (const command of ['version', '--version']) {
      const run = dial([command]);
      expect(await run.exited(10_000)).toBe(0);
      expect(run.output()).toMatch(/^\d+\.\d+\.\d+\n$/);
    }
  });

  it('refuses an unknown command with 2 and the help', async () => {
    const run = dial(['serv']);
    expect(await run.exited(10_000)).toBe(2);
    expect(run.errors()).toMatch(/^dial: unknown command "serv"/);
    expect(run.errors()).toContain('Usage:');
  });
});
