import { z } from 'zod';
import type { Database } from './db.js';
import type { App } from './http.js';
import type { Metrics } from './metrics.js';
import { type Migration, migrationsApplied } from './migrate.js';

/** Liveness, readiness and Prometheus metrics: unauthenticated, for orchestrators and scrapers. */
export function systemRoutes(db: Database, metrics: Metrics, migrations: readonly Migration[]) {
  return async (app: App): Promise<void> => {
    app.get(
      '/healthz',
      { schema: { tags: ['operations'], summary: 'Liveness: the process is up', security: [], response: { 200: z.object({ status: z.literal('ok') }) } } },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the database answers and every migration is applied',
          security: [],
          response: {
            200: z.object({ status: z.literal('ready'), database: z.string() }),
            503: z.object({ status: z.literal('unavailable'), reason: z.string() }),
          },
        },
      },
      async (request, reply) => {
        try {
          if (!(await migrationsApplied(db, migrations))) {
            return reply.status(503).send({ status: 'unavailable' as const, reason: 'migrations are not all applied' });
          }
          return { status: 'ready' as const, database: db.kind };
        } catch (error) {
          request.log.warn({ err: error }, 'readiness check failed');
          return reply.status(503).send({ status: 'unavailable' as const, reason: 'the database does not answer' });
        }
      },
    );

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    });
  };
}
