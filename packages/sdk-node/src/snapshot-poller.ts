import type { Snapshot } from '@dial/core';
import { DialError, httpError, requestError } from './dial-error.js';
import { requestHeaders, type ResolvedOptions } from './options.js';
import { parseSnapshot } from './snapshot-changes.js';

export interface PollerHandlers {
  /** The version held, sent as `If-None-Match` so an unchanged snapshot costs a 304. */
  version(): number | undefined;
  snapshot(snapshot: Snapshot): void;
  notModified(): void;
  failure(error: DialError): void;
}

type PollerOptions = Pick<ResolvedOptions, 'sdkKey' | 'baseUrl' | 'fetch' | 'timers' | 'pollIntervalMs' | 'requestTimeoutMs'>;

/**
 * Polls `GET /api/v1/sdk/snapshot` with its ETag: once on `start()`, then
 * every interval after the previous poll has answered, until `stop()`.
 */
export class SnapshotPoller {
  private running = false;
  private timer: unknown;
  private controller: AbortController | undefined;

  constructor(
    private readonly options: PollerOptions,
    private readonly handlers: PollerHandlers,
  ) {}

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.poll();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.controller?.abort(new DialError('polling stopped', 'network'));
    this.controller = undefined;
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    const { fetch, timers, requestTimeoutMs } = this.options;
    const controller = new AbortController();
    this.controller = controller;
    const timeout = timers.setTimeout(
      () => controller.abort(new DialError(`snapshot poll: no answer in ${requestTimeoutMs} ms`, 'timeout')),
      requestTimeoutMs,
    );
    const version = this.handlers.version();
    let outcome: { snapshot: Snapshot } | 'not-modified' | DialError;
    try {
      const response = await fetch(`${this.options.baseUrl}/api/v1/sdk/snapshot`, {
        headers: requestHeaders(this.options.sdkKey, {
          accept: 'application/json',
          'if-none-match': version === undefined ? undefined : `"${version}"`,
        }),
        signal: controller.signal,
      });
      if (response.status === 304) {
        await response.arrayBuffer();
        outcome = 'not-modified';
      } else if (!response.ok) {
        await response.arrayBuffer();
        outcome = httpError('snapshot poll', response.status);
      } else {
        const text = await response.text();
        let parsed: Snapshot | undefined;
        try {
          parsed = parseSnapshot(JSON.parse(text));
        } catch {
          parsed = undefined;
        }
        outcome = parsed === undefined ? new DialError('snapshot poll: the answer is not a snapshot', 'invalid-data') : { snapshot: parsed };
      }
    } catch (error) {
      outcome = requestError('snapshot poll', error, controller.signal);
    } finally {
      timers.clearTimeout(timeout);
    }
    // Stopped while the request was in flight: the answer is no longer wanted.
    if (!this.running || this.controller !== controller) return;
    this.controller = undefined;
    if (outcome === 'not-modified') this.handlers.notModified();
    else if (outcome instanceof DialError) this.handlers.failure(outcome);
    else this.handlers.snapshot(outcome.snapshot);
    if (outcome instanceof DialError && outcome.fatal) this.running = false;
    // A handler may have stopped polling, or stopped and restarted it.
    if (this.running && this.timer === undefined && this.controller === undefined) this.timer = timers.setTimeout(() => void this.poll(), this.options.pollIntervalMs);
  }
}
