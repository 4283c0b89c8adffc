export type {
  AttributeCondition,
  Condition,
  Context,
  ErrorCode,
  EvaluationResult,
  Flag,
  JsonValue,
  Operator,
  Prerequisite,
  Reason,
  Rollout,
  Rule,
  Segment,
  SegmentCondition,
  Serve,
  Snapshot,
  SplitEntry,
} from './types.js';
export { OPERATORS } from './types.js';
export { CompiledSnapshot } from './snapshot.js';
export { compiledFor, evaluate, evaluateAll } from './evaluate.js';
export { murmur3, murmur3From, murmur3State, type HashState } from './murmur3.js';
export { BUCKETS, bucket, bucketOf, saltState, unitKey, type SaltState } from './bucket.js';
export { MAX_PREREQUISITE_DEPTH } from './flag.js';
export { parseSemVer, compareSemVer, type SemVer } from './semver.js';
export { parseInstant } from './dates.js';
export * from './property-filters.js';
export * from './analytics/index.js';
