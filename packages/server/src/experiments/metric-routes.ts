import type { MetricDefinition } from '@dial/core/experiments';
import { z } from 'zod';
import { actorOf, recordChange } from '../audit/audit-log.js';
import { principalOf, requireToken } from '../auth/authenticate.js';
import { projectParams } from '../flags/flag-schemas.js';
import { requireProject } from '../flags/lookups.js';
import type { ProjectRef } from '../flags/projects.js';
import { coreBodyValidator } from '../platform/body-validator.js';
import type { Database, Queryable } from '../platform/db.js';
import { alreadyExists, conflict, notFound } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { isUniqueViolation } from '../platform/pg-errors.js';
import { errorResponses } from '../platform/schemas.js';
import { checkVersion, etag, expectedVersion } from '../platform/versions.js';
import { checkMetricJourney } from './metric-journeys.js';
import { metricBody, metricListQuery, metricParams, metricSchemaOut, newMetricBody } from './metric-schemas.js';
import {
  type MetricFields,
  type MetricRecord,
  deleteMetric,
  findMetric,
  insertMetric,
  listMetrics,
  metricUses,
  shownMetric,
  updateMetric,
} from './metric-store.js';

const KINDS =
  '`conversion`: whether the unit did `event` (passing the `where` filters, as journey steps filter events) within `windowDays` of its first exposure, 0 or 1. ' +
  '`mean`: per unit within the window, the sum of the numeric `property` of those events, or without `property` their count; units without any count 0. ' +
  '`journeyConversion`: whether the unit completed `journey` (a journey of the project, by key): entered with its first step-0 event at or after the exposure and reached the last step by the journey\'s rule and conversion window, all within the window; 0 or 1. ' +
  '`journeyDuration`: the seconds from entry to the last step, over the units that completed the journey so (the others are left out); `higherIsBetter` defaults to false. ' +
  'A journey that a metric reads cannot be deleted.';

/** The metric of a URL. */
export async function requireMetric(db: Queryable, project: ProjectRef, key: string): Promise<MetricRecord> {
  const metric = await findMetric(db, project.id, key);
  if (metric === undefined) throw notFound(`Metric "${key}" in project "${project.key}"`);
  return metric;
}

/** Splits a body into the metric's editable fields, leaving out its key and version. */
function fieldsOf(body: { name: string; description: string; higherIsBetter: boolean } & Record<string, unknown>): MetricFields {
  const { name, description, higherIsBetter, key: _key, version: _version, ...definition } = body;
  return { name, description, higherIsBetter, definition: definition as unknown as MetricDefinition };
}

/** A project's metrics: what experiments measure of each exposed unit. For admin tokens. */
export function metricRoutes(db: Database) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));
    app.setValidatorCompiler(coreBodyValidator);

    app.get(
      '/projects/:project/metrics',
      {
        schema: {
          tags: ['metrics'],
          summary: 'List metrics',
          description: 'Metrics by key. Pages with `cursor` (the `nextCursor` of the previous page).',
          params: projectParams,
          querystring: metricListQuery,
          response: { 200: z.object({ metrics: z.array(metricSchemaOut), nextCursor: z.string().nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        const project = await requireProject(db, request.params.project);
        const q = request.query.q?.trim();
        return listMetrics(db, project.id, { q: q === '' ? undefined : q, kind: request.query.kind, limit: request.query.limit, after: request.query.cursor });
      },
    );

    app.post(
      '/projects/:project/metrics',
      {
        schema: {
          tags: ['metrics'],
          summary: 'Create a metric',
          description: `${KINDS} \`higherIsBetter\` (default true) says which way is a win.`,
          params: projectParams,
          body: newMetricBody,
          response: { 201: metricSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = actorOf(principalOf(request), request.id);
        const key = request.body.key;
        const created = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const fields = fieldsOf(request.body);
          await checkMetricJourney(tx, project, fields.definition);
          let metric;
          try {
            metric = shownMetric(await insertMetric(tx, project.id, key, fields));
          } catch (error) {
            if (isUniqueViolation(error)) throw alreadyExists(`Metric "${key}" in project "${project.key}"`);
            throw error;
          }
          await recordChange(tx, actor, { action: 'metric.created', resourceType: 'metric', resourceKey: key, project: project.key, before: null, after: metric });
          return metric;
        });
        return reply.status(201).header('etag', etag(created.version)).send(created);
      },
    );

    app.get(
      '/projects/:project/metrics/:metric',
      {
        schema: {
          tags: ['metrics'],
          summary: 'Get a metric',
          description: 'The ETag is its version.',
          params: metricParams,
          response: { 200: metricSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const project = await requireProject(db, request.params.project);
        const metric = shownMetric(await requireMetric(db, project, request.params.metric));
        return reply.header('etag', etag(metric.version)).send(metric);
      },
    );

    app.put(
      '/projects/:project/metrics/:metric',
      {
        schema: {
          tags: ['metrics'],
          summary: 'Replace a metric',
          description: `Every field but the key, which is fixed; fields left out take their defaults. ${KINDS} Experiments read the metric as it is now, so their results follow the change. Send the version in If-Match or the body.`,
          params: metricParams,
          body: metricBody,
          response: { 200: metricSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Metric "${request.params.metric}"`;
        const sent = expectedVersion(request, request.body.version, what);
        const actor = actorOf(principalOf(request), request.id);
        const saved = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const current = await requireMetric(tx, project, request.params.metric);
          checkVersion(what, sent, current.version);
          const fields = fieldsOf(request.body);
          await checkMetricJourney(tx, project, fields.definition);
          const after = shownMetric(await updateMetric(tx, current.id, fields));
          await recordChange(tx, actor, {
            action: 'metric.updated',
            resourceType: 'metric',
            resourceKey: current.key,
            project: project.key,
            before: shownMetric(current),
            after,
          });
          return after;
        });
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );

    app.delete(
      '/projects/:project/metrics/:metric',
      {
        schema: {
          tags: ['metrics'],
          summary: 'Delete a metric',
          description: 'Refused (409) while an experiment reads it; the error names them. Send the version in If-Match.',
          params: metricParams,
          response: { 204: z.undefined(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Metric "${request.params.metric}"`;
        const sent = expectedVersion(request, undefined, what);
        const actor = actorOf(principalOf(request), request.id);
        await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const metric = await requireMetric(tx, project, request.params.metric);
          checkVersion(what, sent, metric.version);
          const experiments = await metricUses(tx, metric.id);
          if (experiments.length > 0) {
            throw conflict(`${what} is read by experiment ${experiments.map((key) => `"${key}"`).join(', ')}; take it out there first`, { experiments });
          }
          await deleteMetric(tx, metric.id);
          await recordChange(tx, actor, { action: 'metric.deleted', resourceType: 'metric', resourceKey: metric.key, project: project.key, before: shownMetric(metric), after: null });
        });
        return reply.status(204).send();
      },
    );
  };
}
