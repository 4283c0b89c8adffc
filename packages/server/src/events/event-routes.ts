import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf, requireToken } from '../auth/authenticate.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import { type RateLimit, DEFAULT_CLIENT_RATE_LIMIT, RateLimiter } from '../delivery/rate-limiter.js';
import type { Database } from '../platform/db.js';
import { forbidden, originNotAllowed, overloaded, rateLimited, unavailable, validationFailed } from '../platform/errors.js';
import { BODY_LIMIT, type App } from '../platform/http.js';
import { errorBody } from '../platform/schemas.js';
import type { EventMetrics, EventTypeLabel } from './event-metrics.js';
import { type EventRow, type RejectedEvent, MAX_EVENTS_PER_REQUEST, batchIssues, parseEvent } from './event-validation.js';
import { type EventWriter, type WriteResult, WriterClosed, WriterOverloaded } from './event-writer.js';

/** How long an overloaded server asks clients to wait. */
const RETRY_AFTER_SECONDS = 1;

const CORS_HEADERS = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

const eventSchema = z.object({
  id: z.string().describe('Unique per environment, 1-64 characters of A-Z a-z 0-9 _ - : . ; a resent id is stored once'),
  type: z.enum(['track', 'exposure']),
  name: z.string().describe('The event name, or the flag key of an exposure; at most 200 characters'),
  variant: z.string().optional().describe('The variant served; required for exposures'),
  key: z.string().describe('The unit (user, device, account): 1-256 characters'),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional().describe('At most 50 flat attributes'),
  properties: z.record(z.string(), z.json()).optional().describe('At most 8 KB as JSON'),
  timestamp: z.union([z.string(), z.number()]).describe('ISO-8601 or epoch ms; at most 5 minutes ahead of the server, at most 30 days old'),
});

const eventsAnswer = z.object({
  accepted: z.number().int().describe('Events stored by this request'),
  duplicates: z.number().int().describe('Valid events whose id was stored already'),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })).describe('Invalid events, by index, with why; the others were stored'),
});

/** The body's shape is checked here; each event is checked on its own, so one bad event refuses only itself. */
const batchValidator: FastifySchemaCompiler<unknown> = (route) => {
  if (route.httpPart !== 'body') return validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  return (data: unknown) => {
    const issues = batchIssues(data);
    return issues.length === 0 ? { value: data } : { error: validationFailed(issues) };
  };
};

/** An event's claimed type, for counting the refused ones. */
function typeLabel(event: unknown): EventTypeLabel {
  const type = typeof event === 'object' && event !== null ? (event as { type?: unknown }).type : undefined;
  return type === 'track' || type === 'exposure' ? type : 'invalid';
}

/** Checks each event on its own and hands the valid ones to the writer. */
function submit(
  writer: EventWriter,
  metrics: EventMetrics | undefined,
  events: readonly unknown[],
  environmentId: number,
  receivedAt: Date,
): { written: Promise<WriteResult>; rejected: RejectedEvent[] } {
  const rows: EventRow[] = [];
  const rejected: RejectedEvent[] = [];
  events.forEach((event, index) => {
    const parsed = parseEvent(event, environmentId, receivedAt);
    if (typeof parsed !== 'string') rows.push(parsed);
    else {
      rejected.push({ index, reason: parsed });
      metrics?.rejected.inc({ type: typeLabel(event) });
    }
  });
  return { written: writer.write(rows), rejected };
}

export interface EventRoutesOptions {
  /** Where SDK keys are remembered between requests. */
  principals?: PrincipalCache;
  /** The web origins an environment allows, for browsers sending events with a client key. */
  corsOriginsOf: (projectId: number, environmentId: number) => Promise<readonly string[] | undefined>;
  now?: () => number;
  /** Where refused events are counted; the writer counts the rest. */
  metrics?: EventMetrics;
  /** Requests each visitor may make with one client key, in this process (`DIAL_CLIENT_RATE_LIMIT`); server keys are not limited. */
  rateLimit?: RateLimit;
}

/**
 * Event ingestion: `POST /events` with a server SDK key or a client key,
 * into the key's environment. Answers only once the stored events are
 * committed. Browsers get the same CORS treatment as client evaluation.
 */
export function eventRoutes(db: Database, writer: EventWriter, options: EventRoutesOptions) {
  return async (app: App): Promise<void> => {
    const now = options.now ?? Date.now;
    const authenticate = requireToken(db, ['server', 'client'], options.principals === undefined ? {} : { principals: options.principals });
    const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_CLIENT_RATE_LIMIT, now);
    app.addHook('onClose', async () => writer.close());
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      reply.header('vary', 'Origin');
      if (typeof origin === 'string') reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', 'retry-after');
      if (request.method === 'OPTIONS') return;
      await authenticate(request, reply);
      const { kind, tokenId } = principalOf(request);
      if (kind !== 'client') return;
      // Checked before the body is read: a flood costs a lookup, not a parse. Every visitor of a site
      // shares its client key, so each visitor gets the allowance, as with /sdk/evaluate.
      const decision = limiter.take(`${tokenId} ${request.ip}`);
      if (!decision.ok) {
        reply.header('retry-after', String(decision.retryAfterSeconds));
        throw rateLimited(decision.retryAfterSeconds);
      }
    });

    app.options(
      '/events',
      {
        schema: {
          tags: ['sdk'],
          summary: 'CORS preflight',
          description: "Answered for any origin: a preflight carries no key. The actual request checks the key's environment's `corsOrigins`.",
          security: [],
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        const origin = request.headers.origin;
        return reply
          .status(204)
          .headers({ ...CORS_HEADERS, 'access-control-allow-origin': typeof origin === 'string' ? origin : '*' })
          .send();
      },
    );

    app.post(
      '/events',
      {
        bodyLimit: BODY_LIMIT,
        validatorCompiler: batchValidator,
        schema: {
          tags: ['sdk'],
          summary: 'Send tracked events and exposures',
          description: [
            `For server SDK keys and client keys; events go to the key's environment. At most ${MAX_EVENTS_PER_REQUEST} events and 1 MB per request,`,
            'else 400/413 and nothing is stored. Each event is checked on its own: invalid ones are listed in `rejected` with their index and reason,',
            'the others are stored. A resent id counts as a duplicate and is not stored again. The answer comes once the events are committed.',
            'When the server has too much queued, 503 overloaded with Retry-After: send the same events again later.',
            'A client key may make 50 requests a second with bursts of 100 per visitor by default (`DIAL_CLIENT_RATE_LIMIT`, counted apart from evaluations),',
            'per server process; over it, 429 with Retry-After. Server keys are not limited.',
          ].join(' '),
          body: z.object({ events: z.array(eventSchema) }),
          response: { 200: eventsAnswer, 400: errorBody, 401: errorBody, 403: errorBody, 413: errorBody, 429: errorBody, 503: errorBody },
        },
      },
      async (request, reply) => {
        const { projectId, environmentId } = principalOf(request);
        if (projectId === null || environmentId === null) throw forbidden('This key is not tied to an environment');
        const origin = request.headers.origin;
        if (typeof origin === 'string') {
          const allowed = (await options.corsOriginsOf(projectId, environmentId)) ?? [];
          if (!allowed.includes('*') && !allowed.includes(origin)) {
            reply.removeHeader('access-control-allow-origin');
            reply.removeHeader('access-control-expose-headers');
            throw originNotAllowed(origin);
          }
          if (allowed.includes('*')) reply.header('access-control-allow-origin', '*');
        }
        const { written, rejected } = submit(writer, options.metrics, request.body.events as unknown[], environmentId, new Date(now()));
        // Neither the parsed body nor the rows are held while they wait for their commit: held, a queue
        // of requests would carry them all into V8's old generation, and the collector's time with them.
        (request as { body: unknown }).body = undefined;
        try {
          const { accepted, duplicates } = await written;
          return reply.header('cache-control', 'no-store').send({ accepted, duplicates, rejected });
        } catch (error) {
          if (error instanceof WriterOverloaded) {
            reply.header('retry-after', String(RETRY_AFTER_SECONDS));
            throw overloaded(RETRY_AFTER_SECONDS);
          }
          reply.header('retry-after', String(RETRY_AFTER_SECONDS));
          if (error instanceof WriterClosed) throw unavailable('The server is shutting down; send the events again');
          // Nothing of this batch was acknowledged: the client sends the same ids again, and duplicates are ignored.
          request.log.error({ err: error }, 'writing events failed');
          throw unavailable('The events could not be stored just now; send them again');
        }
      },
    );
  };
}
