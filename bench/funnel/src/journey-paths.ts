/**
 * Dial keeps each journey's paths per environment, built and refreshed in
 * the background (`journey_path_sets`, one row per journey and environment,
 * and `journey_paths`). The benchmark waits for the journey's row before it
 * times anything, and reports how long the build took.
 */
import type pg from 'pg';

export interface PathSet {
  readonly builtAt: Date;
  readonly refreshedAt: Date;
  /** The watermark, a transaction id (xid8) as text. */
  readonly currentThrough: string;
}

/** What the database says: no such table (a Dial that keeps no paths), no row yet, or the row. */
export type PathSetReading = { readonly kind: 'no-table' } | { readonly kind: 'missing' } | { readonly kind: 'present'; readonly set: PathSet };

/** Reads the journey's row of `journey_path_sets` for the environment. */
export async function readPathSet(client: pg.Client, journeyId: number, environmentId: number): Promise<PathSetReading> {
  const { rows: tables } = await client.query<{ exists: boolean }>(`SELECT to_regclass('journey_path_sets') IS NOT NULL AS exists`);
  if (tables[0]?.exists !== true) return { kind: 'no-table' };
  const { rows } = await client.query<{ built_at: Date; refreshed_at: Date; current_through: string }>(
    'SELECT built_at, refreshed_at, current_through::text AS current_through FROM journey_path_sets WHERE journey_id = $1 AND environment_id = $2',
    [journeyId, environmentId],
  );
  const row = rows[0];
  return row === undefined ? { kind: 'missing' } : { kind: 'present', set: { builtAt: row.built_at, refreshedAt: row.refreshed_at, currentThrough: row.current_through } };
}

export type PathsOutcome =
  | { readonly kind: 'built'; readonly elapsedMs: number; readonly set: PathSet }
  | { readonly kind: 'not-kept'; readonly elapsedMs: number }
  | { readonly kind: 'timed-out'; readonly elapsedMs: number };

export interface WaitOptions {
  readonly timeoutMs: number;
  /** Time between readings. */
  readonly pollMs: number;
  /** Time between progress reports while waiting. */
  readonly progressMs: number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Called while waiting, every `progressMs`, with the time waited so far. */
  readonly onWaiting: (elapsedMs: number) => void;
}

/**
 * Reads until the journey's paths are there, the table is missing, or the
 * time is up; the elapsed time is from the call.
 *
 * @example
 * const outcome = await waitForPathSet(() => readPathSet(client, journeyId, environmentId), { timeoutMs: 600_000, pollMs: 250, progressMs: 5000, now: () => performance.now(), sleep, onWaiting });
 */
export async function waitForPathSet(read: () => Promise<PathSetReading>, options: WaitOptions): Promise<PathsOutcome> {
  const started = options.now();
  let reported = started;
  for (;;) {
    const reading = await read();
    const elapsedMs = options.now() - started;
    if (reading.kind === 'no-table') return { kind: 'not-kept', elapsedMs };
    if (reading.kind === 'present') return { kind: 'built', elapsedMs, set: reading.set };
    if (elapsedMs >= options.timeoutMs) return { kind: 'timed-out', elapsedMs };
    if (options.now() - reported >= options.progressMs) {
      reported = options.now();
      options.onWaiting(elapsedMs);
    }
    await options.sleep(Math.min(options.pollMs, Math.max(0, options.timeoutMs - elapsedMs)));
  }
}
