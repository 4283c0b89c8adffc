import type { FastifyRequest } from 'fastify';
import { type Actor, actorOf, recordChange } from '../audit/audit-log.js';
import { principalOf, requireToken } from '../auth/authenticate.js';
import { editFlagConfig } from '../flags/flag-config-edit.js';
import { findConfig } from '../flags/flag-config-store.js';
import { findFlag } from '../flags/flag-store.js';
import { requireProject } from '../flags/lookups.js';
import type { ProjectRef } from '../flags/projects.js';
import { coreBodyValidator } from '../platform/body-validator.js';
import type { Database, Queryable } from '../platform/db.js';
import { badRequest, conflict, validationFailed } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { errorResponses } from '../platform/schemas.js';
import { checkVersion, etag, expectedVersion } from '../platform/versions.js';
import { requireExperiment } from './experiment-routes.js';
import { decisionBody, experimentParams, experimentSchemaOut, shipBody, startBody } from './experiment-schemas.js';
import { type ExperimentRecord, type ExperimentState, type ExperimentView, shownExperiment, updateExperimentState } from './experiment-store.js';
import { trafficSplit } from './traffic-split.js';

export interface DecisionRoutesOptions {
  /** The clock that start and stop times are read from; tests set it. */
  now?: () => number;
}

type Decide = (tx: Queryable, ctx: { project: ProjectRef; experiment: ExperimentRecord; actor: Actor; at: string }) => Promise<ExperimentState>;

/** Starting, stopping and shipping an experiment: each moves it on from one status and is audited. For admin tokens. */
export function decisionRoutes(db: Database, options: DecisionRoutesOptions = {}) {
  const now = options.now ?? Date.now;
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));
    app.setValidatorCompiler(coreBodyValidator);

    /** Applies a decision at the version the request names: the experiment's new state and its audit entry, in one transaction. */
    const decide = async (
      request: FastifyRequest,
      params: { project: string; experiment: string },
      bodyVersion: number | undefined,
      action: string,
      decision: Decide,
    ): Promise<ExperimentView> => {
      const what = `Experiment "${params.experiment}"`;
      const sent = expectedVersion(request, bodyVersion, what);
      const actor = actorOf(principalOf(request), request.id);
      const at = new Date(now()).toISOString();
      return db.transaction(async (tx) => {
        const project = await requireProject(tx, params.project, true);
        const experiment = await requireExperiment(tx, project, params.experiment);
        checkVersion(what, sent, experiment.version);
        const state = await decision(tx, { project, experiment, actor, at });
        const after = shownExperiment(await updateExperimentState(tx, experiment, state));
        await recordChange(tx, actor, {
          action,
          resourceType: 'experiment',
          resourceKey: experiment.key,
          project: project.key,
          environment: experiment.environment,
          before: shownExperiment(experiment),
          after,
        });
        return after;
      });
    };

    const only = (experiment: ExperimentRecord, statuses: readonly string[], verb: string) => {
      if (!statuses.includes(experiment.status)) {
        throw conflict(`Experiment "${experiment.key}" is ${experiment.status}; only ${statuses.join(' or ')} experiments can be ${verb}`, {
          status: experiment.status,
        });
      }
    };

    app.post(
      '/projects/:project/experiments/:experiment/start',
      {
        schema: {
          tags: ['experiments'],
          summary: 'Start an experiment',
          description:
            'Records the start time of a draft: now, or `startedAt` if given and not in the future. The flag must split traffic in the experiment\'s environment: it is on, and a percentage rollout (the fallthrough\'s, else the first rule\'s) gives weight to the control and at least one treatment; those weights are kept for the sample-ratio check. Otherwise 400 says what is missing. Units count from their first exposure at or after the start. Send the version in If-Match or the body.',
          params: experimentParams,
          body: startBody,
          response: { 200: experimentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const startedAt = request.body?.startedAt === undefined ? undefined : new Date(Date.parse(request.body.startedAt));
        if (startedAt !== undefined && startedAt.getTime() > now()) {
          throw validationFailed([{ path: 'startedAt', code: 'invalid_value', message: `${request.body!.startedAt} is in the future; an experiment starts now or earlier` }]);
        }
        const saved = await decide(request, request.params, request.body?.version, 'experiment.started', async (tx, { project, experiment, at }) => {
          only(experiment, ['draft'], 'started');
          const flag = await findFlag(tx, project.id, experiment.flag);
          const cannot = `Experiment "${experiment.key}" cannot start: flag "${experiment.flag}" in environment "${experiment.environment}"`;
          if (flag === undefined) throw badRequest(`${cannot} does not exist`);
          if (flag.archived) throw badRequest(`${cannot} is archived, so SDKs do not serve it`);
          const config = (await findConfig(tx, flag.id, experiment.environmentId))!;
          const found = trafficSplit(config, experiment);
          if (!found.ok) throw badRequest(`${cannot}: ${found.problem}`, { flag: experiment.flag, environment: experiment.environment });
          return { status: 'running', weights: found.split.weights, startedAt: startedAt?.toISOString() ?? at, stoppedAt: null, shippedVariant: null };
        });
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );

    app.post(
      '/projects/:project/experiments/:experiment/stop',
      {
        schema: {
          tags: ['experiments'],
          summary: 'Stop an experiment',
          description:
            'Records the stop time of a running experiment: results count exposures and events before it. The flag keeps serving what it serves. Send the version in If-Match or the body.',
          params: experimentParams,
          body: decisionBody,
          response: { 200: experimentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const saved = await decide(request, request.params, request.body?.version, 'experiment.stopped', async (_tx, { experiment, at }) => {
          only(experiment, ['running'], 'stopped');
          return { status: 'stopped', weights: experiment.weights, startedAt: experiment.startedAt, stoppedAt: at, shippedVariant: null };
        });
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );

    app.post(
      '/projects/:project/experiments/:experiment/ship',
      {
        schema: {
          tags: ['experiments'],
          summary: 'Ship a variant',
          description:
            'Serves one compared variant to everyone in the experiment\'s environment — the flag is turned on, its rules removed and its fallthrough set to the variant; prerequisites and the off variant stay — and stops the experiment if it runs. Both changes are audited and commit together; SDKs get the flag\'s new snapshot version. For a running or stopped experiment. Send the experiment\'s version in If-Match or the body.',
          params: experimentParams,
          body: shipBody,
          response: { 200: experimentSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { variant, version } = request.body;
        const saved = await decide(request, request.params, version, 'experiment.shipped', async (tx, { project, experiment, actor, at }) => {
          only(experiment, ['running', 'stopped'], 'shipped');
          if (variant !== experiment.control && !experiment.treatments.includes(variant)) {
            const compared = [experiment.control, ...experiment.treatments].map((key) => `"${key}"`).join(', ');
            throw validationFailed([{ path: 'variant', code: 'unknown_variant', message: `"${variant}" is not one of the compared variants ${compared}` }]);
          }
          await editFlagConfig(tx, actor, { project: project.key, flag: experiment.flag, environment: experiment.environment }, undefined, (current) => ({
            ...current,
            enabled: true,
            rules: [],
            fallthrough: { variant },
          }));
          return { status: 'shipped', weights: experiment.weights, startedAt: experiment.startedAt, stoppedAt: experiment.stoppedAt ?? at, shippedVariant: variant };
        });
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );
  };
}
