import { parseInstant } from './dates.js';
import { compareSemVer, parseSemVer, type SemVer } from './semver.js';
import type { Operator } from './types.js';

/** Tests one present, non-array attribute value against a condition's values. */
export type ValueTest = (value: unknown) => boolean;

const never: ValueTest = () => false;

// Below this many values a linear scan beats hashing.
const SET_THRESHOLD = 8;

function eqTest(values: readonly unknown[]): ValueTest {
  const scalars = values.filter(
    (v) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)),
  );
  if (scalars.length === 0) return never;
  if (scalars.length === 1) {
    const only = scalars[0];
    return (v) => v === only;
  }
  if (scalars.length < SET_THRESHOLD) {
    return (v) => {
      for (let i = 0; i < scalars.length; i++) if (scalars[i] === v) return true;
      return false;
    };
  }
  const set = new Set(scalars);
  return (v) => set.has(v);
}

function stringTest(values: readonly unknown[], match: (value: string, operand: string) => boolean): ValueTest {
  const operands = values.filter((v): v is string => typeof v === 'string');
  if (operands.length === 0) return never;
  return (v) => {
    if (typeof v !== 'string') return false;
    for (let i = 0; i < operands.length; i++) if (match(v, operands[i]!)) return true;
    return false;
  };
}

function regexTest(values: readonly unknown[]): ValueTest {
  const patterns: RegExp[] = [];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    try {
      patterns.push(new RegExp(v));
    } catch {
      // A pattern that does not compile never matches; validation rejects it on save.
    }
  }
  if (patterns.length === 0) return never;
  return (v) => {
    if (typeof v !== 'string') return false;
    for (let i = 0; i < patterns.length; i++) if (patterns[i]!.test(v)) return true;
    return false;
  };
}

/** "Less than any value" is "less than the largest"; the other orderings likewise. */
function orderedTest(operands: number[], op: 'lt' | 'lte' | 'gt' | 'gte', read: (v: unknown) => number | undefined): ValueTest {
  if (operands.length === 0) return never;
  const bound = op === 'lt' || op === 'lte' ? operands.reduce((a, b) => Math.max(a, b)) : operands.reduce((a, b) => Math.min(a, b));
  switch (op) {
    case 'lt':
      return (v) => {
        const x = read(v);
        return x !== undefined && x < bound;
      };
    case 'lte':
      return (v) => {
        const x = read(v);
        return x !== undefined && x <= bound;
      };
    case 'gt':
      return (v) => {
        const x = read(v);
        return x !== undefined && x > bound;
      };
    case 'gte':
      return (v) => {
        const x = read(v);
        return x !== undefined && x >= bound;
      };
  }
}

const readNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function semverTest(values: readonly unknown[], accept: (order: number) => boolean): ValueTest {
  const operands = values.map(parseSemVer).filter((v): v is SemVer => v !== undefined);
  if (operands.length === 0) return never;
  return (v) => {
    const version = parseSemVer(v);
    if (version === undefined) return false;
    for (let i = 0; i < operands.length; i++) if (accept(compareSemVer(version, operands[i]!))) return true;
    return false;
  };
}

/**
 * The test for `op` over `values`, or undefined for an unknown operator.
 * Operand values of the wrong type are ignored: they can never match.
 */
export function valueTest(op: Operator, values: readonly unknown[]): ValueTest | undefined {
  switch (op) {
    case 'eq':
      return eqTest(values);
    case 'contains':
      return stringTest(values, (v, x) => v.includes(x));
    case 'startsWith':
      return stringTest(values, (v, x) => v.startsWith(x));
    case 'endsWith':
      return stringTest(values, (v, x) => v.endsWith(x));
    case 'matches':
      return regexTest(values);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return orderedTest(
        values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)),
        op,
        readNumber,
      );
    case 'before':
      return orderedTest(values.map(parseInstant).filter((v): v is number => v !== undefined), 'lt', parseInstant);
    case 'after':
      return orderedTest(values.map(parseInstant).filter((v): v is number => v !== undefined), 'gt', parseInstant);
    case 'semverEq':
      return semverTest(values, (order) => order === 0);
    case 'semverLt':
      return semverTest(values, (order) => order < 0);
    case 'semverGt':
      return semverTest(values, (order) => order > 0);
    default:
      return undefined;
  }
}
