/**
 * A real Dial for the SDKs' integration tests, started in-process: on the
 * embedded database in a data folder of its own, or on a fresh database of
 * DIAL_TEST_DATABASE_URL (the `postgres` project), and driven through the
 * admin API as a person's scripts would.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type RunningServer, loadConfig, openPostgres, startServer } from '@dial/server';

export const ADMIN_TOKEN = 'dial_admin_sdktest000000000000000000000000000000000';
export const postgresUrl = process.env.DIAL_TEST_DATABASE_URL || undefined;

/** What a test leaves to undo, in the order it must be undone (last first). */
export type Cleanups = (() => Promise<void>)[];

/** Where a test's servers keep their data: a data folder, or a database of its own on PostgreSQL. */
export async function storage(cleanups: Cleanups): Promise<Record<string, string>> {
  if (postgresUrl === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'dial-sdk-it-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return { DIAL_DATA_DIR: dir };
  }
  const name = `dial_test_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(postgresUrl);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  cleanups.push(async () => {
    const db = openPostgres(postgresUrl);
    await db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await db.close();
  });
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

/** Starts Dial on 127.0.0.1 (port 0: any free one) with the admin token installed; it is stopped at cleanup. */
export async function startDial(cleanups: Cleanups, env: Record<string, string>, port = 0): Promise<RunningServer & { port: number }> {
  const config = loadConfig({ ...env, DIAL_HOST: '127.0.0.1', DIAL_PORT: String(port), DIAL_LOG_LEVEL: 'silent', DIAL_ADMIN_TOKEN: ADMIN_TOKEN }, process.cwd());
  const server = await startServer(config, quiet);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
  };
  cleanups.push(stop);
  return { ...server, stop, port: Number(new URL(server.url).port) };
}

/** Calls the admin API; the status and the parsed body, whatever the status. */
export async function request(base: string, method: string, route: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** Calls the admin API and returns the body; any status but 2xx throws. */
export async function api(base: string, method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
  const answer = await request(base, method, route, body);
  if (answer.status >= 300) throw new Error(`${method} ${route}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
