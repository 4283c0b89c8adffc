import { CompiledSnapshot, type Context, type JsonValue, type Snapshot } from '@dial/core';
import { DialError } from './dial-error.js';
import { EventQueue } from './event-queue.js';
import { flushOnExit } from './exit-flush.js';
import { ExposureDedup } from './exposure-dedup.js';
import { type FlagDetails, type ValueKind, errorDetails, kindOf, toDetails } from './flag-details.js';
import { type DialClientOptions, type Logger, type ResolvedOptions, resolveOptions } from './options.js';
import { applyChange, changedFlagKeys, parseSnapshot } from './snapshot-changes.js';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file.js';
import { SnapshotPoller } from './snapshot-poller.js';
import { SnapshotStream, type StreamMessage } from './snapshot-stream.js';
import { buildEvent } from './tracked-event.js';

/** How many (unit, flag, variant) exposures are remembered for deduplication. */
const EXPOSURES_REMEMBERED = 10_000;
/** A batch of events that failed this many times is dropped. */
const MAX_SEND_ATTEMPTS = 10;

/** The attributes flags are evaluated for; `key` is the targeting key. */
export type EvaluationContext = Context;

/** Where the flags being served came from, or were last confirmed by. */
export type SnapshotSource = 'stream' | 'poll' | 'bootstrap' | 'file';

export interface ClientStatus {
  /** The client holds flags to evaluate. */
  readonly ready: boolean;
  /** The client is not currently hearing from Dial: the stream is down and the last poll failed (or none answered yet). */
  readonly stale: boolean;
  /** The version of the snapshot held. */
  readonly version: number | null;
  /** When the flags held were last received, or confirmed current, from Dial (or loaded at start). */
  readonly lastUpdate: Date | null;
  readonly source: SnapshotSource | null;
  /** Events (tracked and exposures) dropped: too many waiting, refused by Dial, or failed too often. */
  readonly droppedEvents: number;
  /** Events waiting to be sent. */
  readonly queuedEvents: number;
}

/** The events of a client and their listeners' arguments. */
export interface ClientEvents {
  /** The keys of the flags whose evaluation may have changed. */
  change: [keys: string[]];
  /** Once, when the client first has flags to serve (after `ready` has resolved). */
  ready: [];
  /** A background failure; the client goes on serving the last known flags. */
  error: [error: DialError];
}

type Listener<E extends keyof ClientEvents> = (...args: ClientEvents[E]) => void;

/** What a default value asks the flag to be: `boolean` for `true`, `string` for `'a'`, any JSON for an object, array or null. */
export type Widened<T> = T extends boolean ? boolean : T extends string ? string : T extends number ? number : JsonValue;

/**
 * Dial's server-side client: holds one environment's snapshot, kept current
 * over a stream (polling while the stream is down), and evaluates flags
 * locally with the core engine. It never throws into the host and never
 * blocks it: on any failure it serves the last known flags, or the default.
 *
 * @example
 * const dial = new DialClient({ sdkKey: process.env.DIAL_SDK_KEY!, baseUrl: 'https://dial.example.com' });
 * await dial.ready;
 * if (dial.boolean('new-checkout', { key: user.id, country: user.country }, false)) { … }
 * await dial.close();
 */
export class DialClient {
  /** Resolves on the first snapshot, or after `initTimeoutMs`; never rejects. */
  readonly ready: Promise<void>;

  private readonly options: ResolvedOptions;
  private readonly logger: Logger | undefined;
  private readonly offline: boolean;
  private readonly persistFile: string | undefined;
  private readonly stream: SnapshotStream | undefined;
  private readonly poller: SnapshotPoller | undefined;
  private readonly listeners: { [E in keyof ClientEvents]: Set<Listener<E>> } = { change: new Set(), ready: new Set(), error: new Set() };

  /** The latest snapshot, with every change applied. */
  private snapshot: Snapshot | undefined;
  /** The snapshot being evaluated: `snapshot`, or just behind it until the changes that came with it are compiled. */
  private served: Snapshot | undefined;
  private compiled: CompiledSnapshot | undefined;
  private installScheduled = false;
  private source: SnapshotSource | null = null;
  private lastUpdate: Date | null = null;
  private streamOpen = false;
  private pollFresh = false;
  private closed = false;
  private constructing = true;

  private resolveReady: () => void = () => undefined;
  private settled = false;
  private readyEmitted = false;
  private initTimer: unknown;

  private persistedVersion: number | undefined;
  private persisting: Promise<void> | undefined;
  private persistAgain = false;

  private readonly events: EventQueue | undefined;
  private readonly exposures: ExposureDedup | undefined;
  private unhookExit: (() => void) | undefined;

  constructor(options: DialClientOptions) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    const given: Partial<DialClientOptions> = typeof options === 'object' && options !== null ? options : {};
    const { resolved, problems } = resolveOptions(given as DialClientOptions);
    this.options = resolved;
    this.logger = given.logger;
    this.offline = given.offline === true;
    this.persistFile = typeof given.persistFile === 'string' ? given.persistFile : undefined;
    for (const problem of problems) this.report(new DialError(`not contacting Dial: ${problem}`, 'config'));

    const bootstrapped = this.loadInitialFlags(given);
    if (bootstrapped || resolved.offline) this.settleReady();

    if (resolved.events) {
      this.events = new EventQueue({
        ...resolved,
        maxAttempts: MAX_SEND_ATTEMPTS,
        report: (error) => this.report(error),
      });
      if (resolved.exposures) this.exposures = new ExposureDedup(resolved.exposureDedupMs, EXPOSURES_REMEMBERED);
      if (resolved.flushOnExit) {
        const events = this.events;
        this.unhookExit = flushOnExit(
          () => events.size > 0,
          () => events.flush(),
          (work) => this.withinCloseTimeout(work),
        );
      }
    }

    if (!resolved.offline) {
      if (!this.settled) this.initTimer = resolved.timers.setTimeout(() => this.settleReady(), resolved.initTimeoutMs);
      this.poller = new SnapshotPoller(resolved, {
        version: () => this.snapshot?.version,
        snapshot: (snapshot) => this.polled(snapshot),
        notModified: () => this.polled(undefined),
        failure: (error) => this.pollFailed(error),
      });
      if (resolved.stream) {
        this.stream = new SnapshotStream(resolved, {
          version: () => this.snapshot?.version,
          message: (message) => this.streamed(message),
          open: () => this.streamOpened(),
          drop: (error) => this.streamDropped(error),
        });
        this.stream.start();
      } else {
        this.poller.start();
      }
    }
    this.constructing = false;
  }

  /** The flag's value if it is a boolean, else `defaultValue`. */
  boolean(flagKey: string, context: EvaluationContext | undefined, defaultValue: boolean): boolean {
    return this.resolve(flagKey, context, defaultValue, 'boolean').value;
  }

  /** The flag's value if it is a string, else `defaultValue`. */
  string(flagKey: string, context: EvaluationContext | undefined, defaultValue: string): string {
    return this.resolve(flagKey, context, defaultValue, 'string').value;
  }

  /** The flag's value if it is a number, else `defaultValue`. */
  number(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number {
    return this.resolve(flagKey, context, defaultValue, 'number').value;
  }

  /** The flag's value, whatever JSON it is (frozen, shared between calls), or `defaultValue` on an error. */
  json<T extends JsonValue = JsonValue>(flagKey: string, context: EvaluationContext | undefined, defaultValue: T): T {
    return this.resolve(flagKey, context, defaultValue, 'json').value;
  }

  booleanDetails(flagKey: string, context: EvaluationContext | undefined, defaultValue: boolean): FlagDetails<boolean> {
    return this.resolve(flagKey, context, defaultValue, 'boolean');
  }

  stringDetails(flagKey: string, context: EvaluationContext | undefined, defaultValue: string): FlagDetails<string> {
    return this.resolve(flagKey, context, defaultValue, 'string');
  }

  numberDetails(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): FlagDetails<number> {
    return this.resolve(flagKey, context, defaultValue, 'number');
  }

  jsonDetails<T extends JsonValue = JsonValue>(flagKey: string, context: EvaluationContext | undefined, defaultValue: T): FlagDetails<T> {
    return this.resolve(flagKey, context, defaultValue, 'json');
  }

  /**
   * The flag's value and why. The default's type is the type expected (an
   * object, array or null default accepts any JSON); without a default, any
   * value is accepted and an error leaves `value` undefined.
   */
  details(flagKey: string, context?: EvaluationContext): FlagDetails<JsonValue | undefined>;
  details<T extends JsonValue>(flagKey: string, context: EvaluationContext | undefined, defaultValue: T): FlagDetails<Widened<T>>;
  details(flagKey: string, context?: EvaluationContext, defaultValue?: JsonValue): FlagDetails<JsonValue | undefined> {
    return this.resolve(flagKey, context, defaultValue, kindOf(defaultValue));
  }

  /** Every flag for one context, keyed by flag key; an error leaves that flag's `value` undefined. */
  allFlags(context: EvaluationContext | undefined): Record<string, FlagDetails<JsonValue | undefined>> {
    try {
      const results = this.compiled?.evaluateAll(context) ?? {};
      const all: Record<string, FlagDetails<JsonValue | undefined>> = {};
      for (const [key, result] of Object.entries(results)) all[key] = toDetails<JsonValue | undefined>(result, undefined, 'json');
      return all;
    } catch (error) {
      this.report(new DialError(`allFlags failed: ${String(error)}`, 'invalid-data', { cause: error }));
      return {};
    }
  }

  /**
   * Records that the context's unit did something, such as a purchase, for
   * experiments to measure; sent in the background with the context's flat
   * attributes. A context without a key, or an event over Dial's limits, is
   * reported as an `error` event, never thrown.
   *
   * @example
   * dial.track('purchase', { key: user.id, plan: 'pro' }, { amount: 42.5 });
   */
  track(name: string, context: EvaluationContext | undefined, properties?: Record<string, unknown>): void {
    if (this.events === undefined || this.closed) return;
    try {
      const event = buildEvent({ type: 'track', name, context, properties }, this.options.now());
      if (typeof event === 'string') this.report(new DialError(`track: ${event}; not sent`, 'invalid-data'));
      else this.events.add(event);
    } catch (error) {
      this.report(new DialError(`track failed: ${String(error)}`, 'invalid-data', { cause: error }));
    }
  }

  /** Resolves once the events queued so far are sent (or dropped after retrying); never rejects. */
  async flush(): Promise<void> {
    await this.events?.flush();
  }

  status(): ClientStatus {
    return {
      ready: this.compiled !== undefined,
      stale: this.offline ? false : !(this.streamOpen || this.pollFresh),
      version: this.snapshot?.version ?? null,
      lastUpdate: this.lastUpdate,
      source: this.source,
      droppedEvents: this.events?.droppedEvents ?? 0,
      queuedEvents: this.events?.size ?? 0,
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

  /**
   * Sends the queued events (waiting at most `closeTimeoutMs`), stops the
   * stream, polling and timers, and waits for a snapshot being written to its file.
   */
  async close(): Promise<void> {
    if (!this.closed && this.events !== undefined) {
      this.closed = true;
      await this.withinCloseTimeout(this.events.flush());
      this.events.stop();
    }
    this.unhookExit?.();
    this.unhookExit = undefined;
    this.closed = true;
    this.stream?.stop();
    this.poller?.stop();
    this.streamOpen = false;
    this.pollFresh = false;
    this.settleReady();
    await this.persisting;
  }

  private resolve<T>(flagKey: string, context: EvaluationContext | undefined, defaultValue: T, kind: ValueKind): FlagDetails<T> {
    let details: FlagDetails<T>;
    try {
      const compiled = this.compiled;
      if (compiled === undefined) return errorDetails(defaultValue, 'PROVIDER_NOT_READY', 'the client has no flags yet');
      details = toDetails(compiled.evaluate(flagKey, context), defaultValue, kind);
    } catch (error) {
      return errorDetails(defaultValue, 'GENERAL', `evaluation failed: ${String(error)}`);
    }
    if (details.variant !== undefined) this.recordExposure(flagKey, details.variant, context);
    return details;
  }

  /** Queues an exposure, unless this unit was shown this variant within the dedup window or has no key. */
  private recordExposure(flagKey: string, variant: string, context: EvaluationContext | undefined): void {
    const events = this.events;
    if (events === undefined || this.exposures === undefined || this.closed) return;
    try {
      const key: unknown = context?.key;
      if (typeof key !== 'string' || key === '') return;
      const now = this.options.now();
      if (!this.exposures.isNew(key, flagKey, variant, now.getTime())) return;
      const event = buildEvent({ type: 'exposure', name: flagKey, variant, context }, now);
      if (typeof event !== 'string') events.add(event);
    } catch {
      // Recording an exposure must never cost the caller its flag value.
    }
  }

  private async withinCloseTimeout(work: Promise<void>): Promise<void> {
    let timer: unknown;
    const limit = new Promise<void>((resolve) => {
      timer = this.options.timers.setTimeout(resolve, this.options.closeTimeoutMs);
      (timer as { unref?: () => void } | null)?.unref?.();
    });
    await Promise.race([work, limit]);
    this.options.timers.clearTimeout(timer);
  }

  /** Installs the bootstrap or the persisted snapshot, the newer of the two; true if there was a bootstrap. */
  private loadInitialFlags(options: Partial<DialClientOptions>): boolean {
    let bootstrap: Snapshot | undefined;
    if (options.bootstrap !== undefined) {
      bootstrap = parseSnapshot(options.bootstrap);
      if (bootstrap === undefined) this.report(new DialError('the bootstrap option is not a snapshot', 'config'));
    } else if (typeof options.bootstrapFile === 'string') {
      const read = readSnapshotFile(options.bootstrapFile);
      if (read instanceof DialError) this.report(read);
      else if (read === undefined) this.report(new DialError(`the bootstrap file ${options.bootstrapFile} does not exist`, 'file'));
      else bootstrap = read;
    }
    let persisted: Snapshot | undefined;
    if (this.persistFile !== undefined) {
      const read = readSnapshotFile(this.persistFile);
      if (read instanceof DialError) this.report(read);
      else if (read !== undefined) {
        persisted = read;
        this.persistedVersion = read.version;
      }
    }
    if (persisted !== undefined && (bootstrap === undefined || (persisted.version ?? -1) > (bootstrap.version ?? -1))) {
      this.install(persisted, 'file');
    } else if (bootstrap !== undefined) {
      this.install(bootstrap, 'bootstrap');
    }
    return bootstrap !== undefined;
  }

  private streamed(message: StreamMessage): boolean {
    if (this.closed) return true;
    const held = this.snapshot;
    switch (message.type) {
      case 'snapshot':
        this.install(message.snapshot, 'stream');
        return true;
      case 'ready':
        if (held === undefined || held.version !== message.version) return false;
        this.source = 'stream';
        this.lastUpdate = this.options.now();
        return true;
      case 'change':
        if (held === undefined) return false;
        // Versions may jump (changes coalesce), and one version may bring several changes; an older one is already held.
        if (held.version !== undefined && message.change.version < held.version) return true;
        this.snapshot = applyChange(held, message.change);
        this.installSoon();
        return true;
    }
  }

  /** Compiles once for all the changes that arrived together, and tells of them in one change event. */
  private installSoon(): void {
    if (this.installScheduled) return;
    this.installScheduled = true;
    queueMicrotask(() => {
      this.installScheduled = false;
      if (!this.closed && this.snapshot !== undefined && this.snapshot !== this.served) this.install(this.snapshot, 'stream');
    });
  }

  private streamOpened(): void {
    if (this.closed) return;
    this.streamOpen = true;
    this.poller?.stop();
    this.pollFresh = false;
    this.settleReady();
  }

  private streamDropped(error: DialError): void {
    if (this.closed) return;
    this.streamOpen = false;
    this.report(error);
    if (error.fatal) {
      this.poller?.stop();
      this.settleReady();
      return;
    }
    this.poller?.start();
    // Flags from the persisted file are good enough once Dial has proved unreachable.
    if (this.compiled !== undefined) this.settleReady();
  }

  /** A poll's answer: a new snapshot, or undefined for 304 Not Modified. */
  private polled(snapshot: Snapshot | undefined): void {
    if (this.closed || this.streamOpen) return;
    this.pollFresh = true;
    if (snapshot !== undefined) this.install(snapshot, 'poll');
    else if (this.snapshot !== undefined) {
      this.source = 'poll';
      this.lastUpdate = this.options.now();
    }
    this.settleReady();
  }

  private pollFailed(error: DialError): void {
    if (this.closed) return;
    this.pollFresh = false;
    this.report(error);
    if (error.fatal) this.stream?.stop();
    if (error.fatal || this.compiled !== undefined) this.settleReady();
  }

  private install(snapshot: Snapshot, source: SnapshotSource): void {
    const before = this.served;
    this.compiled = CompiledSnapshot.compile(snapshot);
    this.snapshot = snapshot;
    this.served = snapshot;
    this.source = source;
    this.lastUpdate = this.options.now();
    if (source === 'stream' || source === 'poll') this.persist();
    if (this.settled) this.emitReady();
    const keys = changedFlagKeys(before, snapshot);
    if (keys.length > 0) this.emit('change', keys);
  }

  private settleReady(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.initTimer !== undefined) this.options.timers.clearTimeout(this.initTimer);
    this.initTimer = undefined;
    this.resolveReady();
    if (this.compiled !== undefined) this.emitReady();
  }

  private emitReady(): void {
    if (this.readyEmitted || this.closed) return;
    this.readyEmitted = true;
    // Deferred, so that listeners added just after construction hear a bootstrap's ready.
    queueMicrotask(() => this.emit('ready'));
  }

  private persist(): void {
    const file = this.persistFile;
    if (file === undefined || this.snapshot === undefined || this.snapshot.version === this.persistedVersion) return;
    this.persistAgain = true;
    if (this.persisting !== undefined) return;
    this.persisting = (async () => {
      while (this.persistAgain) {
        this.persistAgain = false;
        const snapshot = this.snapshot;
        if (snapshot === undefined || snapshot.version === this.persistedVersion) continue;
        try {
          await writeSnapshotFile(file, snapshot);
          this.persistedVersion = snapshot.version;
        } catch (error) {
          this.report(error instanceof DialError ? error : new DialError(String(error), 'file', { cause: error }));
        }
      }
    })().finally(() => (this.persisting = undefined));
  }

  private report(error: DialError): void {
    try {
      if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'http') this.logger?.warn(`dial: ${error.message}`, error);
      else this.logger?.error(`dial: ${error.message}`, error);
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
