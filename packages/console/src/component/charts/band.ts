/*
 * The arithmetic of a line with its interval band, apart from drawing so it
 * can be tested: the area between the lower and upper ends, and the range
 * of values an axis should span.
 */

/** One line with a band around it: an estimate and its interval per category, null where there is none. */
export interface BandSeries {
  name: string;
  values: readonly (number | null)[];
  lower: readonly (number | null)[];
  upper: readonly (number | null)[];
}

/**
 * The SVG path of the area between `lower` and `upper`: one closed shape
 * per run of categories that have both ends; a lone category is a sliver so
 * it still shows.
 *
 * @example
 * bandPath([0, 1], [2, 3], (i) => i * 10, (v) => v) // 'M0.0,2.0L10.0,3.0L10.0,1.0L0.0,0.0Z'
 */
export function bandPath(lower: readonly (number | null)[], upper: readonly (number | null)[], x: (index: number) => number, y: (value: number) => number): string {
  const runs: number[][] = [];
  let run: number[] = [];
  for (let i = 0; i < Math.min(lower.length, upper.length); i++) {
    if (lower[i] === null || upper[i] === null || lower[i] === undefined || upper[i] === undefined) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(i);
  }
  if (run.length > 0) runs.push(run);
  const point = (i: number, value: number, dx = 0) => `${(x(i) + dx).toFixed(1)},${y(value).toFixed(1)}`;
  return runs
    .map((indices) => {
      if (indices.length === 1) {
        const i = indices[0]!;
        return `M${point(i, upper[i]!, -2)}L${point(i, upper[i]!, 2)}L${point(i, lower[i]!, 2)}L${point(i, lower[i]!, -2)}Z`;
      }
      const top = indices.map((i, n) => `${n === 0 ? 'M' : 'L'}${point(i, upper[i]!)}`).join('');
      const bottom = [...indices].reverse().map((i) => `L${point(i, lower[i]!)}`).join('');
      return `${top}${bottom}Z`;
    })
    .join('');
}

/**
 * The range an axis should span for bands: every estimate, and the bands
 * as far as `limit` times the widest reach of the latest interval. Early
 * intervals, from a handful of units, can be many times wider than the
 * latest; drawn whole, they would flatten everything that followed, so they
 * are cut at the chart's edge instead.
 *
 * @example
 * bandExtent([{ name: 'on', values: [0.3, 0.05], lower: [-4, 0.01], upper: [5, 0.09] }]) // [-0.27, 0.3]
 */
export function bandExtent(series: readonly BandSeries[], limit = 3): [number, number] {
  let min = 0;
  let max = 0;
  let reach = 0;
  for (const one of series) {
    for (const value of one.values) if (value !== null && Number.isFinite(value)) [min, max] = [Math.min(min, value), Math.max(max, value)];
    const last = one.values.length - 1;
    for (const end of [one.lower[last], one.upper[last]]) if (end !== null && end !== undefined && Number.isFinite(end)) reach = Math.max(reach, Math.abs(end));
  }
  const cap = reach * limit;
  for (const one of series) {
    for (const end of [...one.lower, ...one.upper]) {
      if (end === null || !Number.isFinite(end)) continue;
      const clipped = Math.max(-cap, Math.min(cap, end));
      [min, max] = [Math.min(min, clipped), Math.max(max, clipped)];
    }
  }
  return [Number(min.toPrecision(12)), Number(max.toPrecision(12))];
}
