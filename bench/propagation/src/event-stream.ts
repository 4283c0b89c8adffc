/** One dispatched server-sent event. */
export interface ServerSentEvent {
  /** The `event:` field, or `message` when there was none. */
  readonly type: string;
  /** The `data:` lines joined by newlines. */
  readonly data: string;
  /** The last `id:` seen on the stream so far, as the WHATWG spec defines it. */
  readonly lastEventId: string;
}

export interface EventStreamHandlers {
  event(event: ServerSentEvent): void;
  /** A `retry:` field: the reconnection delay the server asks for. */
  retry?(ms: number): void;
  /** A comment line such as `: ping`. */
  comment?(text: string): void;
}

/**
 * An incremental `text/event-stream` parser (WHATWG HTML, "Event stream
 * interpretation"): feed it decoded text in chunks cut anywhere, and it calls
 * back once per complete event. Lines may end in LF, CR or CRLF.
 *
 * @example
 * const parser = new EventStreamParser({ event: (e) => console.log(e.type, JSON.parse(e.data)) });
 * response.setEncoding('utf8').on('data', (chunk: string) => parser.push(chunk));
 */
export class EventStreamParser {
  #partial = '';
  #afterCR = false;
  #started = false;
  #type = '';
  #data = '';
  #hasData = false;
  #lastEventId = '';

  constructor(private readonly handlers: EventStreamHandlers) {}

  get lastEventId(): string {
    return this.#lastEventId;
  }

  push(chunk: string): void {
    const text = this.#partial + chunk;
    this.#partial = '';
    let start = 0;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.startsWith('\uFEFF')) start = 1;
    }
    // A CR that ended the previous chunk may be the first half of a CRLF.
    if (this.#afterCR && text[start] === '\n') start++;
    if (text.length > 0) this.#afterCR = false;
    while (start < text.length) {
      const lf = text.indexOf('\n', start);
      const cr = text.indexOf('\r', start);
      if (lf === -1 && cr === -1) break;
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      this.#line(text.slice(start, end));
      if (text[end] === '\r') {
        if (end + 1 === text.length) this.#afterCR = true;
        start = text[end + 1] === '\n' ? end + 2 : end + 1;
      } else {
        start = end + 1;
      }
    }
    this.#partial = text.slice(start);
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.handlers.comment?.(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#type = value;
        break;
      case 'data':
        this.#data = this.#hasData ? `${this.#data}\n${value}` : value;
        this.#hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.#lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.handlers.retry?.(Number(value));
        break;
      default:
        // Unknown fields are ignored.
        break;
    }
  }

  #dispatch(): void {
    const event = { type: this.#type === '' ? 'message' : this.#type, data: this.#data, lastEventId: this.#lastEventId };
    const hasData = this.#hasData;
    this.#type = '';
    this.#data = '';
    this.#hasData = false;
    if (hasData) this.handlers.event(event);
  }
}
