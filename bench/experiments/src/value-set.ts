/**
 * Dial keeps each running experiment's unit values (`experiment_value_sets`,
 * one row per experiment, with `experiment_unit_values` and
 * `experiment_value_sums`), built and refreshed in the background. The
 * benchmark waits for the experiment's row before it times the kept
 * results, and reports how long the build took.
 */
import type pg from 'pg';

export interface ValueSet {
  readonly builtAt: Date;
  readonly units: number;
}

/** What the database says: no such table (a Dial that keeps no values), no row yet, or the row. */
export type ValueSetReading = { readonly kind: 'no-table' } | { readonly kind: 'missing' } | { readonly kind: 'present'; readonly set: ValueSet };

/** Reads the experiment's row of `experiment_value_sets`, with the units its values hold. */
export async function readValueSet(client: pg.Client, experimentId: number): Promise<ValueSetReading> {
  const { rows: tables } = await client.query<{ exists: boolean }>(`SELECT to_regclass('experiment_value_sets') IS NOT NULL AS exists`);
  if (tables[0]?.exists !== true) return { kind: 'no-table' };
  const { rows } = await client.query<{ built_at: Date }>('SELECT built_at FROM experiment_value_sets WHERE experiment_id = $1', [experimentId]);
  const row = rows[0];
  if (row === undefined) return { kind: 'missing' };
  const { rows: counted } = await client.query<{ units: string }>(
    'SELECT coalesce(sum(units), 0)::text AS units FROM experiment_value_sums WHERE experiment_id = $1 AND metric = 0',
    [experimentId],
  );
  return { kind: 'present', set: { builtAt: row.built_at, units: Number(counted[0]?.units ?? 0) } };
}

export type ValuesOutcome =
  | { readonly kind: 'built'; readonly elapsedMs: number; readonly set: ValueSet }
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
 * Reads until the experiment's values are there, the table is missing, or
 * the time is up; the elapsed time is from the call.
 *
 * @example
 * const outcome = await waitForValueSet(() => readValueSet(client, experimentId), { timeoutMs: 600_000, pollMs: 250, progressMs: 5000, now: () => performance.now(), sleep, onWaiting });
 */
export async function waitForValueSet(read: () => Promise<ValueSetReading>, options: WaitOptions): Promise<ValuesOutcome> {
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
