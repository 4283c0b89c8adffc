import { compareText } from './text.js';

/** The group of values outside the top ones. */
export const OTHER = '(other)';
/** The group of units or events without a value. */
export const NONE = '(none)';
/** The label of the group of everyone. */
export const TOTAL_LABEL = 'All users';

const rank = (value: string) => (value === OTHER ? 1 : value === NONE ? 2 : 0);

/**
 * The order groups are shown in: by units, most first, then by value;
 * `(other)` and then `(none)` last.
 */
export function compareGroups(a: { value: string; units: number }, b: { value: string; units: number }): number {
  return rank(a.value) - rank(b.value) || b.units - a.units || compareText(a.value, b.value);
}

/**
 * The values that keep their own group: the `limit` with the most units,
 * ties by value. The others go to `(other)`.
 *
 * @example
 * topValues(new Map([['DE', 5], ['FR', 5], ['US', 2]]), 2); // Set { 'DE', 'FR' }
 */
export function topValues(unitsByValue: ReadonlyMap<string, number>, limit: number): Set<string> {
  const ranked = [...unitsByValue].sort(([a, unitsA], [b, unitsB]) => unitsB - unitsA || compareText(a, b));
  return new Set(ranked.slice(0, limit).map(([value]) => value));
}

/** The group a raw value falls in, given the top values. */
export function groupOf(raw: string | null, top: ReadonlySet<string>): string {
  if (raw === null) return NONE;
  return top.has(raw) ? raw : OTHER;
}
