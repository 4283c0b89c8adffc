export { DialWebClient, type ClientEvents, type ClientStatus, type FlagsSource } from './dial-web-client.js';
export { DialError, type DialErrorKind } from './dial-error.js';
export type { DetailsErrorCode, EvaluatedFlags, FlagDetails, JsonValue, Reason, Widened } from './flag-details.js';
export {
  DEFAULTS,
  type DialWebClientOptions,
  type EvaluationContext,
  type EventSourceConstructor,
  type EventSourceLike,
  type FlagStorage,
  type Logger,
  type StreamEvent,
  type Timers,
} from './options.js';
