import { z } from 'zod';
import { requireToken } from '../auth/authenticate.js';
import type { Database } from '../platform/db.js';
import type { App } from '../platform/http.js';
import { errorResponses, isoDate } from '../platform/schemas.js';
import { listChanges } from './audit-log.js';

const MAX_BIGINT = 2n ** 63n - 1n;

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  action: z.string(),
  resource: z.object({ type: z.string(), key: z.string(), project: z.string().nullable(), environment: z.string().nullable() }),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

/** The audit log, newest first, for admin tokens. */
export function auditRoutes(db: Database) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Read the audit log',
          description: 'Every configuration change with its actor, before and after. Pages with `cursor` (the `nextCursor` of the previous page).',
          querystring: z.strictObject({
            resourceType: z.string().max(100).optional(),
            resource: z.string().max(200).optional().describe('A resource key, e.g. a flag key'),
            project: z.string().max(200).optional(),
            environment: z.string().max(200).optional(),
            actor: z.string().max(200).optional().describe('An actor id (token:12) or name'),
            action: z.string().max(100).optional(),
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            cursor: z
              .string()
              // An entry id: a bigint, so anything past its largest value cannot have come from a page.
              .regex(/^\d{1,19}$/, { message: 'must be the nextCursor of a previous page', abort: true })
              .refine((text) => BigInt(text) <= MAX_BIGINT, 'must be the nextCursor of a previous page')
              .optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: z.object({ entries: z.array(entrySchema), nextCursor: z.string().nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        const q = request.query;
        const page = await listChanges(db, {
          resourceType: q.resourceType,
          resourceKey: q.resource,
          project: q.project,
          environment: q.environment,
          actor: q.actor,
          action: q.action,
          from: q.from === undefined ? undefined : new Date(q.from),
          to: q.to === undefined ? undefined : new Date(q.to),
          before: q.cursor,
          limit: q.limit,
        });
        return { entries: page.entries.map((entry) => ({ ...entry, at: isoDate(entry.at) })), nextCursor: page.nextCursor };
      },
    );
  };
}
