import { attributeGetter } from './context.js';
import { Malformed, isRecord } from './malformed.js';
import { valueTest } from './operators.js';
import type { Context, Operator } from './types.js';

/** A compiled condition, or a conjunction of them. */
export type Matcher = (context: Context) => boolean;

/** Resolves a segment key to its membership test, or says why it cannot. */
export type SegmentLookup = (key: string) => Matcher | Malformed;

const always: Matcher = () => true;

function attributeCondition(attr: string, op: Operator, values: unknown, negate: boolean, path: string): Matcher | Malformed {
  const get = attributeGetter(attr);
  if (op === 'exists') {
    return negate ? (c) => get(c) === undefined : (c) => get(c) !== undefined;
  }
  if (!Array.isArray(values)) return new Malformed(`${path}.values must be an array`);
  const test = valueTest(op, values);
  if (test === undefined) return new Malformed(`${path}.op "${String(op)}" is not an operator`);
  // A missing attribute fails the condition whatever `negate` says.
  return (c) => {
    const value = get(c);
    if (value === undefined) return false;
    if (!Array.isArray(value)) return test(value) !== negate;
    for (let i = 0; i < value.length; i++) if (test(value[i])) return !negate;
    return negate;
  };
}

/** Compiles one condition (`attr`/`op`/`values` or `segment`, each with optional `negate`). */
export function compileCondition(input: unknown, path: string, segments: SegmentLookup): Matcher | Malformed {
  if (!isRecord(input)) return new Malformed(`${path} must be an object`);
  const negate = input.negate === true;
  if (input.negate !== undefined && typeof input.negate !== 'boolean') {
    return new Malformed(`${path}.negate must be a boolean`);
  }
  if (input.segment !== undefined) {
    if (typeof input.segment !== 'string') return new Malformed(`${path}.segment must be a string`);
    const inSegment = segments(input.segment);
    if (inSegment instanceof Malformed) return inSegment;
    return negate ? (c) => !inSegment(c) : inSegment;
  }
  if (typeof input.attr !== 'string') return new Malformed(`${path}.attr must be a string`);
  if (typeof input.op !== 'string') return new Malformed(`${path}.op must be a string`);
  return attributeCondition(input.attr, input.op as Operator, input.values, negate, path);
}

/** Compiles a list of conditions that must all hold; an empty list always holds. */
export function compileConjunction(input: unknown, path: string, segments: SegmentLookup): Matcher | Malformed {
  if (!Array.isArray(input)) return new Malformed(`${path} must be an array`);
  const matchers: Matcher[] = [];
  for (let i = 0; i < input.length; i++) {
    const matcher = compileCondition(input[i], `${path}[${i}]`, segments);
    if (matcher instanceof Malformed) return matcher;
    matchers.push(matcher);
  }
  switch (matchers.length) {
    case 0:
      return always;
    case 1:
      return matchers[0]!;
    case 2: {
      const [a, b] = matchers as [Matcher, Matcher];
      return (c) => a(c) && b(c);
    }
    default:
      return (c) => {
        for (let i = 0; i < matchers.length; i++) if (!matchers[i]!(c)) return false;
        return true;
      };
  }
}
