/**
 * sdk-web in a real browser: Debian's Chromium (through playwright-core; no
 * browser is downloaded, nothing leaves loopback) opens a page served from
 * one loopback port that uses sdk-web — plainly and through its React
 * bindings — against a real Dial on another port, so every call is
 * cross-origin and CORS is exercised. A change made through the admin API
 * must show on the page within a second, and no response the page receives
 * may carry a rule, a segment or a flag the client key may not see.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cleanups, api, startDial, storage } from './test-server.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../.test-results/screenshots');

/** What the page must never be sent: targeting, segment contents, and the flag client keys may not see. */
const NEVER_SENT = ['"rules"', '"segments"', '"ruleId"', '"when"', '"prerequisite"', 'pro-users', 'secret-launch', 'vip-list', 'user-vip-7'];

/** The page's script: the banner flag shown by plain DOM code and by a React component, and the hidden flag's answer. */
const PAGE_SCRIPT = `
import { DialWebClient } from '@dial/sdk-web';
import { DialProvider, useFlag } from '@dial/sdk-web/react';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const config = JSON.parse(document.getElementById('config').textContent);
const dial = new DialWebClient({ clientKey: config.clientKey, baseUrl: config.baseUrl, context: { key: 'user-1', plan: 'pro' } });
window.dial = dial;

const show = () => {
  document.getElementById('plain').textContent = dial.string('banner', 'Welcome');
  document.getElementById('hidden').textContent = dial.details('secret-launch', false).errorCode ?? 'visible';
  document.getElementById('status').textContent = dial.status().streaming ? 'live' : 'connecting';
};
dial.on('change', show);
dial.on('ready', show);
dial.on('error', show);
show();

function Banner() {
  return createElement('span', null, useFlag('banner', 'Welcome'));
}
createRoot(document.getElementById('react')).render(createElement(DialProvider, { client: dial }, createElement(Banner)));
`;

function pageHtml(config: { clientKey: string; baseUrl: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sdk-web in Chromium</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 3rem; color: #1f2328; }
  dl { display: grid; grid-template-columns: max-content auto; gap: .5rem 1.5rem; }
  dt { color: #59636e; } dd { margin: 0; font-weight: 600; }
</style></head>
<body>
  <h1>Dial in the browser</h1>
  <dl>
    <dt>banner (plain DOM)</dt><dd id="plain"></dd>
    <dt>banner (React, useFlag)</dt><dd id="react"></dd>
    <dt>secret-launch (not client-side)</dt><dd id="hidden"></dd>
    <dt>stream</dt><dd id="status"></dd>
  </dl>
  <script type="application/json" id="config">${JSON.stringify(config)}</script>
  <script type="module" src="/app.js"></script>
</body></html>`;
}

async function bundlePage(): Promise<string> {
  const result = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    conditions: ['dial-source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The page's own server, on another loopback port than Dial's. */
async function servePage(html: string, script: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url === '/app.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const cleanups: Cleanups = [];
let dialUrl: string;
let clientKey: string;
let pageUrl: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  const server = await startDial(cleanups, await storage(cleanups));
  dialUrl = server.url;
  // The flag the page shows, with targeting that must stay on the server: a rule on an attribute.
  await api(dialUrl, 'POST', '/projects/default/flags', {
    key: 'banner',
    name: 'Banner',
    kind: 'string',
    variants: [
      { key: 'hello', value: 'Hello from Dial' },
      { key: 'pro', value: 'Hello, pro user' },
      { key: 'off', value: 'Dial is off' },
    ],
    offVariant: 'off',
    clientSide: true,
  });
  await api(dialUrl, 'PUT', '/projects/default/flags/banner/environments/production', {
    enabled: true,
    offVariant: 'off',
    prerequisites: [],
    rules: [{ id: 'pro-users', when: [{ attr: 'plan', op: 'eq', values: ['pro'] }], serve: { variant: 'pro' } }],
    fallthrough: { variant: 'hello' },
    version: 1,
  });
  // A flag for servers only, targeting a segment with a list of users: none of it may reach the page.
  await api(dialUrl, 'POST', '/projects/default/segments', { key: 'vip-list', name: 'VIPs', include: ['user-vip-7'], exclude: [], rules: [] });
  await api(dialUrl, 'POST', '/projects/default/flags', { key: 'secret-launch', name: 'Secret launch' });
  await api(dialUrl, 'PUT', '/projects/default/flags/secret-launch/environments/production', {
    enabled: true,
    offVariant: 'off',
    prerequisites: [],
    rules: [{ id: 'vips', when: [{ segment: 'vip-list' }], serve: { variant: 'on' } }],
    fallthrough: { variant: 'off' },
    version: 1,
  });
  clientKey = (await api(dialUrl, 'POST', '/tokens', { kind: 'client', name: 'web', project: 'default', environment: 'production' })).secret as string;

  const page = await servePage(pageHtml({ clientKey, baseUrl: dialUrl }), await bundlePage());
  cleanups.push(() => new Promise<void>((resolve) => page.server.close(() => resolve())));
  pageUrl = page.url;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  cleanups.push(() => browser.close());
}, 120_000);
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
}, 60_000);

/** Everything the page was sent: each response's URL and body, and each server-sent event (which a response body cannot show while the stream is open). */
async function recordTraffic(page: Page): Promise<{ received: { url: string; body: string }[]; done(): Promise<void> }> {
  const received: { url: string; body: string }[] = [];
  const reading: Promise<void>[] = [];
  page.on('response', (response) => {
    if ((response.headers()['content-type'] ?? '').startsWith('text/event-stream')) return;
    reading.push(
      response.text().then(
        (body) => void received.push({ url: response.url(), body }),
        () => void received.push({ url: response.url(), body: '' }),
      ),
    );
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.eventSourceMessageReceived', (event) => {
    received.push({ url: 'event-stream', body: `event: ${event.eventName}\nid: ${event.eventId}\ndata: ${event.data}` });
  });
  return { received, done: async () => void (await Promise.all(reading)) };
}

// CI installs Chromium, so there a missing browser fails instead of skipping.
describe.runIf(existsSync(CHROMIUM) || process.env.CI === 'true')('sdk-web in Chromium', () => {
  it('shows a flag, shows its new value within a second of a change through the API, and is never sent targeting', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 420 } });
    const page = await context.newPage();
    const traffic = await recordTraffic(page);
    await page.goto(pageUrl);
    expect(new URL(pageUrl).origin).not.toBe(new URL(dialUrl).origin);

    await page.locator('#plain', { hasText: 'Hello, pro user' }).waitFor({ timeout: 10_000 });
    await page.locator('#react', { hasText: 'Hello, pro user' }).waitFor();
    // The stream is connected before the change, so that the change is heard as it happens.
    await page.waitForFunction(() => (globalThis as unknown as { dial: { status(): { streaming: boolean } } }).dial.status().streaming, undefined, { timeout: 10_000 });
    expect(await page.locator('#hidden').textContent()).toBe('FLAG_NOT_FOUND');

    // The change: the banner is switched off through the admin API; the page must show the off variant within a second.
    const route = '/projects/default/flags/banner/environments/production';
    const { version } = await api(dialUrl, 'GET', route);
    const started = Date.now();
    const shown = Promise.all([
      page.locator('#plain', { hasText: 'Dial is off' }).waitFor({ timeout: 5_000 }),
      page.locator('#react', { hasText: 'Dial is off' }).waitFor({ timeout: 5_000 }),
    ]);
    await api(dialUrl, 'PATCH', route, { enabled: false, version });
    await shown;
    const elapsed = Date.now() - started;
    console.log(`sdk-web in Chromium: a change through the API showed on the page in ${elapsed} ms`);
    expect(elapsed).toBeLessThan(1_000);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sdk-web-browser.png'), fullPage: true });
    await traffic.done();

    const fromDial = traffic.received.filter((r) => r.url === 'event-stream' || r.url.startsWith(dialUrl));
    expect(fromDial.some((r) => r.url.endsWith('/api/v1/sdk/evaluate') && r.body.includes('Dial is off'))).toBe(true);
    expect(fromDial.filter((r) => r.url === 'event-stream').map((r) => r.body.split('\n')[0])).toEqual(['event: ready', 'event: changed']);
    // Everything Dial sent the page (the page's own files name the hidden flag: the application asks for it by key).
    expect(fromDial.length).toBeGreaterThanOrEqual(4);
    for (const { url, body } of fromDial) {
      for (const secret of NEVER_SENT) expect(body.includes(secret), `${url} was sent ${secret}`).toBe(false);
    }
    await context.close();
  }, 60_000);
});
