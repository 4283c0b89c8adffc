import { backoffDelay } from './backoff.js';
import { DialError, httpError, requestError } from './dial-error.js';
import { requestHeaders, type Timers } from './options.js';
import { EVENT_LIMITS, type WireEvent } from './tracked-event.js';

export interface EventQueueOptions {
  readonly sdkKey: string;
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  readonly random: () => number;
  readonly now: () => Date;
  readonly requestTimeoutMs: number;
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  /** Send once this many events wait. */
  readonly flushAt: number;
  /** Send what waits this long after the first of it was queued. */
  readonly flushIntervalMs: number;
  /** Past this many waiting, the oldest are dropped. */
  readonly maxQueuedEvents: number;
  /** A batch that failed this many times (network, 5xx, 408, 429) is dropped. */
  readonly maxAttempts: number;
  readonly report: (error: DialError) => void;
}

type Outcome = { kind: 'sent' } | { kind: 'retry'; error: DialError; retryAfterMs: number | undefined } | { kind: 'drop'; error: DialError };

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Timers the client sets for events never keep the host's process alive. */
function unref(handle: unknown): unknown {
  const timer = handle as { unref?: () => void } | null;
  if (typeof timer?.unref === 'function') timer.unref();
  return handle;
}

/**
 * Batches events to `POST /api/v1/events`: by count and by time, one request
 * at a time, retrying a failed batch with the same ids (so the server stores
 * each once) and dropping the oldest events when too many wait.
 */
export class EventQueue {
  private readonly waiting: WireEvent[] = [];
  private timer: unknown;
  private retryTimer: unknown;
  private wakeRetry: (() => void) | undefined;
  private controller: AbortController | undefined;
  private sending: Promise<void> | undefined;
  private stopped = false;
  private dropped = 0;
  /** How many events at the head of `waiting` are being sent. */
  private inFlight = 0;

  constructor(private readonly options: EventQueueOptions) {}

  /** Events dropped so far: over the queue bound, refused by the server, or failed too often. */
  get droppedEvents(): number {
    return this.dropped;
  }

  /** Events waiting to be sent, or being sent. */
  get size(): number {
    return this.waiting.length;
  }

  add(event: WireEvent): void {
    if (this.stopped) return;
    this.waiting.push(event);
    if (this.waiting.length > this.options.maxQueuedEvents) {
      const over = this.waiting.length - this.options.maxQueuedEvents;
      // The oldest not being sent go first, so that a batch in flight is not counted as dropped when it arrives.
      this.waiting.splice(Math.min(this.inFlight, this.waiting.length - over), over);
      this.dropped += over;
    }
    if (this.waiting.length >= this.options.flushAt) void this.flush();
    else if (this.timer === undefined && this.sending === undefined) {
      this.timer = unref(this.options.timers.setTimeout(() => void this.flush(), this.options.flushIntervalMs));
    }
  }

  /** Resolves once every event queued before the call is sent, refused or dropped; never rejects. */
  flush(): Promise<void> {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.sending === undefined && this.waiting.length > 0 && !this.stopped) {
      this.sending = this.drain().finally(() => {
        this.sending = undefined;
        if (this.waiting.length > 0 && !this.stopped) {
          this.timer = unref(this.options.timers.setTimeout(() => void this.flush(), this.options.flushIntervalMs));
        }
      });
    }
    return this.sending ?? Promise.resolve();
  }

  /** Stops sending at once: a request in flight is abandoned, a retry is not made, what waits is kept but not sent. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.retryTimer !== undefined) this.options.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.controller?.abort(new DialError('sending events stopped', 'network'));
    this.wakeRetry?.();
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0 && !this.stopped) {
      const batch = this.waiting.slice(0, Math.min(this.options.flushAt, EVENT_LIMITS.perRequest));
      this.inFlight = batch.length;
      for (let attempt = 0; ; attempt++) {
        const outcome = await this.send(batch);
        if (this.stopped) return;
        if (outcome.kind === 'sent') break;
        this.options.report(outcome.error);
        if (outcome.kind === 'drop' || attempt + 1 >= this.options.maxAttempts) {
          this.discard(batch);
          this.dropped += batch.length;
          break;
        }
        const delay = outcome.retryAfterMs ?? backoffDelay(attempt, { baseMs: this.options.backoffBaseMs, capMs: this.options.backoffCapMs }, this.options.random);
        await new Promise<void>((resolve) => {
          this.wakeRetry = resolve;
          this.retryTimer = unref(this.options.timers.setTimeout(resolve, delay));
        });
        this.retryTimer = undefined;
        this.wakeRetry = undefined;
        if (this.stopped) return;
      }
      this.discard(batch);
    }
  }

  /** Takes the batch off the queue; the bound may already have dropped some of it. */
  private discard(batch: readonly WireEvent[]): void {
    const ids = new Set(batch.map((e) => e.id));
    let i = 0;
    while (i < this.waiting.length && ids.has(this.waiting[i]?.id ?? '')) i++;
    this.waiting.splice(0, i);
    this.inFlight = 0;
  }

  private async send(batch: readonly WireEvent[]): Promise<Outcome> {
    const { fetch, timers, requestTimeoutMs } = this.options;
    const controller = new AbortController();
    this.controller = controller;
    const timeout = timers.setTimeout(() => controller.abort(new DialError(`sending events: no answer in ${requestTimeoutMs} ms`, 'timeout')), requestTimeoutMs);
    unref(timeout);
    try {
      const response = await fetch(`${this.options.baseUrl}/api/v1/events`, {
        method: 'POST',
        headers: requestHeaders(this.options.sdkKey, { 'content-type': 'application/json', accept: 'application/json' }),
        body: JSON.stringify({ events: batch }),
        signal: controller.signal,
      });
      const text = await response.text();
      if (response.ok) {
        this.reportRejected(text, batch);
        return { kind: 'sent' };
      }
      const error = httpError('sending events', response.status);
      if (response.status === 408 || response.status === 429 || response.status >= 500) {
        return { kind: 'retry', error, retryAfterMs: retryAfterMs(response.headers.get('retry-after'), this.options.now().getTime()) };
      }
      return { kind: 'drop', error: new DialError(`${error.message}; dropped ${batch.length} events`, error.kind, { status: response.status }) };
    } catch (error) {
      return { kind: 'retry', error: requestError('sending events', error, controller.signal), retryAfterMs: undefined };
    } finally {
      timers.clearTimeout(timeout);
      if (this.controller === controller) this.controller = undefined;
    }
  }

  private reportRejected(text: string, batch: readonly WireEvent[]): void {
    let rejected: unknown;
    try {
      rejected = (JSON.parse(text) as { rejected?: unknown }).rejected;
    } catch {
      return;
    }
    if (!Array.isArray(rejected) || rejected.length === 0) return;
    this.dropped += rejected.length;
    const first = rejected[0] as { index?: unknown; reason?: unknown };
    const name = typeof first.index === 'number' ? batch[first.index]?.name : undefined;
    this.options.report(
      new DialError(`sending events: the server refused ${rejected.length} of ${batch.length} (e.g. "${String(name)}": ${String(first.reason)})`, 'invalid-data'),
    );
  }
}
