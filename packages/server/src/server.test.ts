import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './platform/config.js';
import { startServer } from './server.js';
import { TEST_ADMIN_TOKEN, type TestDatabase, testDatabase } from './test-support.js';

const folders: string[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.cleanup()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function capture() {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { out, text: () => text };
}

/** A configuration on this run's database: a fresh embedded folder, or a fresh PostgreSQL database. */
async function config(env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dial-server-'));
  folders.push(dataDir);
  const vars: Record<string, string> = { DIAL_PORT: '0', DIAL_HOST: '127.0.0.1', DIAL_DATA_DIR: dataDir, ...env };
  if (process.env.DIAL_TEST_DATABASE_URL) {
    const database = await testDatabase();
    databases.push(database);
    vars.DATABASE_URL = database.url!;
  }
  return loadConfig(vars, process.cwd());
}

const portOf = (url: string) => Number(new URL(url).port);

async function accepts(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startServer', { timeout: 30_000 }, () => {
  it('listens on a free port, prints where, serves, and stops with its database', async () => {
    const { out, text } = capture();
    const cfg = await config({ DIAL_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
    const server = await startServer(cfg, out, pino({ level: 'silent' }));
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(portOf(server.url)).toBeGreaterThan(0);
      const storage = cfg.databaseUrl === undefined ? `embedded PostgreSQL in ${cfg.dataDir}` : 'PostgreSQL at DATABASE_URL';
      expect(text()).toBe(`\nDial is running at ${server.url} (${storage})\nAPI reference: ${server.url}/api/docs\n`);
      // The printed text never holds the connection string, which may carry a password.
      if (cfg.databaseUrl !== undefined) expect(text()).not.toContain(cfg.databaseUrl);
      const ready = await fetch(`${server.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', database: server.db.kind });
      const tokens = await fetch(`${server.url}/api/v1/tokens`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
      expect(tokens.status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(await accepts(portOf(server.url))).toBe(false);
    await expect(server.db.query('SELECT 1')).rejects.toThrow();
  });

  it('prints a new admin token once, and installs none on the next start', async () => {
    const cfg = await config({});
    const first = capture();
    const server = await startServer(cfg, first.out, pino({ level: 'silent' }));
    await server.stop();
    const secret = /\n {2}(dial_admin_\w+)\n/.exec(first.text())?.[1];
    expect(secret).toMatch(/^dial_admin_\w{43}$/);

    const second = capture();
    const again = await startServer(cfg, second.out, pino({ level: 'silent' }));
    try {
      expect(second.text()).not.toContain('Admin token');
      const res = await fetch(`${again.url}/api/v1/tokens`, { headers: { authorization: `Bearer ${secret}` } });
      expect(res.status).toBe(200);
    } finally {
      await again.stop();
    }
  });

  it('puts an IPv6 address in brackets', async (context) => {
    const probe = net.createServer();
    const ipv6 = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(0, '::1', () => probe.close(() => resolve(true)));
    });
    if (!ipv6) context.skip('no IPv6 loopback here');
    const server = await startServer(await config({ DIAL_HOST: '::1', DIAL_ADMIN_TOKEN: TEST_ADMIN_TOKEN }), capture().out, pino({ level: 'silent' }));
    try {
      expect(server.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('fails with the listen error when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as net.AddressInfo).port;
      const cfg = { ...(await config({ DIAL_ADMIN_TOKEN: TEST_ADMIN_TOKEN })), port };
      await expect(startServer(cfg, capture().out, pino({ level: 'silent' }))).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      blocker.close();
    }
  });
});
