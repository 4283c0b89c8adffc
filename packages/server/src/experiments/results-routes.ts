import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireToken } from '../auth/authenticate.js';
import { requireProject } from '../flags/lookups.js';
import type { Database } from '../platform/db.js';
import { conflict } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { errorResponses } from '../platform/schemas.js';
import { requireExperiment } from './experiment-routes.js';
import { experimentParams } from './experiment-schemas.js';
import { countedQueryOf, experimentMetrics } from './experiment-results-query.js';
import { resultsCsv } from './results-csv.js';
import { queryMetricStatistics } from './results-query.js';
import { resultsQuery, resultsSchema } from './results-schemas.js';
import { type ExperimentResults, type TestKind, experimentResults } from './results.js';
import type { UnitValueKeeper } from './unit-value-keeper.js';

export interface ResultsRoutesOptions {
  /** The clock that ends a running experiment's results; tests set it. */
  now?: () => number;
}

const COUNTED =
  'Units count from their first exposure to the flag in the experiment\'s environment, between the start and the stop (or now), in a compared variant; each metric reads their tracked events from that exposure on, within its window and before the stop (a journey metric follows its journey\'s steps as the journey is now). A running or stopped experiment\'s units keep their values as events arrive, brought up to date on every request; until they are first computed, and once shipped, results are computed from the events.';

/** An experiment's results, as JSON and as CSV. For admin tokens. */
export function resultsRoutes(db: Database, values: Pick<UnitValueKeeper, 'statistics'>, options: ResultsRoutesOptions = {}) {
  const now = options.now ?? Date.now;
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));

    const compute = async (request: FastifyRequest, params: { project: string; experiment: string }, test: TestKind): Promise<ExperimentResults> => {
      const project = await requireProject(db, params.project);
      const experiment = await requireExperiment(db, project, params.experiment);
      if (experiment.startedAt === null) throw conflict(`Experiment "${experiment.key}" has not started, so it has no results yet`, { status: experiment.status });
      const metrics = await experimentMetrics(db, experiment);
      const from = new Date(experiment.startedAt);
      const to = new Date(experiment.stoppedAt ?? now());
      const counted = await countedQueryOf(db, project, experiment, metrics);
      const statistics = (await values.statistics(experiment, counted, to)) ?? (await queryMetricStatistics(db, { ...counted, end: to }));
      request.log.debug({ experiment: experiment.key, metrics: metrics.length }, 'experiment results computed');
      return experimentResults({
        experiment,
        units: statistics.units,
        metrics: metrics.map((entry, i) => ({ ...entry, statistics: statistics.metrics[i]! })),
        test,
        from,
        to,
      });
    };

    app.get(
      '/projects/:project/experiments/:experiment/results',
      {
        schema: {
          tags: ['experiments'],
          summary: 'Get an experiment\'s results',
          description: `Per metric (primary, then secondary, then guardrail) and compared variant: units, the metric's value, and for each treatment the absolute and relative effects against the control with their interval, p-value, chance to win and verdict; running daily series by day of first exposure; and the sample-ratio check, with \`srm.mismatch\` and a message when p < 0.001. ${COUNTED} 409 for a draft.`,
          params: experimentParams,
          querystring: resultsQuery,
          response: { 200: resultsSchema, ...errorResponses },
        },
      },
      async (request) => compute(request, request.params, request.query.test),
    );

    app.get(
      '/projects/:project/experiments/:experiment/results.csv',
      {
        schema: {
          tags: ['experiments'],
          summary: 'Export an experiment\'s results as CSV',
          description: `One row per metric and variant: units, value, the absolute and relative effects with interval and p-value under the chosen test, chance to win and verdict. ${COUNTED}`,
          params: experimentParams,
          querystring: resultsQuery,
          response: { 200: z.string().describe('text/csv'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const results = await compute(request, request.params, request.query.test);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${results.experiment}-results.csv"`)
          .send(resultsCsv(results));
      },
    );
  };
}
