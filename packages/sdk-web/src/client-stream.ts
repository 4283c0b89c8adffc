import { DialError } from './dial-error.js';
import { type EventSourceConstructor, type EventSourceLike, type ResolvedOptions, type StreamEvent, backoffDelay } from './options.js';

export interface StreamHandlers {
  /** Connected: the environment is at `version`. */
  ready(version: number | undefined): void;
  /** The environment changed; its new version, when the event says. */
  changed(version: number | undefined): void;
  /** The connection failed or ended; it is reopened after a backoff delay. */
  drop(error: DialError): void;
}

type StreamOptions = Pick<ResolvedOptions, 'clientKey' | 'baseUrl' | 'timers' | 'random' | 'backoffBaseMs' | 'backoffCapMs'> & {
  readonly EventSource: EventSourceConstructor;
};

/** The version an event carries: `data: {"version":N}`, else its id. */
export function eventVersion(event: StreamEvent): number | undefined {
  try {
    const version: unknown = typeof event.data === 'string' ? (JSON.parse(event.data) as { version?: unknown })?.version : undefined;
    if (typeof version === 'number' && Number.isFinite(version)) return version;
  } catch {
    // Fall back to the id.
  }
  const id = event.lastEventId === undefined || event.lastEventId === '' ? NaN : Number(event.lastEventId);
  return Number.isFinite(id) ? id : undefined;
}

/**
 * `GET /api/v1/sdk/client-stream` through an EventSource: `ready` on connect,
 * `changed` per change, with no flag in them. The key goes in the query, as
 * an EventSource cannot send headers. On any error the EventSource is closed
 * and a new one opened after a jittered, growing delay — the browser's own
 * reconnection would retry at a fixed pace forever, and gives up for good on
 * an HTTP error.
 */
export class ClientStream {
  private source: EventSourceLike | undefined;
  private timer: unknown;
  private attempt = 0;
  private running = false;

  constructor(
    private readonly options: StreamOptions,
    private readonly handlers: StreamHandlers,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.open();
  }

  stop(): void {
    this.running = false;
    this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.source?.close();
    this.source = undefined;
  }

  private open(): void {
    this.timer = undefined;
    const { baseUrl, clientKey, EventSource } = this.options;
    let source: EventSourceLike;
    try {
      source = new EventSource(`${baseUrl}/api/v1/sdk/client-stream?key=${encodeURIComponent(clientKey)}`);
    } catch (error) {
      this.dropped(undefined, new DialError(`stream: ${String(error)}`, 'stream', { cause: error }));
      return;
    }
    this.source = source;
    const current = (listener: (event: StreamEvent) => void) => (event: StreamEvent) => {
      if (this.source === source) listener(event);
    };
    source.addEventListener(
      'ready',
      current((event) => {
        this.attempt = 0;
        this.handlers.ready(eventVersion(event));
      }),
    );
    source.addEventListener(
      'changed',
      current((event) => this.handlers.changed(eventVersion(event))),
    );
    // An EventSource's error says nothing of why: a refused key shows up when the flags are next asked for.
    source.addEventListener(
      'error',
      current(() => this.dropped(source, new DialError('stream: the connection failed or ended', 'stream'))),
    );
  }

  private dropped(source: EventSourceLike | undefined, error: DialError): void {
    source?.close();
    this.source = undefined;
    if (!this.running) return;
    this.handlers.drop(error);
    if (!this.running || this.timer !== undefined) return;
    this.timer = this.options.timers.setTimeout(() => this.open(), backoffDelay(this.attempt++, this.options));
  }
}
