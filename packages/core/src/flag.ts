import { compileConjunction, type Matcher, type SegmentLookup } from './conditions.js';
import { Malformed, isRecord } from './malformed.js';
import { frozenValue, parseError, served } from './results.js';
import { generateTargeting } from './codegen.js';
import { type ServePlan, compileServe, variantValue } from './serve.js';
import type { Context, EvaluationResult, JsonValue } from './types.js';

/** Prerequisite chains longer than this are rejected, as are cycles. */
export const MAX_PREREQUISITE_DEPTH = 10;

interface CompiledRule {
  readonly when: unknown;
  readonly matches: Matcher;
  readonly plan: ServePlan;
}

/** Rules and fallthrough as one function from context to result. */
type Targeting = (context: Context) => EvaluationResult;

export interface CompileOptions {
  /** Generate JavaScript for targeting when the runtime allows it (default true); false forces the interpreter. */
  codegen?: boolean;
}

export interface PrerequisiteLink {
  readonly flag: string;
  readonly variant: unknown;
  /** Linked once every flag of the snapshot is compiled; undefined when the flag does not exist. */
  target: CompiledFlag | undefined;
  readonly failed: EvaluationResult;
}

/** One flag, compiled: evaluation walks pre-built matchers and returns pre-built results. */
export class CompiledFlag {
  constructor(
    readonly key: string,
    private readonly enabled: boolean,
    private readonly disabled: EvaluationResult,
    readonly prerequisites: readonly PrerequisiteLink[],
    private readonly targeting: Targeting,
    /** Set when the prerequisites cannot be read, or after linking when they form a cycle or too deep a chain. */
    public prerequisiteProblem: EvaluationResult | undefined,
  ) {}

  evaluate(context: Context): EvaluationResult {
    if (!this.enabled) return this.disabled;
    const prerequisites = this.prerequisites;
    if (prerequisites.length !== 0 || this.prerequisiteProblem !== undefined) {
      if (this.prerequisiteProblem !== undefined) return this.prerequisiteProblem;
      for (let i = 0; i < prerequisites.length; i++) {
        const link = prerequisites[i]!;
        if (link.target === undefined) return link.failed;
        const outcome = link.target.evaluate(context);
        if (outcome.variant !== link.variant || outcome.variant === undefined) {
          if (outcome.errorCode === 'PARSE_ERROR') {
            return parseError(`prerequisite "${link.flag}": ${outcome.errorMessage ?? 'malformed'}`);
          }
          return link.failed;
        }
      }
    }
    return this.targeting(context);
  }
}

/** A flag whose document cannot be read at all evaluates to PARSE_ERROR. */
export function brokenFlag(key: string, message: string): CompiledFlag {
  const error = parseError(message);
  return new CompiledFlag(key, true, error, [], () => error, undefined);
}

function compileVariants(input: unknown): Record<string, JsonValue> | Malformed {
  if (!isRecord(input)) return new Malformed('variants must be an object');
  const variants: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
  for (const [name, value] of Object.entries(input)) {
    try {
      variants[name] = frozenValue(value as JsonValue);
    } catch {
      return new Malformed(`variants.${name} is not a JSON value`);
    }
  }
  return variants;
}

function compileTargeting(
  flag: Record<string, unknown>,
  key: string,
  variants: Record<string, JsonValue>,
  segments: SegmentLookup,
  options: CompileOptions,
): Targeting {
  const compiled = compileRules(flag, key, variants, segments);
  if (compiled instanceof Malformed) {
    const error = parseError(compiled.message);
    return () => error;
  }
  const { rules, fallthrough } = compiled;
  const generated = options.codegen === false ? undefined : generateTargeting(rules, fallthrough, segments);
  if (generated !== undefined) return generated;
  return (context) => {
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      if (rule.matches(context)) return rule.plan.serve(context);
    }
    return fallthrough.serve(context);
  };
}

function compileRules(
  flag: Record<string, unknown>,
  key: string,
  variants: Record<string, JsonValue>,
  segments: SegmentLookup,
): { rules: CompiledRule[]; fallthrough: ServePlan } | Malformed {
  if (!Array.isArray(flag.rules)) return new Malformed('rules must be an array');
  const rules: CompiledRule[] = [];
  for (let i = 0; i < flag.rules.length; i++) {
    const rule: unknown = flag.rules[i];
    const path = `rules[${i}]`;
    if (!isRecord(rule)) return new Malformed(`${path} must be an object`);
    if (typeof rule.id !== 'string') return new Malformed(`${path}.id must be a string`);
    const matches = compileConjunction(rule.when, `${path}.when`, segments);
    if (matches instanceof Malformed) return matches;
    const plan = compileServe(rule.serve, `${path}.serve`, key, variants, 'TARGETING_MATCH', rule.id);
    if (plan instanceof Malformed) return plan;
    rules.push({ when: rule.when, matches, plan });
  }
  const fallthrough = compileServe(flag.fallthrough, 'fallthrough', key, variants, 'DEFAULT', undefined);
  if (fallthrough instanceof Malformed) return fallthrough;
  return { rules, fallthrough };
}

function compilePrerequisites(
  input: unknown,
  variants: Record<string, JsonValue>,
  offVariant: unknown,
): PrerequisiteLink[] | Malformed {
  if (input === undefined) return [];
  if (!Array.isArray(input)) return new Malformed('prerequisites must be an array');
  const links: PrerequisiteLink[] = [];
  for (let i = 0; i < input.length; i++) {
    const prerequisite: unknown = input[i];
    if (!isRecord(prerequisite) || typeof prerequisite.flag !== 'string' || typeof prerequisite.variant !== 'string') {
      return new Malformed(`prerequisites[${i}] must have a string flag and variant`);
    }
    const off = variantValue(variants, offVariant);
    const failed =
      off instanceof Malformed
        ? parseError(`offVariant: ${off.message}`)
        : served(offVariant as string, off, 'PREREQUISITE_FAILED', { prerequisite: prerequisite.flag });
    links.push({ flag: prerequisite.flag, variant: prerequisite.variant, target: undefined, failed });
  }
  return links;
}

/** Compiles one flag document; prerequisites are linked afterwards by the snapshot. */
export function compileFlag(
  flag: Record<string, unknown>,
  key: string,
  segments: SegmentLookup,
  options: CompileOptions = {},
): CompiledFlag {
  const variants = compileVariants(flag.variants);
  if (variants instanceof Malformed) return brokenFlag(key, variants.message);
  if (typeof flag.enabled !== 'boolean') return brokenFlag(key, 'enabled must be a boolean');
  const off = variantValue(variants, flag.offVariant);
  const disabled =
    off instanceof Malformed
      ? parseError(`offVariant: ${off.message}`)
      : served(flag.offVariant as string, off, 'DISABLED');
  const prerequisites = compilePrerequisites(flag.prerequisites, variants, flag.offVariant);
  return new CompiledFlag(
    key,
    flag.enabled,
    disabled,
    prerequisites instanceof Malformed ? [] : prerequisites,
    compileTargeting(flag, key, variants, segments, options),
    prerequisites instanceof Malformed ? parseError(prerequisites.message) : undefined,
  );
}
