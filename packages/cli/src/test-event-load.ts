/**
 * What the event fault tests share: `dial serve` on a store of its own,
 * concurrent senders posting batches of unique event ids and keeping count of
 * which ids were acknowledged, and the count of each id in the events table.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, openEmbedded, openPostgres, prepareDatabase } from '@dial/server';
import { type DialProcess, spawnDial, started } from './test-dial-process.js';
import type { PrivatePostgres } from './test-private-postgres.js';

export const ADMIN_TOKEN = 'dial_admin_faults000000000000000000000000000000000';

/** Where a server keeps its events, and how a test counts them. */
export interface EventStore {
  /** What `dial serve` is configured with: DIAL_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  /** How many times each event id is stored. The embedded database can only be read while no server has it open. */
  storedCounts(): Promise<Map<string, number>>;
  cleanup(): Promise<void>;
}

/**
 * A data folder holding a migrated embedded database with the admin token
 * installed, for `embeddedStore` to copy: creating a database takes the
 * embedded PostgreSQL several seconds, opening a copy a fraction of that.
 */
export async function embeddedTemplate(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dial-faults-template-'));
  const db = await openEmbedded(dir);
  try {
    await prepareDatabase(db, ADMIN_TOKEN);
  } finally {
    await db.close();
  }
  return { dir, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** An embedded database in a data folder of its own: a copy of `template` (see embeddedTemplate), or created by the server. */
export function embeddedStore(template?: string): EventStore {
  const dir = mkdtempSync(path.join(tmpdir(), 'dial-faults-'));
  if (template !== undefined) cpSync(template, dir, { recursive: true });
  return {
    env: { DIAL_DATA_DIR: dir },
    storedCounts: async () => countEvents(await openEmbedded(dir)),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh database in `cluster`. */
export async function postgresStore(cluster: PrivatePostgres, name: string): Promise<EventStore> {
  const admin = openPostgres(cluster.url());
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = cluster.url(name);
  return {
    env: { DATABASE_URL: url },
    storedCounts: () => countEvents(openPostgres(url)),
    cleanup: async () => {
      const db = openPostgres(cluster.url());
      await db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => db.close());
    },
  };
}

async function countEvents(db: Database): Promise<Map<string, number>> {
  try {
    const { rows } = await db.query<{ event_id: string; n: number }>('SELECT event_id, count(*)::integer AS n FROM events GROUP BY event_id');
    return new Map(rows.map((row) => [row.event_id, row.n]));
  } finally {
    await db.close();
  }
}

export interface ServingDial {
  dial: DialProcess;
  url: URL;
}

/** Starts `dial serve` on `store` with the test's admin token, on a port the system picks. */
export async function serve(store: EventStore): Promise<ServingDial> {
  const dial = spawnDial(['serve'], { DIAL_PORT: '0', DIAL_ADMIN_TOKEN: ADMIN_TOKEN, DIAL_LOG_LEVEL: 'error', ...store.env });
  try {
    return { dial, url: await started(dial, 30_000) };
  } catch (error) {
    dial.child.kill('SIGKILL');
    throw error;
  }
}

/** A server SDK key for the default project's production environment. */
export async function createSdkKey(url: URL): Promise<string> {
  const response = await fetch(new URL('/api/v1/tokens', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'server', name: 'fault-tests', project: 'default', environment: 'production' }),
  });
  if (response.status !== 201) throw new Error(`creating an SDK key: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { secret: string }).secret;
}

/** One request's events, sent again unchanged when it is retried. */
export interface Batch {
  ids: string[];
  body: string;
}

/** `size` events with ids `<prefix>-<n>`: tracked events and exposures in turn. */
export function makeBatch(prefix: string, size: number, now = Date.now()): Batch {
  const events = Array.from({ length: size }, (_, i) => {
    const id = `${prefix}-${i}`;
    const unit = `user-${i % 97}`;
    return i % 2 === 0
      ? { id, type: 'track', name: 'checkout', key: unit, properties: { amount: i }, timestamp: now }
      : { id, type: 'exposure', name: 'new-checkout', variant: i % 4 === 1 ? 'on' : 'off', key: unit, attributes: { plan: 'pro' }, timestamp: now };
  });
  return { ids: events.map((event) => event.id), body: JSON.stringify({ events }) };
}

/** How a POST ended: its status, or the network error's code when no answer came. */
export interface Answer {
  status: number | string;
  retryAfter?: string;
  body?: { accepted?: number; duplicates?: number; rejected?: unknown[]; error?: { code?: string } };
}

/** Posts one batch; never throws. */
export function postBatch(url: URL, sdkKey: string, batch: Batch, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve) => {
    const request = http.request(
      new URL('/api/v1/events', url),
      {
        method: 'POST',
        agent,
        timeout: 10_000,
        headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(batch.body) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? error.message }));
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          let body: Answer['body'];
          try {
            body = JSON.parse(text) as Answer['body'];
          } catch {
            body = undefined;
          }
          resolve({ status: response.statusCode ?? 0, ...(retryAfter === undefined ? {} : { retryAfter }), ...(body === undefined ? {} : { body }) });
        });
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('no answer in 10 s'), { code: 'TIMEOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? error.message }));
    request.end(batch.body);
  });
}

export interface EventLoadOptions {
  senders: number;
  batchSize: number;
  /**
   * Send a refused batch again, as an SDK does, after Retry-After (or 50 ms
   * without an answer) until it is acknowledged. Otherwise it is set aside
   * in `unacknowledged` and the sender moves on to new ids.
   */
  retryUntilAcknowledged: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Concurrent senders, each posting one batch at a time with ids no one sent
 * before, recording every id a 2xx answer acknowledged. An answer that is
 * neither a complete 200 nor a 503 with Retry-After is recorded in `problems`.
 */
export class EventLoad {
  /** Ids some 2xx answer acknowledged. */
  readonly acknowledged = new Set<string>();
  /** Every id sent at least once. */
  readonly sent = new Set<string>();
  /** Batches given up on without an acknowledgement (when not retrying). */
  readonly unacknowledged: Batch[] = [];
  /** Batches sent and not yet answered. */
  readonly inFlight = new Set<Batch>();
  /** How many answers of each status (or network error code) came. */
  readonly answers = new Map<number | string, number>();
  /** Answers that break the contract, described. */
  readonly problems: string[] = [];
  duplicates = 0;
  private stopping = false;
  private giveUpAt = Infinity;
  private readonly senders: Promise<void>[] = [];
  private readonly agent = new http.Agent({ keepAlive: true });

  constructor(
    private readonly url: URL,
    private readonly sdkKey: string,
    private readonly options: EventLoadOptions,
  ) {}

  count(status: number | string): number {
    return this.answers.get(status) ?? 0;
  }

  start(): void {
    for (let sender = 0; sender < this.options.senders; sender++) this.senders.push(this.send(sender));
  }

  /**
   * Stops making new batches; resolves once every sender is done: with
   * retries, once its last batch is acknowledged, or set aside as
   * unacknowledged when `giveUpAfterMs` have passed.
   */
  async stop(giveUpAfterMs = 15_000): Promise<void> {
    this.stopping = true;
    this.giveUpAt = Date.now() + giveUpAfterMs;
    await Promise.all(this.senders);
    this.agent.destroy();
  }

  private async send(sender: number): Promise<void> {
    for (let sequence = 0; !this.stopping; sequence++) {
      const batch = makeBatch(`s${sender}-${sequence}`, this.options.batchSize);
      for (const id of batch.ids) this.sent.add(id);
      for (;;) {
        this.inFlight.add(batch);
        const answer = await postBatch(this.url, this.sdkKey, batch, this.agent);
        this.inFlight.delete(batch);
        this.answers.set(answer.status, this.count(answer.status) + 1);
        if (answer.status === 200) {
          this.acknowledge(batch, answer);
          break;
        }
        if (answer.status === 503 && answer.retryAfter === undefined) this.problems.push(`503 without Retry-After: ${JSON.stringify(answer.body)}`);
        if (typeof answer.status === 'number' && answer.status !== 503) this.problems.push(`HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
        if (!this.options.retryUntilAcknowledged || Date.now() > this.giveUpAt) {
          this.unacknowledged.push(batch);
          // A dead server refuses at once: do not spin.
          await sleep(10);
          break;
        }
        await sleep(answer.retryAfter === undefined ? 50 : Number(answer.retryAfter) * 1_000);
      }
    }
  }

  private acknowledge(batch: Batch, answer: Answer): void {
    const { accepted, duplicates, rejected } = answer.body ?? {};
    if (accepted === undefined || duplicates === undefined || accepted + duplicates !== batch.ids.length || rejected?.length !== 0) {
      this.problems.push(`200 that does not account for ${batch.ids.length} events: ${JSON.stringify(answer.body)}`);
    }
    this.duplicates += duplicates ?? 0;
    for (const id of batch.ids) this.acknowledged.add(id);
  }
}

/** Sends each batch until it is acknowledged; the summed counts. */
export async function resendUntilAcknowledged(url: URL, sdkKey: string, batches: readonly Batch[]): Promise<{ accepted: number; duplicates: number }> {
  const agent = new http.Agent({ keepAlive: true });
  let accepted = 0;
  let duplicates = 0;
  try {
    for (const batch of batches) {
      for (let attempt = 1; ; attempt++) {
        const answer = await postBatch(url, sdkKey, batch, agent);
        if (answer.status === 200) {
          accepted += answer.body?.accepted ?? 0;
          duplicates += answer.body?.duplicates ?? 0;
          break;
        }
        if (answer.status !== 503 || attempt === 20) throw new Error(`resending ${batch.ids[0]}: ${answer.status} ${JSON.stringify(answer.body)}`);
        await sleep(Number(answer.retryAfter ?? '1') * 1_000);
      }
    }
  } finally {
    agent.destroy();
  }
  return { accepted, duplicates };
}

/** The ids among `ids` not stored exactly once, by how often they are stored. */
export function notStoredOnce(stored: ReadonlyMap<string, number>, ids: Iterable<string>): { missing: string[]; repeated: string[] } {
  const missing: string[] = [];
  const repeated: string[] = [];
  for (const id of ids) {
    const times = stored.get(id) ?? 0;
    if (times === 0) missing.push(id);
    else if (times > 1) repeated.push(id);
  }
  return { missing, repeated };
}

/** Waits until `condition` holds, checking every 20 ms; throws naming `what` after `ms`. */
export async function until(condition: () => boolean | Promise<boolean>, ms: number, what: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what()}`);
    await sleep(20);
  }
}
