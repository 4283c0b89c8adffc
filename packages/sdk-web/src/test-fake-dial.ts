import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEST_CLIENT_KEY = 'dial_client_test00000000000000000000000000000000';

type Entry = Record<string, unknown>;

export interface FakeDial {
  readonly url: string;
  /** The version evaluate answers with. */
  version: number;
  /** What evaluate answers for a context. */
  flagsFor: (context: Record<string, unknown>) => Record<string, Entry>;
  /** Every evaluate request, in order. */
  readonly requests: { context: Record<string, unknown>; authorization: string | undefined }[];
  /** Every events request, in order: its events and whether the key came in the Authorization header. */
  readonly eventBatches: { events: Record<string, unknown>[]; authorization: string | undefined }[];
  /** Answers every request with this status (and headers) until `heal()`. */
  failWith(status: number, headers?: Record<string, string>): void;
  heal(): void;
  /** Holds answers until `release()`. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/**
 * A stand-in for Dial's `POST /api/v1/sdk/evaluate` on 127.0.0.1, port 0:
 * real HTTP, with the answers, failures and delays a test asks for.
 */
export async function fakeDial(flags: Record<string, Entry> = {}): Promise<FakeDial> {
  let failure: { status: number; headers: Record<string, string> } | undefined;
  let held: (() => void)[] | undefined;

  const answer = (request: IncomingMessage, response: ServerResponse, body: string) => {
    if (request.method === 'POST' && request.url === '/api/v1/events') {
      const events = (JSON.parse(body) as { events: Record<string, unknown>[] }).events;
      dial.eventBatches.push({ events, authorization: request.headers.authorization });
      if (failure !== undefined) response.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers }).end('{"error":{"code":"failed"}}');
      else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: events.length, duplicates: 0, rejected: [] }));
      return;
    }
    if (request.method !== 'POST' || request.url !== '/api/v1/sdk/evaluate') {
      response.writeHead(404).end();
      return;
    }
    let context: Record<string, unknown> = {};
    try {
      context = (JSON.parse(body) as { context: Record<string, unknown> }).context;
    } catch {
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"bad_request"}}');
      return;
    }
    dial.requests.push({ context, authorization: request.headers.authorization });
    if (failure !== undefined) {
      response.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers }).end('{"error":{"code":"failed"}}');
      return;
    }
    const send = () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: dial.version, flags: dial.flagsFor(context) }));
    if (held === undefined) send();
    else held.push(send);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const dial: FakeDial = {
    url: `http://127.0.0.1:${port}`,
    version: 1,
    flagsFor: () => flags,
    requests: [],
    eventBatches: [],
    failWith: (status, headers = {}) => (failure = { status, headers }),
    heal: () => (failure = undefined),
    hold: () => (held = []),
    release: () => {
      const waiting = held ?? [];
      held = undefined;
      for (const send of waiting) send();
    },
    close: () =>
      new Promise<void>((resolve) => {
        dial.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return dial;
}
