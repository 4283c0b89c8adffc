import type { Context } from '@dial/core';
import type { FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf, requireToken } from '../auth/authenticate.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import type { Database } from '../platform/db.js';
import { type FieldIssue, forbidden, notFound, originNotAllowed, payloadTooLarge, rateLimited, validationFailed } from '../platform/errors.js';
import { type App, toApiError } from '../platform/http.js';
import { errorBody } from '../platform/schemas.js';
import { type RateLimit, DEFAULT_CLIENT_RATE_LIMIT, RateLimiter } from './rate-limiter.js';
import type { CachedSnapshot, SnapshotHub } from './snapshot-hub.js';
import { SSE_RETRY } from './sse.js';
import { SseStream, startEventStream } from './sse-stream.js';

/** An evaluation request is one context: a few attributes, never a document. */
export const EVALUATE_BODY_LIMIT = 64 * 1024;
export const MAX_CONTEXT_ATTRIBUTES = 100;

/** A client stream carries one short event per change: a client this far behind is gone. */
const CLIENT_STREAM_SLACK_BYTES = 64 * 1024;

const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, last-event-id',
  'access-control-max-age': '600',
};

const clientResultSchema = z.union([
  z.object({
    value: z.json().describe("The variant's value"),
    variant: z.string(),
    reason: z.enum(['DISABLED', 'PREREQUISITE_FAILED', 'TARGETING_MATCH', 'SPLIT', 'DEFAULT']),
  }),
  z.object({ reason: z.literal('ERROR'), errorCode: z.enum(['FLAG_NOT_FOUND', 'TARGETING_KEY_MISSING', 'PARSE_ERROR']) }),
]);

const evaluateBody = z.object({
  context: z
    .record(z.string(), z.json())
    .describe(`The user or device to evaluate for: \`key\` is the targeting key, other attributes (at most ${MAX_CONTEXT_ATTRIBUTES}) are what rules match on`),
});

const evaluateAnswer = z
  .object({ version: z.number().int(), flags: z.record(z.string(), clientResultSchema) })
  .describe("The environment's client-side flags for the context, by key: values only, never rules or segments");

const clientErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 413: errorBody, 429: errorBody };

/** Checks an evaluation body by hand: this route is the hot path, and the check is a few property reads. */
export function evaluateBodyIssues(body: unknown): FieldIssue[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ path: 'body', message: 'must be a JSON object such as {"context": {"key": "user-1"}}' }];
  }
  const issues: FieldIssue[] = [];
  for (const field of Object.keys(body)) if (field !== 'context') issues.push({ path: field, message: 'is not a known field' });
  const context = (body as { context?: unknown }).context;
  if (context === undefined) issues.push({ path: 'context', message: 'is required: the user or device to evaluate for, such as {"key": "user-1"}' });
  else if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    issues.push({ path: 'context', message: 'must be a JSON object of attributes, such as {"key": "user-1", "country": "DE"}' });
  } else {
    let count = 0;
    for (const _ in context) count++;
    if (count > MAX_CONTEXT_ATTRIBUTES) issues.push({ path: 'context', message: `has ${count} attributes; at most ${MAX_CONTEXT_ATTRIBUTES} are allowed` });
  }
  return issues;
}

const evaluateValidator: FastifySchemaCompiler<unknown> = (route) => {
  if (route.httpPart !== 'body') return validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  return (data: unknown) => {
    const issues = evaluateBodyIssues(data);
    return issues.length === 0 ? { value: data } : { error: validationFailed(issues) };
  };
};

/** Whether an environment's list lets a page on `origin` call it. */
export function originAllowed(corsOrigins: readonly string[], origin: string): boolean {
  return corsOrigins.includes('*') || corsOrigins.includes(origin);
}

export interface ClientRoutesOptions {
  /** Where client (and server) keys are remembered between requests; the hub keeps it honest. */
  principals?: PrincipalCache;
  /** Per client key, in this process (default 50 a second, bursts of 100). */
  rateLimit?: RateLimit;
  now?: () => number;
}

/**
 * What browsers call with a client key: the environment's client-side flags
 * evaluated here for one context (values only: never rules, segments or
 * other flags), and a stream that says when to ask again. Both answer any
 * web origin's preflight, since a preflight carries no key to find the
 * environment by; the actual request is refused (403 origin_not_allowed,
 * without CORS headers) when its Origin is not in the environment's
 * `corsOrigins`.
 */
export function clientRoutes(db: Database, hub: SnapshotHub, options: ClientRoutesOptions = {}) {
  return async (app: App): Promise<void> => {
    const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_CLIENT_RATE_LIMIT, options.now);
    const authenticate = requireToken(db, ['client'], { queryKey: 'key', ...(options.principals === undefined ? {} : { principals: options.principals }) });
    await hub.start();
    app.addHook('preClose', async () => hub.close());

    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      reply.header('vary', 'Origin');
      // Until the key names an environment, any origin may read the answer: errors such as 401 say nothing secret.
      if (typeof origin === 'string') reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', 'retry-after');
      if (request.method !== 'OPTIONS') await authenticate(request, reply);
    });
    // The route's own body limit would be reported with the server's; say this one.
    app.setErrorHandler((error, _request, reply) => {
      const apiError = toApiError(error);
      throw apiError.code === 'payload_too_large' && reply.request.routeOptions.bodyLimit === EVALUATE_BODY_LIMIT ? payloadTooLarge(EVALUATE_BODY_LIMIT) : apiError;
    });

    /** The key's environment as held in memory, once the key is within its rate and its page's origin allowed. */
    const admit = async (request: FastifyRequest, reply: FastifyReply): Promise<{ tokenId: number; snapshot: CachedSnapshot }> => {
      const { tokenId, projectId, environmentId } = principalOf(request);
      if (projectId === null || environmentId === null) throw forbidden('This key is not tied to an environment');
      // Every visitor of a site shares its client key: each visitor gets the allowance, not the whole site.
      const decision = limiter.take(`${tokenId} ${request.ip}`);
      if (!decision.ok) {
        reply.header('retry-after', String(decision.retryAfterSeconds));
        throw rateLimited(decision.retryAfterSeconds);
      }
      const snapshot = await hub.served(projectId, environmentId);
      if (snapshot === undefined) throw notFound('The environment of this key');
      const origin = request.headers.origin;
      if (typeof origin === 'string') {
        if (!originAllowed(snapshot.corsOrigins, origin)) {
          reply.removeHeader('access-control-allow-origin');
          reply.removeHeader('access-control-expose-headers');
          throw originNotAllowed(origin);
        }
        if (snapshot.corsOrigins.includes('*')) reply.header('access-control-allow-origin', '*');
      }
      return { tokenId, snapshot };
    };

    const preflight = async (request: FastifyRequest, reply: FastifyReply) => {
      const origin = request.headers.origin;
      return reply
        .status(204)
        .headers({ ...CORS_HEADERS, 'access-control-allow-origin': typeof origin === 'string' ? origin : '*' })
        .send();
    };
    const preflightSchema = {
      tags: ['sdk'],
      summary: 'CORS preflight',
      description: "Answered for any origin: a preflight carries no key. The actual request checks the key's environment's `corsOrigins`.",
      security: [],
      response: { 204: z.undefined() },
    };
    app.options('/sdk/evaluate', { schema: preflightSchema }, preflight);
    app.options('/sdk/client-stream', { schema: preflightSchema }, preflight);

    app.post(
      '/sdk/evaluate',
      {
        bodyLimit: EVALUATE_BODY_LIMIT,
        validatorCompiler: evaluateValidator,
        schema: {
          tags: ['sdk'],
          summary: 'Evaluate the client-side flags for one context',
          description: [
            'For client keys (safe to ship in a browser). Evaluates the flags of the key\'s environment marked `clientSide`, on the server, for the context given,',
            'and answers their values: `{"value","variant","reason"}` per flag, or `{"reason":"ERROR","errorCode"}`. Rules, segments and other flags are never sent.',
            `The body is at most ${EVALUATE_BODY_LIMIT / 1024} KB with at most ${MAX_CONTEXT_ATTRIBUTES} attributes.`,
            'Each key may make 50 requests a second with bursts of 100 by default (`DIAL_CLIENT_RATE_LIMIT`), per server process; over it, 429 with Retry-After.',
            "A browser on an origin the environment's `corsOrigins` does not allow gets 403 origin_not_allowed.",
          ].join(' '),
          body: evaluateBody,
          response: { 200: evaluateAnswer, ...clientErrors },
        },
      },
      async (request, reply) => {
        const { snapshot } = await admit(request, reply);
        // Compiled once per version; the answer is written from results serialized once.
        const body = snapshot.clientFlags().answer(request.body.context as Context);
        return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body as unknown as z.infer<typeof evaluateAnswer>);
      },
    );

    app.get(
      '/sdk/client-stream',
      {
        exposeHeadRoute: false,
        schema: {
          tags: ['sdk'],
          summary: 'Hear when to evaluate again (Server-Sent Events)',
          description: [
            'For client keys, as `Authorization: Bearer` or, for EventSource, which cannot send headers, `?key=` (client keys are public by design).',
            '`text/event-stream`: `retry: 1000`, then `event: ready` with `id:` and `data: {"version":N}`; after every change in the environment',
            '`event: changed` with the new version, and no flags: the browser then asks /sdk/evaluate again. A `: ping` comment every 15 s.',
            'The stream ends when the key is revoked or the server stops.',
          ].join(' '),
          querystring: z.object({ key: z.string().optional().describe('The client key, for clients that cannot send an Authorization header') }),
          response: { 200: z.string().describe('text/event-stream'), ...clientErrors },
        },
      },
      async (request, reply) => {
        const { tokenId, snapshot } = await admit(request, reply);
        reply.hijack();
        const response = reply.raw;
        const headers: Record<string, string | number | string[]> = {};
        for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
        startEventStream(response, headers);
        const stream = new SseStream(tokenId, response, { maxBufferedBytes: CLIENT_STREAM_SLACK_BYTES });
        stream.send(SSE_RETRY);
        const attached = hub.attachClient(snapshot, stream);
        if (attached === undefined) return;
        response.once('close', () => hub.detach(attached, stream));
        if (response.destroyed || request.raw.socket.destroyed) hub.detach(attached, stream);
      },
    );
  };
}
