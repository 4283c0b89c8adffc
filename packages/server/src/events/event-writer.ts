import type { Database, Queryable } from '../platform/db.js';
import type { EventRow } from './event-validation.js';

export interface EventWriterOptions {
  /** Rows accepted but not yet committed above which new requests are refused (default 50,000). */
  maxQueuedRows?: number;
  /** Rows written in one transaction at most; a request's rows are never split (default 5,000). */
  maxBatchRows?: number;
  /** How long the first request of a batch waits for others to join it (default 2 ms). */
  lingerMs?: number;
}

/** How one request's rows fared once committed. */
export interface WriteResult {
  accepted: number;
  duplicates: number;
}

/** The queue is full: the caller answers 503 and asks the client to retry later. */
export class WriterOverloaded extends Error {
  constructor(readonly queuedRows: number) {
    super(`${queuedRows} event rows are waiting to be written`);
  }
}

/** The writer is closing: it takes nothing new. */
export class WriterClosed extends Error {
  constructor() {
    super('The event writer is closed');
  }
}

interface Pending {
  rows: readonly EventRow[];
  resolve: (result: WriteResult) => void;
  reject: (error: unknown) => void;
}

const COLUMNS = 'environment_id, event_id, type, name, unit_key, variant, attributes, properties, occurred_at, received_at';

/**
 * Group commit for events: rows from concurrent requests are written
 * together, one multi-row INSERT per transaction, and each request's promise
 * resolves only once its rows are committed. A resent event id is counted as
 * a duplicate, not stored twice; first exposures are recorded in the same
 * transaction.
 *
 * @example
 * const writer = new EventWriter(db);
 * const { accepted, duplicates } = await writer.write(rows);
 * await writer.close(); // waits for everything queued
 */
export class EventWriter {
  private readonly maxQueuedRows: number;
  private readonly maxBatchRows: number;
  private readonly lingerMs: number;
  private queue: Pending[] = [];
  /** Rows accepted and not yet committed (or failed), queued or being written. */
  private unfinishedRows = 0;
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Transactions committed so far: fewer than requests when they were grouped. */
  transactions = 0;

  constructor(
    private readonly db: Database,
    options: EventWriterOptions = {},
  ) {
    this.maxQueuedRows = options.maxQueuedRows ?? 50_000;
    this.maxBatchRows = options.maxBatchRows ?? 5_000;
    this.lingerMs = options.lingerMs ?? 2;
  }

  /** Rows waiting to be committed. */
  get queuedRows(): number {
    return this.unfinishedRows;
  }

  /** Stores `rows` and resolves once they are committed; throws WriterOverloaded when the queue is full. */
  write(rows: readonly EventRow[]): Promise<WriteResult> {
    if (this.closed) return Promise.reject(new WriterClosed());
    if (rows.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
    if (this.unfinishedRows + rows.length > this.maxQueuedRows) return Promise.reject(new WriterOverloaded(this.unfinishedRows));
    this.unfinishedRows += rows.length;
    return new Promise<WriteResult>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.schedule();
    });
  }

  /** Takes nothing new and resolves once everything queued is committed (or has failed). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.queue.length > 0 || this.flushing !== undefined) {
      if (this.flushing === undefined) this.flushing = this.flush();
      await this.flushing;
    }
  }

  private schedule(): void {
    if (this.flushing !== undefined || this.timer !== undefined) return;
    // While a transaction runs, later requests gather; they go as soon as it ends.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flush();
    }, this.lingerMs);
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch: Pending[] = [];
        let rows = 0;
        while (this.queue.length > 0) {
          const next = this.queue[0]!;
          if (batch.length > 0 && rows + next.rows.length > this.maxBatchRows) break;
          batch.push(next);
          rows += next.rows.length;
          this.queue.shift();
        }
        try {
          const results = await this.db.transaction((tx) => insertBatch(tx, batch.map((pending) => pending.rows)));
          this.transactions += 1;
          batch.forEach((pending, i) => pending.resolve(results[i]!));
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        } finally {
          this.unfinishedRows -= rows;
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }
}

const identity = (environmentId: number, eventId: string) => `${environmentId} ${eventId}`;

/**
 * Writes the rows of several requests in one INSERT, then the exposures among
 * them to `first_exposures`; answers each request's counts. Arrays sent through
 * `unnest` keep the statement's parameter count fixed however many rows.
 */
export async function insertBatch(tx: Queryable, requests: readonly (readonly EventRow[])[]): Promise<WriteResult[]> {
  const rows = requests.flat();
  const column = <T>(pick: (row: EventRow) => T) => rows.map(pick);
  const { rows: inserted } = await tx.query<{ environment_id: number; event_id: string }>(
    `INSERT INTO events (${COLUMNS})
     SELECT environment_id, event_id, type, name, unit_key, variant, attributes::jsonb, properties::jsonb, occurred_at, received_at
     FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
       AS u(environment_id, event_id, type, name, unit_key, variant, attributes, properties, occurred_at, received_at)
     ON CONFLICT (environment_id, event_id) DO NOTHING
     RETURNING environment_id, event_id`,
    [
      column((row) => row.environmentId),
      column((row) => row.eventId),
      column((row) => row.type),
      column((row) => row.name),
      column((row) => row.unitKey),
      column((row) => row.variant),
      column((row) => row.attributes),
      column((row) => row.properties),
      column((row) => row.occurredAt.toISOString()),
      column((row) => row.receivedAt.toISOString()),
    ],
  );
  const exposures = rows.filter((row) => row.type === 'exposure');
  if (exposures.length > 0) {
    // Within a batch the earliest exposure wins; across batches, the one stored first.
    await tx.query(
      `INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id)
       SELECT environment_id, flag_key, unit_key, variant, exposed_at, event_id
       FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
         AS u(environment_id, flag_key, unit_key, variant, exposed_at, event_id)
       ORDER BY exposed_at
       ON CONFLICT (environment_id, flag_key, unit_key) DO NOTHING`,
      [
        exposures.map((row) => row.environmentId),
        exposures.map((row) => row.name),
        exposures.map((row) => row.unitKey),
        exposures.map((row) => row.variant),
        exposures.map((row) => row.occurredAt.toISOString()),
        exposures.map((row) => row.eventId),
      ],
    );
  }
  // Each stored id is credited to the first request that sent it; any other copy is a duplicate.
  const stored = new Set(inserted.map((row) => identity(Number(row.environment_id), row.event_id)));
  return requests.map((request) => {
    let accepted = 0;
    for (const row of request) {
      const id = identity(row.environmentId, row.eventId);
      if (stored.delete(id)) accepted += 1;
    }
    return { accepted, duplicates: request.length - accepted };
  });
}
