/**
 * A Server-Sent Events client for tests: opens a stream over real HTTP and
 * hands out what arrives, parsed, one message at a time.
 */
import http, { type IncomingHttpHeaders } from 'node:http';

/** One block of the stream: an event, a `retry:` line, or a comment such as `: ping`. */
export interface SseMessage {
  event?: string;
  id?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

export interface TestStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** The response body when the status is not 200. */
  body: string;
  /** The next message, waiting at most `ms`; rejects when none comes or the stream ends. */
  next(ms?: number): Promise<SseMessage>;
  /** The next message that is an event of this type, skipping others (such as pings). */
  nextEvent(type: string, ms?: number): Promise<SseMessage & { event: string; id: string; data: string }>;
  /** Resolves when the server ends the stream, after at most `ms`. */
  ended(ms?: number): Promise<void>;
  /** Every message so far, including those already handed out. */
  received(): SseMessage[];
  /** Hangs up. */
  close(): void;
}

/** Parses the text of complete blocks (each ending with a blank line) into messages. */
export function parseSse(text: string): SseMessage[] {
  const messages: SseMessage[] = [];
  for (const block of text.split('\n\n')) {
    if (block === '') continue;
    const message: SseMessage = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        messages.push({ comment: line.slice(1).trim() });
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') message.event = value;
      else if (field === 'id') message.id = value;
      else if (field === 'data') message.data = message.data === undefined ? value : `${message.data}\n${value}`;
      else if (field === 'retry') message.retry = Number(value);
    }
    if (Object.keys(message).length > 0) messages.push(message);
  }
  return messages;
}

/**
 * Opens `url` (such as `http://127.0.0.1:4242/api/v1/sdk/stream`) with an
 * SDK key as bearer token (none when undefined, e.g. when the URL carries
 * it), sending `lastEventId` as the Last-Event-ID header.
 *
 * @example
 * const stream = await openStream(`${base}/api/v1/sdk/stream`, key);
 * const { data } = await stream.nextEvent('snapshot');
 */
export function openStream(url: string, key: string | undefined, lastEventId?: string, extraHeaders: Record<string, string> = {}): Promise<TestStream> {
  const headers: Record<string, string> = { accept: 'text/event-stream', ...extraHeaders };
  if (key !== undefined) headers.authorization = `Bearer ${key}`;
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      response.setEncoding('utf8');
      const queue: SseMessage[] = [];
      const all: SseMessage[] = [];
      const waiters: (() => void)[] = [];
      let pending = '';
      let body = '';
      let done = false;
      const wake = () => waiters.splice(0).forEach((wakeUp) => wakeUp());
      response.on('data', (chunk: string) => {
        if (response.statusCode !== 200) {
          body += chunk;
          return;
        }
        pending += chunk;
        const end = pending.lastIndexOf('\n\n');
        if (end === -1) return;
        const messages = parseSse(pending.slice(0, end + 2));
        pending = pending.slice(end + 2);
        queue.push(...messages);
        all.push(...messages);
        wake();
      });
      const finish = () => {
        done = true;
        wake();
      };
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);

      const wait = (ms: number, until: () => boolean, what: string) =>
        new Promise<void>((resolveWait, rejectWait) => {
          const check = () => {
            if (until()) {
              clearTimeout(timer);
              resolveWait();
            } else if (done) {
              clearTimeout(timer);
              rejectWait(new Error(`the stream ended while waiting for ${what}; received ${JSON.stringify(all)}`));
            } else waiters.push(check);
          };
          const timer = setTimeout(() => rejectWait(new Error(`no ${what} within ${ms} ms; received ${JSON.stringify(all)}`)), ms);
          check();
        });

      const next = async (ms = 5_000) => {
        await wait(ms, () => queue.length > 0, 'message');
        return queue.shift()!;
      };
      const stream: TestStream = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        get body() {
          return body;
        },
        next,
        async nextEvent(type, ms = 5_000) {
          await wait(ms, () => {
            while (queue.length > 0 && queue[0]!.event !== type) queue.shift();
            return queue.length > 0;
          }, `"${type}" event`);
          return queue.shift() as SseMessage & { event: string; id: string; data: string };
        },
        ended: (ms = 5_000) =>
          new Promise<void>((resolveEnd, rejectEnd) => {
            if (done) return resolveEnd();
            const timer = setTimeout(() => rejectEnd(new Error(`the stream did not end within ${ms} ms`)), ms);
            const check = () => {
              if (!done) return void waiters.push(check);
              clearTimeout(timer);
              resolveEnd();
            };
            waiters.push(check);
          }),
        received: () => [...all],
        close: () => request.destroy(),
      };
      if (response.statusCode !== 200) {
        response.on('end', () => resolve(stream));
      } else resolve(stream);
    });
    request.on('error', reject);
  });
}
