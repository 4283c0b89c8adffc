import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnvironment, findProject } from '../flags/projects.js';
import { createFlag, expectStatus, patchConfig } from '../flags/test-flags.js';
import { type TestApp, testApp } from '../test-support.js';
import { SNAPSHOT_CHANNEL, SnapshotHub, type StreamSubscriber } from './snapshot-hub.js';
import { SSE_PING } from './sse.js';
import { parseSse } from './test-sse.js';

/** A stream that keeps what it was sent. */
class Recorder implements StreamSubscriber {
  text = '';
  ended = false;
  constructor(readonly tokenId: number) {}
  send(text: string): void {
    this.text += text;
  }
  end(): void {
    this.ended = true;
  }
  events(type: string) {
    return parseSse(this.text).filter((message) => message.event === type);
  }
}

async function until(what: string, condition: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let t: TestApp;
let ids: { project: number; environment: number; token: number };
const hubs: SnapshotHub[] = [];
let clock = 0;

/** A hub of the test's own, on the test app's database, with a clock the test moves. */
async function startHub(options: { retainMs?: number; listenRetryDelayMs?: () => number } = {}): Promise<SnapshotHub> {
  const hub = new SnapshotHub({ db: t.db, logger: pino({ level: 'silent' }), heartbeatMs: 60_000, now: () => clock, listenRetryDelayMs: () => 300, ...options });
  await hub.start();
  hubs.push(hub);
  return hub;
}

beforeAll(async () => {
  t = await testApp();
  const project = (await findProject(t.db, 'default'))!;
  const environment = (await findEnvironment(t.db, project.id, 'production'))!;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: t.admin,
    payload: { kind: 'server', name: 'hub', project: 'default', environment: 'production' },
  });
  ids = { project: project.id, environment: environment.id, token: res.json<{ token: { id: number } }>().token.id };
});
afterAll(async () => {
  for (const hub of hubs) await hub.close();
  await t.close();
});

describe('SnapshotHub', () => {
  it('serializes a snapshot once and keeps it while it is asked for', async () => {
    const hub = await startHub({ retainMs: 1_000 });
    clock = 0;
    const first = (await hub.current(ids.project, ids.environment))!;
    const again = (await hub.current(ids.project, ids.environment))!;
    expect(again).toBe(first);
    expect(JSON.parse(first.json)).toMatchObject({ version: first.version, flags: [], segments: [] });
    expect(await hub.current(ids.project, 999_999)).toBeUndefined();
    clock = 999;
    hub.tick();
    expect(hub.stats().environments).toBe(1);
    clock = 1_000;
    hub.tick();
    expect(hub.stats().environments).toBe(0);
  });

  it('keeps an environment with an open stream however long ago it was asked for, and pings its streams', async () => {
    const hub = await startHub({ retainMs: 1_000 });
    clock = 0;
    const stream = new Recorder(ids.token);
    const attached = hub.attach((await hub.current(ids.project, ids.environment))!, stream, undefined)!;
    clock = 10_000;
    hub.tick();
    expect(hub.stats()).toEqual({ streams: 1, environments: 1 });
    expect(stream.text.endsWith(SSE_PING)).toBe(true);
    hub.detach(attached, stream);
    clock = 11_000;
    hub.tick();
    expect(hub.stats()).toEqual({ streams: 0, environments: 0 });
  });

  it('sends nothing for a notification of a version it already has, or of a reload that changed nothing', async () => {
    const hub = await startHub();
    const stream = new Recorder(ids.token);
    const snapshot = (await hub.current(ids.project, ids.environment))!;
    hub.attach(snapshot, stream, undefined);
    const sent = stream.text;
    expect(parseSse(sent)).toMatchObject([{ event: 'snapshot', id: String(snapshot.version) }]);
    await t.db.query('SELECT pg_notify($1, $2)', [SNAPSHOT_CHANNEL, JSON.stringify({ environment: ids.environment, version: snapshot.version })]);
    await t.db.query('SELECT pg_notify($1, $2)', [SNAPSHOT_CHANNEL, 'not json']);
    // A version raised with nothing changed: reloaded, but no change to send.
    await t.db.query('UPDATE environments SET snapshot_version = snapshot_version + 1 WHERE id = $1', [ids.environment]);
    const version = snapshot.version;
    await until('the reload', () => snapshot.version === version + 1);
    expect(stream.text).toBe(sent);
    expect(stream.ended).toBe(false);
  });

  it.runIf(process.env.DIAL_TEST_DATABASE_URL)(
    'listens again after its connection drops, and sends what changed meanwhile',
    async () => {
      // Time enough to make both changes before it listens again.
      const hub = await startHub({ listenRetryDelayMs: () => 1_500 });
      await createFlag(t, { key: 'while-away' });
      await createFlag(t, { key: 'also-away' });
      const stream = new Recorder(ids.token);
      const snapshot = (await hub.current(ids.project, ids.environment))!;
      hub.attach(snapshot, stream, undefined);
      const before = snapshot.version;
      // Cut every listening connection: this hub's, and the test app's.
      const { rows } = await t.db.query<{ n: number }>(
        "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
      );
      expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(1);
      expectStatus(await patchConfig(t, 'while-away', { enabled: true }), 200);
      expectStatus(await patchConfig(t, 'also-away', { enabled: true }), 200);
      await until('the changes', () => stream.events('change').length >= 2, 5_000);
      // Both changes came in one reload: one version, one event per flag.
      const changes = stream.events('change');
      expect(changes.map((change) => change.id)).toEqual([String(before + 2), String(before + 2)]);
      expect(changes.map((change) => JSON.parse(change.data!))).toMatchObject([
        { type: 'flag.put', key: 'also-away', flag: { enabled: true } },
        { type: 'flag.put', key: 'while-away', flag: { enabled: true } },
      ]);
      // And it listens again: the next change arrives by notification.
      expectStatus(await patchConfig(t, 'while-away', { enabled: false }), 200);
      await until('the next change', () => stream.events('change').length === 3, 5_000);
    },
  );
});
