import type { Logger } from 'pino';
import type { PrincipalCache } from '../auth/principal-cache.js';
import { activeTokenIds } from '../auth/token-store.js';
import { type ServedEnvironment, loadServedEnvironment, snapshotVersion } from '../flags/snapshots.js';
import type { Database } from '../platform/db.js';
import { type SnapshotIndex, diffSnapshots, indexSnapshot } from './snapshot-diff.js';
import { ClientFlags } from './client-flags.js';
import { SSE_PING, sseEvent } from './sse.js';

const PING_BYTES = Buffer.from(SSE_PING);

/** NOTIFY channel of snapshot changes: `{"environment": id, "version": n}` (migration 0004). */
export const SNAPSHOT_CHANNEL = 'dial_snapshot';
/** NOTIFY channel of ended access: `{"token": id}` or `{"environment": id}` (migration 0004). */
export const REVOKED_CHANNEL = 'dial_revoked';

/** One open stream, as the hub sees it: text goes in, and the hub can end it. */
export interface StreamSubscriber {
  /** The SDK key the stream was opened with: revoking it ends the stream. */
  readonly tokenId: number;
  /** Writes pre-serialized event bytes, the same buffer for every stream. */
  send(bytes: Uint8Array | string): void;
  /** Ends the stream from the server's side. */
  end(): void;
}

/** An environment's current snapshot, serialized once for every request and stream. */
export interface CachedSnapshot {
  readonly projectId: number;
  readonly environmentId: number;
  readonly version: number;
  /** The snapshot as JSON on one line. */
  readonly json: string;
  /** Web origins allowed to call the environment's client endpoints: `*`, or origins. */
  readonly corsOrigins: readonly string[];
  /** The client-side flags of this version, compiled on first use. */
  clientFlags(): ClientFlags;
}

class EnvironmentState implements CachedSnapshot {
  version = 0;
  json = '';
  index: SnapshotIndex = { flags: new Map(), segments: new Map() };
  corsOrigins: readonly string[] = [];
  clientSideFlags: readonly string[] = [];
  /** Server SDK streams, sent every change. */
  readonly streams = new Set<StreamSubscriber>();
  /** Client streams, told only that something changed. */
  readonly clientStreams = new Set<StreamSubscriber>();
  loading: Promise<void> | undefined;
  gone = false;
  private snapshotText: string | undefined;
  private readyText: string | undefined;
  private compiled: ClientFlags | undefined;

  constructor(
    readonly projectId: number,
    readonly environmentId: number,
    public lastUsed: number,
  ) {}

  update({ snapshot, clientSideFlags, corsOrigins }: ServedEnvironment, index: SnapshotIndex): void {
    this.version = snapshot.version;
    this.json = JSON.stringify(snapshot);
    this.index = index;
    this.corsOrigins = corsOrigins;
    this.clientSideFlags = clientSideFlags;
    this.snapshotText = undefined;
    this.readyText = undefined;
    this.compiled = undefined;
  }

  clientFlags(): ClientFlags {
    // From the JSON, so the hub keeps no second copy of the documents between versions.
    return (this.compiled ??= ClientFlags.compile(JSON.parse(this.json) as ServedEnvironment['snapshot'], this.clientSideFlags));
  }

  get streamCount(): number {
    return this.streams.size + this.clientStreams.size;
  }

  /** The `snapshot` event of the current version, built once for all streams. */
  snapshotEvent(): string {
    return (this.snapshotText ??= sseEvent('snapshot', this.version, this.json));
  }

  /** The `ready` event of the current version, for clients that already hold it. */
  readyEvent(): string {
    return (this.readyText ??= sseEvent('ready', this.version, JSON.stringify({ version: this.version })));
  }
}

export interface SnapshotHubOptions {
  db: Database;
  logger: Logger;
  /** How often every open stream gets a `: ping` comment, and idle snapshots are let go. */
  heartbeatMs?: number;
  /** How long a snapshot stays cached after it was last asked for, while no stream is open on it. */
  retainMs?: number;
  now?: () => number;
  /** Delay before the n-th attempt to listen again after the connection dropped. */
  listenRetryDelayMs?: (attempt: number) => number;
  /** SDK keys remembered by this process: the hub tells it of every revocation it hears, and when it may miss some. */
  principals?: PrincipalCache;
}

/**
 * One per server process: keeps the snapshots of the environments that are
 * being served, serialized once, with the streams open on each. It LISTENs
 * for changes committed by any replica, reloads the environment, and sends
 * every stream the flags and segments that changed.
 *
 * @example
 * const hub = new SnapshotHub({ db, logger });
 * await hub.start();
 * const snapshot = await hub.current(projectId, environmentId); // { version, json }
 */
export class SnapshotHub {
  private readonly db: Database;
  private readonly logger: Logger;
  private readonly heartbeatMs: number;
  private readonly retainMs: number;
  private readonly now: () => number;
  private readonly listenRetryDelayMs: ((attempt: number) => number) | undefined;
  private readonly states = new Map<number, EnvironmentState>();
  private readonly principals: PrincipalCache | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  /** Notifications are flowing: a held snapshot is current without asking the database. */
  private listening = false;
  private closed = false;

  constructor(options: SnapshotHubOptions) {
    this.db = options.db;
    this.logger = options.logger;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.retainMs = options.retainMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.listenRetryDelayMs = options.listenRetryDelayMs;
    this.principals = options.principals;
  }

  /** Starts listening for changes, and the one heartbeat timer of every stream. Calling it again waits for the first start. */
  start(): Promise<void> {
    this.starting ??= this.listen();
    return this.starting;
  }

  private async listen(): Promise<void> {
    this.unlisten = await this.db.listen([SNAPSHOT_CHANNEL, REVOKED_CHANNEL], (payload, channel) => this.notified(channel, payload), {
      onLost: (error) => {
        this.logger.warn({ err: error }, 'snapshot notifications lost; listening again');
        this.listening = false;
        this.principals?.suspend();
      },
      onReconnect: () => {
        this.logger.info('snapshot notifications back; reloading every snapshot held');
        this.resync().then(
          () => {
            if (this.closed) return;
            this.listening = true;
            this.principals?.resume();
          },
          (error: unknown) => this.logger.error({ err: error }, 'reloading snapshots failed'),
        );
      },
      ...(this.listenRetryDelayMs === undefined ? {} : { retryDelayMs: this.listenRetryDelayMs }),
    });
    this.heartbeat = setInterval(() => this.tick(), this.heartbeatMs);
    this.heartbeat.unref();
    if (this.closed) return;
    this.listening = true;
    this.principals?.resume();
  }

  /**
   * The environment's current snapshot, loaded or brought up to date when
   * the cached one is older than the database's. Undefined when the
   * environment does not exist (any more).
   */
  async current(projectId: number, environmentId: number): Promise<CachedSnapshot | undefined> {
    let state = this.states.get(environmentId);
    if (state === undefined || state.gone || state.projectId !== projectId) {
      state = new EnvironmentState(projectId, environmentId, this.now());
      this.states.set(environmentId, state);
      await this.reload(state);
    } else {
      // One cheap read makes a change committed a moment ago visible here,
      // even before its notification arrives.
      const version = await snapshotVersion(this.db, projectId, environmentId);
      if (version === undefined) this.drop(state);
      else await this.reach(state, version);
    }
    if (state.gone) return undefined;
    state.lastUsed = this.now();
    return state;
  }

  /**
   * The environment's snapshot as this process last heard of it, for client
   * evaluation: no database query while it is held and change notifications
   * are flowing, so it trails a change committed elsewhere by the time its
   * NOTIFY takes to arrive. Otherwise as `current`.
   */
  async served(projectId: number, environmentId: number): Promise<CachedSnapshot | undefined> {
    const state = this.states.get(environmentId);
    if (this.listening && state !== undefined && !state.gone && state.projectId === projectId && state.version > 0) {
      state.lastUsed = this.now();
      return state;
    }
    return this.current(projectId, environmentId);
  }

  /**
   * Adds a client stream to the snapshot `served` gave: it is sent `ready`
   * with the current version now, and `changed` with the new version after
   * every change, never the flags themselves. Returns what to `detach` it
   * from, or undefined when it was ended at once.
   */
  attachClient(snapshot: CachedSnapshot, stream: StreamSubscriber): CachedSnapshot | undefined {
    const state = this.held(snapshot);
    if (this.closed || state.gone) {
      stream.end();
      return undefined;
    }
    stream.send(state.readyEvent());
    state.clientStreams.add(stream);
    return state;
  }

  /** The state the hub holds for a snapshot it handed out, taking it back in if it was let go meanwhile. */
  private held(snapshot: CachedSnapshot): EnvironmentState {
    const state = snapshot as EnvironmentState;
    const held = this.states.get(state.environmentId);
    if (held !== undefined && !held.gone) return held;
    if (!state.gone) this.states.set(state.environmentId, state);
    return state;
  }

  /**
   * Adds a stream to the snapshot `current` gave, sending it first the
   * snapshot, or `ready` when `lastEventId` names the current version. Later
   * changes reach it as `change` events until it ends. Returns what to
   * `detach` it from, or undefined when it was ended at once (the hub is
   * closing, or the environment is gone).
   */
  attach(snapshot: CachedSnapshot, stream: StreamSubscriber, lastEventId: string | undefined): CachedSnapshot | undefined {
    const state = this.held(snapshot);
    if (this.closed || state.gone) {
      stream.end();
      return undefined;
    }
    // Synchronous from here: no change can slip between the first event and the subscription.
    stream.send(lastEventId?.trim() === String(state.version) ? state.readyEvent() : state.snapshotEvent());
    state.streams.add(stream);
    return state;
  }

  /** Forgets a stream that ended. */
  detach(snapshot: CachedSnapshot, stream: StreamSubscriber): void {
    const state = snapshot as EnvironmentState;
    if (state.streams.delete(stream) || state.clientStreams.delete(stream)) state.lastUsed = this.now();
  }

  /** Open streams and cached environments, for metrics and tests. */
  stats(): { streams: number; environments: number } {
    let streams = 0;
    for (const state of this.states.values()) streams += state.streamCount;
    return { streams, environments: this.states.size };
  }

  /** Pings every stream and lets go of snapshots no one asked for lately. Runs on the heartbeat timer. */
  tick(): void {
    const now = this.now();
    for (const state of this.states.values()) {
      if (state.streamCount > 0) {
        for (const stream of state.streams) stream.send(PING_BYTES);
        for (const stream of state.clientStreams) stream.send(PING_BYTES);
      } else if (state.loading === undefined && now - state.lastUsed >= this.retainMs) {
        this.states.delete(state.environmentId);
      }
    }
  }

  /** Ends every stream and stops listening. Streams end first so a shutdown is not held up by them. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listening = false;
    this.principals?.suspend();
    await this.starting?.catch(() => undefined);
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    for (const state of this.states.values()) this.endStreams(state, () => true);
    this.states.clear();
    await this.unlisten?.().catch((error: unknown) => this.logger.warn({ err: error }, 'could not stop listening for snapshot changes'));
  }

  private notified(channel: string, payload: string): void {
    let message: { environment?: unknown; version?: unknown; token?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      this.logger.warn({ channel }, 'ignoring a notification that is not JSON');
      return;
    }
    if (channel === SNAPSHOT_CHANNEL) {
      const state = this.states.get(Number(message.environment));
      const version = Number(message.version);
      if (state === undefined || !(version > state.version)) return;
      this.reach(state, version).catch((error: unknown) => this.logger.error({ err: error, environmentId: state.environmentId }, 'reloading a snapshot failed'));
    } else if (channel === REVOKED_CHANNEL) {
      if (message.token !== undefined) {
        const tokenId = Number(message.token);
        this.principals?.forgetToken(tokenId);
        for (const state of this.states.values()) this.endStreams(state, (stream) => stream.tokenId === tokenId);
      } else if (message.environment !== undefined) {
        const environmentId = Number(message.environment);
        this.principals?.forgetEnvironment(environmentId);
        const state = this.states.get(environmentId);
        if (state !== undefined) this.drop(state);
      }
    }
  }

  /** Loads until the state holds `version` or a later one. */
  private async reach(state: EnvironmentState, version: number): Promise<void> {
    // A load that began before `version` was committed ends short of it; the next one cannot.
    for (let tries = 0; !state.gone && state.version < version && tries < 3; tries++) {
      state.loading ??= this.load(state);
      await state.loading;
    }
  }

  /** Loads anew, after any load already running: for when changes may have been missed. */
  private async reload(state: EnvironmentState): Promise<void> {
    await state.loading?.catch(() => undefined);
    state.loading ??= this.load(state);
    await state.loading;
  }

  private load(state: EnvironmentState): Promise<void> {
    const run = async () => {
      try {
        const served = await loadServedEnvironment(this.db, state.projectId, state.environmentId);
        if (served === undefined) this.drop(state);
        else this.apply(state, served);
      } finally {
        state.loading = undefined;
      }
    };
    return run();
  }

  /** Takes a newer snapshot and sends its differences to every stream, once serialized. */
  private apply(state: EnvironmentState, served: ServedEnvironment): void {
    const { snapshot } = served;
    if (snapshot.version <= state.version) return;
    const index = indexSnapshot(snapshot);
    if (state.streams.size > 0) {
      let text = '';
      for (const change of diffSnapshots(state.index, snapshot, index)) text += sseEvent('change', snapshot.version, JSON.stringify(change));
      // Encoded once: each stream then costs one socket write.
      const bytes = text === '' ? undefined : Buffer.from(text);
      if (bytes !== undefined) for (const stream of state.streams) stream.send(bytes);
    }
    if (state.clientStreams.size > 0) {
      // Browsers evaluate remotely: they are only told to ask again.
      const bytes = Buffer.from(sseEvent('changed', snapshot.version, JSON.stringify({ version: snapshot.version })));
      for (const stream of state.clientStreams) stream.send(bytes);
    }
    state.update(served, index);
  }

  /** The environment is gone: its streams end and its snapshot is forgotten. */
  private drop(state: EnvironmentState): void {
    state.gone = true;
    this.endStreams(state, () => true);
    if (this.states.get(state.environmentId) === state) this.states.delete(state.environmentId);
  }

  private endStreams(state: EnvironmentState, which: (stream: StreamSubscriber) => boolean): void {
    for (const streams of [state.streams, state.clientStreams]) {
      for (const stream of streams) {
        if (!which(stream)) continue;
        streams.delete(stream);
        stream.end();
      }
    }
  }

  /** After notifications may have been missed: every held snapshot reloaded, every stream's key checked. */
  private async resync(): Promise<void> {
    for (const state of [...this.states.values()]) await this.reload(state);
    const tokenIds = new Set<number>();
    for (const state of this.states.values()) {
      for (const stream of state.streams) tokenIds.add(stream.tokenId);
      for (const stream of state.clientStreams) tokenIds.add(stream.tokenId);
    }
    const active = await activeTokenIds(this.db, [...tokenIds]);
    for (const state of this.states.values()) this.endStreams(state, (stream) => !active.has(stream.tokenId));
  }
}
