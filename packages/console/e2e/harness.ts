/**
 * End-to-end harness: the console built with Vite, served by a real Dial
 * server started in-process on port 0 over a fresh embedded database, and
 * Debian's Chromium driven by playwright-core (no browser is downloaded; no
 * traffic leaves loopback).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import pino from 'pino';
import { build } from 'vite';
import type { Config } from '../../server/src/platform/config.js';
import { type RunningServer, startServer } from '../../server/src/server.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ADMIN_TOKEN = 'dial_admin_e2e000000000000000000000000000000000000';
const CONSOLE_ROOT = path.resolve(import.meta.dirname, '..');
const REPO_ROOT = path.resolve(CONSOLE_ROOT, '../..');
export const SCREENSHOTS = path.join(REPO_ROOT, '.test-results', 'screenshots');

export interface Harness {
  server: RunningServer;
  browser: BrowserContext;
  /** A new tab on a path of the console. */
  open(pathname?: string): Promise<Page>;
  /** Calls the API as the admin token, for setup and for checking what the console did. */
  api<T = unknown>(method: string, pathname: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  /** Saves a screenshot of a page's final screen to .test-results/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Builds the console into packages/console/dist, where the server serves it from. */
export async function buildConsole(): Promise<void> {
  // Files are replaced, never deleted: servers other tests start may be reading the folder meanwhile.
  await build({ configFile: path.join(CONSOLE_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { sourcemap: false, emptyOutDir: false } });
}

export async function startHarness(): Promise<Harness> {
  await buildConsole();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dial-e2e-data-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'dial-e2e-chromium-'));
  const config: Config = { port: 0, host: '127.0.0.1', databaseUrl: undefined, dataDir, logLevel: 'silent', adminToken: ADMIN_TOKEN };
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const server = await startServer(config, quiet, pino({ level: 'silent' }));
  let browser: BrowserContext;
  try {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      baseURL: server.url,
      viewport: { width: 1360, height: 900 },
      colorScheme: 'light',
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  browser.setDefaultTimeout(10_000);
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    server,
    browser,
    async open(pathname = '/') {
      const page = await browser.newPage();
      await page.goto(pathname);
      return page;
    },
    async api(method, pathname, body, headers = {}) {
      const response = await fetch(`${server.url}/api/v1${pathname}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${text}`);
      return (text === '' ? undefined : JSON.parse(text)) as never;
    },
    async screenshot(page, name) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs a page in with the admin token through the sign-in form. */
export async function signIn(page: Page, token = ADMIN_TOKEN): Promise<void> {
  await page.getByLabel('Admin token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
