/**
 * A stand-in for Dial's SDK endpoints on 127.0.0.1, for unit tests: the
 * snapshot with its ETag, and the event stream, following the wire contract.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Flag, Segment, Snapshot } from '@dial/core';

export const TEST_SDK_KEY = 'dial_sdk_test';

export interface RecordedRequest {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
}

export interface FakeDial {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** The snapshot served now; edit it through `put`/`remove`. */
  snapshot(): Snapshot;
  /** Answer the stream with this status instead of events; undefined streams. */
  streamStatus: number | undefined;
  /** Answer the snapshot with this status; undefined serves it. */
  snapshotStatus: number | undefined;
  /** Open streams but send nothing on them, not even the initial event. */
  silent: boolean;
  /** Every body POSTed to the events endpoint, in order, failed ones included. */
  readonly eventBatches: Array<Array<Record<string, unknown>>>;
  /** The ids of the events stored, each once. */
  readonly storedEventIds: Set<string>;
  /** Answers for the next event requests, in order, before they are stored; when empty, events are stored and 200 answered. */
  eventAnswers: Array<{ status: number; headers?: Record<string, string> }>;
  /** Sends a comment line on every open stream every this many ms; 0 for none. */
  heartbeatMs: number;
  /** Puts a flag (or segment) at the next version, and sends the change to every open stream. */
  put(kind: 'flag', document: Flag): number;
  put(kind: 'segment', document: Segment): number;
  remove(kind: 'flag' | 'segment', key: string): number;
  /** Writes raw text to every open stream. */
  send(text: string): void;
  /** Ends every open stream, as a restarting server would. */
  dropStreams(): void;
  openStreams(): number;
  paths(path: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function fakeDial(initial: Snapshot = { version: 1, flags: [], segments: [] }): Promise<FakeDial> {
  let current: Snapshot = { version: initial.version ?? 1, flags: [...initial.flags], segments: [...(initial.segments ?? [])] };
  const streams = new Set<http.ServerResponse>();
  const requests: RecordedRequest[] = [];
  const version = () => current.version ?? 0;

  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push({ path, headers: request.headers });
    if (request.headers.authorization !== `Bearer ${TEST_SDK_KEY}`) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":"unauthorized","message":"bad key"}}');
      return;
    }
    if (path === '/api/v1/sdk/snapshot') {
      if (fake.snapshotStatus !== undefined) {
        response.writeHead(fake.snapshotStatus).end();
        return;
      }
      const etag = `"${version()}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', etag }).end(JSON.stringify(current));
      return;
    }
    if (path === '/api/v1/events' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const events = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: Array<Record<string, unknown>> }).events;
        fake.eventBatches.push(events);
        const answer = fake.eventAnswers.shift();
        if (answer !== undefined) {
          response.writeHead(answer.status, answer.headers ?? {}).end('{"error":{"code":"test","message":"as told"}}');
          return;
        }
        let accepted = 0;
        for (const event of events) {
          if (fake.storedEventIds.has(String(event.id))) continue;
          fake.storedEventIds.add(String(event.id));
          accepted++;
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted, duplicates: events.length - accepted, rejected: [] }));
      });
      return;
    }
    if (path === '/api/v1/sdk/stream') {
      if (fake.streamStatus !== undefined) {
        response.writeHead(fake.streamStatus).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.flushHeaders();
      streams.add(response);
      response.on('close', () => streams.delete(response));
      if (fake.silent) return;
      response.write('retry: 1000\n\n');
      const v = version();
      if (request.headers['last-event-id'] === String(v)) response.write(`event: ready\nid: ${v}\ndata: {"version":${v}}\n\n`);
      else response.write(`event: snapshot\nid: ${v}\ndata: ${JSON.stringify(current)}\n\n`);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const broadcast = (text: string) => {
    for (const stream of streams) stream.write(text);
  };
  const heartbeat = setInterval(() => {
    if (fake.heartbeatMs > 0 && Date.now() - lastBeat >= fake.heartbeatMs) {
      lastBeat = Date.now();
      broadcast(': ping\n\n');
    }
  }, 10);
  let lastBeat = Date.now();

  const change = (type: string, key: string, document?: { name: 'flag' | 'segment'; value: unknown }) => {
    const v = version() + 1;
    current = { ...current, version: v };
    const data: Record<string, unknown> = { version: v, type, key };
    if (document !== undefined) data[document.name] = document.value;
    broadcast(`event: change\nid: ${v}\ndata: ${JSON.stringify(data)}\n\n`);
    return v;
  };

  const fake: FakeDial = {
    url: `http://127.0.0.1:${port}`,
    requests,
    eventBatches: [],
    storedEventIds: new Set(),
    eventAnswers: [],
    snapshot: () => current,
    streamStatus: undefined,
    snapshotStatus: undefined,
    silent: false,
    heartbeatMs: 0,
    put(kind: 'flag' | 'segment', document: Flag | Segment): number {
      if (kind === 'flag') current = { ...current, flags: [...current.flags.filter((f) => f.key !== document.key), document as Flag] };
      else current = { ...current, segments: [...(current.segments ?? []).filter((s) => s.key !== document.key), document as Segment] };
      return change(`${kind}.put`, document.key, { name: kind, value: document });
    },
    remove(kind, key) {
      if (kind === 'flag') current = { ...current, flags: current.flags.filter((f) => f.key !== key) };
      else current = { ...current, segments: (current.segments ?? []).filter((s) => s.key !== key) };
      return change(`${kind}.delete`, key);
    },
    send: broadcast,
    dropStreams() {
      for (const stream of streams) stream.destroy();
      streams.clear();
    },
    openStreams: () => streams.size,
    paths: (path) => requests.filter((r) => r.path === path),
    async close() {
      clearInterval(heartbeat);
      fake.dropStreams();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** A boolean flag serving `on` to everyone, or `off` when disabled. */
export function booleanFlag(key: string, enabled = true, overrides: Partial<Flag> = {}): Flag {
  return { key, variants: { on: true, off: false }, enabled, offVariant: 'off', rules: [], fallthrough: { variant: 'on' }, ...overrides };
}
