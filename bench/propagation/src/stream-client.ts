import http from 'node:http';
import { EventStreamParser, type ServerSentEvent } from './event-stream.js';

export interface StreamClientOptions {
  /** The stream's URL, `…/api/v1/sdk/stream`. */
  readonly url: URL;
  /** A server SDK key. */
  readonly key: string;
  readonly agent: http.Agent;
  readonly now: () => number;
  /** Called each time the client comes to hold a newer snapshot version, with the time it did. */
  readonly onVersion: (client: StreamClient, version: number, at: number) => void;
}

/** What went wrong with the stream, beyond late events. */
export interface StreamTrouble {
  /** Connections lost after the first snapshot, each followed by a reconnection. */
  reconnects: number;
  /** Change events whose version skipped one or more versions. */
  gaps: number;
  /** Events whose `id` differs from the version in their data. */
  idMismatches: number;
  /** Events whose data was not the JSON expected. */
  badEvents: number;
}

const FIRST_CONNECT_TIMEOUT_MS = 30_000;

/**
 * An SDK-like streaming client: holds one environment's flags and the
 * snapshot version they are at, from `GET /api/v1/sdk/stream`. It parses
 * every event and its JSON as an SDK must to apply it, and reconnects with
 * `Last-Event-ID` after the server's `retry` delay when the stream drops.
 */
export class StreamClient {
  /** The snapshot version held; -1 before the first snapshot. */
  version = -1;
  flags = new Map<string, unknown>();
  segments = new Map<string, unknown>();
  readonly trouble: StreamTrouble = { reconnects: 0, gaps: 0, idMismatches: 0, badEvents: 0 };
  heartbeats = 0;
  /** Milliseconds spent in this client's parsing and applying, for the harness's own share of latency. */
  busyMs = 0;

  #retryMs = 1000;
  #lastEventId = '';
  #request: http.ClientRequest | undefined;
  #closed = false;

  constructor(private readonly options: StreamClientOptions) {}

  /** Opens the stream; resolves once the first snapshot is held. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`no snapshot within ${FIRST_CONNECT_TIMEOUT_MS} ms`)), FIRST_CONNECT_TIMEOUT_MS);
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.close();
        reject(error);
      };
      this.#open(
        () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve();
        },
        fail,
      );
    });
  }

  close(): void {
    this.#closed = true;
    this.#request?.destroy();
    this.#request = undefined;
  }

  #open(onSnapshot: () => void, onFailure: (error: Error) => void): void {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.key}`, accept: 'text/event-stream' };
    if (this.#lastEventId !== '') headers['last-event-id'] = this.#lastEventId;
    const request = http.get(this.options.url, { agent: this.options.agent, headers });
    this.#request = request;
    let held = false;
    let over = false;
    // Once this connection has brought a snapshot, losing it means reconnecting; before, it is a failure.
    const end = (error: Error) => {
      if (over || this.#closed) return;
      over = true;
      if (held) this.#reconnect();
      else onFailure(error);
    };
    request.on('error', end);
    request.on('response', (response) => {
      const type = response.headers['content-type'] ?? '';
      response.setEncoding('utf8');
      if (response.statusCode !== 200 || !type.startsWith('text/event-stream')) {
        let body = '';
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => end(new Error(`GET ${this.options.url.pathname} answered ${response.statusCode} ${type}: ${body.slice(0, 300)}`)));
        return;
      }
      const parser = new EventStreamParser({
        event: (event) => {
          if (this.#apply(event) && !held) {
            held = true;
            onSnapshot();
          }
        },
        retry: (ms) => (this.#retryMs = ms),
        comment: () => this.heartbeats++,
      });
      response.on('data', (chunk: string) => {
        const started = this.options.now();
        parser.push(chunk);
        this.busyMs += this.options.now() - started;
      });
      response.on('close', () => end(new Error('the stream closed before its first snapshot')));
    });
  }

  #reconnect(): void {
    this.#request = undefined;
    this.trouble.reconnects++;
    setTimeout(() => {
      if (!this.#closed) this.#open(() => undefined, () => this.#reconnect());
    }, this.#retryMs);
  }

  /**
   * Applies one event to what the client holds, as the stream contract
   * has it: `snapshot` replaces everything, `ready` confirms the version
   * held on reconnection, and each `change` puts or deletes one flag or
   * segment (one version may bring several). True once it brought a version.
   */
  #apply(event: ServerSentEvent): boolean {
    if (event.type !== 'snapshot' && event.type !== 'change' && event.type !== 'ready') return false;
    let body: { version?: unknown; flags?: unknown; segments?: unknown; type?: unknown; key?: unknown; flag?: unknown; segment?: unknown };
    try {
      body = JSON.parse(event.data) as typeof body;
    } catch {
      this.trouble.badEvents++;
      return false;
    }
    if (typeof body !== 'object' || body === null || typeof body.version !== 'number') {
      this.trouble.badEvents++;
      return false;
    }
    const version = body.version;
    if (event.lastEventId !== String(version)) this.trouble.idMismatches++;
    this.#lastEventId = event.lastEventId;
    if (event.type === 'snapshot') {
      this.flags = keyed(body.flags);
      this.segments = keyed(body.segments);
    } else if (event.type === 'change') {
      if (version < this.version) return true;
      if (this.version >= 0 && version > this.version + 1) this.trouble.gaps++;
      if (typeof body.key !== 'string') {
        this.trouble.badEvents++;
        return true;
      }
      if (body.type === 'flag.put') this.flags.set(body.key, body.flag);
      else if (body.type === 'flag.delete') this.flags.delete(body.key);
      else if (body.type === 'segment.put') this.segments.set(body.key, body.segment);
      else if (body.type === 'segment.delete') this.segments.delete(body.key);
      else this.trouble.badEvents++;
    }
    if (version > this.version) {
      this.version = version;
      this.options.onVersion(this, version, this.options.now());
    }
    return true;
  }
}

function keyed(documents: unknown): Map<string, unknown> {
  const byKey = new Map<string, unknown>();
  if (Array.isArray(documents)) for (const document of documents as { key?: unknown }[]) if (typeof document.key === 'string') byKey.set(document.key, document);
  return byKey;
}
