import type { Flag, Segment } from '@dial/core';
import type { EnvironmentSnapshot } from '../flags/snapshots.js';

/** One change to a snapshot, as the `data` of a stream's `change` event. */
export type SnapshotChange =
  | { version: number; type: 'flag.put'; key: string; flag: Flag }
  | { version: number; type: 'flag.delete'; key: string }
  | { version: number; type: 'segment.put'; key: string; segment: Segment }
  | { version: number; type: 'segment.delete'; key: string };

/** A snapshot's flags and segments by key, each as canonical JSON: what changes are found by. */
export interface SnapshotIndex {
  flags: Map<string, string>;
  segments: Map<string, string>;
}

/**
 * JSON with object keys sorted at every depth, so two equal documents give
 * the same text whatever order their keys were stored in.
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

export function indexSnapshot(snapshot: Pick<EnvironmentSnapshot, 'flags' | 'segments'>): SnapshotIndex {
  return {
    flags: new Map(snapshot.flags.map((flag) => [flag.key, canonicalJson(flag)])),
    segments: new Map(snapshot.segments.map((segment) => [segment.key, canonicalJson(segment)])),
  };
}

/**
 * The changes that turn the snapshot indexed as `before` into `after`, one
 * per flag or segment that differs, all carrying `after`'s version. Segments
 * are put before the flags that may refer to them, and flags deleted before
 * the segments they referred to, so a client applying them in order never
 * holds a reference to a missing segment.
 *
 * @example
 * diffSnapshots(indexSnapshot(old), next); // [{ version: 13, type: 'flag.put', key: 'checkout-v2', flag: {...} }]
 */
export function diffSnapshots(before: SnapshotIndex, after: EnvironmentSnapshot, afterIndex = indexSnapshot(after)): SnapshotChange[] {
  const { version } = after;
  const changes: SnapshotChange[] = [];
  for (const segment of after.segments) {
    if (before.segments.get(segment.key) !== afterIndex.segments.get(segment.key)) changes.push({ version, type: 'segment.put', key: segment.key, segment });
  }
  for (const flag of after.flags) {
    if (before.flags.get(flag.key) !== afterIndex.flags.get(flag.key)) changes.push({ version, type: 'flag.put', key: flag.key, flag });
  }
  for (const key of before.flags.keys()) {
    if (!afterIndex.flags.has(key)) changes.push({ version, type: 'flag.delete', key });
  }
  for (const key of before.segments.keys()) {
    if (!afterIndex.segments.has(key)) changes.push({ version, type: 'segment.delete', key });
  }
  return changes;
}
