import { ClientStream } from './client-stream.js';
import { DialError } from './dial-error.js';
import { requestEvaluation } from './evaluate-request.js';
import { type DialEvent, EventQueue } from './event-queue.js';
import { FlagCache, targetingKeyOf } from './flag-cache.js';
import {
  type EvaluatedFlags,
  type FlagDetails,
  type JsonValue,
  type ValueKind,
  type Widened,
  errorDetails,
  kindOf,
  parseEvaluatedFlags,
  sameDetails,
  withDefault,
} from './flag-details.js';
import { type DialWebClientOptions, type EvaluationContext, type Logger, type ResolvedOptions, backoffDelay, resolveOptions } from './options.js';

/** Where the flags being served came from. */
export type FlagsSource = 'server' | 'bootstrap' | 'storage';

export interface ClientStatus {
  /** The client holds flags to serve. */
  readonly ready: boolean;
  /** The flags may be out of date: not yet confirmed by Dial, the last request failed, or the stream is down and no poll has answered since. */
  readonly stale: boolean;
  /** The environment's version the flags were evaluated at. */
  readonly version: number | null;
  /** When the flags held were received, or loaded at start. */
  readonly lastUpdate: Date | null;
  readonly source: FlagsSource | null;
  /** The stream is connected: changes arrive as they happen. */
  readonly streaming: boolean;
  /** Events dropped unsent because the queue was full. */
  readonly droppedEvents: number;
}

/** The events of a client and their listeners' arguments. */
export interface ClientEvents {
  /** The keys of the flags whose value, variant or reason changed (or that appeared or went away). */
  change: [keys: string[]];
  /** Once, when the client first has flags to serve (after `ready` has resolved). */
  ready: [];
  /** A background failure; the client goes on serving the last known flags. */
  error: [error: DialError];
}

type Listener<E extends keyof ClientEvents> = (...args: ClientEvents[E]) => void;

/** Change notices that arrive within this long of each other are answered by one request. */
const NOTICE_COALESCE_MS = 20;

const NOT_READY: FlagDetails<undefined> = Object.freeze({ value: undefined, reason: 'ERROR', errorCode: 'PROVIDER_NOT_READY', errorMessage: 'the client has no flags yet' });
const NOT_FOUND: FlagDetails<undefined> = Object.freeze({ value: undefined, reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND', errorMessage: 'no such flag for client keys' });

/** The most (key, flag, variant) exposures remembered for deduplication. */
const MAX_EXPOSURES_KEPT = 1_000;
/** The server's limits on an event. */
const MAX_ATTRIBUTES = 50;
const MAX_NAME_LENGTH = 200;
const MAX_PROPERTIES_BYTES = 8 * 1024;

type Scalar = string | number | boolean | null;

/** The browser's globals the client listens to for the page going away; none need exist. */
const page = globalThis as {
  document?: { visibilityState?: string; addEventListener?(type: string, listener: () => void): void; removeEventListener?(type: string, listener: () => void): void };
  addEventListener?(type: string, listener: () => void): void;
  removeEventListener?(type: string, listener: () => void): void;
  crypto?: { randomUUID?(): string };
};

const isRecord = (value: unknown): value is EvaluationContext => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Dial's browser client: the flags of one user, evaluated by Dial (the
 * browser never sees a rule or another user's list), kept current over a
 * stream of change notices, with polling while the stream is down. It never
 * throws into the page: on any failure it serves the last known flags, or
 * the default.
 *
 * @example
 * const dial = new DialWebClient({ clientKey: 'dial_client_…', baseUrl: 'https://dial.example.com', context: { key: user.id, plan: 'pro' } });
 * await dial.ready;
 * if (dial.boolean('new-checkout', false)) { … }
 * dial.on('change', () => render());
 */
export class DialWebClient {
  /** Resolves on the first flags from Dial, at once with a bootstrap, or after `initTimeoutMs`; never rejects. */
  readonly ready: Promise<void>;

  private readonly options: ResolvedOptions;
  private readonly logger: Logger | undefined;
  private readonly cache: FlagCache;
  private readonly stream: ClientStream | undefined;
  private readonly listeners: { [E in keyof ClientEvents]: Set<Listener<E>> } = { change: new Set(), ready: new Set(), error: new Set() };

  private context: EvaluationContext;
  /** Counts contexts: a flag set evaluated for an older one is not current. */
  private generation = 0;
  private flags: Map<string, FlagDetails<JsonValue | undefined>> | undefined;
  private flagsVersion: number | undefined;
  /** The context generation the flags were evaluated for; -1 for flags kept from an earlier page that Dial has not confirmed. */
  private flagsGeneration = -1;
  private source: FlagsSource | null = null;
  private lastUpdate: number | undefined;
  /** The newest version the stream has told of. */
  private newestNotice: number | undefined;
  /** A change notice without a version: ask whatever the versions say. */
  private forced = false;

  private inFlight: AbortController | undefined;
  private timer: unknown;
  private timerAt = Infinity;
  /** No request before this time (a 429's Retry-After). */
  private blockedUntil = 0;
  private attempt = 0;
  private streamOpen = false;
  private fresh = false;
  /** Closed, or the key was refused: nothing more is asked of Dial. */
  private stopped = false;
  private closed = false;
  private constructing = true;
  private storageFailed = false;

  private resolveReady: () => void = () => undefined;
  private settled = false;
  private readyEmitted = false;
  private initTimer: unknown;
  private waiters: { generation: number; resolve: () => void }[] = [];

  private readonly events: EventQueue | undefined;
  /** When each (key, flag, variant) exposure was last recorded, oldest first. */
  private readonly exposed = new Map<string, number>();
  private eventCount = 0;
  private readonly pageHidden = () => {
    if (page.document?.visibilityState !== 'visible') this.events?.sendAll();
  };

  constructor(options: DialWebClientOptions) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    const given: Partial<DialWebClientOptions> = isRecord(options) ? options : {};
    const { resolved, problems } = resolveOptions(given);
    this.options = resolved;
    this.logger = given.logger;
    this.cache = new FlagCache(resolved.storage, resolved.clientKey);
    this.context = this.checkContext(given.context);
    for (const problem of problems) this.report(new DialError(`not contacting Dial: ${problem}`, 'config'));

    if (given.bootstrap !== undefined) {
      const bootstrap = parseEvaluatedFlags(given.bootstrap);
      if (bootstrap === undefined) this.report(new DialError('the bootstrap option is not a set of flags ({ version, flags })', 'config'));
      // Without a version, a bootstrap cannot be compared with the stream's: it is served, and asked for again.
      else this.install(bootstrap, 'bootstrap', bootstrap.version === undefined ? -1 : this.generation);
    }
    if (this.flags === undefined) this.loadKept();
    if (this.flags !== undefined && this.source === 'bootstrap') this.settleReady();

    if (!resolved.offline && resolved.events) {
      this.events = new EventQueue(resolved, (error) => this.report(error));
      page.document?.addEventListener?.('visibilitychange', this.pageHidden);
      page.addEventListener?.('pagehide', this.pageHidden);
    }

    if (resolved.offline) {
      this.stream = undefined;
      this.stopped = true;
      this.settleReady();
    } else {
      if (!this.settled) this.initTimer = resolved.timers.setTimeout(() => this.settleReady(), resolved.initTimeoutMs);
      const EventSource = resolved.EventSource;
      this.stream =
        EventSource === undefined
          ? undefined
          : new ClientStream(
              { ...resolved, EventSource },
              {
                ready: (version) => this.streamReady(version),
                changed: (version) => this.changeNoticed(version),
                drop: (error) => this.streamDropped(error),
              },
            );
      this.stream?.start();
      this.plan(0);
    }
    this.constructing = false;
  }

  /** The flag's value if it is a boolean, else `defaultValue`. */
  boolean(flagKey: string, defaultValue: boolean): boolean {
    return this.resolve(flagKey, defaultValue, 'boolean').value;
  }

  /** The flag's value if it is a string, else `defaultValue`. */
  string(flagKey: string, defaultValue: string): string {
    return this.resolve(flagKey, defaultValue, 'string').value;
  }

  /** The flag's value if it is a number, else `defaultValue`. */
  number(flagKey: string, defaultValue: number): number {
    return this.resolve(flagKey, defaultValue, 'number').value;
  }

  /** The flag's value, whatever JSON it is (frozen, shared between calls), or `defaultValue` on an error. */
  json<T extends JsonValue = JsonValue>(flagKey: string, defaultValue: T): T {
    return this.resolve(flagKey, defaultValue, 'json').value;
  }

  booleanDetails(flagKey: string, defaultValue: boolean): FlagDetails<boolean> {
    return this.resolve(flagKey, defaultValue, 'boolean');
  }

  stringDetails(flagKey: string, defaultValue: string): FlagDetails<string> {
    return this.resolve(flagKey, defaultValue, 'string');
  }

  numberDetails(flagKey: string, defaultValue: number): FlagDetails<number> {
    return this.resolve(flagKey, defaultValue, 'number');
  }

  jsonDetails<T extends JsonValue = JsonValue>(flagKey: string, defaultValue: T): FlagDetails<T> {
    return this.resolve(flagKey, defaultValue, 'json');
  }

  /**
   * The flag's value and why. The default's type is the type expected (an
   * object, array or null default accepts any JSON); without a default, any
   * value is accepted, an error leaves `value` undefined, and the same object
   * comes back until the flag changes.
   */
  details(flagKey: string): FlagDetails<JsonValue | undefined>;
  details<T extends JsonValue>(flagKey: string, defaultValue: T): FlagDetails<Widened<T>>;
  details(flagKey: string, defaultValue?: JsonValue): FlagDetails<JsonValue | undefined> {
    return this.resolve(flagKey, defaultValue, kindOf(defaultValue));
  }

  /**
   * Records that the current context's unit did something (`checkout`,
   * `signup`), with the context's flat attributes, to be sent to Dial in a
   * batch. Never throws: a problem is an `error` event.
   *
   * @example
   * dial.track('checkout', { amount: 42 });
   */
  track(name: string, properties?: Record<string, JsonValue>): void {
    let problem: string | undefined;
    try {
      if (typeof name !== 'string' || name === '' || name.length > MAX_NAME_LENGTH) problem = `the event name must be 1 to ${MAX_NAME_LENGTH} characters`;
      else if (properties !== undefined && (!isRecord(properties) || new TextEncoder().encode(JSON.stringify(properties)).length > MAX_PROPERTIES_BYTES)) {
        problem = `the properties of ${name} must be an object of at most ${MAX_PROPERTIES_BYTES} bytes as JSON`;
      } else if (this.unitKey() === '') problem = `${name} not tracked: the context has no key (of at most 256 characters)`;
      else this.record('track', name, undefined, properties);
    } catch (error) {
      problem = `${name} not tracked: ${String(error)}`;
    }
    if (problem !== undefined) this.report(new DialError(problem, 'config'));
  }

  /** Sends the events queued now; resolves once Dial has answered or failed, never rejects. */
  flush(): Promise<void> {
    return this.events?.flush() ?? Promise.resolve();
  }

  /** Every flag the client key may see, keyed by flag key; an error leaves that flag's `value` undefined. */
  allFlags(): Record<string, FlagDetails<JsonValue | undefined>> {
    return Object.fromEntries(this.flags ?? []);
  }

  /**
   * Switches to another context (a user signs in, an attribute changes) and
   * asks Dial for its flags. Until they arrive, the flags kept for that
   * user's key are served if there are any, else the previous ones. Resolves
   * (never rejects) once Dial has answered or failed; an answer for a
   * context no longer current is dropped.
   */
  setContext(context: EvaluationContext): Promise<void> {
    const before = targetingKeyOf(this.context);
    this.context = this.checkContext(context);
    this.generation++;
    this.inFlight?.abort(new DialError('the context changed', 'network'));
    this.inFlight = undefined;
    if (targetingKeyOf(this.context) !== before) this.loadKept();
    if (this.stopped) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push({ generation: this.generation, resolve }));
    this.plan(0);
    return done;
  }

  status(): ClientStatus {
    return {
      ready: this.flags !== undefined,
      stale: !this.fresh,
      version: this.flagsVersion ?? null,
      lastUpdate: this.lastUpdate === undefined ? null : new Date(this.lastUpdate),
      source: this.source,
      streaming: this.streamOpen,
      droppedEvents: this.events?.dropped ?? 0,
    };
  }

  on<E extends keyof ClientEvents>(event: E, listener: Listener<E>): this {
    this.listeners[event]?.add(listener);
    return this;
  }

  off<E extends keyof ClientEvents>(event: E, listener: Listener<E>): this {
    this.listeners[event]?.delete(listener);
    return this;
  }

  /** Stops the stream, polling and timers; the flags held are still served. */
  close(): void {
    this.closed = true;
    page.document?.removeEventListener?.('visibilitychange', this.pageHidden);
    page.removeEventListener?.('pagehide', this.pageHidden);
    this.events?.close();
    this.stop();
    this.inFlight?.abort(new DialError('the client was closed', 'network'));
    this.inFlight = undefined;
  }

  private resolve<T>(flagKey: string, defaultValue: T, kind: ValueKind): FlagDetails<T> {
    const flags = this.flags;
    if (flags === undefined) return defaultValue === undefined ? (NOT_READY as FlagDetails<T>) : errorDetails(defaultValue, 'PROVIDER_NOT_READY', NOT_READY.errorMessage!);
    const held = flags.get(flagKey);
    if (held === undefined) return defaultValue === undefined ? (NOT_FOUND as FlagDetails<T>) : errorDetails(defaultValue, 'FLAG_NOT_FOUND', NOT_FOUND.errorMessage!);
    const details = withDefault(held, defaultValue, kind);
    if (details.variant !== undefined && this.options.exposures) this.expose(flagKey, details.variant);
    return details;
  }

  /** Records an exposure unless the same one was recorded within `exposureDedupMs`. */
  private expose(flagKey: string, variant: string): void {
    const unit = this.unitKey();
    if (unit === '' || this.events === undefined) return;
    const id = `${unit}\u0000${flagKey}\u0000${variant}`;
    const now = this.options.now();
    const last = this.exposed.get(id);
    if (last !== undefined && now - last < this.options.exposureDedupMs) return;
    this.exposed.delete(id);
    this.exposed.set(id, now);
    if (this.exposed.size > MAX_EXPOSURES_KEPT) this.exposed.delete(this.exposed.keys().next().value as string);
    this.record('exposure', flagKey, variant);
  }

  /** The context's key as an event's unit; empty when there is none the server would take. */
  private unitKey(): string {
    const key = targetingKeyOf(this.context);
    return key.length > 256 ? '' : key;
  }

  private record(type: DialEvent['type'], name: string, variant?: string, properties?: Record<string, JsonValue>): void {
    const attributes: Record<string, Scalar> = {};
    let count = 0;
    for (const [attribute, value] of Object.entries(this.context)) {
      if (count === MAX_ATTRIBUTES) break;
      if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
        attributes[attribute] = value as Scalar;
        count++;
      }
    }
    const now = this.options.now();
    this.events?.add({
      id: page.crypto?.randomUUID?.() ?? `${now.toString(36)}-${(this.eventCount++).toString(36)}-${Math.floor(this.options.random() * 2 ** 48).toString(36)}`,
      type,
      name,
      ...(variant === undefined ? {} : { variant }),
      key: this.unitKey(),
      attributes,
      ...(properties === undefined ? {} : { properties }),
      timestamp: now,
    });
  }

  private checkContext(context: unknown): EvaluationContext {
    if (isRecord(context)) return context;
    this.report(new DialError('the context must be an object, such as { key: "user-1" }', 'config'));
    return {};
  }

  /** Serves the flags kept for the current context, if any, until Dial confirms or replaces them. */
  private loadKept(): void {
    const kept = this.cache.read(this.context);
    if (kept instanceof DialError) this.report(kept);
    else if (kept !== undefined) this.install(kept, 'storage', -1);
  }

  /** True when the flags held may not be Dial's answer for the current context at the newest version heard of. */
  private behind(): boolean {
    return (
      this.forced ||
      this.flags === undefined ||
      this.flagsGeneration !== this.generation ||
      (this.newestNotice !== undefined && (this.flagsVersion === undefined || this.newestNotice > this.flagsVersion))
    );
  }

  /** Asks for the flags after `delayWhenBehind` if those held are not current; otherwise polls only while no stream is open. */
  private plan(delayWhenBehind: number): void {
    if (this.stopped || this.inFlight !== undefined) return;
    if (this.behind()) this.schedule(delayWhenBehind);
    else if (!this.streamOpen) this.schedule(this.options.pollIntervalMs);
    else this.cancel();
  }

  /** Asks for the flags in `delayMs` (not before a Retry-After), unless a request is already due sooner. */
  private schedule(delayMs: number): void {
    const now = this.options.now();
    const at = Math.max(now + delayMs, this.blockedUntil);
    if (this.timer !== undefined && this.timerAt <= at) return;
    this.cancel();
    if (at <= now) {
      void this.evaluate();
      return;
    }
    this.timerAt = at;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      void this.evaluate();
    }, at - now);
  }

  private cancel(): void {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private async evaluate(): Promise<void> {
    this.cancel();
    if (this.stopped || this.inFlight !== undefined) return;
    const controller = new AbortController();
    const generation = this.generation;
    const noticeAtSend = this.newestNotice;
    this.inFlight = controller;
    this.forced = false;
    const result = await requestEvaluation(this.options, this.context, controller);
    // Superseded by another context, or closed: the answer is no longer wanted.
    if (this.inFlight !== controller) return;
    this.inFlight = undefined;

    if (result instanceof DialError) {
      this.fresh = false;
      this.report(result);
      if (result.fatal) this.stop();
      else {
        if (result.retryAfterMs !== undefined) this.blockedUntil = this.options.now() + result.retryAfterMs;
        if (result.retryable) this.plan(backoffDelay(this.attempt++, this.options));
        else if (!this.streamOpen) this.schedule(this.options.pollIntervalMs);
        // Kept flags are good enough once Dial has proved unreachable.
        if (this.flags !== undefined) this.settleReady();
      }
    } else {
      this.fresh = true;
      // A server that leaves out the version is taken to be at the newest one heard of when asked.
      this.install(result.version === undefined && noticeAtSend !== undefined ? { ...result, version: noticeAtSend } : result, 'server', generation);
      const failed = this.cache.write(this.context, result);
      if (failed !== undefined && !this.storageFailed) {
        this.storageFailed = true;
        this.report(failed);
      }
      this.settleReady();
      const behind = this.behind();
      if (!behind) this.attempt = 0;
      // Still behind: a notice came while asking (ask again soon), or Dial answered older than its stream said (back off).
      this.plan(!behind ? 0 : this.newestNotice !== noticeAtSend ? NOTICE_COALESCE_MS : backoffDelay(this.attempt++, this.options));
    }
    this.settleWaiters(generation);
  }

  private install(evaluated: EvaluatedFlags, source: FlagsSource, generation: number): void {
    const before = this.flags;
    const flags = new Map<string, FlagDetails<JsonValue | undefined>>();
    const changed: string[] = [];
    for (const [key, details] of Object.entries(evaluated.flags)) {
      const held = before?.get(key);
      // Unchanged flags keep their details object, so that `details(key)` is stable for React's useSyncExternalStore.
      if (held !== undefined && sameDetails(held, details)) flags.set(key, held);
      else {
        flags.set(key, details);
        changed.push(key);
      }
    }
    for (const key of before?.keys() ?? []) if (!flags.has(key)) changed.push(key);
    this.flags = flags;
    this.flagsVersion = evaluated.version;
    this.flagsGeneration = generation;
    this.source = source;
    this.lastUpdate = this.options.now();
    if (this.settled) this.emitReady();
    if (changed.length > 0) this.emit('change', changed);
  }

  private streamReady(version: number | undefined): void {
    if (this.stopped) return;
    this.streamOpen = true;
    this.noticed(version);
    if (!this.behind()) this.fresh = true;
    this.plan(0);
  }

  private changeNoticed(version: number | undefined): void {
    if (this.stopped) return;
    this.noticed(version);
    this.plan(NOTICE_COALESCE_MS);
  }

  private noticed(version: number | undefined): void {
    if (version === undefined) this.forced = true;
    else if (this.newestNotice === undefined || version > this.newestNotice) this.newestNotice = version;
  }

  private streamDropped(error: DialError): void {
    if (this.stopped) return;
    this.streamOpen = false;
    this.fresh = false;
    this.report(error);
    // Polling takes over; the stream, once back, says whether anything changed meanwhile.
    this.plan(this.options.pollIntervalMs);
  }

  /** Nothing more is asked of Dial: the client was closed, or its key refused. */
  private stop(): void {
    this.stopped = true;
    this.stream?.stop();
    this.streamOpen = false;
    this.cancel();
    this.settleReady();
    this.settleWaiters(Infinity);
  }

  private settleWaiters(generation: number): void {
    const done = this.waiters.filter((waiter) => waiter.generation <= generation);
    this.waiters = this.waiters.filter((waiter) => waiter.generation > generation);
    for (const waiter of done) waiter.resolve();
  }

  private settleReady(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.initTimer !== undefined) this.options.timers.clearTimeout(this.initTimer);
    this.initTimer = undefined;
    this.resolveReady();
    if (this.flags !== undefined) this.emitReady();
  }

  private emitReady(): void {
    if (this.readyEmitted || this.closed) return;
    this.readyEmitted = true;
    // Deferred, so that listeners added just after construction hear a bootstrap's ready.
    queueMicrotask(() => this.emit('ready'));
  }

  private report(error: DialError): void {
    try {
      if (error.kind === 'config' || error.kind === 'unauthorized' || error.kind === 'invalid-data') this.logger?.error(`dial: ${error.message}`, error);
      else this.logger?.warn(`dial: ${error.message}`, error);
    } catch {
      // A broken logger must not break the client.
    }
    if (this.constructing) queueMicrotask(() => this.emit('error', error));
    else this.emit('error', error);
  }

  private emit<E extends keyof ClientEvents>(event: E, ...args: ClientEvents[E]): void {
    for (const listener of [...this.listeners[event]]) {
      try {
        (listener as (...a: ClientEvents[E]) => void)(...args);
      } catch (error) {
        try {
          this.logger?.error(`dial: a ${event} listener threw`, error);
        } catch {
          // Nothing more to do.
        }
      }
    }
  }
}
