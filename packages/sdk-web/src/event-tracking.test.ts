import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DialError } from './dial-error.js';
import { DialWebClient } from './dial-web-client.js';
import type { DialWebClientOptions } from './options.js';
import { type FakeDial, TEST_CLIENT_KEY, fakeDial } from './test-fake-dial.js';
import { ManualTimers } from './test-timers.js';

const FLAGS = {
  checkout: { value: true, variant: 'on', reason: 'TARGETING_MATCH' },
  banner: { value: 'Hello', variant: 'a', reason: 'DEFAULT' },
};

let dial: FakeDial;
let timers: ManualTimers;
let clock: number;
const clients: DialWebClient[] = [];

beforeEach(async () => {
  dial = await fakeDial(FLAGS);
  timers = new ManualTimers();
  clock = Date.UTC(2026, 10, 21, 12);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  vi.unstubAllGlobals();
  await dial.close();
});

async function client(options: Partial<DialWebClientOptions> = {}): Promise<{ client: DialWebClient; errors: DialError[] }> {
  const created = new DialWebClient({
    clientKey: TEST_CLIENT_KEY,
    baseUrl: dial.url,
    context: { key: 'user-1', plan: 'pro', nested: { no: true } },
    storage: false,
    stream: false,
    timers,
    random: () => 0.5,
    now: () => clock,
    ...options,
  });
  clients.push(created);
  const errors: DialError[] = [];
  created.on('error', (error) => errors.push(error));
  await created.ready;
  return { client: created, errors };
}

const sent = () => dial.eventBatches.flatMap((batch) => batch.events);
const idsOf = (batch: { events: Record<string, unknown>[] } | undefined) => batch?.events.map((event) => event.id);

describe('event tracking', () => {
  it('sends a batch as soon as flushAt events are queued, with ids, the clock, the key and flat attributes', async () => {
    const { client: dial_ } = await client({ flushAt: 3 });
    dial_.track('viewed');
    dial_.track('added', { sku: 'a-1', quantity: 2 });
    expect(dial.eventBatches).toHaveLength(0);
    dial_.track('paid');
    await vi.waitFor(() => expect(dial.eventBatches).toHaveLength(1));
    const [viewed, added] = sent();
    expect(viewed).toEqual({ id: expect.any(String), type: 'track', name: 'viewed', key: 'user-1', attributes: { key: 'user-1', plan: 'pro' }, timestamp: clock });
    expect(added?.properties).toEqual({ sku: 'a-1', quantity: 2 });
    expect(new Set(sent().map((event) => event.id)).size).toBe(3);
    expect(dial.eventBatches[0]?.authorization).toBe(`Bearer ${TEST_CLIENT_KEY}`);
  });

  it('sends what is queued flushIntervalMs after the first event', async () => {
    const { client: dial_ } = await client({ flushIntervalMs: 2_000 });
    dial_.track('viewed');
    dial_.track('clicked');
    expect(timers.delays().filter((ms) => ms === 2_000)).toHaveLength(1);
    timers.fire((ms) => ms === 2_000);
    await vi.waitFor(() => expect(sent().map((event) => event.name)).toEqual(['viewed', 'clicked']));
  });

  it('flush() sends at once and resolves once Dial has answered; it never rejects', async () => {
    const { client: dial_ } = await client();
    await expect(dial_.flush()).resolves.toBeUndefined();
    dial_.track('viewed');
    await dial_.flush();
    expect(sent()).toHaveLength(1);
    await dial.close();
    dial_.track('lost');
    await expect(dial_.flush()).resolves.toBeUndefined();
  });

  it('resends the same ids after a 5xx, with a jittered backoff', async () => {
    const { client: dial_, errors } = await client();
    dial.failWith(500);
    dial_.track('viewed');
    dial_.track('clicked');
    await dial_.flush();
    expect(errors.map((error) => error.status)).toEqual([500]);
    dial.heal();
    // Half of 1000 ms, with random 0.5.
    expect(timers.delays()).toContain(500);
    clock += 500;
    timers.fire((ms) => ms === 500);
    await vi.waitFor(() => expect(dial.eventBatches).toHaveLength(2));
    expect(idsOf(dial.eventBatches[1])).toEqual(idsOf(dial.eventBatches[0]));
  });

  it("waits out a 503's Retry-After before resending the same ids", async () => {
    const { client: dial_ } = await client();
    dial.failWith(503, { 'retry-after': '7' });
    dial_.track('viewed');
    await dial_.flush();
    expect(timers.delays()).toContain(7_000);
    dial.heal();
    await dial_.flush();
    expect(dial.eventBatches).toHaveLength(1);
    clock += 7_000;
    timers.fire((ms) => ms === 7_000);
    await vi.waitFor(() => expect(dial.eventBatches).toHaveLength(2));
    expect(idsOf(dial.eventBatches[1])).toEqual(idsOf(dial.eventBatches[0]));
  });

  it('makes ids from the clock and random where crypto.randomUUID is missing', async () => {
    vi.stubGlobal('crypto', {});
    const { client: dial_ } = await client();
    dial_.track('viewed');
    dial_.track('clicked');
    await dial_.flush();
    const ids = sent().map((event) => event.id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_\-:.]{1,64}$/);
  });

  it('drops a batch Dial refuses with a 4xx, and reports it', async () => {
    const { client: dial_, errors } = await client();
    dial.failWith(400);
    dial_.track('viewed');
    await dial_.flush();
    dial.heal();
    await dial_.flush();
    expect(dial.eventBatches).toHaveLength(1);
    expect(errors.map((error) => error.status)).toEqual([400]);
  });

  it('records one exposure per key, flag and variant within exposureDedupMs, and none for allFlags', async () => {
    // Polls far apart, so that moving the clock does not make a poll overdue.
    const { client: dial_ } = await client({ exposureDedupMs: 60_000, pollIntervalMs: 3_600_000 });
    dial_.allFlags();
    dial_.boolean('checkout', false);
    dial_.booleanDetails('checkout', false);
    dial_.details('checkout');
    dial_.string('banner', '');
    dial_.boolean('missing', false);
    clock += 59_999;
    dial_.boolean('checkout', false);
    await dial_.setContext({ key: 'user-2' });
    dial_.boolean('checkout', false);
    clock += 1;
    await dial_.setContext({ key: 'user-1', plan: 'pro' });
    dial_.boolean('checkout', false);
    await dial_.flush();
    expect(sent().map((event) => [event.type, event.name, event.variant, event.key])).toEqual([
      ['exposure', 'checkout', 'on', 'user-1'],
      ['exposure', 'banner', 'a', 'user-1'],
      ['exposure', 'checkout', 'on', 'user-2'],
      ['exposure', 'checkout', 'on', 'user-1'],
    ]);
  });

  it('records no exposures with exposures: false, and tracks still', async () => {
    const { client: dial_ } = await client({ exposures: false });
    dial_.boolean('checkout', false);
    dial_.track('viewed');
    await dial_.flush();
    expect(sent().map((event) => event.type)).toEqual(['track']);
  });

  it('sends nothing with events: false', async () => {
    const { client: dial_ } = await client({ events: false });
    dial_.boolean('checkout', false);
    dial_.track('viewed');
    await dial_.flush();
    expect(timers.delays()).not.toContain(5_000);
    expect(dial.eventBatches).toHaveLength(0);
  });

  it('drops the oldest events beyond maxQueuedEvents, and counts them', async () => {
    const { client: dial_ } = await client({ maxQueuedEvents: 3 });
    for (const name of ['e1', 'e2', 'e3', 'e4', 'e5']) dial_.track(name);
    expect(dial_.status().droppedEvents).toBe(2);
    await dial_.flush();
    expect(sent().map((event) => event.name)).toEqual(['e3', 'e4', 'e5']);
  });

  it('reports, and does not throw, when the context has no key or the event is malformed', async () => {
    const { client: dial_, errors } = await client({ context: { plan: 'pro' } });
    dial_.track('viewed');
    dial_.track('');
    dial_.track('big', { text: 'x'.repeat(9_000) });
    await dial_.flush();
    expect(errors.map((error) => error.kind)).toEqual(['config', 'config', 'config']);
    expect(dial.eventBatches).toHaveLength(0);
  });

  it('sends the queue with a keepalive request when the page is hidden', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('document', page);
    const inits: RequestInit[] = [];
    const { client: dial_ } = await client({
      fetch: (input: string | URL | Request, init?: RequestInit) => {
        if (init !== undefined) inits.push(init);
        return fetch(input, init);
      },
    });
    dial_.track('viewed');
    page.dispatchEvent(new Event('visibilitychange'));
    expect(dial.eventBatches).toHaveLength(0);
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(sent().map((event) => event.name)).toEqual(['viewed']));
    expect(inits.at(-1)?.keepalive).toBe(true);
    expect(dial.eventBatches[0]?.authorization).toBe(`Bearer ${TEST_CLIENT_KEY}`);
  });
});
