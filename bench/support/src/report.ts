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
