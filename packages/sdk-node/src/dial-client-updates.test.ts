/** How a client keeps its flags current: the stream, its reconnection, and polling while it is down. */
import type { Snapshot } from '@dial/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DialClient } from './dial-client.js';
import type { DialError } from './dial-error.js';
import type { DialClientOptions } from './options.js';
import { type FakeDial, TEST_SDK_KEY, booleanFlag, fakeDial } from './test-dial-server.js';
import { ManualTimers } from './test-timers.js';

const snapshot: Snapshot = {
  version: 3,
  flags: [booleanFlag('checkout'), booleanFlag('staff-only', true, { rules: [{ id: 's', when: [{ segment: 'staff' }], serve: { variant: 'on' } }], fallthrough: { variant: 'off' } })],
  segments: [{ key: 'staff', include: ['u-staff'] }],
};

const clients: DialClient[] = [];
const servers: FakeDial[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(initial: Snapshot = snapshot): Promise<FakeDial> {
  const made = await fakeDial(initial);
  servers.push(made);
  return made;
}

function client(options: Partial<DialClientOptions> & { baseUrl: string }): DialClient & { errors: DialError[]; changes: string[][] } {
  const created = Object.assign(new DialClient({ sdkKey: TEST_SDK_KEY, ...options }), { errors: [] as DialError[], changes: [] as string[][] });
  created.on('error', (e) => created.errors.push(e));
  created.on('change', (keys) => created.changes.push(keys));
  clients.push(created);
  return created;
}

describe('streaming', () => {
  it('starts from the stream snapshot and applies changes as they come', async () => {
    const dial = await server();
    const c = client({ baseUrl: dial.url });
    const ready = vi.fn();
    c.on('ready', ready);
    await c.ready;
    expect(c.status()).toMatchObject({ ready: true, stale: false, version: 3, source: 'stream' });
    expect(c.status().lastUpdate).toBeInstanceOf(Date);
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(dial.paths('/api/v1/sdk/stream')[0]?.headers).toMatchObject({ accept: 'text/event-stream', authorization: `Bearer ${TEST_SDK_KEY}` });
    expect(dial.paths('/api/v1/sdk/snapshot')).toEqual([]);

    dial.put('flag', booleanFlag('checkout', false));
    await vi.waitFor(() => expect(c.boolean('checkout', { key: 'u-1' }, true)).toBe(false));
    expect(c.status().version).toBe(4);
    dial.put('segment', { key: 'staff', include: ['u-1'] });
    await vi.waitFor(() => expect(c.boolean('staff-only', { key: 'u-1' }, false)).toBe(true));
    dial.remove('flag', 'checkout');
    await vi.waitFor(() => expect(c.booleanDetails('checkout', { key: 'u-1' }, true).errorCode).toBe('FLAG_NOT_FOUND'));
    expect(c.changes).toEqual([['checkout', 'staff-only'], ['checkout'], ['staff-only'], ['checkout']]);
    expect(c.errors).toEqual([]);
  });

  it('ignores changes older than the version held, and accepts version jumps', async () => {
    const dial = await server();
    const c = client({ baseUrl: dial.url });
    await c.ready;
    const stale = { version: 2, type: 'flag.put', key: 'checkout', flag: booleanFlag('checkout', false) };
    dial.send(`event: change\ndata: ${JSON.stringify(stale)}\n\n`);
    const jump = { version: 10, type: 'flag.put', key: 'new', flag: booleanFlag('new') };
    dial.send(`event: change\ndata: ${JSON.stringify(jump)}\n\n`);
    await vi.waitFor(() => expect(c.status().version).toBe(10));
    expect(c.boolean('checkout', {}, false)).toBe(true);
    expect(c.boolean('new', {}, false)).toBe(true);
    expect(c.errors).toEqual([]);
  });

  it('applies every change of one version, and tells of a burst in one change event', async () => {
    const dial = await server();
    const c = client({ baseUrl: dial.url });
    await c.ready;
    const events = [
      { version: 4, type: 'segment.put', key: 'staff', segment: { key: 'staff', include: ['u-1'] } },
      { version: 4, type: 'flag.put', key: 'checkout', flag: booleanFlag('checkout', false) },
      { version: 4, type: 'flag.put', key: 'extra', flag: booleanFlag('extra') },
    ];
    dial.send(events.map((e) => `event: change\nid: 4\ndata: ${JSON.stringify(e)}\n\n`).join(''));
    await vi.waitFor(() => expect(c.status().version).toBe(4));
    await vi.waitFor(() => expect(c.changes).toHaveLength(2));
    expect(c.changes[1]).toEqual(['checkout', 'staff-only', 'extra']);
    expect(c.boolean('checkout', {}, true)).toBe(false);
    expect(c.boolean('staff-only', { key: 'u-1' }, false)).toBe(true);
    expect(c.boolean('extra', {}, false)).toBe(true);
  });

  it('reconnects with Last-Event-ID after a drop, and gets ready or the snapshot it missed', async () => {
    const dial = await server();
    const c = client({ baseUrl: dial.url, backoffBaseMs: 20 });
    await c.ready;
    dial.dropStreams();
    await vi.waitFor(() => expect(dial.paths('/api/v1/sdk/stream')).toHaveLength(2));
    expect(dial.paths('/api/v1/sdk/stream')[1]?.headers['last-event-id']).toBe('3');
    await vi.waitFor(() => expect(c.status().stale).toBe(false));
    expect(c.changes).toHaveLength(1);

    // A change made while the stream was down arrives in the snapshot sent on reconnection.
    dial.dropStreams();
    dial.put('flag', booleanFlag('checkout', false));
    await vi.waitFor(() => expect(c.boolean('checkout', {}, true)).toBe(false));
    expect(c.changes.at(-1)).toEqual(['checkout']);
    expect(c.errors.every((e) => e.kind === 'network')).toBe(true);
  });

  it('reopens a stream that stays silent past the read timeout, but not one that sends heartbeats', async () => {
    const dial = await server();
    dial.heartbeatMs = 50;
    const c = client({ baseUrl: dial.url, streamReadTimeoutMs: 300, backoffBaseMs: 20 });
    await c.ready;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(dial.paths('/api/v1/sdk/stream')).toHaveLength(1);
    expect(c.errors).toEqual([]);

    dial.heartbeatMs = 0;
    await vi.waitFor(() => expect(c.errors.map((e) => e.kind)).toContain('timeout'), { timeout: 3_000 });
    await vi.waitFor(() => expect(dial.paths('/api/v1/sdk/stream').length).toBeGreaterThanOrEqual(2));
  });

  it('starts over with a full snapshot when a change cannot be read', async () => {
    const dial = await server();
    const c = client({ baseUrl: dial.url, backoffBaseMs: 20 });
    await c.ready;
    dial.send('event: change\ndata: {"version": 4, "type": "flag.put"}\n\n');
    await vi.waitFor(() => expect(dial.paths('/api/v1/sdk/stream')).toHaveLength(2));
    expect(c.errors.map((e) => e.kind)).toEqual(['invalid-data']);
    expect(c.status().version).toBe(3);
  });

  it('stops for good when the SDK key is refused, without throwing', async () => {
    const dial = await server();
    const logger = { warn: vi.fn(), error: vi.fn() };
    const c = client({ baseUrl: dial.url, sdkKey: 'wrong', initTimeoutMs: 10_000, logger });
    const started = Date.now();
    await c.ready;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(c.errors.map((e) => [e.kind, e.status])).toEqual([['unauthorized', 401]]);
    expect(logger.error).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(dial.requests).toHaveLength(1);
    expect(c.status()).toMatchObject({ ready: false, stale: true });
  });
});

describe('reconnection backoff', () => {
  it('waits a full-jitter delay that doubles per failure up to the cap, and starts over once connected', async () => {
    const dial = await server();
    dial.streamStatus = 503;
    const timers = new ManualTimers();
    const c = client({
      baseUrl: dial.url,
      timers,
      random: () => 0.5,
      backoffBaseMs: 100,
      backoffCapMs: 1_000,
      initTimeoutMs: 5_000,
      streamReadTimeoutMs: 60_000,
      pollIntervalMs: 3_600_000,
    });
    const isBackoff = (ms: number) => ms < 1_000;
    const delays: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      await vi.waitFor(() => expect(timers.delays().filter(isBackoff)).toHaveLength(1));
      delays.push(...timers.delays().filter(isBackoff));
      timers.fire(isBackoff);
    }
    expect(delays).toEqual([50, 100, 200, 400, 500, 500]);
    await vi.waitFor(() => expect(timers.delays().filter(isBackoff)).toHaveLength(1));
    expect(dial.paths('/api/v1/sdk/stream')).toHaveLength(7);
    // Polling took over while the stream was down: one poll at once, the next an interval later.
    expect(dial.paths('/api/v1/sdk/snapshot')).toHaveLength(1);
    expect(c.status()).toMatchObject({ ready: true, stale: false, source: 'poll' });
    expect(timers.delays()).toContain(3_600_000);

    dial.streamStatus = undefined;
    timers.fire(isBackoff);
    await vi.waitFor(() => expect(c.status().source).toBe('stream'));
    expect(timers.delays()).not.toContain(3_600_000);

    dial.dropStreams();
    await vi.waitFor(() => expect(timers.delays().filter(isBackoff)).toEqual([50]));
    expect(c.errors.map((e) => e.status ?? e.kind)).toEqual([503, 503, 503, 503, 503, 503, 503, 'network']);
    expect(timers.fire(isBackoff)).toBe(1);
    await vi.waitFor(() => expect(dial.openStreams()).toBe(1));
  });

  it('fires the init timeout from the injected timers', async () => {
    const timers = new ManualTimers();
    const c = client({ baseUrl: 'http://127.0.0.1:9', timers, initTimeoutMs: 4_321 });
    let resolved = false;
    void c.ready.then(() => (resolved = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resolved).toBe(false);
    expect(timers.fire((ms) => ms === 4_321)).toBe(1);
    await c.ready;
    expect(resolved).toBe(true);
  });
});

describe('polling', () => {
  it('polls with the ETag while the stream is down, and stops once it is back', async () => {
    const dial = await server();
    dial.streamStatus = 503;
    const c = client({ baseUrl: dial.url, pollIntervalMs: 50, backoffBaseMs: 100_000, backoffCapMs: 100_000 });
    await c.ready;
    expect(c.status()).toMatchObject({ ready: true, stale: false, version: 3, source: 'poll' });
    await vi.waitFor(() => expect(dial.paths('/api/v1/sdk/snapshot').length).toBeGreaterThanOrEqual(3));
    const polls = dial.paths('/api/v1/sdk/snapshot');
    expect(polls[0]?.headers['if-none-match']).toBeUndefined();
    expect(polls[1]?.headers['if-none-match']).toBe('"3"');

    dial.put('flag', booleanFlag('checkout', false));
    await vi.waitFor(() => expect(c.boolean('checkout', {}, true)).toBe(false));
    expect(c.changes.at(-1)).toEqual(['checkout']);

    dial.snapshotStatus = 500;
    await vi.waitFor(() => expect(c.status().stale).toBe(true));
    expect(c.boolean('checkout', {}, true)).toBe(false);
    dial.snapshotStatus = undefined;
    await vi.waitFor(() => expect(c.status().stale).toBe(false));
  });

  it('stops polling when the stream comes back', async () => {
    const dial = await server();
    dial.streamStatus = 503;
    const c = client({ baseUrl: dial.url, pollIntervalMs: 30, backoffBaseMs: 300, backoffCapMs: 300, random: () => 1 });
    await c.ready;
    expect(c.status().source).toBe('poll');
    dial.streamStatus = undefined;
    await vi.waitFor(() => expect(c.status().source).toBe('stream'), { timeout: 5_000 });
    const polls = dial.paths('/api/v1/sdk/snapshot').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(dial.paths('/api/v1/sdk/snapshot')).toHaveLength(polls);
    expect(c.status().stale).toBe(false);
  });

  it('polls only, when the stream is switched off', async () => {
    const dial = await server();
    const c = client({ baseUrl: dial.url, stream: false, pollIntervalMs: 40 });
    await c.ready;
    dial.put('flag', booleanFlag('checkout', false));
    await vi.waitFor(() => expect(c.boolean('checkout', {}, true)).toBe(false));
    expect(dial.paths('/api/v1/sdk/stream')).toEqual([]);
    expect(c.status().source).toBe('poll');
  });
});

describe('close', () => {
  it('stops the stream, polling and timers, and keeps serving the last flags', async () => {
    const dial = await server();
    const c = client({ baseUrl: dial.url });
    await c.ready;
    await vi.waitFor(() => expect(dial.openStreams()).toBe(1));
    await c.close();
    await vi.waitFor(() => expect(dial.openStreams()).toBe(0));
    dial.put('flag', booleanFlag('checkout', false));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.boolean('checkout', {}, false)).toBe(true);
    expect(c.status().stale).toBe(true);
    expect(c.errors).toEqual([]);
    await c.close();
  });

  it('survives listeners that throw', async () => {
    const dial = await server();
    const logger = { warn: vi.fn(), error: vi.fn() };
    const c = client({ baseUrl: dial.url, logger });
    c.on('change', () => {
      throw new Error('host bug');
    });
    await c.ready;
    dial.put('flag', booleanFlag('checkout', false));
    await vi.waitFor(() => expect(c.boolean('checkout', {}, true)).toBe(false));
    expect(logger.error).toHaveBeenCalledWith('dial: a change listener threw', expect.any(Error));
  });
});
