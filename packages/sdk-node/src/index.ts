export {
  DialClient,
  type ClientEvents,
  type ClientStatus,
  type EvaluationContext,
  type SnapshotSource,
  type Widened,
} from './dial-client.js';
export { DialError, type DialErrorKind } from './dial-error.js';
export type { DetailsErrorCode, FlagDetails } from './flag-details.js';
export { DEFAULTS, type DialClientOptions, type Logger, type Timers } from './options.js';
export type { Flag, JsonValue, Reason, Segment, Snapshot } from '@dial/core';
