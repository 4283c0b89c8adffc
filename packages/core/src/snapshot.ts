import { compileSegments } from './segments.js';
import { type CompileOptions, type CompiledFlag, MAX_PREREQUISITE_DEPTH, brokenFlag, compileFlag } from './flag.js';
import { isRecord } from './malformed.js';
import { asContext } from './context.js';
import { flagNotFound, parseError } from './results.js';
import type { EvaluationResult } from './types.js';

/**
 * A snapshot compiled for evaluation. Compiling never throws: a flag that
 * cannot be evaluated answers ERROR / PARSE_ERROR, and one without a readable
 * key is left out.
 */
export class CompiledSnapshot {
  private constructor(
    readonly version: number | undefined,
    private readonly flags: ReadonlyMap<string, CompiledFlag>,
  ) {}

  /**
   * @example
   * const compiled = CompiledSnapshot.compile({ flags: [...], segments: [...] });
   * compiled.evaluate('checkout-v2', { key: 'user-1', country: 'DE' });
   */
  static compile(snapshot: unknown, options: CompileOptions = {}): CompiledSnapshot {
    const source = isRecord(snapshot) ? snapshot : {};
    const segments = compileSegments(source.segments);
    const flags = new Map<string, CompiledFlag>();
    const duplicates = new Set<string>();
    if (Array.isArray(source.flags)) {
      for (const flag of source.flags as unknown[]) {
        if (!isRecord(flag) || typeof flag.key !== 'string') continue;
        if (flags.has(flag.key)) duplicates.add(flag.key);
        else flags.set(flag.key, compileFlag(flag, flag.key, segments, options));
      }
    }
    for (const key of duplicates) flags.set(key, brokenFlag(key, `flag "${key}" is defined more than once`));
    linkPrerequisites(flags);
    const version = typeof source.version === 'number' ? source.version : undefined;
    return new CompiledSnapshot(version, flags);
  }

  /** Evaluates one flag for one context; never throws. */
  evaluate(flagKey: string, context: unknown): EvaluationResult {
    const flag = this.flags.get(flagKey);
    return flag === undefined ? flagNotFound() : flag.evaluate(asContext(context));
  }

  /** Evaluates every flag for one context, keyed by flag key, in snapshot order. */
  evaluateAll(context: unknown): Record<string, EvaluationResult> {
    const target = asContext(context);
    const entries: [string, EvaluationResult][] = [];
    for (const [key, flag] of this.flags) entries.push([key, flag.evaluate(target)]);
    return Object.fromEntries(entries);
  }

  has(flagKey: string): boolean {
    return this.flags.has(flagKey);
  }

  keys(): string[] {
    return [...this.flags.keys()];
  }
}

/** Resolves prerequisite references and marks flags whose chains loop or run deeper than allowed. */
function linkPrerequisites(flags: Map<string, CompiledFlag>): void {
  for (const flag of flags.values()) {
    for (const link of flag.prerequisites) link.target = flags.get(link.flag);
  }
  const depth = new Map<CompiledFlag, number>();
  const onPath = new Set<CompiledFlag>();
  const measure = (flag: CompiledFlag): number => {
    const known = depth.get(flag);
    if (known !== undefined) return known;
    if (onPath.has(flag)) return Infinity;
    onPath.add(flag);
    let deepest = 0;
    for (const link of flag.prerequisites) {
      if (link.target !== undefined) deepest = Math.max(deepest, 1 + measure(link.target));
    }
    onPath.delete(flag);
    depth.set(flag, deepest);
    return deepest;
  };
  for (const flag of flags.values()) {
    const d = measure(flag);
    if (d === Infinity) flag.prerequisiteProblem = parseError(`flag "${flag.key}" is part of or depends on a prerequisite cycle`);
    else if (d > MAX_PREREQUISITE_DEPTH) {
      flag.prerequisiteProblem = parseError(`prerequisite chain from "${flag.key}" is ${d} deep; at most ${MAX_PREREQUISITE_DEPTH} allowed`);
    }
  }
}
