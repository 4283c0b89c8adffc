import { MAX_PREREQUISITE_DEPTH } from '../flag.js';
import type { Condition, Flag, Segment, SegmentCondition } from '../types.js';
import type { Reach, ReferenceGraph } from './graph.js';
import { issueAt, listOf, quote, type PathSegment, type ValidationIssue } from './issues.js';

/** What checking references needs to know about another flag. */
export interface FlagReference {
  readonly variants: readonly string[];
  /** Keys of the flags it requires. */
  readonly prerequisites: readonly string[];
}

/** What checking references needs to know about another segment. */
export interface SegmentReference {
  /** Keys of the segments its rules refer to. */
  readonly segments: readonly string[];
}

/**
 * The rest of the project a flag or segment is saved into, by key. It may
 * hold the previous version of the document being saved; that is replaced.
 */
export interface References {
  readonly flags?: ReadonlyMap<string, FlagReference>;
  readonly segments?: ReadonlyMap<string, SegmentReference>;
}

/** @example flagReference(flag); // { variants: ['on', 'off'], prerequisites: ['new-cart'] } */
export function flagReference(flag: Flag): FlagReference {
  return { variants: Object.keys(flag.variants), prerequisites: (flag.prerequisites ?? []).map((p) => p.flag) };
}

/** @example segmentReference(segment); // { segments: ['staff'] } */
export function segmentReference(segment: Segment): SegmentReference {
  return { segments: (segment.rules ?? []).flatMap((group) => group.filter(isSegmentCondition).map((c) => c.segment)) };
}

/**
 * References built from whole documents, as the server loads them. When a key
 * appears twice the first document wins; duplicates are reported elsewhere.
 *
 * @example
 * validateFlag(input, referencesOf({ flags: await loadFlags(env), segments: await loadSegments(env) }));
 */
export function referencesOf(project: { readonly flags?: readonly Flag[]; readonly segments?: readonly Segment[] }): References {
  const flags = new Map<string, FlagReference>();
  for (const flag of project.flags ?? []) if (!flags.has(flag.key)) flags.set(flag.key, flagReference(flag));
  const segments = new Map<string, SegmentReference>();
  for (const segment of project.segments ?? []) if (!segments.has(segment.key)) segments.set(segment.key, segmentReference(segment));
  return { flags, segments };
}

/** @example new ReferenceGraph(prerequisiteEdges(refs.flags)) */
export function prerequisiteEdges(flags: ReadonlyMap<string, FlagReference>): Map<string, readonly string[]> {
  return new Map([...flags].map(([key, flag]) => [key, flag.prerequisites]));
}

/** @example new ReferenceGraph(segmentEdges(refs.segments)) */
export function segmentEdges(segments: ReadonlyMap<string, SegmentReference>): Map<string, readonly string[]> {
  return new Map([...segments].map(([key, segment]) => [key, segment.segments]));
}

/** The project as one flag's checks see it; the flag itself is among `flags` and in the graphs. */
export interface FlagSurroundings {
  readonly flags: ReadonlyMap<string, FlagReference>;
  readonly segments: ReadonlyMap<string, SegmentReference>;
  readonly prerequisites: ReferenceGraph;
  /**
   * The prerequisite graph reversed. When given, chains that run through
   * this flag from the flags that depend on it are measured too: saving one
   * flag can push a dependent's chain past the limit.
   */
  readonly dependents?: ReferenceGraph;
}

/**
 * Checks a flag against the rest of the project: the segments and flags it
 * names exist, a prerequisite's variant is one that flag has, and its
 * prerequisites form no cycle and no chain deeper than the evaluator follows.
 *
 * @example
 * flagReferenceIssues(flag, { flags, segments, prerequisites: new ReferenceGraph(prerequisiteEdges(flags)) });
 * // [{ path: 'rules[0].when[0].segment', code: 'unknown_segment', message: 'segment "staf" does not exist' }]
 */
export function flagReferenceIssues(flag: Flag, around: FlagSurroundings): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  flag.rules.forEach((rule, i) => {
    rule.when.forEach((condition, j) => {
      if (isSegmentCondition(condition) && !around.segments.has(condition.segment)) {
        issues.push(issueAt(['rules', i, 'when', j, 'segment'], 'unknown_segment', `segment ${quote(condition.segment)} does not exist`));
      }
    });
  });
  const prerequisites = flag.prerequisites ?? [];
  prerequisites.forEach((prerequisite, k) => {
    if (prerequisite.flag === flag.key) return; // a cycle, reported below
    const target = around.flags.get(prerequisite.flag);
    if (target === undefined) {
      issues.push(issueAt(['prerequisites', k, 'flag'], 'unknown_flag', `flag ${quote(prerequisite.flag)} does not exist`));
    } else if (!target.variants.includes(prerequisite.variant)) {
      issues.push(
        issueAt(
          ['prerequisites', k, 'variant'],
          'unknown_variant',
          `flag ${quote(prerequisite.flag)} has no variant ${quote(prerequisite.variant)}; its variants are ${listOf(target.variants.map(quote))}`,
        ),
      );
    }
  });

  const below = around.prerequisites.reach(flag.key);
  const via = (reach: Reach): PathSegment[] => ['prerequisites', prerequisites.findIndex((p) => p.flag === reach.keys[1]), 'flag'];
  if (below.cycle) {
    issues.push(issueAt(via(below), 'prerequisite_cycle', cycleMessage(below.keys, 'prerequisite', 'a flag cannot be its own prerequisite')));
  } else if (below.depth > MAX_PREREQUISITE_DEPTH) {
    issues.push(
      issueAt(via(below), 'prerequisite_too_deep', `the prerequisite chain ${chain(below.keys)} is ${below.depth} deep; at most ${MAX_PREREQUISITE_DEPTH} are allowed`),
    );
  } else if (around.dependents !== undefined && below.depth > 0) {
    const above = around.dependents.reach(flag.key);
    // Dependents caught in a cycle are reported at the flags on that cycle, not here.
    const total = above.cycle ? 0 : above.depth + below.depth;
    if (total > MAX_PREREQUISITE_DEPTH) {
      const whole = [...above.keys].reverse().concat(below.keys.slice(1));
      issues.push(
        issueAt(
          via(below),
          'prerequisite_too_deep',
          `flag ${quote(whole[0]!)} depends on this flag, so its prerequisite chain ${chain(whole)} would be ${total} deep; at most ${MAX_PREREQUISITE_DEPTH} are allowed`,
        ),
      );
    }
  }
  return issues;
}

/** The project as one segment's checks see it; the segment itself is among `segments` and in the graph. */
export interface SegmentSurroundings {
  readonly segments: ReadonlyMap<string, SegmentReference>;
  readonly graph: ReferenceGraph;
}

/**
 * Checks that the segments a segment's rules refer to exist and that no
 * segment ends up containing itself.
 *
 * @example
 * segmentReferenceIssues(segment, { segments, graph: new ReferenceGraph(segmentEdges(segments)) });
 * // [{ path: 'rules[0][1].segment', code: 'segment_cycle', message: 'segment cycle: staff → admins → staff' }]
 */
export function segmentReferenceIssues(segment: Segment, around: SegmentSurroundings): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const references: { key: string; path: PathSegment[] }[] = [];
  (segment.rules ?? []).forEach((group, g) => {
    group.forEach((condition, c) => {
      if (isSegmentCondition(condition)) references.push({ key: condition.segment, path: ['rules', g, c, 'segment'] });
    });
  });
  for (const { key, path } of references) {
    if (!around.segments.has(key)) issues.push(issueAt(path, 'unknown_segment', `segment ${quote(key)} does not exist`));
  }
  const reach = around.graph.reach(segment.key);
  if (reach.cycle) {
    const path = references.find((r) => r.key === reach.keys[1])?.path ?? ['rules'];
    issues.push(issueAt(path, 'segment_cycle', cycleMessage(reach.keys, 'segment', 'a segment cannot contain itself')));
  }
  return issues;
}

/** @example isSegmentCondition({ segment: 'staff' }); // true */
function isSegmentCondition(condition: Condition): condition is SegmentCondition {
  return 'segment' in condition;
}

/** @example chain(['a', 'b', 'c']); // 'a → b → c' */
function chain(keys: readonly string[]): string {
  return keys.join(' → ');
}

/** Says whether the document is on the cycle its walk found, or only leads into one. */
function cycleMessage(keys: readonly string[], kind: 'prerequisite' | 'segment', selfMessage: string): string {
  const repeated = keys[keys.length - 1]!;
  if (repeated === keys[0]) return keys.length === 2 ? selfMessage : `${kind} cycle: ${chain(keys)}`;
  return `${quote(keys[1]!)} leads into the ${kind} cycle ${chain(keys.slice(keys.indexOf(repeated)))}`;
}
