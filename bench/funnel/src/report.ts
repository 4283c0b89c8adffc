/** Percentiles, plain-text tables and the last line: the benchmark prints, it saves nothing. */

export interface Summary {
  readonly count: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/**
 * Nearest-rank percentile of ascending values: the smallest value with at
 * least `p` of them at or below it; NaN for none.
 *
 * @example percentile([10, 20, 30, 40], 0.5); // 20
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

/** The spread of repeated timings; NaN stands for a sample that never came and is left out. */
export function summary(values: Iterable<number>): Summary {
  const sorted = Float64Array.from([...values].filter(Number.isFinite)).sort();
  return { count: sorted.length, min: percentile(sorted, 0), p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: percentile(sorted, 1) };
}

/** Milliseconds for a table: two decimals under 10, one under 1,000, none above; a dash for nothing. */
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(value < 10 ? 2 : 1);
}

/** Rounds to `digits` decimals for the JSON line; null for a figure that is not there. */
export function rounded(value: number | null | undefined, digits: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** a ÷ b as `0.42×`, or a dash when either is missing. */
export function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  const value = a / b;
  return `${value.toFixed(value < 10 ? 2 : 1)}×`;
}

export const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');

export interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
}

export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) => Math.max(column.title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.title)), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The figures of one run, as the last line states them. */
export interface FunnelResult {
  readonly events: number;
  readonly users: number;
  /** The funnel through Dial's HTTP API: the median of the warm requests, and the first after a restart. */
  readonly warm: Summary;
  readonly coldMs: number;
  /** The same funnel in DuckDB; null when DuckDB did not run. */
  readonly duckdbWarm: Summary | null;
  readonly duckdbColdMs: number | null;
  readonly usageWarm: Summary;
  readonly usageColdMs: number;
  readonly duckdbUsageWarm: Summary | null;
  /** From the server's start to the journey's paths being there; null when this Dial keeps none. */
  readonly pathsBuildMs: number | null;
  /** CPU per warm funnel request, in the server and in PostgreSQL; null where it could not be read. */
  readonly serverCpuMsPerFunnel: number | null;
  readonly pgCpuMsPerFunnel: number | null;
  readonly loadMs: number;
  /** Whether every check held: the API's units equal the plain SQL's (and DuckDB's). */
  readonly verified: boolean;
  /** Why DuckDB did not run, when it did not. */
  readonly duckdbSkipped: string | null;
}

/**
 * The benchmark's last line: one JSON object, `bench`, `events`, `warmMs`,
 * `coldMs` and `duckdbWarmMs` first.
 *
 * @example resultLine(result); // '{"bench":"funnel","events":10000000,"warmMs":812.3,"coldMs":1403.9,"duckdbWarmMs":402.1,...}'
 */
export function resultLine(result: FunnelResult): string {
  const warmMs = rounded(result.warm.p50, 1);
  const duckdbWarmMs = rounded(result.duckdbWarm?.p50, 1);
  return JSON.stringify({
    bench: 'funnel',
    events: result.events,
    warmMs,
    coldMs: rounded(result.coldMs, 1),
    duckdbWarmMs,
    duckdbColdMs: rounded(result.duckdbColdMs, 1),
    ratio: warmMs === null || duckdbWarmMs === null || duckdbWarmMs === 0 ? null : rounded(warmMs / duckdbWarmMs, 2),
    warmP95Ms: rounded(result.warm.p95, 1),
    usageWarmMs: rounded(result.usageWarm.p50, 1),
    usageColdMs: rounded(result.usageColdMs, 1),
    duckdbUsageWarmMs: rounded(result.duckdbUsageWarm?.p50, 1),
    pathsBuildMs: rounded(result.pathsBuildMs, 0),
    serverCpuMsPerFunnel: rounded(result.serverCpuMsPerFunnel, 1),
    pgCpuMsPerFunnel: rounded(result.pgCpuMsPerFunnel, 1),
    users: result.users,
    loadS: rounded(result.loadMs / 1000, 1),
    repeat: result.warm.count,
    verified: result.verified,
    duckdbSkipped: result.duckdbSkipped,
  });
}
