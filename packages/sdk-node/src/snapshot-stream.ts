import type { Snapshot } from '@dial/core';
import { backoffDelay } from './backoff.js';
import { DialError, httpError, requestError } from './dial-error.js';
import { requestHeaders, type ResolvedOptions } from './options.js';
import { type SnapshotChange, isRecord, parseChange, parseSnapshot } from './snapshot-changes.js';
import { type SseEvent, SseParser } from './sse-parser.js';

export type StreamMessage =
  | { readonly type: 'snapshot'; readonly snapshot: Snapshot }
  | { readonly type: 'ready'; readonly version: number }
  | { readonly type: 'change'; readonly change: SnapshotChange };

export interface StreamHandlers {
  /** The version held, sent as `Last-Event-ID` so an up-to-date SDK gets `ready` instead of the whole snapshot. */
  version(): number | undefined;
  /** Returns false when the message cannot be applied; the stream then starts over with a full snapshot. */
  message(message: StreamMessage): boolean;
  /** A connection delivered its first snapshot or `ready`. */
  open(): void;
  /** A connection failed or ended; a fatal error ends the stream for good. */
  drop(error: DialError): void;
}

type StreamOptions = Pick<ResolvedOptions, 'sdkKey' | 'baseUrl' | 'fetch' | 'timers' | 'random' | 'streamReadTimeoutMs' | 'backoffBaseMs' | 'backoffCapMs'>;

function eventVersion(data: unknown, id: string | undefined): number | undefined {
  if (isRecord(data) && typeof data.version === 'number' && Number.isSafeInteger(data.version)) return data.version;
  return id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
}

/** Reads an answer that is not the event stream (an error page, say) to its end, so its connection can be reused. */
async function drained(response: Response): Promise<boolean> {
  try {
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * Follows `GET /api/v1/sdk/stream` (Server-Sent Events): reopens it whenever
 * it fails, ends, or stays silent past the read timeout, after a backoff
 * delay with full jitter that starts over once a connection is open again.
 */
export class SnapshotStream {
  private generation = 0;
  private running = false;
  private attempt = 0;
  private controller: AbortController | undefined;
  private wake: (() => void) | undefined;
  /** After a `ready` that did not match what is held, ask for the whole snapshot. */
  private sendVersion = true;

  constructor(
    private readonly options: StreamOptions,
    private readonly handlers: StreamHandlers,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.run(++this.generation);
  }

  stop(): void {
    this.running = false;
    this.generation++;
    this.controller?.abort(new DialError('stream closed', 'network'));
    this.wake?.();
  }

  private async run(generation: number): Promise<void> {
    while (this.generation === generation) {
      const error = await this.connect(generation);
      if (this.generation !== generation) return;
      this.handlers.drop(error);
      if (error.fatal) {
        this.running = false;
        return;
      }
      await this.sleep(backoffDelay(this.attempt++, { baseMs: this.options.backoffBaseMs, capMs: this.options.backoffCapMs }, this.options.random));
    }
  }

  private sleep(ms: number): Promise<void> {
    const { timers } = this.options;
    return new Promise((resolve) => {
      const done = () => {
        this.wake = undefined;
        resolve();
      };
      const handle = timers.setTimeout(done, ms);
      this.wake = () => {
        timers.clearTimeout(handle);
        done();
      };
    });
  }

  /** One connection, from request to end; resolves with why it ended. */
  private async connect(generation: number): Promise<DialError> {
    const { fetch, timers, streamReadTimeoutMs } = this.options;
    const controller = new AbortController();
    this.controller = controller;
    let timer: unknown;
    let finished = false;
    // Armed before each read: no byte at all (not even a heartbeat) for this long means a dead connection.
    const arm = () => {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = timers.setTimeout(
        () => controller.abort(new DialError(`stream: nothing received for ${streamReadTimeoutMs} ms`, 'timeout')),
        streamReadTimeoutMs,
      );
    };
    try {
      arm();
      const version = this.sendVersion ? this.handlers.version() : undefined;
      const response = await fetch(`${this.options.baseUrl}/api/v1/sdk/stream`, {
        headers: requestHeaders(this.options.sdkKey, {
          accept: 'text/event-stream',
          'cache-control': 'no-cache',
          'last-event-id': version === undefined ? undefined : String(version),
        }),
        signal: controller.signal,
      });
      if (!response.ok) {
        finished = await drained(response);
        return httpError('stream', response.status);
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (response.body === null || !contentType.startsWith('text/event-stream')) {
        finished = await drained(response);
        return new DialError(`stream: expected text/event-stream, got ${contentType || 'no body'}`, 'invalid-data');
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let problem: DialError | undefined;
      let opened = false;
      const parser = new SseParser({
        event: (event) => {
          if (problem !== undefined || this.generation !== generation) return;
          const outcome = this.dispatch(event);
          if (outcome instanceof DialError) problem = outcome;
          else if (outcome === 'opened' && !opened) {
            opened = true;
            this.attempt = 0;
            this.handlers.open();
          }
        },
      });
      for (;;) {
        arm();
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          return problem ?? new DialError('stream: the server ended the connection', 'network');
        }
        parser.push(decoder.decode(value, { stream: true }));
        if (problem !== undefined) return problem;
        if (this.generation !== generation) return new DialError('stream closed', 'network');
      }
    } catch (error) {
      return requestError('stream', error, controller.signal);
    } finally {
      if (timer !== undefined) timers.clearTimeout(timer);
      // Releases a connection still receiving. (Node 20's fetch then opens a spare connection,
      // which is why answers that have ended are left alone.)
      if (!finished && !controller.signal.aborted) controller.abort(new DialError('stream connection released', 'network'));
      if (this.controller === controller) this.controller = undefined;
    }
  }

  private dispatch(event: SseEvent): 'opened' | 'applied' | DialError | undefined {
    if (event.event !== 'snapshot' && event.event !== 'ready' && event.event !== 'change') return undefined; // from a newer server
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return new DialError(`stream: the data of a ${event.event} event is not JSON`, 'invalid-data');
    }
    let message: StreamMessage | undefined;
    if (event.event === 'snapshot') {
      const snapshot = parseSnapshot(data);
      const version = snapshot?.version ?? eventVersion(undefined, event.id);
      if (snapshot !== undefined) message = { type: 'snapshot', snapshot: version === undefined ? snapshot : { ...snapshot, version } };
    } else if (event.event === 'ready') {
      const version = eventVersion(data, event.id);
      if (version !== undefined) message = { type: 'ready', version };
    } else {
      const change = parseChange(data);
      if (change !== undefined) message = { type: 'change', change };
    }
    if (message === undefined) return new DialError(`stream: a ${event.event} event does not follow the contract`, 'invalid-data');
    if (!this.handlers.message(message)) {
      if (message.type === 'ready') this.sendVersion = false;
      return new DialError(`stream: the ${event.event} event does not fit the snapshot held; starting over`, 'invalid-data');
    }
    this.sendVersion = true;
    return message.type === 'change' ? 'applied' : 'opened';
  }
}
