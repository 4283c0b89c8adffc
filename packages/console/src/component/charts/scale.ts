/*
 * The arithmetic of the charts' axes, apart from drawing so it can be tested.
 */

/**
 * A round step (1, 2 or 5 times a power of ten) at least `rough`.
 *
 * @example
 * niceStep(0.13) // 0.2
 * niceStep(340)  // 500
 */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  // Rounded so 0.1 * 3 reads 0.3 in labels and comparisons.
  return Number((nice * power).toPrecision(12));
}

/**
 * Axis ticks from 0 to a round top at or above `max`, about `count` steps.
 * With `limit` (1 for rates), the top never passes it.
 *
 * @example
 * ticks(87)        // [0, 20, 40, 60, 80, 100]
 * ticks(0.62, 4, 1) // [0, 0.2, 0.4, 0.6, 0.8]
 * ticks(0)         // [0, 1]
 */
export function ticks(max: number, count = 4, limit?: number): number[] {
  const top = limit === undefined ? max : Math.min(max, limit);
  if (!(top > 0)) return [0, limit ?? 1];
  const step = niceStep(top / count);
  const out: number[] = [];
  for (let i = 0; ; i++) {
    const tick = Number((i * step).toPrecision(12));
    out.push(limit === undefined ? tick : Math.min(tick, limit));
    if (tick >= top) break;
  }
  return out;
}

/**
 * A linear map from a domain onto a range.
 *
 * @example
 * linear([0, 100], [200, 0])(25) // 150
 */
export function linear([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/**
 * Which of `length` evenly spaced positions get a label, at most `max` of
 * them, always the first and the last.
 *
 * @example
 * labelled(30, 6) // [0, 6, 12, 18, 24, 29]
 */
export function labelled(length: number, max: number): number[] {
  if (length <= 0) return [];
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const every = Math.ceil((length - 1) / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < length - 1; i += every) out.push(i);
  if (length - 1 - out[out.length - 1]! < every / 2) out.pop();
  out.push(length - 1);
  return out;
}

/**
 * The SVG path of a line through `values`, broken where a value is missing.
 *
 * @example
 * linePath([1, null, 2], (i) => i * 10, (v) => v) // 'M0.0,1.0M20.0,2.0'
 */
export function linePath(values: readonly (number | null)[], x: (index: number) => number, y: (value: number) => number): string {
  let path = '';
  let drawing = false;
  values.forEach((value, i) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)},${y(value).toFixed(1)}`;
    drawing = true;
  });
  return path;
}

/**
 * Axis ticks over a range that may be negative, always holding zero: round
 * steps from a round bottom at or below `min` to a round top at or above
 * `max`. For effects, whose zero line is the point.
 *
 * @example
 * ticksAround(-0.03, 0.07)  // [-0.05, 0, 0.05, 0.1]
 * ticksAround(0.2, 0.5, 2)  // [0, 0.5]
 * ticksAround(0, 0)         // [-1, 0, 1]
 */
export function ticksAround(min: number, max: number, count = 4): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  if (!(high > low) || !Number.isFinite(high - low)) return [-1, 0, 1];
  const step = niceStep((high - low) / count);
  const first = Math.floor(Number((low / step).toPrecision(12)));
  const last = Math.ceil(Number((high / step).toPrecision(12)));
  const out: number[] = [];
  // 0 * step is -0 below zero; + 0 writes it as 0.
  for (let i = first; i <= last; i++) out.push(Number((i * step).toPrecision(12)) + 0);
  return out;
}

/**
 * A range centred on zero that holds every value with a margin: intervals
 * drawn against it show at a glance on which side of zero they fall.
 *
 * @example
 * symmetricExtent([-0.02, 0.07]) // [-0.077, 0.077]
 * symmetricExtent([])            // [-1, 1]
 */
export function symmetricExtent(values: readonly number[], margin = 0.1): [number, number] {
  const reach = values.reduce((max, value) => (Number.isFinite(value) ? Math.max(max, Math.abs(value)) : max), 0);
  if (reach === 0) return [-1, 1];
  const padded = Number((reach * (1 + margin)).toPrecision(12));
  return [-padded, padded];
}
