import { z } from 'zod';
import { actorOf, recordChange } from '../audit/audit-log.js';
import { principalOf, requireToken } from '../auth/authenticate.js';
import { metricsReadingJourney } from '../experiments/metric-store.js';
import { requireProject } from '../flags/lookups.js';
import { projectParams } from '../flags/flag-schemas.js';
import { coreBodyValidator } from '../platform/body-validator.js';
import type { Database } from '../platform/db.js';
import { alreadyExists, conflict, validationFailed } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { isUniqueViolation } from '../platform/pg-errors.js';
import { errorResponses } from '../platform/schemas.js';
import { checkVersion, etag, expectedVersion } from '../platform/versions.js';
import { requireJourney } from './journey-lookups.js';
import { deleteQuery, journeyBody, journeyParams, journeySchemaOut, newJourneyBody } from './journey-schemas.js';
import { deleteJourney, insertJourney, listJourneys, shownJourney, updateJourney } from './journey-store.js';

const STEPS =
  'Each step is a tracked event name with optional filters on its properties (eq, neq, in, notIn, contains, gt, gte, lt, lte, exists); ' +
  'a unit enters with step 0 and reaches each later step at or after the previous one, within `conversionWindowSeconds` of entering ' +
  '(60 to 7,776,000; 604,800 unless given).';

/** A project's journeys: ordered steps through the product that funnels and journey metrics measure. For admin tokens. */
export function journeyRoutes(db: Database) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));
    app.setValidatorCompiler(coreBodyValidator);

    app.get(
      '/projects/:project/journeys',
      {
        schema: {
          tags: ['journeys'],
          summary: 'List journeys',
          description: "A project's journeys by key.",
          params: projectParams,
          response: { 200: z.object({ journeys: z.array(journeySchemaOut) }), ...errorResponses },
        },
      },
      async (request) => {
        const project = await requireProject(db, request.params.project);
        return { journeys: await listJourneys(db, project.id) };
      },
    );

    app.post(
      '/projects/:project/journeys',
      {
        schema: {
          tags: ['journeys'],
          summary: 'Create a journey',
          description: `${STEPS} A key already used in the project gets 409.`,
          params: projectParams,
          body: newJourneyBody,
          response: { 201: journeySchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { key, name, description, steps, conversionWindowSeconds } = request.body;
        const actor = actorOf(principalOf(request), request.id);
        const created = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          let journey;
          try {
            journey = shownJourney(await insertJourney(tx, project.id, { key, name, description, steps, conversionWindowSeconds }));
          } catch (error) {
            if (isUniqueViolation(error)) throw alreadyExists(`Journey "${key}" in project "${project.key}"`);
            throw error;
          }
          await recordChange(tx, actor, {
            action: 'journey.created',
            resourceType: 'journey',
            resourceKey: journey.key,
            project: project.key,
            before: null,
            after: journey,
          });
          return journey;
        });
        return reply.status(201).header('etag', etag(created.version)).send(created);
      },
    );

    app.get(
      '/projects/:project/journeys/:journey',
      {
        schema: {
          tags: ['journeys'],
          summary: 'Get a journey',
          description: 'The ETag is its version.',
          params: journeyParams,
          response: { 200: journeySchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const project = await requireProject(db, request.params.project);
        const journey = shownJourney(await requireJourney(db, project, request.params.journey));
        return reply.header('etag', etag(journey.version)).send(journey);
      },
    );

    app.put(
      '/projects/:project/journeys/:journey',
      {
        schema: {
          tags: ['journeys'],
          summary: 'Replace a journey',
          description: `Everything but the key, which cannot change. ${STEPS} Send the version in If-Match or the body.`,
          params: journeyParams,
          body: journeyBody,
          response: { 200: journeySchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { version, key, ...fields } = request.body;
        const what = `Journey "${request.params.journey}"`;
        if (key !== undefined && key !== request.params.journey) {
          throw validationFailed([{ path: 'key', message: `is "${request.params.journey}" in the URL; a journey's key cannot change`, code: 'invalid_value' }]);
        }
        const sent = expectedVersion(request, version, what);
        const actor = actorOf(principalOf(request), request.id);
        const saved = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const current = await requireJourney(tx, project, request.params.journey);
          checkVersion(what, sent, current.version);
          const after = shownJourney(await updateJourney(tx, current.id, fields));
          await recordChange(tx, actor, {
            action: 'journey.updated',
            resourceType: 'journey',
            resourceKey: current.key,
            project: project.key,
            before: shownJourney(current),
            after,
          });
          return after;
        });
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );

    app.delete(
      '/projects/:project/journeys/:journey',
      {
        schema: {
          tags: ['journeys'],
          summary: 'Delete a journey',
          description:
            'Its events stay: only the definition goes. Refused (409) while a metric reads it; the error names them. Send the version in If-Match or as `?version=`.',
          params: journeyParams,
          querystring: deleteQuery,
          response: { 204: z.undefined(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Journey "${request.params.journey}"`;
        const sent = expectedVersion(request, request.query.version, what);
        const actor = actorOf(principalOf(request), request.id);
        await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const journey = await requireJourney(tx, project, request.params.journey);
          checkVersion(what, sent, journey.version);
          const metrics = await metricsReadingJourney(tx, project.id, journey.key);
          if (metrics.length > 0) {
            throw conflict(`${what} is read by metric ${metrics.map((key) => `"${key}"`).join(', ')}; change or delete them first`, { metrics });
          }
          await deleteJourney(tx, journey.id);
          await recordChange(tx, actor, {
            action: 'journey.deleted',
            resourceType: 'journey',
            resourceKey: journey.key,
            project: project.key,
            before: shownJourney(journey),
            after: null,
          });
        });
        return reply.status(204).send();
      },
    );
  };
}
