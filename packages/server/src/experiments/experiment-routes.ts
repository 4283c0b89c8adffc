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
import { resolveReferences } from './experiment-references.js';
import { experimentChangesBody, experimentListQuery, experimentParams, experimentSchemaOut, newExperimentBody } from './experiment-schemas.js';
import {
  type ExperimentFields,
  type ExperimentRecord,
  deleteExperiment,
  findExperiment,
  insertExperiment,
  listExperiments,
  shownExperiment,
  updateExperiment,
} from './experiment-store.js';

const REFERENCES =
  'The flag, environment and metrics must exist in the project; the control and treatments must be distinct variants of the flag; a metric appears in one role only. Problems are named at their field, such as `treatments[1]`.';

/** The experiment of a URL. */
export async function requireExperiment(db: Queryable, project: ProjectRef, key: string): Promise<ExperimentRecord> {
  const experiment = await findExperiment(db, project.id, key);
  if (experiment === undefined) throw notFound(`Experiment "${key}" in project "${project.key}"`);
  return experiment;
}

/** What is fixed once an experiment has started: changing it would mix units assigned in different ways. */
const FIXED_ONCE_STARTED = ['flag', 'environment', 'control', 'treatments'] as const;

/** A project's experiments: drafts, edits and deletion. Starting, stopping and shipping have routes of their own. For admin tokens. */
export function experimentRoutes(db: Database) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));
    app.setValidatorCompiler(coreBodyValidator);

    app.get(
      '/projects/:project/experiments',
      {
        schema: {
          tags: ['experiments'],
          summary: 'List experiments',
          description: 'Experiments by key, filtered by text, status, flag or environment. Pages with `cursor` (the `nextCursor` of the previous page).',
          params: projectParams,
          querystring: experimentListQuery,
          response: { 200: z.object({ experiments: z.array(experimentSchemaOut), nextCursor: z.string().nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        const project = await requireProject(db, request.params.project);
        const { q, status, flag, environment, limit, cursor } = request.query;
        const text = q?.trim();
        return listExperiments(db, project.id, { q: text === '' ? undefined : text, status, flag, environment, limit, after: cursor });
      },
    );

    app.post(
      '/projects/:project/experiments',
      {
        schema: {
          tags: ['experiments'],
          summary: 'Create an experiment',
          description: `A draft comparing a flag's variants in one environment: \`control\` against each of \`treatments\`, on a primary metric, with secondary and guardrail metrics. ${REFERENCES} Start it once the flag splits traffic between them.`,
          params: projectParams,
          body: newExperimentBody,
          response: { 201: experimentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { key, ...fields } = request.body;
        const actor = actorOf(principalOf(request), request.id);
        const created = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const references = await resolveReferences(tx, project, fields);
          let experiment;
          try {
            experiment = shownExperiment(await insertExperiment(tx, project.id, key, { ...fields, ...references }));
          } catch (error) {
            if (isUniqueViolation(error)) throw alreadyExists(`Experiment "${key}" in project "${project.key}"`);
            throw error;
          }
          await recordChange(tx, actor, {
            action: 'experiment.created',
            resourceType: 'experiment',
            resourceKey: key,
            project: project.key,
            environment: experiment.environment,
            before: null,
            after: experiment,
          });
          return experiment;
        });
        return reply.status(201).header('etag', etag(created.version)).send(created);
      },
    );

    app.get(
      '/projects/:project/experiments/:experiment',
      {
        schema: {
          tags: ['experiments'],
          summary: 'Get an experiment',
          description: 'The ETag is its version.',
          params: experimentParams,
          response: { 200: experimentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const project = await requireProject(db, request.params.project);
        const experiment = shownExperiment(await requireExperiment(db, project, request.params.experiment));
        return reply.header('etag', etag(experiment.version)).send(experiment);
      },
    );

    app.patch(
      '/projects/:project/experiments/:experiment',
      {
        schema: {
          tags: ['experiments'],
          summary: 'Change an experiment',
          description: `Replaces the fields given and keeps the others. The flag, environment, control and treatments can change only in a draft (409 once started); the name, hypothesis and metrics at any time, and results follow. ${REFERENCES} Send the version in If-Match or the body.`,
          params: experimentParams,
          body: experimentChangesBody,
          response: { 200: experimentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { version, ...changes } = request.body;
        const what = `Experiment "${request.params.experiment}"`;
        const sent = expectedVersion(request, version, what);
        const actor = actorOf(principalOf(request), request.id);
        const saved = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const current = await requireExperiment(tx, project, request.params.experiment);
          checkVersion(what, sent, current.version);
          const fields: ExperimentFields = {
            name: changes.name ?? current.name,
            hypothesis: changes.hypothesis ?? current.hypothesis,
            flag: changes.flag ?? current.flag,
            environment: changes.environment ?? current.environment,
            control: changes.control ?? current.control,
            treatments: changes.treatments ?? current.treatments,
            primaryMetric: changes.primaryMetric ?? current.primaryMetric,
            secondaryMetrics: changes.secondaryMetrics ?? current.secondaryMetrics,
            guardrailMetrics: changes.guardrailMetrics ?? current.guardrailMetrics,
          };
          if (current.status !== 'draft') {
            const changed = FIXED_ONCE_STARTED.filter((field) => JSON.stringify(fields[field]) !== JSON.stringify(current[field]));
            if (changed.length > 0) {
              throw conflict(`${what} is ${current.status}; its ${changed.join(', ')} cannot change once it has started. Create another experiment instead.`, {
                fields: changed,
              });
            }
          }
          const references = await resolveReferences(tx, project, fields);
          const after = shownExperiment(await updateExperiment(tx, current, { ...fields, ...references }));
          await recordChange(tx, actor, {
            action: 'experiment.updated',
            resourceType: 'experiment',
            resourceKey: current.key,
            project: project.key,
            environment: after.environment,
            before: shownExperiment(current),
            after,
          });
          return after;
        });
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );

    app.delete(
      '/projects/:project/experiments/:experiment',
      {
        schema: {
          tags: ['experiments'],
          summary: 'Delete an experiment',
          description: 'In any status; the flag keeps serving what it serves, and the events stay. Send the version in If-Match.',
          params: experimentParams,
          response: { 204: z.undefined(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Experiment "${request.params.experiment}"`;
        const sent = expectedVersion(request, undefined, what);
        const actor = actorOf(principalOf(request), request.id);
        await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const experiment = await requireExperiment(tx, project, request.params.experiment);
          checkVersion(what, sent, experiment.version);
          await deleteExperiment(tx, experiment.id);
          await recordChange(tx, actor, {
            action: 'experiment.deleted',
            resourceType: 'experiment',
            resourceKey: experiment.key,
            project: project.key,
            environment: experiment.environment,
            before: shownExperiment(experiment),
            after: null,
          });
        });
        return reply.status(204).send();
      },
    );
  };
}
