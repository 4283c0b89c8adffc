import type { JourneyDefinition } from '../analytics/journey.js';
import type { Flag, Segment, Snapshot } from '../types.js';
import { flagConsistencyIssues } from './consistency.js';
import { ReferenceGraph } from './graph.js';
import { formatPath, joinPath, quote, type ValidationIssue, type ValidationResult } from './issues.js';
import {
  flagReference,
  flagReferenceIssues,
  prerequisiteEdges,
  referencesOf,
  segmentEdges,
  segmentReference,
  segmentReferenceIssues,
  type References,
} from './references.js';
import { journeySchema } from './journey-schemas.js';
import { flagSchema, segmentSchema, snapshotSchema } from './schemas.js';
import { parseWith } from './zod-issues.js';

/*
 * Shape first, then meaning: the checks between fields and documents run on
 * typed documents once the schemas accept them, so they never report noise
 * caused by a malformed neighbour.
 */

/**
 * Validates a flag about to be saved into a project described by `refs`.
 *
 * @example
 * const result = validateFlag(body, referencesOf({ flags, segments }));
 * if (!result.ok) throw new BadDataError(formatIssues(result.issues), result.issues);
 * await saveFlag(result.value);
 */
export function validateFlag(input: unknown, refs: References = {}): ValidationResult<Flag> {
  const parsed = parseWith(flagSchema, input);
  if (!parsed.ok) return parsed;
  const flag = parsed.value;
  const flags = new Map(refs.flags);
  flags.set(flag.key, flagReference(flag));
  const edges = prerequisiteEdges(flags);
  return outcome(flag, [
    ...flagConsistencyIssues(flag),
    ...flagReferenceIssues(flag, {
      flags,
      segments: refs.segments ?? new Map(),
      prerequisites: new ReferenceGraph(edges),
      dependents: ReferenceGraph.reversed(edges),
    }),
  ]);
}

/**
 * Validates a segment about to be saved into a project described by `refs`.
 *
 * @example
 * validateSegment({ key: 'staff', rules: [[{ segment: 'admins' }]] }, referencesOf({ segments }));
 */
export function validateSegment(input: unknown, refs: References = {}): ValidationResult<Segment> {
  const parsed = parseWith(segmentSchema, input);
  if (!parsed.ok) return parsed;
  const segment = parsed.value;
  const segments = new Map(refs.segments);
  segments.set(segment.key, segmentReference(segment));
  return outcome(segment, segmentReferenceIssues(segment, { segments, graph: new ReferenceGraph(segmentEdges(segments)) }));
}

/**
 * Validates a whole snapshot, such as a config-as-code file: every flag and
 * segment, keys unique, and references resolved within the snapshot. Paths
 * start at the snapshot: `flags[3].rules[0].serve.rollout.split`.
 *
 * @example
 * const result = validateSnapshot(JSON.parse(await readFile('flags.json', 'utf8')));
 * if (!result.ok) console.error(formatIssues(result.issues));
 */
export function validateSnapshot(input: unknown): ValidationResult<Snapshot> {
  const parsed = parseWith(snapshotSchema, input);
  if (!parsed.ok) return parsed;
  const snapshot = parsed.value;
  const segmentList = snapshot.segments ?? [];
  const refs = referencesOf(snapshot);
  const flags = refs.flags ?? new Map();
  const segments = refs.segments ?? new Map();
  const prerequisites = new ReferenceGraph(prerequisiteEdges(flags));
  const segmentGraph = new ReferenceGraph(segmentEdges(segments));
  const issues: ValidationIssue[] = [];
  const firstFlags = firstIndexes(snapshot.flags, 'flags', 'flag', issues);
  const firstSegments = firstIndexes(segmentList, 'segments', 'segment', issues);

  snapshot.flags.forEach((flag, i) => {
    const within = formatPath(['flags', i]);
    const found = flagConsistencyIssues(flag);
    // A repeated key is already reported; its references would be checked against the first flag's.
    if (firstFlags.get(flag.key) === i) found.push(...flagReferenceIssues(flag, { flags, segments, prerequisites }));
    for (const issue of found) issues.push({ ...issue, path: joinPath(within, issue.path) });
  });
  segmentList.forEach((segment, i) => {
    if (firstSegments.get(segment.key) !== i) return;
    const within = formatPath(['segments', i]);
    for (const issue of segmentReferenceIssues(segment, { segments, graph: segmentGraph })) {
      issues.push({ ...issue, path: joinPath(within, issue.path) });
    }
  });
  return outcome(snapshot, issues);
}

/** Where each key first appears; later appearances are reported as duplicates. */
function firstIndexes(
  documents: readonly { key: string }[],
  list: 'flags' | 'segments',
  noun: string,
  issues: ValidationIssue[],
): Map<string, number> {
  const first = new Map<string, number>();
  documents.forEach((document, i) => {
    const seen = first.get(document.key);
    if (seen === undefined) first.set(document.key, i);
    else {
      issues.push({
        path: formatPath([list, i, 'key']),
        code: 'duplicate',
        message: `${noun} key ${quote(document.key)} is already used by ${formatPath([list, seen])}`,
      });
    }
  });
  return first;
}

/** @example outcome(flag, []); // { ok: true, value: flag } */
function outcome<T>(value: T, issues: ValidationIssue[]): ValidationResult<T> {
  return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

/**
 * Validates a journey's key, steps, filters and conversion window, filling
 * in the defaults: each step's label and filters, and a week's window.
 *
 * @example
 * validateJourney({ key: 'checkout', steps: [{ event: 'view_product' }, { event: 'purchase' }] });
 * // { ok: true, value: { key: 'checkout', steps: [{ event: 'view_product', label: 'view_product', filters: [] }, …], conversionWindowSeconds: 604800 } }
 */
export function validateJourney(input: unknown): ValidationResult<JourneyDefinition> {
  return parseWith(journeySchema, input);
}
