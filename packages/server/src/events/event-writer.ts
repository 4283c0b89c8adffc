import { performance } from 'node:perf_hooks';
import type { Database, Transaction } from '../platform/db.js';
import { isUniqueViolation } from '../platform/pg-errors.js';
import type { BatchOutcome, EventMetrics } from './event-metrics.js';
import type { EventRow } from './event-validation.js';

export interface EventWriterOptions {
  /** Rows accepted but not yet committed above which new requests are refused (default 50,000). */
  maxQueuedRows?: number;
  /** Rows written in one transaction at most; a request's rows are never split (default 10,000). */
  maxBatchRows?: number;
  /** How long the first request of a batch waits for others to join it (default 2 ms). */
  lingerMs?: number;
  /** Where the outcome of each request and batch is counted. */
  metrics?: EventMetrics;
}

/** How one request's rows fared once committed. */
export interface WriteResult {
  accepted: number;
  duplicates: number;
  /** Of the accepted, how many were exposures. */
  acceptedExposures: number;
}

/** How one batch fared: each request's counts, and whether it repeated stored ids. */
export interface BatchResult {
  requests: WriteResult[];
  merged: boolean;
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

interface Pending extends RequestRows {
  resolve: (result: WriteResult) => void;
  reject: (error: unknown) => void;
}

const COLUMNS = 'environment_id, event_id, type, name, unit_key, variant, attributes, properties, occurred_at, received_at';

/**
 * Group commit for events: rows from concurrent requests are written
 * together, one transaction at a time and loaded with COPY, and each
 * request's promise resolves only once its rows are committed. A resent
 * event id is counted as a duplicate, not stored twice; first exposures are
 * recorded in the same transaction.
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
  private readonly metrics: EventMetrics | undefined;
  private queue: Pending[] = [];
  /** Rows accepted and not yet committed (or failed), queued or being written. */
  private unfinishedRows = 0;
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly db: Database,
    options: EventWriterOptions = {},
  ) {
    this.maxQueuedRows = options.maxQueuedRows ?? 50_000;
    this.maxBatchRows = options.maxBatchRows ?? 10_000;
    this.lingerMs = options.lingerMs ?? 2;
    this.metrics = options.metrics;
  }

  /** Rows waiting to be committed. */
  get queuedRows(): number {
    return this.unfinishedRows;
  }

  /** Stores `rows` and resolves once they are committed; throws WriterOverloaded when the queue is full. */
  write(rows: readonly EventRow[]): Promise<WriteResult> {
    if (this.closed) return Promise.reject(new WriterClosed());
    if (rows.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0, acceptedExposures: 0 });
    if (this.unfinishedRows + rows.length > this.maxQueuedRows) {
      this.metrics?.overloaded.inc();
      return Promise.reject(new WriterOverloaded(this.unfinishedRows));
    }
    this.unfinishedRows += rows.length;
    // Made now, while an earlier batch is being written, the COPY text is ready when this request's batch goes.
    const prepared = requestRows(rows);
    return new Promise<WriteResult>((resolve, reject) => {
      this.queue.push({ ...prepared, resolve, reject });
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

  private count(batch: readonly Pending[], results: readonly WriteResult[], outcome: BatchOutcome, rows: number, started: number): void {
    const metrics = this.metrics;
    if (metrics === undefined) return;
    metrics.batches.inc({ outcome });
    if (outcome === 'failed') return;
    metrics.batchRows.observe(rows);
    metrics.commitSeconds.observe((performance.now() - started) / 1000);
    const sum = { track: 0, exposure: 0, trackDuplicates: 0, exposureDuplicates: 0 };
    batch.forEach((pending, i) => {
      const { accepted, acceptedExposures } = results[i]!;
      sum.exposure += acceptedExposures;
      sum.track += accepted - acceptedExposures;
      sum.exposureDuplicates += pending.exposures.length - acceptedExposures;
      sum.trackDuplicates += pending.count - pending.exposures.length - (accepted - acceptedExposures);
    });
    metrics.accepted.inc({ type: 'track' }, sum.track);
    metrics.accepted.inc({ type: 'exposure' }, sum.exposure);
    metrics.duplicates.inc({ type: 'track' }, sum.trackDuplicates);
    metrics.duplicates.inc({ type: 'exposure' }, sum.exposureDuplicates);
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch: Pending[] = [];
        let rows = 0;
        while (this.queue.length > 0) {
          const next = this.queue[0]!;
          if (batch.length > 0 && rows + next.count > this.maxBatchRows) break;
          batch.push(next);
          rows += next.count;
          this.queue.shift();
        }
        const started = performance.now();
        try {
          const { requests, merged } = await writeBatch(this.db, batch);
          this.count(batch, requests, merged ? 'merged' : 'copied', rows, started);
          batch.forEach((pending, i) => pending.resolve(requests[i]!));
        } catch (error) {
          this.count(batch, [], 'failed', rows, started);
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

/**
 * Where a batch that repeats stored ids is loaded: the session's own table,
 * emptied at each commit.
 */
const STAGING = `CREATE TEMP TABLE IF NOT EXISTS event_staging (
  environment_id integer NOT NULL, event_id text NOT NULL, type text NOT NULL, name text NOT NULL, unit_key text NOT NULL,
  variant text, attributes jsonb NOT NULL, properties jsonb NOT NULL, occurred_at timestamptz NOT NULL, received_at timestamptz NOT NULL
) ON COMMIT DELETE ROWS`;

/** Within a batch the earliest exposure of a unit to a flag wins; across batches, the one stored first. */
const FIRST_EXPOSURES = `INSERT INTO first_exposures (environment_id, flag_key, unit_key, variant, first_exposed_at, event_id)
  SELECT DISTINCT ON (environment_id, name, unit_key) environment_id, name, unit_key, variant, occurred_at, event_id`;
const FIRST_EXPOSURES_ORDER = `ORDER BY environment_id, name, unit_key, occurred_at, event_id
  ON CONFLICT (environment_id, flag_key, unit_key) DO NOTHING`;

/** Stores the staged rows that are new, and answers the staged ids that were stored already. */
const MERGE = `WITH stored AS (
  INSERT INTO events (${COLUMNS})
  SELECT ${COLUMNS} FROM event_staging
  ON CONFLICT (environment_id, event_id) DO NOTHING
  RETURNING environment_id, event_id
), exposed AS (
  ${FIRST_EXPOSURES} FROM event_staging WHERE type = 'exposure'
  ${FIRST_EXPOSURES_ORDER}
)
SELECT s.environment_id, s.event_id FROM event_staging s
WHERE NOT EXISTS (SELECT 1 FROM stored WHERE stored.environment_id = s.environment_id AND stored.event_id = s.event_id)`;

/** COPY's text format gives backslash, tab, newline and carriage return a meaning. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

const identity = (environmentId: number, eventId: string) => `${environmentId} ${eventId}`;

function copyLine(row: EventRow, receivedAt: string): string {
  return (
    `${row.environmentId}\t${copyText(row.eventId)}\t${row.type}\t${copyText(row.name)}\t${copyText(row.unitKey)}\t` +
    `${row.variant === null ? '\\N' : copyText(row.variant)}\t${copyText(row.attributes)}\t${copyText(row.properties)}\t` +
    `${row.occurredAt.toISOString()}\t${receivedAt}\n`
  );
}

/**
 * One request's rows as the writer keeps them while they wait: their COPY
 * text and their identities, each one string, and the exposures among them.
 * Few, large strings are what V8's young-generation collector copies least
 * when a queue of requests outlives it.
 */
export interface RequestRows {
  readonly count: number;
  /** `<environment id> <event id>` of each row, one a line. */
  readonly identities: string;
  readonly text: string;
  readonly exposures: readonly EventRow[];
}

export function requestRows(rows: readonly EventRow[]): RequestRows {
  const identities: string[] = [];
  const lines: string[] = [];
  const exposures: EventRow[] = [];
  let receivedAt: Date | undefined;
  let receivedText = '';
  for (const row of rows) {
    if (row.receivedAt !== receivedAt) {
      receivedAt = row.receivedAt;
      receivedText = receivedAt.toISOString();
    }
    identities.push(identity(row.environmentId, row.eventId));
    lines.push(copyLine(row, receivedText));
    if (row.type === 'exposure') exposures.push(row);
  }
  return { count: rows.length, identities: identities.join('\n'), text: lines.join(''), exposures };
}

/** The rows of several requests as COPY text, each id once: a copy sent twice within the batch is credited to the first request that sent it. */
interface PreparedBatch {
  /** Which request each id in the text belongs to. */
  owners: Map<string, number>;
  text: string;
  /** The exposures in the text, each id once. */
  exposures: EventRow[];
  exposureIds: Set<string>;
}

function prepare(requests: readonly RequestRows[]): PreparedBatch {
  const owners = new Map<string, number>();
  const texts: string[] = [];
  const exposures: EventRow[] = [];
  const exposureIds = new Set<string>();
  requests.forEach((request, r) => {
    const ids = request.identities.split('\n');
    let repeats = false;
    for (const id of ids) {
      if (owners.has(id)) repeats = true;
      else owners.set(id, r);
    }
    if (!repeats) texts.push(request.text);
    else {
      // An id sent before in this batch, by this request or an earlier one: only the first copy's line goes.
      const lines = request.text.split('\n');
      const kept = new Set<string>();
      ids.forEach((id, i) => {
        if (owners.get(id) === r && !kept.has(id)) {
          kept.add(id);
          texts.push(`${lines[i]!}\n`);
        }
      });
    }
    for (const row of request.exposures) {
      const id = identity(row.environmentId, row.eventId);
      if (owners.get(id) === r && !exposureIds.has(id)) {
        exposureIds.add(id);
        exposures.push(row);
      }
    }
  });
  return { owners, text: texts.join(''), exposures, exposureIds };
}

/** The common case, a batch of new events: COPY straight into `events`, whose unique index refuses the batch if any id was stored before. */
async function copyNew(tx: Transaction, batch: PreparedBatch): Promise<[]> {
  await tx.copyFrom(`events (${COLUMNS})`, batch.text);
  const exposures = batch.exposures;
  if (exposures.length > 0) {
    await tx.query(
      `${FIRST_EXPOSURES}
       FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
         AS u(environment_id, name, unit_key, variant, occurred_at, event_id)
       ${FIRST_EXPOSURES_ORDER}`,
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
  return [];
}

/** A batch repeating stored ids: staged, then merged skipping them; answers those ids. */
async function mergeStaged(tx: Transaction, batch: PreparedBatch): Promise<{ environment_id: number; event_id: string }[]> {
  await tx.query(STAGING);
  await tx.copyFrom(`event_staging (${COLUMNS})`, batch.text);
  return (await tx.query<{ environment_id: number; event_id: string }>(MERGE)).rows;
}

/**
 * Writes the rows of several requests in one transaction and answers each
 * request's counts. New events go in by COPY; when the batch holds an id
 * stored before (an SDK resending after a lost answer), that transaction
 * fails on the unique index and a second one merges the batch through a
 * staging table, skipping what is stored.
 */
export async function writeBatch(db: Database, requests: readonly RequestRows[]): Promise<BatchResult> {
  const batch = prepare(requests);
  let earlier: readonly { environment_id: number; event_id: string }[];
  let merged = false;
  try {
    earlier = await db.transaction((tx) => copyNew(tx, batch));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    merged = true;
    earlier = await db.transaction((tx) => mergeStaged(tx, batch));
  }
  const accepted = requests.map(() => 0);
  const acceptedExposures = requests.map(() => 0);
  for (const r of batch.owners.values()) accepted[r]! += 1;
  for (const id of batch.exposureIds) acceptedExposures[batch.owners.get(id)!]! += 1;
  for (const row of earlier) {
    const id = identity(Number(row.environment_id), row.event_id);
    const r = batch.owners.get(id)!;
    accepted[r]! -= 1;
    if (batch.exposureIds.has(id)) acceptedExposures[r]! -= 1;
  }
  return {
    merged,
    requests: requests.map((request, r) => ({ accepted: accepted[r]!, duplicates: request.count - accepted[r]!, acceptedExposures: acceptedExposures[r]! })),
  };
}
