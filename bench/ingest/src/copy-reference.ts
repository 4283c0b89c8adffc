import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_COLUMNS, EventSource, copyLine } from './event-rows.js';

export interface CopyOptions {
  readonly environmentId: number;
  /** Rows in all. */
  readonly rows: number;
  /** Rows per COPY statement, each its own committed transaction. */
  readonly rowsPerCopy: number;
  readonly idPrefix: string;
  readonly exposureEvery: number;
  readonly units: number;
}

export interface CopyResult {
  readonly rows: number;
  readonly statements: number;
  /** From the first COPY sent to the last one committed, excluding making the text. */
  readonly elapsedMs: number;
  /** Per COPY statement, milliseconds until committed. */
  readonly latenciesMs: Float64Array;
}

/**
 * The physical reference: the same kind of rows, fresh ids, written with
 * `COPY events (...) FROM STDIN` in text format on one connection, in
 * autocommit so each statement is one durable transaction. The text is made
 * before the clock starts, so only the database's work is timed.
 */
export async function copyReference(client: pg.Client, options: CopyOptions): Promise<CopyResult> {
  const source = new EventSource({ idPrefix: options.idPrefix, exposureEvery: options.exposureEvery, units: options.units, seed: 7 });
  const chunks: Buffer[] = [];
  const now = Date.now();
  for (let done = 0; done < options.rows; done += options.rowsPerCopy) {
    const count = Math.min(options.rowsPerCopy, options.rows - done);
    let text = '';
    for (let i = 0; i < count; i++) text += copyLine(options.environmentId, source.next(now), now);
    chunks.push(Buffer.from(text));
  }
  const latencies: number[] = [];
  let rows = 0;
  const started = performance.now();
  for (const chunk of chunks) {
    const t0 = performance.now();
    const stream = client.query(copyFrom(`COPY events (${COPY_COLUMNS}) FROM STDIN`));
    // The stream finishes once the server has answered the COPY: committed, in autocommit.
    await pipeline(Readable.from([chunk]), stream);
    rows += stream.rowCount;
    latencies.push(performance.now() - t0);
  }
  return { rows, statements: chunks.length, elapsedMs: performance.now() - started, latenciesMs: Float64Array.from(latencies) };
}
