import type { core, z } from 'zod';
import { isRecord } from '../malformed.js';
import {
  ISSUE_CODES,
  describeValue,
  issueAt,
  listOf,
  quote,
  type IssueCode,
  type PathSegment,
  type ValidationIssue,
  type ValidationResult,
} from './issues.js';

/**
 * Parses `input` with `schema`, turning Zod's issues into {@link ValidationIssue}s.
 *
 * @example
 * parseWith(flagKeySchema, 'Checkout'); // { ok: false, issues: [{ path: '', code: 'invalid_format', … }] }
 */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): ValidationResult<T> {
  // The input is kept on issues so a missing field can be told from a wrong one.
  const result = schema.safeParse(input, { error: messageFor, reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fromZodIssues(result.error.issues) };
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ISSUE_CODES);

/**
 * Flattens Zod's issues into ours: one issue per unknown field, and for a
 * union (a `serve`, a condition) the issues of the form the input came
 * closest to, rather than "matches none". The issues must come from a parse
 * with `reportInput: true`, as in {@link parseWith}.
 *
 * @example
 * fromZodIssues(flagSchema.safeParse(doc, { error: messageFor, reportInput: true }).error!.issues, ['flags', 3]);
 */
export function fromZodIssues(issues: readonly core.$ZodIssue[], base: readonly PathSegment[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) collect(issue, base, out);
  return out;
}

/** Writes out one Zod issue, with `base` as the path of the value Zod saw. */
function collect(issue: core.$ZodIssue, base: readonly PathSegment[], out: ValidationIssue[]): void {
  const path = [...base, ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)))];
  switch (issue.code) {
    case 'invalid_type':
      out.push(issueAt(path, issue.input === undefined ? 'missing' : 'invalid_type', issue.message));
      return;
    case 'unrecognized_keys':
      for (const key of issue.keys) out.push(issueAt([...path, key], 'unknown_field', issue.message));
      return;
    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        const tag = isRecord(issue.input) ? issue.input[issue.discriminator] : undefined;
        out.push(issueAt(path, tag === undefined ? 'missing' : 'invalid_value', issue.message));
        return;
      }
      if (issue.input === undefined) {
        out.push(issueAt(path, 'missing', issue.message));
        return;
      }
      const branch = closestBranch(issue.errors, path);
      if (branch !== undefined) out.push(...branch);
      else out.push(issueAt(path, isWrongType(issue.errors) ? 'invalid_type' : 'invalid_shape', issue.message));
      return;
    }
    case 'invalid_key':
    case 'invalid_element':
      if (issue.issues.length === 0) out.push(issueAt(path, 'invalid_value', issue.message));
      for (const inner of issue.issues) collect(inner, path, out);
      return;
    case 'custom': {
      const code: unknown = issue.params?.code;
      out.push(issueAt(path, typeof code === 'string' && KNOWN_CODES.has(code) ? (code as IssueCode) : 'invalid_value', issue.message));
      return;
    }
    case 'not_multiple_of':
      out.push(issueAt(path, 'invalid_value', issue.message));
      return;
    default:
      out.push(issueAt(path, issue.code, issue.message));
  }
}

/**
 * The branch whose issues show the fewest missing or unknown fields is the
 * form the author meant; on a tie none is, and the union's own message says
 * which forms are allowed.
 */
function closestBranch(branches: readonly (readonly core.$ZodIssue[])[], path: readonly PathSegment[]): ValidationIssue[] | undefined {
  let best: ValidationIssue[] | undefined;
  let bestScore = Infinity;
  let tied = false;
  for (const branch of branches) {
    const issues = fromZodIssues(branch, path);
    const score = issues.filter((i) => i.code === 'missing' || i.code === 'unknown_field').length;
    if (score < bestScore) {
      best = issues;
      bestScore = score;
      tied = false;
    } else if (score === bestScore) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}

/** Every form rejected the value's type outright, as when a string stands where an object belongs. */
function isWrongType(branches: readonly (readonly core.$ZodIssue[])[]): boolean {
  return branches.every((b) => b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0 && b[0]!.input !== undefined);
}

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a finite number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  tuple: 'an array',
  record: 'an object',
  null: 'null',
};

/**
 * Zod's messages for built-in checks, in our words. Messages that a schema
 * sets itself (key patterns, operator values) take precedence over these.
 *
 * @example
 * schema.safeParse(input, { error: messageFor });
 */
export const messageFor: core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return missingMessage(issue.path);
      return `expected ${TYPE_NOUNS[issue.expected] ?? `a ${issue.expected}`}, got ${describeValue(issue.input)}`;
    }
    case 'unrecognized_keys':
      return unknownFieldsMessage(issue.keys, allowedFields(issue.inst));
    case 'invalid_union': {
      if (issue.input === undefined) return missingMessage(issue.path);
      if (issue.discriminator === undefined) return 'does not match any of the allowed forms';
      const tag = isRecord(issue.input) ? issue.input[issue.discriminator] : undefined;
      const options = listOf(('options' in issue && Array.isArray(issue.options) ? issue.options : []).map(String));
      return tag === undefined
        ? `missing required field ${quote(issue.discriminator)}; it is one of ${options}`
        : `${describeValue(tag)} is not a valid ${issue.discriminator}; use one of ${options}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${listOf(issue.values.map((v) => JSON.stringify(v)))}`;
    case 'too_small':
      return sizeMessage(issue.origin, 'at least', issue.minimum, issue.inclusive !== false);
    case 'too_big':
      return sizeMessage(issue.origin, 'at most', issue.maximum, issue.inclusive !== false);
    case 'invalid_format':
      return `${describeValue(issue.input)} does not have the expected format${issue.pattern === undefined ? '' : ` ${issue.pattern}`}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_key':
      return `${describeValue(issue.input)} is not a valid key`;
    default:
      return 'is not valid';
  }
};

/**
 * Marks a custom issue with one of our codes, which `fromZodIssues` reads back.
 *
 * @example
 * ctx.addIssue({ code: 'custom', message: 'split weights sum to 99000; …', ...coded('split_sum') });
 */
export function coded(code: IssueCode): { params: { code: IssueCode } } {
  return { params: { code } };
}

/**
 * The error option for a union: names its forms when the input matches none,
 * and leaves an absent value to the general "missing required field".
 *
 * @example
 * z.union([a, b], { error: formsMessage('serve is either { "variant" } or { "rollout" }') });
 */
export function formsMessage(forms: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? undefined : forms);
}

/** @example missingMessage(['rules', 0, 'id']); // 'missing required field "id"' */
function missingMessage(path: readonly PropertyKey[] | undefined): string {
  const field = path?.at(-1);
  return typeof field === 'string' ? `missing required field ${quote(field)}` : 'a value is required';
}

/** @example sizeMessage('array', 'at most', 500, true); // 'must have at most 500 entries' */
function sizeMessage(origin: string, bound: 'at least' | 'at most', limit: number | bigint, inclusive: boolean): string {
  switch (origin) {
    case 'string':
      if (bound === 'at least' && limit === 1) return 'must not be empty';
      return `must be ${bound} ${limit} characters long`;
    case 'array':
    case 'set':
      if (bound === 'at least' && limit === 1) return 'must have at least one entry';
      return `must have ${bound} ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
    default:
      if (inclusive) return `must be ${bound} ${limit}`;
      return `must be ${bound === 'at least' ? 'greater' : 'less'} than ${limit}`;
  }
}

/** The fields of the strict object that raised an issue, so its message can list them. */
function allowedFields(inst: unknown): string[] {
  const def = (inst as { _zod?: { def?: { shape?: unknown } } } | undefined)?._zod?.def;
  return isRecord(def?.shape) ? Object.keys(def.shape) : [];
}

/** @example unknownFieldsMessage(['valus'], ['attr', 'op', 'values']); // 'unknown field "valus"; did you mean "values"?' */
function unknownFieldsMessage(keys: readonly string[], allowed: readonly string[]): string {
  const named = keys.length === 1 ? `unknown field ${quote(keys[0]!)}` : `unknown fields ${listOf(keys.map(quote))}`;
  const guess = keys.length === 1 ? closestName(keys[0]!, allowed) : undefined;
  if (guess !== undefined) return `${named}; did you mean ${quote(guess)}?`;
  return allowed.length === 0 ? named : `${named}; allowed fields are ${listOf(allowed)}`;
}

/** The allowed name a typo most likely meant: at most two edits away, ignoring case. */
function closestName(typo: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of allowed) {
    const distance = editDistance(typo.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance; Infinity when the lengths alone rule out a typo, to keep long names cheap. @example editDistance('colour', 'color'); // 1 */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
