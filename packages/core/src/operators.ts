import { parseInstant } from './dates.js';
import { compareSemVer, parseSemVer, type SemVer } from './semver.js';
import type { Operator } from './types.js';

/** Tests one present, non-array attribute value against a condition's values. */
export type ValueTest = (value: unknown) => boolean;

export type Scalar = string | number | boolean;

/**
 * What a condition's operator and values reduce to, once, at compile time.
 * Operand values of the wrong type are dropped: they can never match.
 * Both the interpreter and the code generator work from this plan, so they
 * cannot disagree on which operands count.
 */
export type OperandPlan =
  | { readonly kind: 'never' }
  | { readonly kind: 'eq'; readonly operands: readonly Scalar[] }
  | { readonly kind: 'text'; readonly method: 'includes' | 'startsWith' | 'endsWith'; readonly operands: readonly string[] }
  /** "Less than any value" is "less than the largest"; the other orderings likewise. */
  | { readonly kind: 'number'; readonly compare: '<' | '<=' | '>' | '>='; readonly bound: number }
  | { readonly kind: 'test'; readonly test: ValueTest };

const NEVER: OperandPlan = { kind: 'never' };

const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isDefined = <T>(v: T | undefined): v is T => v !== undefined;

const max = (xs: readonly number[]) => xs.reduce((a, b) => Math.max(a, b));
const min = (xs: readonly number[]) => xs.reduce((a, b) => Math.min(a, b));

function textPlan(values: readonly unknown[], method: 'includes' | 'startsWith' | 'endsWith'): OperandPlan {
  const operands = values.filter(isString);
  return operands.length === 0 ? NEVER : { kind: 'text', method, operands };
}

function numberPlan(values: readonly unknown[], compare: '<' | '<=' | '>' | '>='): OperandPlan {
  const operands = values.filter(isNumber);
  if (operands.length === 0) return NEVER;
  return { kind: 'number', compare, bound: compare === '<' || compare === '<=' ? max(operands) : min(operands) };
}

function regexPlan(values: readonly unknown[]): OperandPlan {
  const patterns: RegExp[] = [];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    try {
      patterns.push(new RegExp(v));
    } catch {
      // A pattern that does not compile never matches; validation rejects it on save.
    }
  }
  if (patterns.length === 0) return NEVER;
  return {
    kind: 'test',
    test: (v) => {
      if (typeof v !== 'string') return false;
      for (let i = 0; i < patterns.length; i++) if (patterns[i]!.test(v)) return true;
      return false;
    },
  };
}

function instantPlan(values: readonly unknown[], before: boolean): OperandPlan {
  const operands = values.map(parseInstant).filter(isDefined);
  if (operands.length === 0) return NEVER;
  const bound = before ? max(operands) : min(operands);
  return {
    kind: 'test',
    test: before
      ? (v) => {
          const t = parseInstant(v);
          return t !== undefined && t < bound;
        }
      : (v) => {
          const t = parseInstant(v);
          return t !== undefined && t > bound;
        },
  };
}

function semverPlan(values: readonly unknown[], accept: (order: number) => boolean): OperandPlan {
  const operands = values.map(parseSemVer).filter((v): v is SemVer => v !== undefined);
  if (operands.length === 0) return NEVER;
  return {
    kind: 'test',
    test: (v) => {
      const version = parseSemVer(v);
      if (version === undefined) return false;
      for (let i = 0; i < operands.length; i++) if (accept(compareSemVer(version, operands[i]!))) return true;
      return false;
    },
  };
}

/** The plan for `op` over `values`, or undefined for an unknown operator (`exists` has no operands). */
export function planOperands(op: Operator, values: readonly unknown[]): OperandPlan | undefined {
  switch (op) {
    case 'eq': {
      const operands = values.filter(isScalar);
      return operands.length === 0 ? NEVER : { kind: 'eq', operands };
    }
    case 'contains':
      return textPlan(values, 'includes');
    case 'startsWith':
      return textPlan(values, 'startsWith');
    case 'endsWith':
      return textPlan(values, 'endsWith');
    case 'matches':
      return regexPlan(values);
    case 'lt':
      return numberPlan(values, '<');
    case 'lte':
      return numberPlan(values, '<=');
    case 'gt':
      return numberPlan(values, '>');
    case 'gte':
      return numberPlan(values, '>=');
    case 'before':
      return instantPlan(values, true);
    case 'after':
      return instantPlan(values, false);
    case 'semverEq':
      return semverPlan(values, (order) => order === 0);
    case 'semverLt':
      return semverPlan(values, (order) => order < 0);
    case 'semverGt':
      return semverPlan(values, (order) => order > 0);
    default:
      return undefined;
  }
}

// Below this many values a linear scan beats hashing.
export const SET_THRESHOLD = 8;

const never: ValueTest = () => false;

/** The interpreter's test for a plan. */
export function planTest(plan: OperandPlan): ValueTest {
  switch (plan.kind) {
    case 'never':
      return never;
    case 'eq': {
      const operands = plan.operands;
      if (operands.length === 1) {
        const only = operands[0];
        return (v) => v === only;
      }
      if (operands.length < SET_THRESHOLD) {
        return (v) => {
          for (let i = 0; i < operands.length; i++) if (operands[i] === v) return true;
          return false;
        };
      }
      const set = new Set<unknown>(operands);
      return (v) => set.has(v);
    }
    case 'text': {
      const { operands, method } = plan;
      return (v) => {
        if (typeof v !== 'string') return false;
        for (let i = 0; i < operands.length; i++) if (v[method](operands[i]!)) return true;
        return false;
      };
    }
    case 'number': {
      const bound = plan.bound;
      switch (plan.compare) {
        case '<':
          return (v) => typeof v === 'number' && v < bound;
        case '<=':
          return (v) => typeof v === 'number' && v <= bound;
        case '>':
          return (v) => typeof v === 'number' && v > bound;
        case '>=':
          return (v) => typeof v === 'number' && v >= bound;
      }
      break;
    }
    case 'test':
      return plan.test;
  }
  return never;
}

/** The test for `op` over `values`, or undefined for an unknown operator. */
export function valueTest(op: Operator, values: readonly unknown[]): ValueTest | undefined {
  const plan = planOperands(op, values);
  return plan === undefined ? undefined : planTest(plan);
}
