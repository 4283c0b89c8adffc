import { CompiledSnapshot } from './snapshot.js';
import type { EvaluationResult } from './types.js';

const compiledByVersion = new WeakMap<object, { version: unknown; flags: unknown; compiled: CompiledSnapshot }>();
const EMPTY = CompiledSnapshot.compile({ flags: [] });

/**
 * The compiled form of a snapshot, built on first use and reused while the
 * same snapshot object keeps its version and flag list.
 */
export function compiledFor(snapshot: unknown): CompiledSnapshot {
  if (typeof snapshot !== 'object' || snapshot === null) return EMPTY;
  const source = snapshot as { version?: unknown; flags?: unknown };
  const cached = compiledByVersion.get(snapshot);
  if (cached !== undefined && cached.version === source.version && cached.flags === source.flags) return cached.compiled;
  const compiled = CompiledSnapshot.compile(snapshot);
  compiledByVersion.set(snapshot, { version: source.version, flags: source.flags, compiled });
  return compiled;
}

/**
 * Evaluates `flagKey` for `context` against `snapshot`, as FLAGS.md specifies.
 * Never throws; an error result has no variant and the caller uses its default.
 *
 * @example
 * evaluate(snapshot, 'checkout-v2', { key: 'user-1', plan: 'pro' });
 * // { variant: 'on', value: true, reason: 'TARGETING_MATCH', ruleId: 'eu-pro' }
 */
export function evaluate(snapshot: unknown, flagKey: string, context: unknown): EvaluationResult {
  return compiledFor(snapshot).evaluate(flagKey, context);
}

/** Evaluates every flag of `snapshot` for one context. */
export function evaluateAll(snapshot: unknown, context: unknown): Record<string, EvaluationResult> {
  return compiledFor(snapshot).evaluateAll(context);
}
