import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** Something SQL can be sent to: the database, or one transaction of it. */
export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

/** One transaction: SQL, and bulk rows through COPY. */
export interface Transaction extends Queryable {
  /**
   * Loads rows with `COPY <target> FROM STDIN` in text format: one line per
   * row, columns separated by tabs, `\\N` for null, and backslash, tab,
   * newline and carriage return escaped. Resolves to the number of rows.
   *
   * @example
   * await tx.copyFrom('staging (id, name)', '1\tone\n2\t\\N\n'); // 2
   */
  copyFrom(target: string, text: string): Promise<number>;
}

/** One connection held for a while, e.g. to keep a session-level advisory lock. */
export interface Session extends Queryable {
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** What `listen` reports besides notifications, and how it reconnects. */
export interface ListenOptions {
  /** The listening connection was lost; it is being opened again. */
  onLost?: (error: Error | undefined) => void;
  /** The listening connection is back: notifications sent while it was down are lost. */
  onReconnect?: () => void;
  /** How long to wait before the n-th attempt (from 1) to listen again. */
  retryDelayMs?: (attempt: number) => number;
}

/** 100 ms, doubling up to 5 s: a restarted server is noticed quickly, a dead one is not hammered. */
export const listenRetryDelayMs = (attempt: number) => Math.min(100 * 2 ** (attempt - 1), 5_000);

/** PostgreSQL, embedded or real: the same SQL runs on both. */
export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Holds one connection for `work`. */
  session<T>(work: (session: Session) => Promise<T>): Promise<T>;
  /**
   * Subscribes to NOTIFY channels; returns the unsubscribe function. On a
   * real server the listening connection is its own and can drop: it is
   * opened again with backoff, and `onReconnect` says that notifications
   * may have been missed meanwhile. The embedded database never loses it.
   *
   * @example
   * const stop = await db.listen(['dial_snapshot'], (payload) => reload(JSON.parse(payload)), { onReconnect: reloadAll });
   */
  listen(channels: string | readonly string[], onMessage: (payload: string, channel: string) => void, options?: ListenOptions): Promise<() => Promise<void>>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/** The embedded database in `dataDir`, or in memory when `dataDir` is undefined. */
export async function openEmbedded(dataDir: string | undefined): Promise<Database> {
  let db: PGlite;
  if (dataDir === undefined) {
    db = await PGlite.create();
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create(path.join(dataDir, 'pgdata'));
  }
  const toResult = <R>(result: { rows: R[]; affectedRows?: number }): QueryResult<R> => ({
    rows: result.rows,
    rowCount: result.affectedRows ?? result.rows.length,
  });
  const queryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<R>(text: string, params?: readonly unknown[]) {
      return toResult(await target.query<R>(text, params as unknown[] | undefined));
    },
  });
  const session: Session = {
    ...queryable(db),
    exec: async (script) => {
      await db.exec(script);
    },
  };
  // One embedded connection: a session is the database itself, so sessions
  // take turns. Two start-ups in one process must not interleave their
  // migrations: the advisory lock cannot keep apart two users of one connection.
  let lastSession: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    kind: 'embedded',
    ...queryable(db),
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          ...queryable(tx),
          // The embedded server reads COPY input from a blob handed to the query.
          copyFrom: async (target, text) => (await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([text]) })).affectedRows ?? 0,
        }),
      ),
    session(work) {
      const turn = lastSession.then(() => work(session));
      lastSession = turn.catch(() => undefined);
      return turn;
    },
    async listen(channels, onMessage) {
      const names = typeof channels === 'string' ? [channels] : [...channels];
      const unsubscribes = await Promise.all(names.map((name) => db.listen(name, (payload) => onMessage(payload, name))));
      return async () => {
        // Closing the database ended every subscription already.
        if (closed) return;
        await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
      };
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}

/** A pooled connection to a real PostgreSQL server. */
export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, idleTimeoutMillis: 30_000 });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // Nor must one held by a transaction or session when the server goes away (a restart): its
  // client emits 'error' besides failing the query, and the pool drops it once it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const queryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(text: string, params?: readonly unknown[]) {
      const result = await target.query(text, params as unknown[] | undefined);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
  });
  let closed = false;
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          ...queryable(client),
          async copyFrom(target, text) {
            const copy = client.query(copyFrom(`COPY ${target} FROM STDIN`));
            await pipeline(Readable.from([text]), copy);
            return copy.rowCount;
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async session(work) {
      const client = await pool.connect();
      try {
        return await work({
          ...queryable(client),
          exec: async (script) => {
            await client.query(script);
          },
        });
      } finally {
        client.release();
      }
    },
    async listen(channels, onMessage, options = {}) {
      const names = typeof channels === 'string' ? [channels] : [...channels];
      const retryDelayMs = options.retryDelayMs ?? listenRetryDelayMs;
      let client: pg.Client | undefined;
      let retry: NodeJS.Timeout | undefined;
      let attempts = 0;
      let stopped = false;

      const connect = async (): Promise<pg.Client> => {
        // Keepalive notices a connection that died without a word, such as a vanished host.
        const next = new pg.Client({ connectionString, keepAlive: true });
        let lastError: Error | undefined;
        next.on('error', (error) => (lastError = error));
        next.on('notification', (message) => {
          if (names.includes(message.channel)) onMessage(message.payload ?? '', message.channel);
        });
        try {
          await next.connect();
          for (const name of names) await next.query(`LISTEN ${pg.escapeIdentifier(name)}`);
        } catch (error) {
          await next.end().catch(() => undefined);
          throw error;
        }
        next.once('end', () => {
          if (stopped || client !== next) return;
          client = undefined;
          options.onLost?.(lastError);
          scheduleRetry();
        });
        return next;
      };
      const scheduleRetry = () => {
        attempts += 1;
        retry = setTimeout(() => {
          retry = undefined;
          connect().then(
            (next) => {
              if (stopped) return void next.end().catch(() => undefined);
              client = next;
              attempts = 0;
              options.onReconnect?.();
            },
            () => {
              if (!stopped) scheduleRetry();
            },
          );
        }, retryDelayMs(attempts));
        // Waiting to listen again must not keep a stopping process alive.
        retry.unref();
      };

      client = await connect();
      return async () => {
        stopped = true;
        if (retry !== undefined) clearTimeout(retry);
        await client?.end().catch(() => undefined);
        client = undefined;
      };
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
