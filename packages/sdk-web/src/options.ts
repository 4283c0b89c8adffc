import type { EvaluatedFlags } from './flag-details.js';

/** The attributes flags are evaluated for; `key` is the targeting key. */
export type EvaluationContext = Readonly<Record<string, unknown>>;

/** Where background problems are reported; `console` will do. Contexts are never passed to it. */
export interface Logger {
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

/** The timer functions the client schedules with; injectable so tests control time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Where the last flags are kept between page loads: `localStorage`, or anything with its two methods. */
export interface FlagStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What the client needs of a server-sent event. */
export interface StreamEvent {
  readonly data?: unknown;
  readonly lastEventId?: string;
}

/** What the client needs of an `EventSource`, so that the browser's, a polyfill or a test double will do. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: StreamEvent) => void): void;
  close(): void;
}

export type EventSourceConstructor = new (url: string) => EventSourceLike;

export interface DialWebClientOptions {
  /** A client key for one environment (`dial_client_…`): safe to ship in a page. */
  clientKey: string;
  /** Where Dial runs, e.g. `https://dial.example.com`. */
  baseUrl: string;
  /** Who the flags are for; `key` is the targeting key. Change it later with `setContext`. */
  context: EvaluationContext;
  /** Flags evaluated for this context on the server (the answer of `POST /api/v1/sdk/evaluate`), served at once; `ready` resolves at once. */
  bootstrap?: EvaluatedFlags;
  /**
   * Where the last flags of each context are kept, to start with them on the
   * next page load. Default: `localStorage` where the page may use it; `false`
   * keeps nothing.
   */
  storage?: FlagStorage | false;
  /** Hear of changes over Server-Sent Events (with polling while the stream is down); false polls only. Default true where `EventSource` exists. */
  stream?: boolean;
  /** How often to ask for the flags while the stream is down or unavailable. Default 30000. */
  pollIntervalMs?: number;
  /** How long `ready` waits for the first flags before it resolves anyway. Default 3000. */
  initTimeoutMs?: number;
  /** A request that has not answered in this long is abandoned. Default 10000. */
  requestTimeoutMs?: number;
  /** The ceiling of the first retry delay; it doubles per failed attempt. Default 1000. */
  backoffBaseMs?: number;
  /** Retry delays never exceed this. Default 30000. */
  backoffCapMs?: number;
  /** Where background failures are reported besides the `error` event. Default: nowhere. */
  logger?: Logger;
  /** Send `track` events and exposures to Dial; false sends nothing. Default true. */
  events?: boolean;
  /** Record an exposure when the page reads a flag (not through `allFlags`). Default true. */
  exposures?: boolean;
  /** An exposure of one (key, flag, variant) is recorded once per this long; `Infinity` once per page. Default 3600000. */
  exposureDedupMs?: number;
  /** Send as soon as this many events are queued. Default 50. */
  flushAt?: number;
  /** Send queued events at most this long after the first. Default 5000. */
  flushIntervalMs?: number;
  /** Beyond this many unsent events, the oldest are dropped (counted in `status().droppedEvents`). Default 1000. */
  maxQueuedEvents?: number;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Default: the global `EventSource`. */
  EventSource?: EventSourceConstructor;
  /** Default: the global setTimeout / clearTimeout. */
  timers?: Timers;
  /** A number in [0, 1) for backoff jitter. Default Math.random. */
  random?: () => number;
  /** The current time in milliseconds. Default Date.now. */
  now?: () => number;
}

export interface ResolvedOptions {
  readonly clientKey: string;
  readonly baseUrl: string;
  readonly pollIntervalMs: number;
  readonly initTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  /** Nothing can be asked of Dial: the options do not say where, or with what. */
  readonly offline: boolean;
  readonly storage: FlagStorage | undefined;
  readonly events: boolean;
  readonly exposures: boolean;
  readonly exposureDedupMs: number;
  readonly flushAt: number;
  readonly flushIntervalMs: number;
  readonly maxQueuedEvents: number;
  readonly fetch: typeof fetch;
  readonly EventSource: EventSourceConstructor | undefined;
  readonly timers: Timers;
  readonly random: () => number;
  readonly now: () => number;
}

export const DEFAULTS = {
  pollIntervalMs: 30_000,
  initTimeoutMs: 3_000,
  requestTimeoutMs: 10_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 30_000,
  exposureDedupMs: 3_600_000,
  flushAt: 50,
  flushIntervalMs: 5_000,
  maxQueuedEvents: 1_000,
} as const;

/** The browser's globals, typed as far as the client uses them; none need exist. */
const browser = globalThis as { localStorage?: FlagStorage; EventSource?: EventSourceConstructor };

const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/** `localStorage`, unless merely touching it throws (a sandboxed frame, blocked cookies). */
function defaultStorage(): FlagStorage | undefined {
  try {
    return browser.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function duration(value: number | undefined, fallback: number, minimum: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(value, minimum) : fallback;
}

/** The options with defaults filled in; problems that make contacting Dial impossible are listed. */
export function resolveOptions(options: Partial<DialWebClientOptions>): { resolved: ResolvedOptions; problems: string[] } {
  const problems: string[] = [];
  let baseUrl = typeof options.baseUrl === 'string' ? options.baseUrl.replace(/\/+$/, '') : '';
  if (typeof options.clientKey !== 'string' || options.clientKey === '') problems.push('clientKey is required');
  try {
    const protocol = new URL(baseUrl).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') problems.push(`baseUrl must be http or https, not ${protocol}`);
  } catch {
    problems.push(`baseUrl is not a URL: ${JSON.stringify(options.baseUrl)}`);
    baseUrl = '';
  }
  const fetchFunction = options.fetch ?? globalThis.fetch;
  if (typeof fetchFunction !== 'function') problems.push('no fetch function: pass one as the fetch option');
  const EventSource = options.stream === false ? undefined : (options.EventSource ?? browser.EventSource);
  return {
    problems,
    resolved: {
      clientKey: typeof options.clientKey === 'string' ? options.clientKey : '',
      baseUrl,
      pollIntervalMs: duration(options.pollIntervalMs, DEFAULTS.pollIntervalMs, 1),
      initTimeoutMs: duration(options.initTimeoutMs, DEFAULTS.initTimeoutMs, 0),
      requestTimeoutMs: duration(options.requestTimeoutMs, DEFAULTS.requestTimeoutMs, 1),
      backoffBaseMs: duration(options.backoffBaseMs, DEFAULTS.backoffBaseMs, 1),
      backoffCapMs: duration(options.backoffCapMs, DEFAULTS.backoffCapMs, 1),
      offline: problems.length > 0,
      events: options.events !== false,
      exposures: options.events !== false && options.exposures !== false,
      exposureDedupMs: options.exposureDedupMs === Infinity ? Infinity : duration(options.exposureDedupMs, DEFAULTS.exposureDedupMs, 0),
      flushAt: Math.floor(duration(options.flushAt, DEFAULTS.flushAt, 1)),
      flushIntervalMs: duration(options.flushIntervalMs, DEFAULTS.flushIntervalMs, 1),
      maxQueuedEvents: Math.floor(duration(options.maxQueuedEvents, DEFAULTS.maxQueuedEvents, 1)),
      storage: options.storage === false ? undefined : (options.storage ?? defaultStorage()),
      // Bound, since browsers throw "Illegal invocation" when fetch is called as a method of another object.
      fetch: typeof fetchFunction === 'function' ? fetchFunction.bind(globalThis) : fetchFunction,
      EventSource: typeof EventSource === 'function' ? EventSource : undefined,
      timers: options.timers ?? globalTimers,
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
    },
  };
}

/**
 * The delay before retry `attempt` (0 for the first): "full jitter", a random
 * delay up to min(cap, base·2^attempt), so that the pages of every user do not
 * all come back at the same instant after a server restart.
 *
 * @example
 * backoffDelay(3, resolved); // somewhere in [0, 8000) with the defaults
 */
export function backoffDelay(attempt: number, { backoffBaseMs, backoffCapMs, random }: Pick<ResolvedOptions, 'backoffBaseMs' | 'backoffCapMs' | 'random'>): number {
  const ceiling = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  const r = random();
  return Math.floor((Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 1) * ceiling);
}
