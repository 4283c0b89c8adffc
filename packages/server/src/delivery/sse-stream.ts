import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { StreamSubscriber } from './snapshot-hub.js';

/**
 * Sends the head of an event-stream response without chunked encoding: the
 * body is the stream itself and ends when the connection closes, so events
 * can be written to the socket as they are, one write each.
 */
export function startEventStream(response: ServerResponse, headers: OutgoingHttpHeaders): void {
  response.useChunkedEncodingByDefault = false;
  response.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no', connection: 'close' });
  response.flushHeaders();
}

/**
 * One SDK's event stream on its connection. It holds no timer and writes
 * bytes encoded once for all streams straight to the socket, so thousands
 * stay cheap: a change costs each stream one write, nothing more.
 *
 * @example
 * startEventStream(reply.raw, {});
 * const stream = new SseStream(principal.tokenId, reply.raw, { maxBufferedBytes: 1 << 20 });
 * stream.send(SSE_RETRY);
 */
export class SseStream implements StreamSubscriber {
  constructor(
    readonly tokenId: number,
    private readonly response: ServerResponse,
    private readonly limits: {
      /** A client this far behind in reading is cut off: it reconnects and gets one snapshot instead. */
      maxBufferedBytes: number;
      /** How long an ended stream's connection may take to close before it is cut. */
      closeGraceMs?: number;
    },
  ) {}

  send(bytes: Uint8Array | string): void {
    const socket = this.response.socket;
    if (socket === null || socket.destroyed || !socket.writable) return;
    if (socket.writableLength > this.limits.maxBufferedBytes) {
      socket.destroy();
      return;
    }
    socket.write(bytes);
  }

  /**
   * Ends the response and its connection: a keep-alive connection left open
   * would hold up a server that is shutting down, and a client that reads
   * nothing more would hold it for ever, so it is cut after a grace.
   */
  end(): void {
    const response = this.response;
    if (response.writableEnded || response.destroyed) return;
    const socket = response.socket;
    response.end();
    if (socket === null) return;
    socket.end();
    const cut = setTimeout(() => socket.destroy(), this.limits.closeGraceMs ?? 1_000);
    cut.unref();
    socket.once('close', () => clearTimeout(cut));
  }
}
