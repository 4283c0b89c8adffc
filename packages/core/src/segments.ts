import { unitKey } from './bucket.js';
import { compileConjunction, type Matcher, type SegmentLookup } from './conditions.js';
import { Malformed, isRecord } from './malformed.js';
import type { Context } from './types.js';

function keySet(input: unknown, path: string): Set<string> | Malformed {
  if (input === undefined) return new Set();
  if (!Array.isArray(input)) return new Malformed(`${path} must be an array`);
  const keys = new Set<string>();
  for (const key of input) {
    const unit = unitKey(key);
    if (unit !== undefined) keys.add(unit);
  }
  return keys;
}

/**
 * Compiles segment membership: not excluded, and either included or matching
 * one rule group. Segments may reference each other; a reference to an unknown
 * segment or a cycle makes every segment on the path malformed.
 */
export function compileSegments(input: unknown): SegmentLookup {
  const sources = new Map<string, { segment: Record<string, unknown>; index: number }>();
  const compiled = new Map<string, Matcher | Malformed>();
  const duplicates = new Set<string>();
  if (Array.isArray(input)) {
    input.forEach((segment, index) => {
      if (!isRecord(segment) || typeof segment.key !== 'string') return;
      if (sources.has(segment.key)) duplicates.add(segment.key);
      else sources.set(segment.key, { segment, index });
    });
  }
  const inProgress = new Set<string>();

  const lookup: SegmentLookup = (key) => {
    const done = compiled.get(key);
    if (done !== undefined) return done;
    const source = sources.get(key);
    if (source === undefined) return new Malformed(`segment "${key}" does not exist`);
    if (duplicates.has(key)) return new Malformed(`segment "${key}" is defined more than once`);
    if (inProgress.has(key)) return new Malformed(`segment "${key}" is part of a reference cycle`);
    inProgress.add(key);
    const result = compileSegment(source.segment, `segments[${source.index}]`, lookup);
    inProgress.delete(key);
    compiled.set(key, result);
    return result;
  };
  return lookup;
}

function compileSegment(segment: Record<string, unknown>, path: string, lookup: SegmentLookup): Matcher | Malformed {
  const include = keySet(segment.include, `${path}.include`);
  if (include instanceof Malformed) return include;
  const exclude = keySet(segment.exclude, `${path}.exclude`);
  if (exclude instanceof Malformed) return exclude;
  const rules = segment.rules ?? [];
  if (!Array.isArray(rules)) return new Malformed(`${path}.rules must be an array`);
  const groups: Matcher[] = [];
  for (let i = 0; i < rules.length; i++) {
    const group = compileConjunction(rules[i], `${path}.rules[${i}]`, lookup);
    if (group instanceof Malformed) return group;
    groups.push(group);
  }
  const byKey = include.size > 0 || exclude.size > 0;
  return (context: Context) => {
    if (byKey) {
      const key = unitKey(context.key);
      if (key !== undefined) {
        if (exclude.has(key)) return false;
        if (include.has(key)) return true;
      }
    }
    for (let i = 0; i < groups.length; i++) if (groups[i]!(context)) return true;
    return false;
  };
}
