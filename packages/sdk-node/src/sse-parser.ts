/** One dispatched Server-Sent Event. */
export interface SseEvent {
  /** The `event:` field; `message` when the event named none. */
  readonly event: string;
  /** The `data:` lines joined with newlines. */
  readonly data: string;
  /** The last `id:` seen on the stream, as EventSource keeps it. */
  readonly id: string | undefined;
}

export interface SseHandlers {
  event(event: SseEvent): void;
  /** A `retry:` field: the reconnection time the server asks for, in milliseconds. */
  retry?(ms: number): void;
}

/**
 * Splits a text/event-stream into events the way the WHATWG EventSource does:
 * lines end in CR, LF or CRLF (also across chunks), `:` starts a comment, an
 * empty line dispatches the event gathered so far.
 *
 * @example
 * const parser = new SseParser({ event: (e) => console.log(e.event, e.data) });
 * parser.push('event: ready\nid: 3\ndata: {"version":3}\n\n');
 */
export class SseParser {
  private pending = '';
  private skipLineFeed = false;
  private started = false;
  private eventName = '';
  private data: string[] = [];
  private lastId: string | undefined;

  constructor(private readonly handlers: SseHandlers) {}

  /** Feeds decoded text; handlers run synchronously for each event it completes. */
  push(chunk: string): void {
    let text = this.pending + chunk;
    this.pending = '';
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (c === 10) {
          start = i + 1;
          continue;
        }
      }
      if (c === 10 || c === 13) {
        this.line(text.slice(start, i));
        start = i + 1;
        this.skipLineFeed = c === 13;
      }
    }
    this.pending = text.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventName = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.handlers.retry?.(Number(value));
        break;
      default:
        break;
    }
  }

  private dispatch(): void {
    const data = this.data;
    const event = this.eventName === '' ? 'message' : this.eventName;
    this.data = [];
    this.eventName = '';
    if (data.length === 0) return;
    this.handlers.event({ event, data: data.join('\n'), id: this.lastId });
  }
}
