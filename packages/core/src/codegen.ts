/**
 * Compiles a flag's targeting into one JavaScript function. Conditions become
 * straight-line code with constant property names, so V8 gives every
 * attribute read its own inline cache and the whole flag optimises as one
 * unit: this is what brings evaluation close to a hand-written `if`.
 *
 * Only property names from the snapshot appear in the generated source, as
 * JSON string literals; every other value (operands, results, matchers) is
 * passed in as a bound constant. Where `new Function` is not allowed (a
 * Content-Security-Policy without 'unsafe-eval'), evaluation falls back to the
 * closure interpreter, which the conformance suites and a differential
 * property test hold to the same results.
 */
import { bucketOf, unitKey } from './bucket.js';
import type { SegmentLookup } from './conditions.js';
import { attributeGetter } from './context.js';
import { Malformed, isRecord } from './malformed.js';
import { SET_THRESHOLD, type OperandPlan, planOperands } from './operators.js';
import type { ServePlan } from './serve.js';
import type { Context, EvaluationResult, Operator } from './types.js';

export type Targeting = (context: Context) => EvaluationResult;

let available: boolean | undefined;

/** Whether this runtime lets us create functions from source. */
export function codegenAvailable(): boolean {
  if (available === undefined) {
    try {
      available = new Function('return 1')() === 1;
    } catch {
      available = false;
    }
  }
  return available;
}

class Source {
  readonly names: string[] = [];
  readonly values: unknown[] = [];
  readonly lines: string[] = [];

  constant(value: unknown): string {
    const name = `$${this.values.length}`;
    this.names.push(name);
    this.values.push(value);
    return name;
  }

  line(text: string): void {
    this.lines.push(text);
  }
}

/** An expression reading `attr` from `ctx`; absent and null both compare `== null`. */
function read(source: Source, attr: string): string {
  // Inherited names must be read as own properties only, which the getter does.
  if (attr in Object.prototype) return `${source.constant(attributeGetter(attr))}(ctx)`;
  return `ctx[${JSON.stringify(attr)}]`;
}

/** An expression testing the value in `x` against a plan. */
function test(source: Source, plan: OperandPlan): string {
  switch (plan.kind) {
    case 'never':
      return 'false';
    case 'eq':
      if (plan.operands.length < SET_THRESHOLD) return `(${plan.operands.map((o) => `x === ${source.constant(o)}`).join(' || ')})`;
      return `${source.constant(new Set<unknown>(plan.operands))}.has(x)`;
    case 'text':
      return `(typeof x === "string" && (${plan.operands.map((o) => `x.${plan.method}(${source.constant(o)})`).join(' || ')}))`;
    case 'number':
      return `(typeof x === "number" && x ${plan.compare} ${source.constant(plan.bound)})`;
    case 'test':
      return `${source.constant(plan.test)}(x)`;
  }
}

/** Emits one condition; `fail` is the statement that abandons the rule. */
function condition(source: Source, input: unknown, fail: string, segments: SegmentLookup): Malformed | undefined {
  if (!isRecord(input)) return new Malformed('condition must be an object');
  const negate = input.negate === true;
  if (input.segment !== undefined) {
    const inSegment = segments(String(input.segment));
    if (inSegment instanceof Malformed) return inSegment;
    source.line(`if (${source.constant(inSegment)}(ctx) === ${negate}) ${fail};`);
    return undefined;
  }
  const attr = String(input.attr);
  if (input.op === 'exists') {
    source.line(`if (${read(source, attr)} ${negate ? '!=' : '=='} null) ${fail};`);
    return undefined;
  }
  const plan = Array.isArray(input.values) ? planOperands(input.op as Operator, input.values) : undefined;
  if (plan === undefined) return new Malformed('condition cannot be compiled');
  const check = test(source, plan);
  // A missing attribute fails the condition whatever `negate` says.
  source.line(`v = ${read(source, attr)};`);
  source.line(`if (v == null) ${fail};`);
  source.line(`if (Array.isArray(v)) { m = false; for (i = 0; i < v.length; i++) { x = v[i]; if (${check}) { m = true; break; } } }`);
  source.line(`else { x = v; m = ${check}; }`);
  source.line(`if (m === ${negate}) ${fail};`);
  return undefined;
}

function serve(source: Source, plan: ServePlan): void {
  if (plan.fixed !== undefined) {
    source.line(`return ${source.constant(plan.fixed)};`);
    return;
  }
  source.line(`u = ${source.constant(unitKey)}(${read(source, plan.bucketBy)});`);
  source.line(`if (u === undefined) return ${source.constant(plan.keyMissing)};`);
  source.line(`b = ${source.constant(bucketOf)}(${source.constant(plan.salt)}, u);`);
  const last = plan.results.length - 1;
  plan.results.forEach((result, index) => {
    const serveResult = `return ${source.constant(result)};`;
    source.line(index === last ? serveResult : `if (b < ${plan.bounds[index]!}) ${serveResult}`);
  });
}

/**
 * Generates the targeting function of a flag whose rules already compiled
 * without problems, or returns undefined when generation is unavailable.
 */
export function generateTargeting(
  rules: readonly { when: unknown; plan: ServePlan }[],
  fallthrough: ServePlan,
  segments: SegmentLookup,
): Targeting | undefined {
  if (!codegenAvailable()) return undefined;
  const source = new Source();
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const label = `r${r}`;
    source.line(`${label}: {`);
    for (const input of rule.when as unknown[]) {
      if (condition(source, input, `break ${label}`, segments) !== undefined) return undefined;
    }
    serve(source, rule.plan);
    source.line('}');
  }
  serve(source, fallthrough);
  const body = `"use strict";\nreturn function targeting(ctx) {\nvar v, m, i, x, u, b;\n${source.lines.join('\n')}\n};`;
  try {
    const factory = new Function(...source.names, body) as (...constants: unknown[]) => Targeting;
    return factory(...source.values);
  } catch {
    return undefined;
  }
}
