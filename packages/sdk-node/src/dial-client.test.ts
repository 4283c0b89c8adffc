import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EvaluationResult, Snapshot } from '@dial/core';
import { coreRunners, evaluationRunner, runSuite } from '@dial/core/conformance';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DialClient } from './dial-client.js';
import type { DialError } from './dial-error.js';
import type { DialClientOptions } from './options.js';
import { TEST_SDK_KEY, booleanFlag, fakeDial } from './test-dial-server.js';

const specDir = new URL('../../../../shared/spec/evaluation/', import.meta.url);
/** Nothing listens on the discard port of the loopback: connections are refused at once. */
const UNREACHABLE = 'http://127.0.0.1:9';

const clients: DialClient[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function client(options: Partial<DialClientOptions>): DialClient {
  const created = new DialClient({ sdkKey: TEST_SDK_KEY, baseUrl: UNREACHABLE, events: false, ...options });
  clients.push(created);
  return created;
}

function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), 'dial-sdk-'));
  folders.push(made);
  return made;
}

const snapshot: Snapshot = {
  version: 7,
  flags: [
    booleanFlag('checkout', true, { rules: [{ id: 'staff', when: [{ segment: 'staff' }], serve: { variant: 'off' } }] }),
    { key: 'banner', variants: { a: 'Hello', b: 'Hi' }, enabled: true, offVariant: 'a', rules: [], fallthrough: { variant: 'b' } },
    { key: 'limit', variants: { low: 10, high: 100 }, enabled: true, offVariant: 'low', rules: [], fallthrough: { variant: 'high' } },
    { key: 'theme', variants: { dark: { bg: '#000' }, none: null }, enabled: true, offVariant: 'none', rules: [], fallthrough: { variant: 'dark' } },
    booleanFlag('gated', true, { prerequisites: [{ flag: 'checkout', variant: 'on' }] }),
    {
      key: 'rollout',
      variants: { on: true, off: false },
      enabled: true,
      offVariant: 'off',
      rules: [],
      fallthrough: { rollout: { bucketBy: 'org', split: [{ variant: 'on', weight: 100_000 }] } },
    },
  ],
  segments: [{ key: 'staff', include: ['u-staff'] }],
};

describe('conformance suites through the SDK', () => {
  const suites = readdirSync(specDir).filter((f) => f.endsWith('.json'));
  const bootstrapped = new Map<unknown, DialClient>();
  const sdk = evaluationRunner((suiteSnapshot, flag, context) => {
    let held = bootstrapped.get(suiteSnapshot);
    if (held === undefined) {
      held = new DialClient({ sdkKey: TEST_SDK_KEY, baseUrl: UNREACHABLE, offline: true, bootstrap: suiteSnapshot as Snapshot });
      bootstrapped.set(suiteSnapshot, held);
    }
    return held.details(flag, context as Record<string, unknown>) as EvaluationResult;
  });
  it.each(suites)('%s passes every case', (file) => {
    const report = runSuite(JSON.parse(readFileSync(new URL(file, specDir), 'utf8')), { ...coreRunners, evaluation: sdk });
    expect(report.failures).toEqual([]);
    expect(report.passed).toBeGreaterThan(0);
  });
});

describe('accessors', () => {
  const dial = () => client({ offline: true, bootstrap: snapshot });

  it('return the flag value when its type fits', () => {
    const d = dial();
    expect(d.boolean('checkout', { key: 'u-1' }, false)).toBe(true);
    expect(d.boolean('checkout', { key: 'u-staff' }, true)).toBe(false);
    expect(d.string('banner', { key: 'u-1' }, 'default')).toBe('Hi');
    expect(d.number('limit', { key: 'u-1' }, 1)).toBe(100);
    expect(d.json('theme', { key: 'u-1' }, {})).toEqual({ bg: '#000' });
  });

  it('return the default on a type mismatch, an unknown flag or an evaluation error', () => {
    const d = dial();
    expect(d.string('checkout', { key: 'u-1' }, 'default')).toBe('default');
    expect(d.number('banner', { key: 'u-1' }, 5)).toBe(5);
    expect(d.boolean('limit', { key: 'u-1' }, false)).toBe(false);
    expect(d.boolean('missing', { key: 'u-1' }, true)).toBe(true);
    expect(d.boolean('rollout', { key: 'u-1' }, false)).toBe(false);
    expect(d.boolean('checkout', undefined, false)).toBe(true);
  });

  it('explain themselves in details, with OpenFeature error codes', () => {
    const d = dial();
    expect(d.booleanDetails('checkout', { key: 'u-staff' }, true)).toEqual({ value: false, variant: 'off', reason: 'TARGETING_MATCH', ruleId: 'staff' });
    expect(d.stringDetails('checkout', { key: 'u-1' }, 'x')).toEqual({
      value: 'x',
      reason: 'ERROR',
      errorCode: 'TYPE_MISMATCH',
      errorMessage: "the flag's value is boolean, not string",
    });
    expect(d.numberDetails('missing', {}, 3)).toMatchObject({ value: 3, reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' });
    expect(d.booleanDetails('rollout', { key: 'u-1' }, false)).toMatchObject({ value: false, reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' });
    expect(d.booleanDetails('gated', { key: 'u-staff' }, true)).toEqual({ value: false, variant: 'off', reason: 'PREREQUISITE_FAILED', prerequisite: 'checkout' });
    expect(d.jsonDetails('theme', { key: 'u-1' }, null)).toEqual({ value: { bg: '#000' }, variant: 'dark', reason: 'DEFAULT' });
  });

  it('take the expected type from the default in details()', () => {
    const d = dial();
    expect(d.details('limit', { key: 'u-1' }, 0)).toEqual({ value: 100, variant: 'high', reason: 'DEFAULT' });
    expect(d.details('limit', { key: 'u-1' }, 'none')).toMatchObject({ value: 'none', errorCode: 'TYPE_MISMATCH' });
    expect(d.details('limit', { key: 'u-1' }, { any: 'json' })).toMatchObject({ value: 100 });
    expect(d.details('missing', { key: 'u-1' })).toMatchObject({ value: undefined, errorCode: 'FLAG_NOT_FOUND' });
  });

  it('evaluate every flag with allFlags', () => {
    const all = dial().allFlags({ key: 'u-1' });
    expect(Object.keys(all)).toEqual(['checkout', 'banner', 'limit', 'theme', 'gated', 'rollout']);
    expect(all.banner).toEqual({ value: 'Hi', variant: 'b', reason: 'DEFAULT' });
    expect(all.rollout).toMatchObject({ value: undefined, reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' });
  });

  it('serve frozen JSON values, so the host cannot edit the flags', () => {
    const theme = dial().json<{ bg: string }>('theme', { key: 'u-1' }, { bg: '#fff' });
    expect(Object.isFrozen(theme)).toBe(true);
  });

  it('answer PROVIDER_NOT_READY with the default while there are no flags', () => {
    const d = client({ offline: true });
    expect(d.boolean('checkout', { key: 'u-1' }, true)).toBe(true);
    expect(d.booleanDetails('checkout', { key: 'u-1' }, true)).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'PROVIDER_NOT_READY' });
    expect(d.allFlags({ key: 'u-1' })).toEqual({});
  });
});

describe('ready', () => {
  it('resolves after the init timeout when nothing answers, serving defaults', async () => {
    const started = Date.now();
    const d = client({ initTimeoutMs: 300 });
    await d.ready;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(d.status()).toMatchObject({ ready: false, stale: true, version: null, source: null });
    expect(d.boolean('checkout', {}, true)).toBe(true);
  });

  it('resolves after the init timeout when the connection hangs, and close() still ends it', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
    const d = client({ baseUrl: 'http://dial.invalid', fetch: hanging, initTimeoutMs: 100 });
    await d.ready;
    expect(d.status().ready).toBe(false);
    await d.close();
  });

  it('resolves at once from a bootstrap object, and emits ready to listeners added after construction', async () => {
    const d = client({ bootstrap: snapshot, initTimeoutMs: 60_000 });
    const ready = vi.fn();
    d.on('ready', ready);
    await d.ready;
    expect(ready).toHaveBeenCalledTimes(1);
    expect(d.status()).toMatchObject({ ready: true, version: 7, source: 'bootstrap' });
    expect(d.boolean('checkout', { key: 'u-1' }, false)).toBe(true);
  });

  it('resolves at once from a bootstrap file', async () => {
    const file = path.join(folder(), 'flags.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const d = client({ bootstrapFile: file, offline: true });
    await d.ready;
    expect(d.status()).toMatchObject({ ready: true, stale: false, version: 7, source: 'bootstrap' });
    expect(d.string('banner', { key: 'u-1' }, '')).toBe('Hi');
  });

  it('reports a missing or broken bootstrap as an error event, and serves defaults', async () => {
    const errors: DialError[] = [];
    const broken = path.join(folder(), 'broken.json');
    writeFileSync(broken, '{"flags": ');
    const a = client({ bootstrapFile: path.join(folder(), 'absent.json'), offline: true }).on('error', (e) => errors.push(e));
    const b = client({ bootstrapFile: broken, offline: true }).on('error', (e) => errors.push(e));
    const c = client({ bootstrap: { flags: 'no' } as unknown as Snapshot, offline: true }).on('error', (e) => errors.push(e));
    await Promise.all([a.ready, b.ready, c.ready]);
    expect(errors.map((e) => e.kind)).toEqual(['file', 'file', 'config']);
    expect(b.boolean('checkout', {}, true)).toBe(true);
  });

  it('never throws on bad options: it logs, emits and serves defaults', async () => {
    const logger = { warn: vi.fn(), error: vi.fn() };
    const d = client({ baseUrl: 'not a url', sdkKey: '', logger });
    const errors: DialError[] = [];
    d.on('error', (e) => errors.push(e));
    await d.ready;
    expect(errors.map((e) => e.message)).toEqual(['not contacting Dial: sdkKey is required', 'not contacting Dial: baseUrl is not a URL: "not a url"']);
    expect(logger.error).toHaveBeenCalledTimes(2);
    expect(d.boolean('x', {}, true)).toBe(true);
    expect(d.status().stale).toBe(true);
  });
});

describe('persistence', () => {
  it('writes the snapshot when its version changes, and starts from it when Dial is unreachable', async () => {
    const server = await fakeDial(snapshot);
    try {
      const dir = folder();
      const file = path.join(dir, 'state', 'dial.json');
      const first = client({ baseUrl: server.url, persistFile: file });
      await first.ready;
      await vi.waitFor(() => expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 7 }));
      const written = statSync(file).ino;

      server.put('flag', booleanFlag('checkout', false));
      await vi.waitFor(() => expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 8 }));
      expect(statSync(file).ino).not.toBe(written);
      const rewritten = statSync(file).ino;

      // The stream comes back with `ready` at the same version: nothing to write.
      server.dropStreams();
      await vi.waitFor(() => expect(server.paths('/api/v1/sdk/stream').at(-1)?.headers['last-event-id']).toBe('8'), { timeout: 5_000 });
      await vi.waitFor(() => expect(first.status().stale).toBe(false));
      await first.close();
      expect(statSync(file).ino).toBe(rewritten);
      expect(readdirSync(path.dirname(file))).toEqual(['dial.json']);

      const started = Date.now();
      const second = client({ baseUrl: UNREACHABLE, persistFile: file, initTimeoutMs: 10_000 });
      expect(second.status()).toMatchObject({ ready: true, stale: true, version: 8, source: 'file' });
      await second.ready;
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(second.booleanDetails('checkout', { key: 'u-1' }, true)).toEqual({ value: false, variant: 'off', reason: 'DISABLED' });
    } finally {
      await server.close();
    }
  });

  it('prefers a persisted snapshot newer than the bootstrap', () => {
    const file = path.join(folder(), 'dial.json');
    writeFileSync(file, JSON.stringify({ ...snapshot, version: 9, flags: [booleanFlag('checkout', false)] }));
    const newer = client({ offline: true, persistFile: file, bootstrap: snapshot });
    expect(newer.status()).toMatchObject({ version: 9, source: 'file' });
    const older = client({ offline: true, persistFile: file, bootstrap: { ...snapshot, version: 12 } });
    expect(older.status()).toMatchObject({ version: 12, source: 'bootstrap' });
  });
});
