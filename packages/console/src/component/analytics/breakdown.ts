/*
 * The breakdown the analytics pages split their numbers by, as the API names
 * it in `breakdown=`: `flag:KEY` (the variant each unit was first exposed to),
 * `attribute:NAME` or `property:NAME` (a value of the events).
 */

export const BREAKDOWN_KINDS = ['flag', 'attribute', 'property'] as const;
export type BreakdownKind = (typeof BREAKDOWN_KINDS)[number];

export interface Breakdown {
  kind: BreakdownKind;
  key: string;
}

/**
 * A breakdown from its query-string form; null for none or anything malformed.
 *
 * @example
 * parseBreakdown('flag:new-checkout') // { kind: 'flag', key: 'new-checkout' }
 * parseBreakdown('property:plan:tier') // { kind: 'property', key: 'plan:tier' }
 */
export function parseBreakdown(text: string | null | undefined): Breakdown | null {
  if (!text) return null;
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const kind = text.slice(0, colon);
  const key = text.slice(colon + 1);
  return (BREAKDOWN_KINDS as readonly string[]).includes(kind) && key.trim() !== '' ? { kind: kind as BreakdownKind, key } : null;
}

/** The breakdown as the API's query parameter, undefined for none. */
export const formatBreakdown = (breakdown: Breakdown | null): string | undefined => (breakdown === null ? undefined : `${breakdown.kind}:${breakdown.key}`);

/**
 * The breakdown in words.
 *
 * @example
 * describeBreakdown({ kind: 'flag', key: 'new-checkout' }) // 'by variant of new-checkout'
 */
export function describeBreakdown(breakdown: Breakdown | null): string {
  if (breakdown === null) return 'all users together';
  if (breakdown.kind === 'flag') return `by variant of ${breakdown.key}`;
  return `by ${breakdown.kind} ${breakdown.key}`;
}
