import fastifyCompress from '@fastify/compress';
import { flagSchema, segmentSchema } from '@dial/core/validation';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { principalOf, requireToken } from '../auth/authenticate.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import type { Database } from '../platform/db.js';
import { forbidden, notFound } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { errorBody } from '../platform/schemas.js';
import type { SnapshotHub } from './snapshot-hub.js';
import { SSE_RETRY } from './sse.js';
import { SseStream, startEventStream } from './sse-stream.js';

/** A stream may fall this far behind, beyond twice its first snapshot, before it is cut off. */
const STREAM_SLACK_BYTES = 1024 * 1024;

const snapshotBody = z
  .object({ version: z.number().int(), flags: z.array(flagSchema), segments: z.array(segmentSchema) })
  .describe('The environment\'s snapshot (spec/FLAGS.md): its active flags and the project\'s segments, sorted by key');

const sdkErrors = { 401: errorBody, 403: errorBody, 404: errorBody };

/** True when an If-None-Match header names `etag` (weak or strong), or is `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const tag = part.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** The environment a server SDK key reads. */
function environmentOf(request: FastifyRequest) {
  const { tokenId, projectId, environmentId } = principalOf(request);
  if (projectId === null || environmentId === null) throw forbidden('This key is not tied to an environment');
  return { tokenId, projectId, environmentId };
}

/**
 * What server-side SDKs read with a server SDK key: the environment's
 * snapshot, and a stream of its changes (Server-Sent Events). Keys are
 * looked up in `principals` when given, which the hub keeps honest.
 */
export function deliveryRoutes(db: Database, hub: SnapshotHub, principals?: PrincipalCache) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['server'], principals === undefined ? {} : { principals }));
    await hub.start();
    // Streams end first, so a shutdown waits for requests, not for SDKs that never hang up.
    app.addHook('preClose', async () => hub.close());

    // Snapshots are compressed; streams are not, or a proxy's buffering would hold their events back.
    await app.register(async (compressed: App) => {
      await compressed.register(fastifyCompress, { globalDecompression: false, encodings: ['br', 'gzip'] });

      compressed.get(
        '/sdk/snapshot',
        {
          schema: {
            tags: ['sdk'],
            summary: "Download the environment's snapshot",
            description:
              'For server SDK keys. The ETag is the snapshot version: send it back in If-None-Match to get 304 while nothing changed. Compressed with br or gzip when accepted.',
            headers: z.object({ 'if-none-match': z.string().optional() }),
            response: { 200: snapshotBody, 304: z.undefined().describe('The snapshot is still the one named in If-None-Match'), ...sdkErrors },
          },
        },
        async (request, reply) => {
          const { projectId, environmentId } = environmentOf(request);
          const snapshot = await hub.current(projectId, environmentId);
          if (snapshot === undefined) throw notFound('The environment of this key');
          const etag = `"${snapshot.version}"`;
          reply.header('etag', etag).header('cache-control', 'no-cache');
          if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
          // Serialized once per version and sent as is; the schema above only documents it.
          return reply.type('application/json; charset=utf-8').send(snapshot.json as unknown as z.infer<typeof snapshotBody>);
        },
      );
    });

    app.get(
      '/sdk/stream',
      {
        // A HEAD request would open a stream that can carry nothing.
        exposeHeadRoute: false,
        schema: {
          tags: ['sdk'],
          summary: "Stream the environment's changes (Server-Sent Events)",
          description: [
            'For server SDK keys. `text/event-stream`: first `retry: 1000`, then `event: snapshot` with the whole snapshot,',
            'or `event: ready` with `{"version":N}` when Last-Event-ID (header, or `lastEventId` query) is the current version N.',
            'Then one `event: change` per changed flag or segment: `{"version","type":"flag.put"|"flag.delete"|"segment.put"|"segment.delete","key","flag"|"segment"}`,',
            'each with `id:` the new version; a `: ping` comment every 15 s. The stream ends when the key is revoked or the server stops.',
          ].join(' '),
          querystring: z.object({ lastEventId: z.string().optional().describe('The last event id seen, for clients that cannot send Last-Event-ID') }),
          response: { 200: z.string().describe('text/event-stream'), ...sdkErrors },
        },
      },
      async (request, reply) => {
        const { tokenId, projectId, environmentId } = environmentOf(request);
        const snapshot = await hub.current(projectId, environmentId);
        if (snapshot === undefined) throw notFound('The environment of this key');
        const header = request.headers['last-event-id'];
        const lastEventId = typeof header === 'string' ? header : request.query.lastEventId;

        reply.hijack();
        const response = reply.raw;
        // Headers set by hooks so far, such as the request id, as Fastify would have sent them.
        const headers: Record<string, string | number | string[]> = {};
        for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
        startEventStream(response, headers);
        const stream = new SseStream(tokenId, response, { maxBufferedBytes: STREAM_SLACK_BYTES + 2 * snapshot.json.length });
        stream.send(SSE_RETRY);
        const attached = hub.attach(snapshot, stream, lastEventId);
        if (attached === undefined) return;
        response.once('close', () => hub.detach(attached, stream));
        // The client may have left while the snapshot loaded.
        if (response.destroyed || request.raw.socket.destroyed) hub.detach(attached, stream);
      },
    );
  };
}
