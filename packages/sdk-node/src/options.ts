import type { Snapshot } from '@dial/core';

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

export interface DialClientOptions {
  /** A server SDK key for one environment. */
  sdkKey: string;
  /** Where Dial runs, e.g. `https://dial.example.com`. */
  baseUrl: string;
  /** How long `ready` waits for the first snapshot before it resolves anyway. Default 3000. */
  initTimeoutMs?: number;
  /** How often to poll the snapshot while the stream is down. Default 30000. */
  pollIntervalMs?: number;
  /** A stream silent this long (no event, no heartbeat) is taken as dead and reopened. Default 30000 (twice the heartbeat). */
  streamReadTimeoutMs?: number;
  /** A poll that has not answered in this long is abandoned. Default 10000. */
  requestTimeoutMs?: number;
  /** The ceiling of the first reconnection delay; it doubles per failed attempt. Default 500. */
  backoffBaseMs?: number;
  /** The reconnection delay never exceeds this. Default 30000. */
  backoffCapMs?: number;
  /** Flags to serve from the start; `ready` then resolves at once. */
  bootstrap?: Snapshot;
  /** A JSON file holding such a snapshot, read once at construction. */
  bootstrapFile?: string;
  /**
   * A file to keep the last snapshot in, rewritten (atomically) whenever its
   * version changes. At start its flags are served until Dial answers, and if
   * Dial cannot be reached, `ready` resolves with them.
   */
  persistFile?: string;
  /** Never contact Dial: serve the bootstrap only. Default false. */
  offline?: boolean;
  /** Stream updates (with polling while the stream is down); false polls only. Default true. */
  stream?: boolean;
  /** Where background failures are reported besides the `error` event. Default: nowhere. */
  logger?: Logger;
  /** The `fetch` to use. Default: the global one. */
  fetch?: typeof fetch;
  /** Default: the global setTimeout / clearTimeout. */
  timers?: Timers;
  /** A number in [0, 1) for backoff jitter. Default Math.random. */
  random?: () => number;
  /** The current time. Default: `() => new Date()`. */
  now?: () => Date;
  /** Send tracked events and exposures to Dial; false makes `track` a no-op and records no exposures. Default true. */
  events?: boolean;
  /** Record an exposure when a flag accessor serves a variant. Default true. */
  exposures?: boolean;
  /** One exposure per (unit, flag, variant) in this window; 0 sends every one. Default 3600000 (an hour). */
  exposureDedupMs?: number;
  /** Send as soon as this many events wait (at most 1000 per request). Default 100. */
  flushAt?: number;
  /** Send what waits at most this long after it was queued. Default 5000. */
  flushIntervalMs?: number;
  /** Past this many events waiting (Dial unreachable), the oldest are dropped and counted in `status().droppedEvents`. Default 10000. */
  maxQueuedEvents?: number;
  /** Send what waits when the process is about to exit (`beforeExit`, SIGTERM, SIGINT). Default true. */
  flushOnExit?: boolean;
  /** How long `close()` (and an exit) waits for queued events to be sent. Default 5000. */
  closeTimeoutMs?: number;
}

export interface ResolvedOptions {
  readonly sdkKey: string;
  readonly baseUrl: string;
  readonly initTimeoutMs: number;
  readonly pollIntervalMs: number;
  readonly streamReadTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  readonly offline: boolean;
  readonly stream: boolean;
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  readonly random: () => number;
  readonly now: () => Date;
  readonly events: boolean;
  readonly exposures: boolean;
  readonly exposureDedupMs: number;
  readonly flushAt: number;
  readonly flushIntervalMs: number;
  readonly maxQueuedEvents: number;
  readonly flushOnExit: boolean;
  readonly closeTimeoutMs: number;
}

export const DEFAULTS = {
  initTimeoutMs: 3_000,
  pollIntervalMs: 30_000,
  streamReadTimeoutMs: 30_000,
  requestTimeoutMs: 10_000,
  backoffBaseMs: 500,
  backoffCapMs: 30_000,
  exposureDedupMs: 60 * 60 * 1000,
  flushAt: 100,
  flushIntervalMs: 5_000,
  maxQueuedEvents: 10_000,
  closeTimeoutMs: 5_000,
} as const;

const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function duration(value: number | undefined, fallback: number, minimum: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(value, minimum) : fallback;
}

/** The options with defaults filled in; problems that make contacting Dial impossible are listed. */
export function resolveOptions(options: DialClientOptions): { resolved: ResolvedOptions; problems: string[] } {
  const problems: string[] = [];
  const offline = options.offline === true;
  let baseUrl = typeof options.baseUrl === 'string' ? options.baseUrl.replace(/\/+$/, '') : '';
  if (!offline) {
    if (typeof options.sdkKey !== 'string' || options.sdkKey === '') problems.push('sdkKey is required');
    try {
      const url = new URL(baseUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`baseUrl must be http or https, not ${url.protocol}`);
    } catch {
      problems.push(`baseUrl is not a URL: ${JSON.stringify(options.baseUrl)}`);
      baseUrl = '';
    }
  }
  const fetchFunction = options.fetch ?? globalThis.fetch;
  if (!offline && typeof fetchFunction !== 'function') problems.push('no fetch function: pass one as the fetch option');
  return {
    problems,
    resolved: {
      sdkKey: typeof options.sdkKey === 'string' ? options.sdkKey : '',
      baseUrl,
      initTimeoutMs: duration(options.initTimeoutMs, DEFAULTS.initTimeoutMs, 0),
      pollIntervalMs: duration(options.pollIntervalMs, DEFAULTS.pollIntervalMs, 1),
      streamReadTimeoutMs: duration(options.streamReadTimeoutMs, DEFAULTS.streamReadTimeoutMs, 1),
      requestTimeoutMs: duration(options.requestTimeoutMs, DEFAULTS.requestTimeoutMs, 1),
      backoffBaseMs: duration(options.backoffBaseMs, DEFAULTS.backoffBaseMs, 1),
      backoffCapMs: duration(options.backoffCapMs, DEFAULTS.backoffCapMs, 1),
      offline: offline || problems.length > 0,
      stream: options.stream !== false,
      fetch: fetchFunction,
      timers: options.timers ?? globalTimers,
      random: options.random ?? Math.random,
      now: options.now ?? (() => new Date()),
      events: options.events !== false && !(offline || problems.length > 0),
      exposures: options.exposures !== false,
      exposureDedupMs: duration(options.exposureDedupMs, DEFAULTS.exposureDedupMs, 0),
      flushAt: Math.min(Math.floor(duration(options.flushAt, DEFAULTS.flushAt, 1)), 1_000),
      flushIntervalMs: duration(options.flushIntervalMs, DEFAULTS.flushIntervalMs, 1),
      maxQueuedEvents: Math.floor(duration(options.maxQueuedEvents, DEFAULTS.maxQueuedEvents, 1)),
      flushOnExit: options.flushOnExit !== false,
      closeTimeoutMs: duration(options.closeTimeoutMs, DEFAULTS.closeTimeoutMs, 0),
    },
  };
}

/** The headers of every request to Dial's SDK endpoints. */
export function requestHeaders(sdkKey: string, extra: Record<string, string | undefined>): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${sdkKey}`, 'user-agent': 'dial-sdk-node/0.1.0' };
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) headers[name] = value;
  return headers;
}
