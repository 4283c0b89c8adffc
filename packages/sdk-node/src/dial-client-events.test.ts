import { afterEach, describe, expect, it, vi } from 'vitest';
import { DialClient } from './dial-client.js';
import type { DialError } from './dial-error.js';
import { ExposureDedup } from './exposure-dedup.js';
import { flushOnExit, type ExitProcess } from './exit-flush.js';
import type { DialClientOptions, Timers } from './options.js';
import { type FakeDial, TEST_SDK_KEY, booleanFlag, fakeDial } from './test-dial-server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(): Promise<FakeDial> {
  const fake = await fakeDial({ version: 1, flags: [booleanFlag('checkout')], segments: [] });
  cleanups.push(() => fake.close());
  return fake;
}

type TestClient = DialClient & { errors: DialError[] };

function client(fake: FakeDial, options: Partial<DialClientOptions> = {}): TestClient {
  const created = Object.assign(
    new DialClient({ sdkKey: TEST_SDK_KEY, baseUrl: fake.url, stream: false, flushOnExit: false, flushIntervalMs: 60_000, random: () => 0, ...options }),
    { errors: [] as DialError[] },
  );
  created.on('error', (error) => created.errors.push(error));
  cleanups.push(() => created.close());
  return created;
}

/** Real timers that remember the delays asked for. */
function recordingTimers(): Timers & { delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    setTimeout(callback, ms) {
      delays.push(ms);
      return setTimeout(callback, ms);
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

const sent = (fake: FakeDial) => fake.eventBatches.flat();

describe('track', () => {
  it('sends a batch once flushAt events wait, with ids, the clock time and the flat attributes', async () => {
    const fake = await server();
    const now = new Date('2026-11-21T12:00:00.000Z');
    const dial = client(fake, { flushAt: 3, exposures: false, now: () => now });
    const user = { key: 'u-1', plan: 'pro', age: 40, beta: true, none: null, tags: ['a'], address: { city: 'Berlin' } };
    dial.track('viewed', user);
    dial.track('clicked', user, { button: 'buy' });
    expect(fake.eventBatches).toEqual([]);
    dial.track('purchased', user, { amount: 42.5 });
    await vi.waitFor(() => expect(fake.eventBatches).toHaveLength(1));
    const [first, second, third] = fake.eventBatches[0] ?? [];
    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'track',
      name: 'viewed',
      key: 'u-1',
      attributes: { plan: 'pro', age: 40, beta: true, none: null },
      timestamp: '2026-11-21T12:00:00.000Z',
    });
    expect(second).toMatchObject({ name: 'clicked', properties: { button: 'buy' } });
    expect(third).toMatchObject({ name: 'purchased', properties: { amount: 42.5 } });
    expect(new Set([first?.id, second?.id, third?.id]).size).toBe(3);
  });

  it('sends what waits after flushIntervalMs', async () => {
    const fake = await server();
    const dial = client(fake, { flushIntervalMs: 50, exposures: false });
    dial.track('viewed', { key: 'u-1' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.eventBatches).toEqual([]);
    await vi.waitFor(() => expect(sent(fake).map((e) => e.name)).toEqual(['viewed']));
  });

  it('flush() resolves once what was queued is stored', async () => {
    const fake = await server();
    const dial = client(fake, { exposures: false });
    dial.track('a', { key: 'u-1' });
    dial.track('b', { key: 'u-2' });
    expect(dial.status().queuedEvents).toBe(2);
    await dial.flush();
    expect(fake.storedEventIds.size).toBe(2);
    expect(dial.status()).toMatchObject({ queuedEvents: 0, droppedEvents: 0 });
    await dial.flush();
    expect(fake.eventBatches).toHaveLength(1);
  });

  it('keeps the ids when it retries a failed batch, so the server stores each once', async () => {
    const fake = await server();
    fake.eventAnswers.push({ status: 500 }, { status: 502 });
    const dial = client(fake, { exposures: false, backoffBaseMs: 10 });
    dial.track('a', { key: 'u-1' });
    dial.track('b', { key: 'u-1' });
    await dial.flush();
    expect(fake.eventBatches).toHaveLength(3);
    const ids = fake.eventBatches.map((batch) => batch.map((e) => e.id));
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
    expect(fake.storedEventIds.size).toBe(2);
    expect(dial.errors.map((e) => e.status)).toEqual([500, 502]);
  });

  it('retries after a network error', async () => {
    const fake = await server();
    let calls = 0;
    const flaky: typeof fetch = (input, init) => (++calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    const dial = client(fake, { exposures: false, fetch: flaky });
    dial.track('a', { key: 'u-1' });
    await dial.flush();
    expect(fake.storedEventIds.size).toBe(1);
    expect(dial.errors[0]?.kind).toBe('network');
  });

  it('waits as long as Retry-After asks on 503 and 429', async () => {
    const fake = await server();
    fake.eventAnswers.push({ status: 503, headers: { 'retry-after': '1' } }, { status: 429, headers: { 'retry-after': '0.05' } });
    const timers = recordingTimers();
    const dial = client(fake, { exposures: false, timers, backoffBaseMs: 10 });
    dial.track('a', { key: 'u-1' });
    const started = Date.now();
    await dial.flush();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(timers.delays).toContain(1_000);
    expect(timers.delays).toContain(50);
    expect(fake.storedEventIds.size).toBe(1);
  });

  it('drops a batch the server refuses with a 4xx other than 408 and 429, and says so', async () => {
    const fake = await server();
    fake.eventAnswers.push({ status: 400 });
    const dial = client(fake, { exposures: false });
    dial.track('a', { key: 'u-1' });
    await dial.flush();
    expect(fake.eventBatches).toHaveLength(1);
    expect(dial.status().droppedEvents).toBe(1);
    expect(dial.errors[0]?.message).toMatch(/HTTP 400; dropped 1 events/);
  });

  it('drops the oldest events past maxQueuedEvents, and counts them', async () => {
    const fake = await server();
    const dial = client(fake, { exposures: false, maxQueuedEvents: 3 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) dial.track(name, { key: 'u-1' });
    expect(dial.status()).toMatchObject({ queuedEvents: 3, droppedEvents: 2 });
    await dial.flush();
    expect(sent(fake).map((e) => e.name)).toEqual(['c', 'd', 'e']);
  });

  it('reports a context without a key, or an event over the limits, and never throws', async () => {
    const fake = await server();
    const dial = client(fake, { exposures: false });
    expect(() => dial.track('a', { country: 'DE' })).not.toThrow();
    expect(() => dial.track('a', undefined)).not.toThrow();
    expect(() => dial.track('', { key: 'u-1' })).not.toThrow();
    expect(() => dial.track('big', { key: 'u-1' }, { blob: 'x'.repeat(9_000) })).not.toThrow();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => dial.track('loop', { key: 'u-1' }, circular)).not.toThrow();
    await dial.flush();
    expect(fake.eventBatches).toEqual([]);
    expect(dial.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/has no key/),
      expect.stringMatching(/has no key/),
      expect.stringMatching(/name must be/),
      expect.stringMatching(/at most 8192/),
      expect.stringMatching(/not JSON/),
    ]);
  });

  it('sends nothing with events: false', async () => {
    const fake = await server();
    const dial = client(fake, { events: false, flushAt: 1 });
    await dial.ready;
    dial.track('a', { key: 'u-1' });
    dial.boolean('checkout', { key: 'u-1' }, false);
    await dial.flush();
    await dial.close();
    expect(fake.paths('/api/v1/events')).toEqual([]);
    expect(dial.status()).toMatchObject({ queuedEvents: 0, droppedEvents: 0 });
  });

  it('close() sends what waits first', async () => {
    const fake = await server();
    const dial = client(fake, { exposures: false });
    dial.track('a', { key: 'u-1' });
    await dial.close();
    expect(fake.storedEventIds.size).toBe(1);
  });

  it('close() gives up after closeTimeoutMs when Dial does not answer', async () => {
    const fake = await server();
    fake.eventAnswers.push(...Array.from({ length: 20 }, () => ({ status: 503, headers: { 'retry-after': '10' } })));
    const dial = client(fake, { exposures: false, closeTimeoutMs: 100 });
    dial.track('a', { key: 'u-1' });
    const started = Date.now();
    await dial.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.eventBatches).toHaveLength(1);
  });
});

describe('exposures', () => {
  it('are recorded when an accessor serves a variant, once per unit, flag and variant within the window', async () => {
    const fake = await server();
    let now = new Date('2026-11-21T12:00:00.000Z');
    const dial = client(fake, { now: () => now, exposureDedupMs: 60_000 });
    await dial.ready;
    dial.boolean('checkout', { key: 'u-1', plan: 'pro' }, false);
    dial.booleanDetails('checkout', { key: 'u-1' }, false);
    dial.details('checkout', { key: 'u-2' });
    dial.boolean('missing', { key: 'u-1' }, false);
    dial.string('checkout', { key: 'u-3' }, 'x');
    dial.boolean('checkout', {}, false);
    dial.allFlags({ key: 'u-4' });
    now = new Date('2026-11-21T12:01:00.000Z');
    dial.boolean('checkout', { key: 'u-1' }, false);
    await dial.flush();
    expect(sent(fake).map((e) => [e.type, e.name, e.variant, e.key, e.timestamp])).toEqual([
      ['exposure', 'checkout', 'on', 'u-1', '2026-11-21T12:00:00.000Z'],
      ['exposure', 'checkout', 'on', 'u-2', '2026-11-21T12:00:00.000Z'],
      ['exposure', 'checkout', 'on', 'u-1', '2026-11-21T12:01:00.000Z'],
    ]);
    expect(sent(fake)[0]).toMatchObject({ attributes: { plan: 'pro' } });
  });

  it('are not recorded with exposures: false, while track still works', async () => {
    const fake = await server();
    const dial = client(fake, { exposures: false });
    await dial.ready;
    dial.boolean('checkout', { key: 'u-1' }, false);
    dial.track('a', { key: 'u-1' });
    await dial.flush();
    expect(sent(fake).map((e) => e.type)).toEqual(['track']);
  });

  it('are deduplicated in a bounded map that forgets the least recently seen', () => {
    const dedup = new ExposureDedup(1_000, 2);
    expect(dedup.isNew('u-1', 'f', 'on', 0)).toBe(true);
    expect(dedup.isNew('u-1', 'f', 'on', 999)).toBe(false);
    expect(dedup.isNew('u-1', 'f', 'off', 999)).toBe(true);
    expect(dedup.isNew('u-2', 'f', 'on', 999)).toBe(true);
    expect(dedup.size).toBe(2);
    expect(dedup.isNew('u-1', 'f', 'on', 999)).toBe(true);
    expect(dedup.isNew('u-2', 'f', 'on', 1_999)).toBe(true);
  });
});

describe('flushOnExit', () => {
  function fakeProcess(): ExitProcess & { listeners: Map<string, Array<() => void>>; killed: string[]; emit(event: string): void } {
    const listeners = new Map<string, Array<() => void>>();
    return {
      pid: 42,
      listeners,
      killed: [],
      on(event, listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      },
      off(event, listener) {
        listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== listener));
      },
      listenerCount: (event) => listeners.get(event)?.length ?? 0,
      kill(_pid, signal) {
        this.killed.push(signal);
      },
      emit(event) {
        for (const listener of listeners.get(event) ?? []) listener();
      },
    };
  }

  it('flushes on beforeExit only when events wait', () => {
    const target = fakeProcess();
    let pending = true;
    const flush = vi.fn(async () => undefined);
    flushOnExit(() => pending, flush, (work) => work, target);
    target.emit('beforeExit');
    pending = false;
    target.emit('beforeExit');
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("leaves exiting to the host's own signal handler", async () => {
    const target = fakeProcess();
    target.on('SIGTERM', () => undefined);
    const flush = vi.fn(async () => undefined);
    flushOnExit(() => true, flush, (work) => work, target);
    target.emit('SIGTERM');
    await Promise.resolve();
    expect(flush).toHaveBeenCalledTimes(1);
    expect(target.killed).toEqual([]);
  });

  it('without a host handler, flushes, unhooks and raises the signal again', async () => {
    const target = fakeProcess();
    const flush = vi.fn(async () => undefined);
    flushOnExit(() => true, flush, (work) => work, target);
    target.emit('SIGINT');
    await vi.waitFor(() => expect(target.killed).toEqual(['SIGINT']));
    expect(flush).toHaveBeenCalledTimes(1);
    expect(target.listenerCount('SIGINT') + target.listenerCount('SIGTERM') + target.listenerCount('beforeExit')).toBe(0);
  });

  it('is hooked by a client and unhooked by close()', async () => {
    const fake = await server();
    const before = process.listenerCount('SIGTERM');
    const dial = client(fake, { flushOnExit: true });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    await dial.close();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
