/**
 * Stable codes, so the server and console can react to a kind of problem
 * without parsing messages.
 */
export const ISSUE_CODES = [
  /** A required field is absent. */
  'missing',
  /** A field holds the wrong kind of value (a string where a number belongs…). */
  'invalid_type',
  /** An object matches none of the forms allowed at its place (`serve`, a condition). */
  'invalid_shape',
  /** A field this object does not have, often a typo. */
  'unknown_field',
  /** Not one of the allowed values, such as an unknown operator. */
  'invalid_value',
  /** A key or id that breaks its pattern. */
  'invalid_format',
  'too_small',
  'too_big',
  'invalid_regex',
  'invalid_date',
  'invalid_semver',
  /** Split weights that do not add up to 100%. */
  'split_sum',
  /** A key, rule id, prerequisite or list entry given twice. */
  'duplicate',
  'unknown_variant',
  'unknown_segment',
  'unknown_flag',
  'prerequisite_cycle',
  'prerequisite_too_deep',
  'segment_cycle',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface ValidationIssue {
  /** Where the problem is, as `rules[0].when[1].values[2]`; empty for the document itself. */
  path: string;
  message: string;
  code: IssueCode;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes a path as JavaScript would access it, so it can be pasted into code
 * or searched for in a file.
 *
 * @example
 * formatPath(['rules', 0, 'when', 1]); // 'rules[0].when[1]'
 * formatPath(['variants', 'dark-mode']); // 'variants["dark-mode"]'
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Places a path found inside a document under that document's own path, so a
 * flag's issues read as `flags[3].…` in a snapshot.
 *
 * @example
 * joinPath('flags[3]', 'rules[0].id'); // 'flags[3].rules[0].id'
 */
export function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

/** @example issueAt(['fallthrough', 'variant'], 'unknown_variant', 'variant "x" is not one of the flag\'s variants') */
export function issueAt(path: readonly PathSegment[], code: IssueCode, message: string): ValidationIssue {
  return { path: formatPath(path), code, message };
}

/**
 * One line per issue, for a CLI or a log.
 *
 * @example
 * formatIssues([{ path: 'fallthrough.variant', code: 'unknown_variant', message: 'variant "x" does not exist' }]);
 * // 'fallthrough.variant: variant "x" does not exist'
 */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join('\n');
}

const MAX_QUOTED = 60;

/**
 * A short description of a value for a message: enough to find it, never the
 * whole of a large one.
 *
 * @example
 * describeValue('10'); // 'the string "10"'
 * describeValue([1, 2]); // 'an array'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** A string in double quotes, shortened when long. @example quote('on'); // '"on"' */
export function quote(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
}

/** The lists of allowed values messages name. @example listOf(['a', 'b', 'c']); // 'a, b and c' */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
