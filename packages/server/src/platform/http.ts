import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  type ZodTypeProvider,
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  ApiError,
  type FieldIssue,
  databaseUnavailable,
  internal,
  invalidJson,
  payloadTooLarge,
  routeNotFound,
  shuttingDown,
  unsupportedMediaType,
  validationFailed,
} from './errors.js';
import type { Metrics } from './metrics.js';
import { isDatabaseUnavailable } from './pg-errors.js';
import { type SchemaComponents, nameRecursiveSchemas } from './schema-components.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Request bodies above this are refused with 413. */
export const BODY_LIMIT = 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Formats a JSON path from path segments: `rules[0].when[1].op`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? String(segment) : `.${String(segment)}`;
  }
  return path;
}

function zodIssues(error: FastifyError): FieldIssue[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext;
  const issues: FieldIssue[] = [];
  for (const issue of error.validation ?? []) {
    const segments: PropertyKey[] = issue.instancePath
      .split('/')
      .filter((part) => part !== '')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const params = issue.params as { keys?: unknown };
    // An unknown field is reported on its parent; name the field itself.
    const fields = issue.keyword === 'unrecognized_keys' && Array.isArray(params.keys) ? params.keys.map(String) : [undefined];
    for (const field of fields) {
      const path = jsonPath(field === undefined ? segments : [...segments, field]);
      const where = context === 'body' || context === undefined ? path : path === '' ? context : `${context}.${path}`;
      const message = field === undefined ? (issue.message ?? 'is invalid') : 'is not a known field';
      issues.push({ path: where, message });
    }
  }
  return issues;
}

/** Maps any error to the catalogue's body and status: bad input never becomes a 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) return validationFailed(zodIssues(fastifyError));
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalidJson(fastifyError.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge(BODY_LIMIT);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType(String(fastifyError.message.split(': ').at(-1)));
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'bad_request', 'Content-Length does not match the body');
  }
  if (error instanceof SyntaxError) return invalidJson(error.message);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, 'bad_request', fastifyError.message);
  }
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  return internal();
}

export interface HttpOptions {
  logger: Logger;
  metrics: Metrics;
  version: string;
  /** Whose X-Forwarded-For gives `request.ip` (DIAL_TRUST_PROXY); none by default. */
  trustProxy?: boolean | number | string[];
}

/**
 * The Fastify instance every domain plugs its routes into: Zod schemas for
 * validation and the OpenAPI document, one error format, request ids, metrics.
 */
export async function createHttp({ logger, metrics, version, trustProxy = false }: HttpOptions): Promise<App> {
  const app = Fastify({
    // A number of hops is trusted as "the nearest N proxies", as Fastify documents it.
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    forceCloseConnections: 'idle',
    // Refused below instead, in the API's error format and with Retry-After.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  // JSON only: other bodies get 415 instead of reaching a schema as text.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  // While closing, requests in flight finish, and then their connections
  // close: a keep-alive connection left idle would hold the shutdown up until
  // its timeout, since the server closes idle connections only once.
  let closing = false;
  // Connections that have not sent a request yet (clients often open a spare
  // one after aborting a stream) would otherwise hold the shutdown until their
  // headers timeout: nothing is in flight on them, so they are dropped.
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  app.server.on('request', (request: IncomingMessage) => {
    unused.delete(request.socket);
  });
  app.addHook('preClose', async () => {
    closing = true;
    for (const socket of unused) socket.destroy();
  });
  // A request that comes meanwhile, on a keep-alive connection, is told to come back.
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    const retryAfterSeconds = 1;
    return reply.status(503).header('retry-after', String(retryAfterSeconds)).send(shuttingDown(retryAfterSeconds).toBody());
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async () => {
    if (closing) setImmediate(() => app.server.closeIdleConnections());
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: apiError.code, status: apiError.status }, 'request refused');
    const retryAfterSeconds = (apiError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfterSeconds === 'number') reply.header('retry-after', String(retryAfterSeconds));
    void reply.status(apiError.status).send(apiError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = routeNotFound(request.method, request.url.split('?')[0] ?? '');
    void reply.status(404).send(error.toBody());
  });

  // Recursive schemas get a name as routes are added, so the document can define them.
  const components: SchemaComponents = z.registry();
  const named = new WeakSet<object>();
  app.addHook('onRoute', (route) => nameRecursiveSchemas(route.schema, components, named));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Dial API', description: 'Feature flags, rollouts, journeys, experiments and error budgets.', version },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An admin token, server SDK key or client key, by route' },
        },
      },
      security: [{ bearer: [] }],
    },
    transform: createJsonSchemaTransform({ schemaRegistry: components }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: components }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
