/** Any JSON value: what a variant serves and what a context attribute may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The flat object an application evaluates flags for; `key` is the targeting key. */
export type Context = Readonly<Record<string, unknown>>;

export const OPERATORS = [
  'eq',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
  'lt',
  'lte',
  'gt',
  'gte',
  'before',
  'after',
  'semverEq',
  'semverLt',
  'semverGt',
  'exists',
] as const;

export type Operator = (typeof OPERATORS)[number];

export interface AttributeCondition {
  attr: string;
  op: Operator;
  values?: JsonValue[];
  negate?: boolean;
}

export interface SegmentCondition {
  segment: string;
  negate?: boolean;
}

export type Condition = AttributeCondition | SegmentCondition;

export interface SplitEntry {
  variant: string;
  /** Thousandths of a percent: the weights of one split sum to 100000. */
  weight: number;
}

export interface Rollout {
  split: SplitEntry[];
  /** Defaults to the flag key. */
  salt?: string;
  /** The context attribute to bucket by; defaults to `key`. */
  bucketBy?: string;
}

export type Serve = { variant: string } | { rollout: Rollout };

export interface Rule {
  id: string;
  when: Condition[];
  serve: Serve;
}

export interface Prerequisite {
  flag: string;
  variant: string;
}

export interface Flag {
  key: string;
  variants: Record<string, JsonValue>;
  enabled: boolean;
  offVariant: string;
  prerequisites?: Prerequisite[];
  rules: Rule[];
  fallthrough: Serve;
}

export interface Segment {
  key: string;
  include?: string[];
  exclude?: string[];
  /** Rule groups: a context matching every condition of any one group is in the segment. */
  rules?: Condition[][];
}

/** What a server-side SDK downloads for one environment. */
export interface Snapshot {
  version?: number;
  flags: Flag[];
  segments?: Segment[];
}

export type Reason = 'DISABLED' | 'PREREQUISITE_FAILED' | 'TARGETING_MATCH' | 'SPLIT' | 'DEFAULT' | 'ERROR';

export type ErrorCode = 'FLAG_NOT_FOUND' | 'TARGETING_KEY_MISSING' | 'PARSE_ERROR';

/**
 * The outcome of evaluating one flag for one context. Errors carry no variant:
 * the caller falls back to its own default value.
 */
export interface EvaluationResult {
  readonly variant?: string;
  readonly value?: JsonValue;
  readonly reason: Reason;
  readonly ruleId?: string;
  readonly prerequisite?: string;
  readonly errorCode?: ErrorCode;
  /** A human-readable explanation of an error, never used for matching. */
  readonly errorMessage?: string;
}
