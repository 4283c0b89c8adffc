import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DialError } from './dial-error.js';
import { DialWebClient } from './dial-web-client.js';
import { cacheKey } from './flag-cache.js';
import type { DialWebClientOptions, FlagStorage } from './options.js';
import { FakeEventSource } from './test-event-source.js';
import { type FakeDial, TEST_CLIENT_KEY, fakeDial } from './test-fake-dial.js';
import { ManualTimers } from './test-timers.js';

const FLAGS = {
  checkout: { value: true, variant: 'on', reason: 'TARGETING_MATCH' },
  banner: { value: 'Hello', variant: 'a', reason: 'DEFAULT' },
  limit: { value: 42, variant: 'n', reason: 'SPLIT' },
  theme: { value: { bg: '#000' }, variant: 'dark', reason: 'DEFAULT' },
  off: { value: false, variant: 'off', reason: 'DISABLED' },
  broken: { reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' },
};

class MemoryStorage implements FlagStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

let dial: FakeDial;
let timers: ManualTimers;
const clients: DialWebClient[] = [];

beforeEach(async () => {
  dial = await fakeDial(FLAGS);
  timers = new ManualTimers();
  FakeEventSource.opened = [];
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await dial.close();
});

function client(options: Partial<DialWebClientOptions> = {}): DialWebClient {
  const created = new DialWebClient({
    clientKey: TEST_CLIENT_KEY,
    baseUrl: dial.url,
    context: { key: 'user-1', plan: 'pro' },
    storage: false,
    EventSource: FakeEventSource,
    timers,
    random: () => 0.5,
    ...options,
  });
  clients.push(created);
  return created;
}

/** Lets a request that is under way reach the fake server and its answer come back. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('DialWebClient', () => {
  it('asks Dial for the flags of its context and serves them with typed accessors', async () => {
    const dial_ = client();
    await dial_.ready;
    expect(dial.requests).toEqual([{ context: { key: 'user-1', plan: 'pro' }, authorization: `Bearer ${TEST_CLIENT_KEY}` }]);
    expect(dial_.boolean('checkout', false)).toBe(true);
    expect(dial_.string('banner', 'x')).toBe('Hello');
    expect(dial_.number('limit', 0)).toBe(42);
    expect(dial_.json('theme', {})).toEqual({ bg: '#000' });
    expect(dial_.booleanDetails('off', true)).toEqual({ value: false, variant: 'off', reason: 'DISABLED' });
    expect(dial_.details('limit', 0)).toEqual({ value: 42, variant: 'n', reason: 'SPLIT' });
    expect(Object.keys(dial_.allFlags()).sort()).toEqual(['banner', 'broken', 'checkout', 'limit', 'off', 'theme']);
    expect(dial_.status()).toMatchObject({ ready: true, stale: false, version: 1, source: 'server', streaming: false });
  });

  it('gives the default, with an OpenFeature error code, for errors, unknown flags and values of another type', async () => {
    const dial_ = client();
    expect(dial_.booleanDetails('checkout', false)).toEqual({ value: false, reason: 'ERROR', errorCode: 'PROVIDER_NOT_READY', errorMessage: 'the client has no flags yet' });
    await dial_.ready;
    expect(dial_.details('broken', true)).toEqual({ value: true, reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' });
    expect(dial_.boolean('broken', true)).toBe(true);
    expect(dial_.stringDetails('missing', 'x')).toMatchObject({ value: 'x', reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' });
    expect(dial_.stringDetails('checkout', 'x')).toMatchObject({ value: 'x', reason: 'ERROR', errorCode: 'TYPE_MISMATCH' });
    expect(dial_.number('banner', 7)).toBe(7);
    expect(dial_.details('missing')).toMatchObject({ value: undefined, errorCode: 'FLAG_NOT_FOUND' });
    // Without a default, the same object until the flag changes: what React's useSyncExternalStore needs.
    expect(dial_.details('theme')).toBe(dial_.details('theme'));
    expect(dial_.details('missing')).toBe(dial_.details('missing'));
  });

  it('asks again when the stream tells of a newer version, once for a burst of notices, and tells which flags changed', async () => {
    const dial_ = client();
    await dial_.ready;
    const stream = FakeEventSource.latest!;
    expect(stream.url).toBe(`${dial.url}/api/v1/sdk/client-stream?key=${TEST_CLIENT_KEY}`);
    stream.send('ready', 1);
    await settle();
    expect(dial.requests).toHaveLength(1);
    expect(dial_.status()).toMatchObject({ streaming: true, stale: false });

    const changes: string[][] = [];
    dial_.on('change', (keys) => changes.push(keys));
    dial.version = 4;
    dial.flagsFor = () => ({ ...FLAGS, checkout: { value: false, variant: 'off', reason: 'DISABLED' }, banner: undefined as never, fresh: { value: 1, variant: 'a', reason: 'DEFAULT' } });
    stream.send('changed', 2);
    stream.send('changed', 3);
    stream.send('changed', 4);
    expect(timers.fire((ms) => ms === 20)).toBe(1);
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    expect(dial.requests).toHaveLength(2);
    expect(changes[0]!.sort()).toEqual(['banner', 'checkout', 'fresh']);
    expect(dial_.boolean('checkout', true)).toBe(false);
    expect(dial_.status().version).toBe(4);

    // A notice for a version already held asks nothing.
    stream.send('changed', 4);
    await settle();
    expect(timers.delays()).not.toContain(20);
    expect(dial.requests).toHaveLength(2);
  });

  it('asks once more when a notice arrives while a request is under way', async () => {
    const dial_ = client();
    await dial_.ready;
    FakeEventSource.latest!.send('ready', 1);
    dial.hold();
    FakeEventSource.latest!.send('changed', 2);
    timers.fire((ms) => ms === 20);
    await vi.waitFor(() => expect(dial.requests).toHaveLength(2));
    FakeEventSource.latest!.send('changed', 3);
    dial.version = 2;
    dial.release();
    await vi.waitFor(() => expect(dial_.status().version).toBe(2));
    dial.version = 3;
    expect(timers.fire((ms) => ms === 20)).toBe(1);
    await vi.waitFor(() => expect(dial_.status().version).toBe(3));
    expect(dial.requests).toHaveLength(3);
  });

  it('re-evaluates on setContext, dropping an answer for the context it replaced', async () => {
    dial.flagsFor = (context) => ({ who: { value: String(context.key), variant: String(context.key), reason: 'DEFAULT' } });
    const dial_ = client();
    await dial_.ready;
    expect(dial_.string('who', '')).toBe('user-1');

    dial.hold();
    const first = dial_.setContext({ key: 'user-2' });
    await vi.waitFor(() => expect(dial.requests).toHaveLength(2));
    const second = dial_.setContext({ key: 'user-3', plan: 'free' });
    await vi.waitFor(() => expect(dial.requests).toHaveLength(3));
    dial.release();
    await Promise.all([first, second]);
    expect(dial_.string('who', '')).toBe('user-3');
    await settle();
    expect(dial_.string('who', '')).toBe('user-3');
    expect(dial.requests.map((r) => r.context)).toEqual([{ key: 'user-1', plan: 'pro' }, { key: 'user-2' }, { key: 'user-3', plan: 'free' }]);
  });

  it('starts at once from a bootstrap, and asks only when the stream says it is out of date', async () => {
    const dial_ = client({ bootstrap: { version: 3, flags: { checkout: { value: false, variant: 'off', reason: 'DEFAULT' } } } });
    expect(dial_.boolean('checkout', true)).toBe(false);
    await dial_.ready;
    expect(dial_.status()).toMatchObject({ ready: true, source: 'bootstrap', stale: true, version: 3 });
    FakeEventSource.latest!.send('ready', 3);
    await settle();
    expect(dial.requests).toHaveLength(0);
    expect(dial_.status()).toMatchObject({ stale: false, streaming: true });

    FakeEventSource.latest!.send('changed', 4);
    timers.fire((ms) => ms === 20);
    await vi.waitFor(() => expect(dial_.boolean('checkout', false)).toBe(true));
    expect(dial_.status().source).toBe('server');
  });

  it('keeps the last flags per client key and user, and starts from them on the next page load', async () => {
    const storage = new MemoryStorage();
    await client({ storage }).ready;
    const kept = storage.items.get(cacheKey(TEST_CLIENT_KEY, { key: 'user-1' }));
    expect(JSON.parse(kept!)).toMatchObject({ version: 1, flags: { checkout: { value: true } } });

    dial.hold();
    const next = client({ storage });
    expect(next.boolean('checkout', false)).toBe(true);
    expect(next.status()).toMatchObject({ source: 'storage', stale: true });
    const other = client({ storage, context: { key: 'user-2' } });
    expect(other.boolean('checkout', false)).toBe(false);
    dial.flagsFor = () => ({ checkout: { value: false, variant: 'off', reason: 'DISABLED' } });
    dial.release();
    await next.ready;
    await vi.waitFor(() => expect(next.boolean('checkout', true)).toBe(false));
    expect(next.status().source).toBe('server');
  });

  it('serves the kept flags of a user it switches to until Dial answers', async () => {
    const storage = new MemoryStorage();
    storage.setItem(cacheKey(TEST_CLIENT_KEY, { key: 'user-2' }), JSON.stringify({ version: 1, flags: { banner: { value: 'kept', variant: 'k', reason: 'DEFAULT' } } }));
    const dial_ = client({ storage });
    await dial_.ready;
    dial.hold();
    const switched = dial_.setContext({ key: 'user-2' });
    expect(dial_.string('banner', '')).toBe('kept');
    dial.release();
    await switched;
    expect(dial_.string('banner', '')).toBe('Hello');
  });

  it('polls while the stream is down, and reopens the stream after a backoff delay', async () => {
    const dial_ = client({ pollIntervalMs: 5_000, events: false });
    await dial_.ready;
    const first = FakeEventSource.latest!;
    first.send('ready', 1);
    const errors: DialError[] = [];
    dial_.on('error', (error) => errors.push(error));
    first.fail();
    expect(first.closed).toBe(true);
    expect(errors.map((e) => e.kind)).toEqual(['stream']);
    expect(dial_.status()).toMatchObject({ streaming: false, stale: true });
    // Reconnection after a jittered backoff (half of 1000 ms with random 0.5), a poll after the interval.
    expect(timers.delays().sort()).toEqual([500, 5_000]);

    dial.version = 2;
    dial.flagsFor = () => ({ checkout: { value: false, variant: 'off', reason: 'DISABLED' } });
    timers.fire((ms) => ms === 5_000);
    await vi.waitFor(() => expect(dial_.boolean('checkout', true)).toBe(false));
    expect(dial_.status()).toMatchObject({ stale: false, streaming: false });
    await vi.waitFor(() => expect(timers.delays()).toContain(5_000));

    timers.fire((ms) => ms === 500);
    const second = FakeEventSource.latest!;
    expect(second).not.toBe(first);
    second.send('ready', 2);
    expect(timers.delays()).toEqual([]);
    expect(dial_.status()).toMatchObject({ streaming: true, stale: false });
    expect(dial.requests).toHaveLength(2);
  });

  it('polls every interval where there is no EventSource, or the stream is switched off', async () => {
    for (const options of [{ EventSource: undefined }, { stream: false }]) {
      dial.requests.length = 0;
      const dial_ = client({ ...options, pollIntervalMs: 1_000 });
      await dial_.ready;
      expect(timers.delays()).toEqual([1_000]);
      timers.fire((ms) => ms === 1_000);
      await vi.waitFor(() => expect(timers.delays()).toEqual([1_000]));
      expect(dial.requests).toHaveLength(2);
      dial_.close();
      expect(timers.delays()).toEqual([]);
    }
    expect(FakeEventSource.opened).toHaveLength(0);
  });

  it('stops everything when the key is refused, serving the flags it has', async () => {
    const dial_ = client();
    await dial_.ready;
    FakeEventSource.latest!.send('ready', 1);
    const errors: DialError[] = [];
    dial_.on('error', (error) => errors.push(error));
    dial.failWith(401);
    FakeEventSource.latest!.send('changed', 2);
    timers.fire((ms) => ms === 20);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatchObject({ kind: 'unauthorized', status: 401, fatal: true });
    expect(FakeEventSource.latest!.closed).toBe(true);
    expect(timers.delays()).toEqual([]);
    expect(dial_.boolean('checkout', false)).toBe(true);
    await dial_.setContext({ key: 'user-2' });
    expect(dial.requests).toHaveLength(2);
  });

  it('waits as long as a 429 says before asking again', async () => {
    dial.failWith(429, { 'retry-after': '7' });
    const errors: DialError[] = [];
    const dial_ = client();
    dial_.on('error', (error) => errors.push(error));
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7_000 });
    const [delay] = timers.delays().filter((ms) => ms !== 3_000);
    expect(delay).toBeGreaterThanOrEqual(6_900);
    expect(delay).toBeLessThanOrEqual(7_000);

    // A notice meanwhile does not hurry it.
    FakeEventSource.latest!.send('ready', 2);
    expect(timers.delays().filter((ms) => ms !== 3_000 && ms < 6_900)).toEqual([]);
    dial.heal();
    timers.fire((ms) => ms === delay);
    await dial_.ready;
    await vi.waitFor(() => expect(dial_.boolean('checkout', false)).toBe(true));
  });

  it('retries a failed request with backoff, resolving ready after its timeout with defaults meanwhile', async () => {
    dial.failWith(503);
    const dial_ = client({ initTimeoutMs: 3_000 });
    const errors: DialError[] = [];
    dial_.on('error', (error) => errors.push(error));
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatchObject({ kind: 'http', status: 503 });
    expect(timers.delays().sort((a, b) => a - b)).toEqual([500, 3_000]);
    timers.fire((ms) => ms === 3_000);
    await dial_.ready;
    expect(dial_.status()).toMatchObject({ ready: false, stale: true });
    expect(dial_.boolean('checkout', false)).toBe(false);

    dial.heal();
    timers.fire((ms) => ms === 500);
    await vi.waitFor(() => expect(dial_.boolean('checkout', false)).toBe(true));
  });

  it('abandons a request that does not answer in time', async () => {
    dial.hold();
    const dial_ = client({ requestTimeoutMs: 1_234, initTimeoutMs: 60_000 });
    const errors: DialError[] = [];
    dial_.on('error', (error) => errors.push(error));
    await vi.waitFor(() => expect(dial.requests).toHaveLength(1));
    timers.fire((ms) => ms === 1_234);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatchObject({ kind: 'timeout' });
  });

  it('never throws into the page, whatever it is given', async () => {
    const errors: DialError[] = [];
    const logger = { warn: () => undefined, error: vi.fn() };
    const broken = client({ clientKey: '', baseUrl: 'not a url', context: 'user-1' as never, logger });
    broken.on('error', (error) => errors.push(error));
    await broken.ready;
    expect(errors.map((e) => e.kind)).toEqual(['config', 'config', 'config']);
    expect(broken.boolean('checkout', true)).toBe(true);
    await broken.setContext({ key: 'x' });
    expect(dial.requests).toHaveLength(0);

    const cyclic: Record<string, unknown> = { key: 'user-1' };
    cyclic.self = cyclic;
    const throwing: FlagStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const dial_ = client({
      storage: throwing,
      logger: {
        warn: () => {
          throw new Error('logger');
        },
        error: () => {
          throw new Error('logger');
        },
      },
    });
    dial_.on('change', () => {
      throw new Error('listener');
    });
    const kinds: string[] = [];
    dial_.on('error', (error) => kinds.push(error.kind));
    await dial_.ready;
    expect(dial_.boolean('checkout', false)).toBe(true);
    await dial_.setContext(cyclic);
    expect(kinds).toEqual(['storage', 'storage', 'config']);
    expect(dial_.boolean('checkout', false)).toBe(true);
    new DialWebClient(undefined as never).close();
  });

  it('stops on close: no stream, no timers, and pending promises resolve', async () => {
    dial.hold();
    const dial_ = client({ initTimeoutMs: 60_000 });
    const switched = dial_.setContext({ key: 'user-2' });
    dial_.close();
    await Promise.all([dial_.ready, switched]);
    expect(FakeEventSource.latest!.closed).toBe(true);
    expect(timers.delays()).toEqual([]);
    dial.release();
    await settle();
    expect(dial_.status().ready).toBe(false);
  });
});
