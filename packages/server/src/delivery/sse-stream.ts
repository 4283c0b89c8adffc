import type { ServerResponse } from 'node:http';
import type { StreamSubscriber } from './snapshot-hub.js';

/**
 * One SDK's event stream on its HTTP response. It holds no timer and
 * writes text built once for all streams, so thousands stay cheap.
 *
 * @example
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

  send(text: string): void {
    const response = this.response;
    if (response.writableEnded || response.destroyed) return;
    if (response.writableLength > this.limits.maxBufferedBytes) {
      response.destroy();
      return;
    }
    response.write(text);
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
