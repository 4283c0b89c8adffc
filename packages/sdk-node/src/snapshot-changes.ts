/**
 * The snapshot an SDK holds, and the changes the stream sends to it: reading
 * them from untrusted JSON, applying a change, and telling which flags an
 * update may have changed.
 */
import type { Flag, Segment, Snapshot } from '@dial/core';

export type ChangeType = 'flag.put' | 'flag.delete' | 'segment.put' | 'segment.delete';

/** One `event: change` of the stream. */
export interface SnapshotChange {
  readonly version: number;
  readonly type: ChangeType;
  readonly key: string;
  /** The new document, on `*.put` only. */
  readonly document?: Flag | Segment;
}

const CHANGE_TYPES: readonly string[] = ['flag.put', 'flag.delete', 'segment.put', 'segment.delete'];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * A snapshot read from the server or a file, or undefined if it is not one.
 * Only the shape is checked: the core engine survives any flag inside it.
 */
export function parseSnapshot(value: unknown): Snapshot | undefined {
  if (!isRecord(value) || !Array.isArray(value.flags)) return undefined;
  if (value.segments !== undefined && !Array.isArray(value.segments)) return undefined;
  if (value.version !== undefined && !isVersion(value.version)) return undefined;
  const snapshot: Snapshot = { flags: value.flags as Flag[], segments: (value.segments ?? []) as Segment[] };
  if (value.version !== undefined) snapshot.version = value.version;
  return snapshot;
}

/** A change event's data, or undefined if it does not follow the contract. */
export function parseChange(value: unknown): SnapshotChange | undefined {
  if (!isRecord(value) || !isVersion(value.version) || typeof value.key !== 'string') return undefined;
  if (typeof value.type !== 'string' || !CHANGE_TYPES.includes(value.type)) return undefined;
  const type = value.type as ChangeType;
  if (type === 'flag.delete' || type === 'segment.delete') return { version: value.version, type, key: value.key };
  const document = type === 'flag.put' ? value.flag : value.segment;
  if (!isRecord(document)) return undefined;
  if (document.key !== undefined && document.key !== value.key) return undefined;
  return { version: value.version, type, key: value.key, document: { ...document, key: value.key } as unknown as Flag | Segment };
}

function replaced<T extends { key: string }>(list: readonly T[], key: string, document: T | undefined): T[] {
  const index = list.findIndex((item) => isRecord(item) && item.key === key);
  if (document === undefined) return index < 0 ? [...list] : [...list.slice(0, index), ...list.slice(index + 1)];
  if (index < 0) return [...list, document];
  const next = [...list];
  next[index] = document;
  return next;
}

/** The snapshot after `change`, at the change's version; `snapshot` is left as it was. */
export function applyChange(snapshot: Snapshot, change: SnapshotChange): Snapshot {
  const flags = change.type.startsWith('flag.') ? replaced(snapshot.flags, change.key, change.document as Flag | undefined) : snapshot.flags;
  const segments = change.type.startsWith('segment.')
    ? replaced(snapshot.segments ?? [], change.key, change.document as Segment | undefined)
    : (snapshot.segments ?? []);
  return { version: change.version, flags, segments };
}

/** JSON with object keys sorted, so two equal documents compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function byKey(list: readonly unknown[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of list ?? []) if (isRecord(item) && typeof item.key === 'string') map.set(item.key, canonical(item));
  return map;
}

function differing(before: Map<string, string>, after: Map<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const [key, text] of after) if (before.get(key) !== text) keys.add(key);
  for (const key of before.keys()) if (!after.has(key)) keys.add(key);
  return keys;
}

function segmentsIn(conditions: unknown): string[] {
  if (!Array.isArray(conditions)) return [];
  return conditions.flatMap((c) => (isRecord(c) && typeof c.segment === 'string' ? [c.segment] : []));
}

/** Adds to `keys` everything that reaches one of them through `edges` (dependent → its dependencies). */
function closeOver(keys: Set<string>, edges: Map<string, string[]>): void {
  let grew = true;
  while (grew) {
    grew = false;
    for (const [dependent, dependencies] of edges) {
      if (!keys.has(dependent) && dependencies.some((d) => keys.has(d))) {
        keys.add(dependent);
        grew = true;
      }
    }
  }
}

/**
 * The keys of the flags whose evaluation may differ between two snapshots:
 * flags added, removed or edited, flags using an edited segment (also through
 * another segment), and flags with such a flag as a prerequisite.
 */
export function changedFlagKeys(before: Snapshot | undefined, after: Snapshot | undefined): string[] {
  const segments = differing(byKey(before?.segments), byKey(after?.segments));
  const segmentEdges = new Map<string, string[]>();
  for (const segment of [...(before?.segments ?? []), ...(after?.segments ?? [])]) {
    if (!isRecord(segment) || typeof segment.key !== 'string' || !Array.isArray(segment.rules)) continue;
    const uses = (segment.rules as unknown[]).flatMap(segmentsIn);
    segmentEdges.set(segment.key, [...(segmentEdges.get(segment.key) ?? []), ...uses]);
  }
  closeOver(segments, segmentEdges);

  const flags = differing(byKey(before?.flags), byKey(after?.flags));
  const flagEdges = new Map<string, string[]>();
  for (const flag of [...(before?.flags ?? []), ...(after?.flags ?? [])]) {
    if (!isRecord(flag) || typeof flag.key !== 'string') continue;
    const rules = Array.isArray(flag.rules) ? (flag.rules as unknown[]) : [];
    if (rules.some((rule) => isRecord(rule) && segmentsIn(rule.when).some((s) => segments.has(s)))) flags.add(flag.key);
    const prerequisites = Array.isArray(flag.prerequisites) ? (flag.prerequisites as unknown[]) : [];
    const needs = prerequisites.flatMap((p) => (isRecord(p) && typeof p.flag === 'string' ? [p.flag] : []));
    flagEdges.set(flag.key, [...(flagEdges.get(flag.key) ?? []), ...needs]);
  }
  closeOver(flags, flagEdges);

  const order = [...(after?.flags ?? []), ...(before?.flags ?? [])].flatMap((f) => (isRecord(f) && typeof f.key === 'string' ? [f.key] : []));
  return [...new Set(order)].filter((key) => flags.has(key));
}
