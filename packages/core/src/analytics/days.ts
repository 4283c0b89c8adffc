/** Days are UTC calendar days. */

export const MICROS_PER_DAY = 86_400_000_000;

/** The UTC day of an instant in epoch microseconds. @example dayOfMicros(0); // '1970-01-01' */
export function dayOfMicros(micros: number): string {
  return new Date(Math.floor(micros / MICROS_PER_DAY) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Every UTC day that [from, to) touches, in order.
 *
 * @example
 * daysOf({ fromMicros: Date.UTC(2026, 0, 1, 12) * 1000, toMicros: Date.UTC(2026, 0, 3) * 1000 }); // ['2026-01-01', '2026-01-02']
 */
export function daysOf(range: { fromMicros: number; toMicros: number }): string[] {
  const days: string[] = [];
  for (let day = Math.floor(range.fromMicros / MICROS_PER_DAY); day * MICROS_PER_DAY < range.toMicros; day++) {
    days.push(dayOfMicros(day * MICROS_PER_DAY));
  }
  return days;
}

/** The ISO-8601 instant of epoch microseconds, to the millisecond. */
export function isoOfMicros(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString();
}
