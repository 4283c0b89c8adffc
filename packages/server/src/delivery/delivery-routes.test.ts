import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlag, createSegment, expectStatus, patchConfig, projectUrl } from '../flags/test-flags.js';
import { type TestApp, testApp } from '../test-support.js';
import { matchesEtag } from './delivery-routes.js';
import { type TestStream, openStream } from './test-sse.js';

let t: TestApp;
let base: string;
const streams: TestStream[] = [];

beforeAll(async () => {
  t = await testApp({ delivery: { heartbeatMs: 100 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await t.close();
});

async function createKey(kind: 'server' | 'client', environment = 'production', project = 'default') {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.admin, payload: { kind, name: kind, project, environment } });
  expectStatus(res, 201);
  const { token, secret } = res.json<{ token: { id: number }; secret: string }>();
  return { id: token.id, secret };
}

async function revoke(id: number) {
  expectStatus(await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: t.admin }), 204);
}

const snapshotUrl = (root = base) => `${root}/api/v1/sdk/snapshot`;
const streamUrl = (root = base) => `${root}/api/v1/sdk/stream`;

async function stream(secret: string, lastEventId?: string, root = base): Promise<TestStream> {
  const opened = await openStream(streamUrl(root), secret, lastEventId);
  streams.push(opened);
  return opened;
}

interface SnapshotBody {
  version: number;
  flags: ({ key: string } & Record<string, unknown>)[];
  segments: ({ key: string } & Record<string, unknown>)[];
}

/** The snapshot as a server SDK key downloads it. */
async function snapshotOf(secret: string): Promise<SnapshotBody> {
  const res = await fetch(snapshotUrl(), { headers: { authorization: `Bearer ${secret}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as SnapshotBody;
}

/** A raw GET that leaves the body compressed, with the headers given. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

async function archive(flag: string) {
  const current = await t.app.inject({ method: 'GET', url: projectUrl(`/flags/${flag}`), headers: t.admin });
  const res = await t.app.inject({ method: 'POST', url: projectUrl(`/flags/${flag}/archive`), headers: t.admin, payload: { version: current.json().version } });
  expectStatus(res, 200);
}

async function restore(flag: string) {
  const current = await t.app.inject({ method: 'GET', url: projectUrl(`/flags/${flag}`), headers: t.admin });
  const res = await t.app.inject({ method: 'POST', url: projectUrl(`/flags/${flag}/restore`), headers: t.admin, payload: { version: current.json().version } });
  expectStatus(res, 200);
}

describe('GET /api/v1/sdk/snapshot', () => {
  it('serves the key environment\'s snapshot with its version as ETag', async () => {
    const { secret } = await createKey('server');
    await createFlag(t, { key: 'snap-flag' });
    expectStatus(await patchConfig(t, 'snap-flag', { enabled: true }), 200);
    const res = await fetch(snapshotUrl(), { headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const body = (await res.json()) as SnapshotBody;
    expect(res.headers.get('etag')).toBe(`"${body.version}"`);
    expect(Object.keys(body)).toEqual(['version', 'flags', 'segments']);
    expect(body.flags.find((flag) => flag.key === 'snap-flag')).toEqual({
      key: 'snap-flag',
      variants: { on: true, off: false },
      enabled: true,
      offVariant: 'off',
      prerequisites: [],
      rules: [],
      fallthrough: { variant: 'on' },
    });
  });

  it('answers 304 while If-None-Match names the current version, and 200 once it changed', async () => {
    const { secret } = await createKey('server');
    const { version } = await snapshotOf(secret);
    for (const tag of [`"${version}"`, `W/"${version}"`, `"1", W/"${version}"`, '*']) {
      const res = await fetch(snapshotUrl(), { headers: { authorization: `Bearer ${secret}`, 'if-none-match': tag } });
      expect(res.status, tag).toBe(304);
      expect(res.headers.get('etag')).toBe(`"${version}"`);
      expect(await res.text()).toBe('');
    }
    expect((await fetch(snapshotUrl(), { headers: { authorization: `Bearer ${secret}`, 'if-none-match': '"0"' } })).status).toBe(200);
    // A change committed just now is served at once, whether or not its notification has arrived.
    await createFlag(t, { key: 'etag-change' });
    const after = await fetch(snapshotUrl(), { headers: { authorization: `Bearer ${secret}`, 'if-none-match': `"${version}"` } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toBe(`"${version + 1}"`);
    expect(((await after.json()) as SnapshotBody).flags.map((flag) => flag.key)).toContain('etag-change');
  });

  it('compresses with gzip or br when the client accepts it', async () => {
    const { secret } = await createKey('server');
    // Big enough to be worth compressing.
    await createSegment(t, { key: 'many-users', include: Array.from({ length: 200 }, (_, i) => `user-${i}`) });
    const expected = await snapshotOf(secret);
    const gzip = await rawGet(snapshotUrl(), { authorization: `Bearer ${secret}`, 'accept-encoding': 'gzip' });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.etag).toBe(`"${expected.version}"`);
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toEqual(expected);
    const br = await rawGet(snapshotUrl(), { authorization: `Bearer ${secret}`, 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(expected);
    const plain = await rawGet(snapshotUrl(), { authorization: `Bearer ${secret}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(expected);
  });

  it('serves only the key\'s environment, without archived flags', async () => {
    expectStatus(await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: t.admin, payload: { key: 'other', name: 'Other' } }), 201);
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/environments'), headers: t.admin, payload: { key: 'staging', name: 'Staging' } }), 201);
    await createFlag(t, { key: 'other-only' }, 'other');
    await createFlag(t, { key: 'staged' });
    expectStatus(await patchConfig(t, 'staged', { enabled: true }, 'staging'), 200);
    await createFlag(t, { key: 'archived-one' });
    await archive('archived-one');

    const production = await snapshotOf((await createKey('server')).secret);
    const staging = await snapshotOf((await createKey('server', 'staging')).secret);
    const other = await snapshotOf((await createKey('server', 'production', 'other')).secret);
    expect(production.flags.find((flag) => flag.key === 'staged')).toMatchObject({ enabled: false });
    expect(staging.flags.find((flag) => flag.key === 'staged')).toMatchObject({ enabled: true });
    expect(production.flags.map((flag) => flag.key)).not.toContain('other-only');
    expect(production.flags.map((flag) => flag.key)).not.toContain('archived-one');
    expect(other.flags.map((flag) => flag.key)).toEqual(['other-only']);
    expect(other.segments).toEqual([]);
  });

  it('refuses no key, unknown or revoked keys with 401, and admin tokens or client keys with 403', async () => {
    const revoked = await createKey('server');
    await revoke(revoked.id);
    const client = await createKey('client');
    const cases: [Record<string, string>, number][] = [
      [{}, 401],
      [{ authorization: 'Bearer dial_server_unknown00000000000000000000000000000000' }, 401],
      [{ authorization: `Bearer ${revoked.secret}` }, 401],
      [t.admin, 403],
      [{ authorization: `Bearer ${client.secret}` }, 403],
    ];
    for (const [headers, status] of cases) {
      for (const url of [snapshotUrl(), streamUrl()]) {
        const res = await fetch(url, { headers });
        expect(res.status, `${url} ${JSON.stringify(headers)}`).toBe(status);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe(status === 401 ? 'unauthorized' : 'forbidden');
      }
    }
  });
});

describe('GET /api/v1/sdk/stream', () => {
  it('sends retry, then the snapshot on connect, as Server-Sent Events', async () => {
    const { secret } = await createKey('server');
    const expected = await snapshotOf(secret);
    const events = await stream(secret);
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toBe('text/event-stream');
    expect(events.headers['cache-control']).toBe('no-cache');
    expect(events.headers['x-accel-buffering']).toBe('no');
    expect(events.headers['content-encoding']).toBeUndefined();
    expect(events.headers['x-request-id']).toBeDefined();
    expect(await events.next()).toEqual({ retry: 1000 });
    const first = await events.next();
    expect(first).toMatchObject({ event: 'snapshot', id: String(expected.version) });
    expect(JSON.parse(first.data!)).toEqual(expected);
    // HEAD would hold a stream open that can carry nothing.
    expect((await fetch(streamUrl(), { method: 'HEAD', headers: { authorization: `Bearer ${secret}` } })).status).toBe(404);
  });

  it('sends a flag changed through the admin API as a change event with the new version', async () => {
    const { secret } = await createKey('server');
    await createFlag(t, { key: 'live' });
    const events = await stream(secret);
    const { id } = await events.nextEvent('snapshot');
    const changed = await patchConfig(t, 'live', { enabled: true, fallthrough: { variant: 'on' } });
    expectStatus(changed, 200);
    const change = await events.nextEvent('change', 2_000);
    const version = Number(id) + 1;
    expect(change.id).toBe(String(version));
    expect(change.data).toBe(
      JSON.stringify({
        version,
        type: 'flag.put',
        key: 'live',
        flag: { key: 'live', variants: { on: true, off: false }, enabled: true, offVariant: 'off', prerequisites: [], rules: [], fallthrough: { variant: 'on' } },
      }),
    );
  });

  it('sends ready instead of the snapshot when Last-Event-ID is the current version, and the snapshot otherwise', async () => {
    const { secret } = await createKey('server');
    const { version } = await snapshotOf(secret);
    const current = await stream(secret, String(version));
    expect(await current.next()).toEqual({ retry: 1000 });
    expect(await current.next()).toEqual({ event: 'ready', id: String(version), data: JSON.stringify({ version }) });
    for (const lastEventId of [String(version - 1), String(version + 1), 'garbage', '']) {
      const stale = await stream(secret, lastEventId);
      expect((await stale.nextEvent('snapshot')).id, lastEventId).toBe(String(version));
    }
    const byQuery = await openStream(`${streamUrl()}?lastEventId=${version}`, secret);
    streams.push(byQuery);
    expect((await byQuery.nextEvent('ready')).id).toBe(String(version));
  });

  it('sends segment.put for a changed segment, and segment.delete for a deleted one', async () => {
    const { secret } = await createKey('server');
    await createSegment(t, { key: 'beta-testers', include: ['u-1'] });
    const events = await stream(secret);
    const { id } = await events.nextEvent('snapshot');
    const res = await t.app.inject({ method: 'PATCH', url: projectUrl('/segments/beta-testers'), headers: t.admin, payload: { include: ['u-1', 'u-2'], version: 1 } });
    expectStatus(res, 200);
    const put = await events.nextEvent('change');
    expect(put.id).toBe(String(Number(id) + 1));
    expect(JSON.parse(put.data)).toEqual({
      version: Number(id) + 1,
      type: 'segment.put',
      key: 'beta-testers',
      segment: { key: 'beta-testers', include: ['u-1', 'u-2'], exclude: [], rules: [] },
    });
    expectStatus(await t.app.inject({ method: 'DELETE', url: projectUrl('/segments/beta-testers'), headers: { ...t.admin, 'if-match': '2' } }), 204);
    const deleted = await events.nextEvent('change');
    expect(deleted.data).toBe(JSON.stringify({ version: Number(id) + 2, type: 'segment.delete', key: 'beta-testers' }));
  });

  it('sends flag.delete when a flag is archived, and flag.put when it is restored', async () => {
    const { secret } = await createKey('server');
    await createFlag(t, { key: 'retiring' });
    const events = await stream(secret);
    await events.nextEvent('snapshot');
    await archive('retiring');
    const deleted = JSON.parse((await events.nextEvent('change')).data);
    expect(deleted).toEqual({ version: deleted.version, type: 'flag.delete', key: 'retiring' });
    await restore('retiring');
    const restored = JSON.parse((await events.nextEvent('change')).data);
    expect(restored).toMatchObject({ version: deleted.version + 1, type: 'flag.put', key: 'retiring', flag: { key: 'retiring', enabled: false } });
  });

  it('sends nothing to another environment\'s streams', async () => {
    const staging = await createKey('server', 'staging');
    const events = await stream(staging.secret);
    await events.nextEvent('snapshot');
    await createFlag(t, { key: 'quiet' });
    // Creating a flag changes every environment: staging hears of it...
    expect(JSON.parse((await events.nextEvent('change')).data)).toMatchObject({ type: 'flag.put', key: 'quiet' });
    // ...but a production-only change does not reach it.
    expectStatus(await patchConfig(t, 'quiet', { enabled: true }), 200);
    await createFlag(t, { key: 'marker' });
    expect(JSON.parse((await events.nextEvent('change')).data)).toMatchObject({ type: 'flag.put', key: 'marker' });
  });

  it('pings every stream on the heartbeat', async () => {
    const { secret } = await createKey('server');
    const events = await stream(secret);
    await events.nextEvent('snapshot');
    expect(await events.next(1_000)).toEqual({ comment: 'ping' });
    expect(await events.next(1_000)).toEqual({ comment: 'ping' });
  });

  it('ends the streams of a revoked key, and of a deleted environment', async () => {
    const key = await createKey('server');
    const other = await createKey('server');
    const revoked = await stream(key.secret);
    const kept = await stream(other.secret);
    await revoked.nextEvent('snapshot');
    await kept.nextEvent('snapshot');
    await revoke(key.id);
    await revoked.ended(2_000);
    await expect(kept.ended(300)).rejects.toThrow(/did not end/);

    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/environments'), headers: t.admin, payload: { key: 'doomed', name: 'Doomed' } }), 201);
    const doomed = await stream((await createKey('server', 'doomed')).secret);
    await doomed.nextEvent('snapshot');
    expectStatus(await t.app.inject({ method: 'DELETE', url: projectUrl('/environments/doomed'), headers: { ...t.admin, 'if-match': '1' } }), 204);
    await doomed.ended(2_000);
  });
});

describe('server replicas', () => {
  it('delivers a change made through one replica to a stream on another', async () => {
    const replica = await t.replica();
    const replicaBase = await replica.listen({ port: 0, host: '127.0.0.1' });
    const { secret } = await createKey('server');
    await createFlag(t, { key: 'across' });
    const events = await stream(secret, undefined, replicaBase);
    const { id } = await events.nextEvent('snapshot');
    expectStatus(await patchConfig(t, 'across', { enabled: true }), 200);
    const change = await events.nextEvent('change', 2_000);
    expect(change.id).toBe(String(Number(id) + 1));
    expect(JSON.parse(change.data)).toMatchObject({ type: 'flag.put', key: 'across', flag: { enabled: true } });
  });
});

describe('shutdown', () => {
  it('ends every open stream promptly when the app closes', async () => {
    const own = await testApp();
    try {
      const ownBase = await own.app.listen({ port: 0, host: '127.0.0.1' });
      const res = await own.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: own.admin, payload: { kind: 'server', name: 's', project: 'default', environment: 'production' } });
      const secret = res.json<{ secret: string }>().secret;
      const open = await Promise.all(Array.from({ length: 5 }, () => openStream(streamUrl(ownBase), secret)));
      for (const events of open) await events.nextEvent('snapshot');
      const started = Date.now();
      await own.app.close();
      await Promise.all(open.map((events) => events.ended(1_000)));
      // Well within the grace after which a stream's connection is cut: they ended cleanly.
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await own.close();
    }
  });
});

describe('matchesEtag', () => {
  it.each([
    [undefined, false],
    ['"3"', true],
    ['W/"3"', true],
    ['"1", "3"', true],
    ['*', true],
    ['"30"', false],
    ['3', false],
  ])('%j names "3": %s', (header, expected) => {
    expect(matchesEtag(header, '"3"')).toBe(expected);
  });
});
