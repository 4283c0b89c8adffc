import { DialError } from './dial-error.js';
import { retryAfterMs } from './evaluate-request.js';
import { type ResolvedOptions, backoffDelay } from './options.js';

/** One event as `POST /api/v1/events` takes it. */
export interface DialEvent {
  readonly id: string;
  readonly type: 'track' | 'exposure';
  readonly name: string;
  readonly variant?: string;
  readonly key: string;
  readonly attributes?: Record<string, string | number | boolean | null>;
  readonly properties?: Record<string, unknown>;
  readonly timestamp: number;
}

/** The server's limit per request. */
const MAX_BATCH_EVENTS = 1_000;
/** Well under the server's 1 MB, so that a full batch is never refused as too large. */
const MAX_BATCH_BYTES = 512 * 1024;
/** Browsers refuse keepalive requests whose bodies add up to more than 64 KB. */
const KEEPALIVE_BYTES = 60 * 1024;

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text).length;

/**
 * Events waiting to be sent to Dial, sent in batches by count and time,
 * resent with the same ids after a failure that may pass (so Dial stores
 * each once), dropped after one that will not. It never rejects or throws.
 */
export class EventQueue {
  /** Events dropped because the queue was full. */
  dropped = 0;
  private queue: DialEvent[] = [];
  private timer: unknown;
  /** No request before this time: a backoff or a Retry-After. */
  private blockedUntil = 0;
  private attempt = 0;
  private sending: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly report: (error: DialError) => void,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  add(event: DialEvent): void {
    if (this.closed) return;
    this.queue.push(event);
    this.trim();
    if (this.queue.length >= this.options.flushAt) void this.flush();
    else this.wake(this.options.flushIntervalMs);
  }

  /** Sends what is queued now (after any Retry-After); resolves once sent or failed, never rejects. */
  async flush(): Promise<void> {
    try {
      while (this.sending !== undefined) await this.sending;
      while (this.queue.length > 0 && this.options.now() >= this.blockedUntil) {
        this.sending = this.sendNext();
        const sent = this.sending;
        await sent;
        if (this.sending === sent) this.sending = undefined;
        if (this.attempt > 0) return;
      }
    } catch {
      // Never rejects into the page.
    }
  }

  /** The page may be going away: sends everything with `keepalive`, which outlives the page, in bodies under 64 KB. */
  sendAll(): void {
    let budget = KEEPALIVE_BYTES;
    while (this.queue.length > 0) {
      const { events, body } = this.take(Math.min(budget, MAX_BATCH_BYTES));
      if (events.length === 0) break;
      budget -= bytesOf(body);
      void this.send(events, body, true);
    }
  }

  close(): void {
    this.sendAll();
    this.closed = true;
    this.stopTimer();
  }

  private async sendNext(): Promise<void> {
    const { events, body } = this.take(MAX_BATCH_BYTES);
    if (events.length > 0) await this.send(events, body, false);
  }

  /** The oldest events that fit in `maxBytes`; at least one, unless even one would not fit. */
  private take(maxBytes: number): { events: DialEvent[]; body: string } {
    const events: DialEvent[] = [];
    let bytes = 12;
    for (const event of this.queue) {
      const size = bytesOf(JSON.stringify(event)) + 1;
      if (events.length >= MAX_BATCH_EVENTS || (bytes + size > maxBytes && (events.length > 0 || maxBytes < MAX_BATCH_BYTES))) break;
      events.push(event);
      bytes += size;
    }
    this.queue.splice(0, events.length);
    return { events, body: JSON.stringify({ events }) };
  }

  private async send(events: DialEvent[], body: string, keepalive: boolean): Promise<void> {
    const { options } = this;
    let error: DialError | undefined;
    try {
      const response = await options.fetch(`${options.baseUrl}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.clientKey}`, 'content-type': 'application/json' },
        body,
        keepalive,
      });
      const text = await response.text();
      if (response.ok) {
        this.attempt = 0;
        const rejected = (JSON.parse(text) as { rejected?: { index: number; reason: string }[] }).rejected ?? [];
        const first = rejected[0];
        if (first !== undefined) this.report(new DialError(`events: ${rejected.length} refused, e.g. ${first.reason}`, 'invalid-data'));
        return;
      }
      const status = response.status;
      error = new DialError(`events: HTTP ${status}`, status === 429 ? 'rate-limited' : status === 401 || status === 403 ? 'unauthorized' : 'http', {
        status,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after'), options.now()),
      });
    } catch (cause) {
      if (cause instanceof SyntaxError) return;
      error = new DialError(`events: ${cause instanceof Error ? cause.message : String(cause)}`, 'network', { cause });
    }
    this.report(error);
    if (!error.retryable) return;
    // Resent later with the same ids, ahead of newer events.
    this.queue.unshift(...events);
    this.trim();
    const delay = Math.max(backoffDelay(this.attempt++, options), error.retryAfterMs ?? 0);
    this.blockedUntil = options.now() + delay;
    this.stopTimer();
    this.wake(delay);
  }

  /** Drops the oldest events beyond the bound. */
  private trim(): void {
    const excess = this.queue.length - this.options.maxQueuedEvents;
    if (excess <= 0) return;
    this.queue.splice(0, excess);
    this.dropped += excess;
  }

  private wake(delayMs: number): void {
    if (this.timer !== undefined || this.closed) return;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
