/**
 * The load generator: a fixed number of keep-alive connections, each
 * sending one request after another for a fixed time, to loopback only.
 *
 * Each connection speaks HTTP/1.1 on a plain socket with every request's
 * bytes written in advance, and reads an answer only as far as its status,
 * length and end: the generator shares the machine with the server under
 * test, so the less CPU it spends per request, the less it takes from the
 * server and adds to the latency it measures. Node's http client costs
 * several times more per request.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  /** Such as `http://127.0.0.1:4242/api/v1/sdk/evaluate`; must be on loopback. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON bodies, sent in turn. */
  readonly bodies: readonly string[];
  readonly concurrency: number;
  readonly durationMs: number;
}

export interface LoadResult {
  readonly requests: number;
  /** Answers other than 200, and failed requests. */
  readonly errors: number;
  readonly statuses: ReadonlyMap<number, number>;
  readonly elapsedMs: number;
  /** Milliseconds from writing each request to reading the last byte of its answer. */
  readonly latencies: Float64Array;
  readonly responseBytes: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const HEAD_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('0\r\n\r\n');

/** The complete bytes of one POST. */
function requestBytes(target: URL, headers: Readonly<Record<string, string>>, body: string): Buffer {
  const payload = Buffer.from(body);
  const lines = [`POST ${target.pathname}${target.search} HTTP/1.1`, `host: ${target.host}`, 'connection: keep-alive', 'content-type: application/json', `content-length: ${payload.length}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), payload]);
}

/**
 * Reads answers off one connection: call `expect` before each request,
 * and `onAnswer` fires once its last byte has arrived.
 */
class AnswerReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly onAnswer: (status: number, bytes: number) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headEnd = this.buffer.indexOf(HEAD_END);
    if (headEnd === -1) return;
    const head = this.buffer.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    const bodyStart = headEnd + 4;
    if (length !== null) {
      const end = bodyStart + Number(length[1]);
      if (this.buffer.length < end) return;
      this.finish(status, end);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const end = this.buffer.indexOf(CHUNKED_END, bodyStart);
      if (end === -1) return;
      this.finish(status, end + CHUNKED_END.length);
    } else {
      throw new Error(`an answer without a length: ${head.slice(0, 200)}`);
    }
  }

  private finish(status: number, end: number): void {
    const rest = this.buffer.subarray(end);
    this.buffer = rest.length === 0 ? Buffer.alloc(0) : Buffer.from(rest);
    this.onAnswer(status, end);
  }
}

/**
 * Runs the load and resolves when every connection has finished its last request.
 *
 * @example
 * const result = await runLoad({ url, headers: { authorization: `Bearer ${key}` }, bodies, concurrency: 16, durationMs: 10_000 });
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (!LOOPBACK.has(target.hostname)) throw new Error(`refusing to load ${target.hostname}: loopback only`);
  const requests = options.bodies.map((body) => requestBytes(target, options.headers, body));
  let latencies = new Float64Array(1 << 20);
  let count = 0;
  let errors = 0;
  let responseBytes = 0;
  let next = 0;
  const statuses = new Map<number, number>();
  const record = (status: number, latency: number, bytes: number) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = latency;
    responseBytes += bytes;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status !== 200) errors++;
  };

  const started = performance.now();
  const end = started + options.durationMs;
  const connection = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect({ host: target.hostname.replace(/^\[|\]$/g, ''), port: Number(target.port), noDelay: true });
      let sentAt = 0;
      const send = () => {
        if (performance.now() >= end) {
          socket.end();
          return;
        }
        const bytes = requests[next++ % requests.length]!;
        sentAt = performance.now();
        socket.write(bytes);
      };
      const reader = new AnswerReader((status, bytes) => {
        record(status, performance.now() - sentAt, bytes);
        send();
      });
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        try {
          reader.push(chunk);
        } catch {
          errors++;
          socket.destroy();
        }
      });
      socket.on('error', () => {
        errors++;
      });
      socket.on('close', () => resolve());
    });
  await Promise.all(Array.from({ length: options.concurrency }, connection));
  const elapsedMs = performance.now() - started;
  return { requests: count, errors, statuses, elapsedMs, latencies: latencies.slice(0, count), responseBytes };
}
