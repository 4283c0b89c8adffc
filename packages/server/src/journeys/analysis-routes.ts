import { conversionFromTallies, funnelFromTallies, usageEventsFrom, usageFromTallies } from '@dial/core';
import { z } from 'zod';
import { requireToken } from '../auth/authenticate.js';
import { requireEnvironment, requireProject } from '../flags/lookups.js';
import type { Database } from '../platform/db.js';
import type { App } from '../platform/http.js';
import { errorResponses } from '../platform/schemas.js';
import { funnelQuery, rangeOf, usageEventsQuery, usageQuery } from './analysis-params.js';
import { conversionSchemaOut, funnelSchemaOut, usageEventsSchemaOut, usageSchemaOut } from './analysis-schemas.js';
import { type FunnelQuery, conversionTallies, funnelTallies } from './funnel-query.js';
import { requireJourney } from './journey-lookups.js';
import type { JourneyPathKeeper } from './path-keeper.js';
import { pathConversionTallies, pathFunnelTallies } from './path-funnel-query.js';
import { journeyParams } from './journey-schemas.js';
import { topEvents, usageTallies } from './usage-query.js';

export interface AnalysisRoutesOptions {
  /** The clock that ends a range without `to`. */
  now?: () => number;
}

const RANGE = 'Events of the environment from `from` (inclusive) to `to` (exclusive): by default the 30 days to now, at most 366 days. Days are UTC.';

const FUNNEL =
  'A unit enters with its first event of step 0 (filters holding) in the range; each later step counts with the unit\'s earliest matching event ' +
  'at or after the previous step\'s, at most the conversion window after entry (even past `to`), and one event never counts for two steps. ' +
  'Breakdowns: `flag:KEY` groups units by the variant of their first exposure at or before entry, else "(none)"; `attribute:NAME` and ' +
  '`property:NAME` by the entry event\'s value, the `breakdownLimit` values with the most units first, then "(other)" and "(none)".';

/** Funnels, conversion over time and feature usage, computed in PostgreSQL. For admin tokens. */
export function journeyAnalysisRoutes(db: Database, paths: Pick<JourneyPathKeeper, 'prepare'>, options: AnalysisRoutesOptions = {}) {
  return async (app: App): Promise<void> => {
    const now = options.now ?? Date.now;
    app.addHook('onRequest', requireToken(db, ['admin']));

    /** The journey's project, the journey and the environment of a URL, or a 404. */
    const lookUp = async (params: { project: string; journey: string }, environmentKey: string) => {
      const project = await requireProject(db, params.project);
      const journey = await requireJourney(db, project, params.journey);
      const environment = await requireEnvironment(db, project, environmentKey);
      return { journey, environment };
    };

    /** Reads the journey's paths when they are current, else its events. */
    const tallies = async <T>(query: FunnelQuery & { journeyId: number }, fromPaths: (db: Database, query: FunnelQuery & { journeyId: number }) => Promise<T>, fromEvents: (db: Database, query: FunnelQuery) => Promise<T>) =>
      (await paths.prepare({ journeyId: query.journeyId, environmentId: query.environmentId }, query.journey)) ? fromPaths(db, query) : fromEvents(db, query);

    app.get(
      '/projects/:project/journeys/:journey/funnel',
      {
        schema: {
          tags: ['journeys'],
          summary: 'A journey\'s funnel',
          description: `Per step: units that reached it, conversion from the previous step and from the first, drop-off, and the median and 90th percentile of the time from entry; the time to convert of those who reached the last step. ${FUNNEL} ${RANGE}`,
          params: journeyParams,
          querystring: funnelQuery,
          response: { 200: funnelSchemaOut, ...errorResponses },
        },
      },
      async (request) => {
        const { environment: environmentKey, breakdown = null, breakdownLimit } = request.query;
        const { journey, environment } = await lookUp(request.params, environmentKey);
        const range = rangeOf(request.query, now());
        const query = { journeyId: journey.id, environmentId: environment.id, journey, range, breakdown, breakdownLimit };
        return funnelFromTallies({ journey, environment: environment.key, range, breakdown }, await tallies(query, pathFunnelTallies, funnelTallies));
      },
    );

    app.get(
      '/projects/:project/journeys/:journey/conversion',
      {
        schema: {
          tags: ['journeys'],
          summary: 'A journey\'s conversion over time',
          description: `Daily cohorts: the units that entered on each UTC day of the range (every day appears, zeros included) and how many of them reached the last step. ${FUNNEL} ${RANGE}`,
          params: journeyParams,
          querystring: funnelQuery,
          response: { 200: conversionSchemaOut, ...errorResponses },
        },
      },
      async (request) => {
        const { environment: environmentKey, breakdown = null, breakdownLimit } = request.query;
        const { journey, environment } = await lookUp(request.params, environmentKey);
        const range = rangeOf(request.query, now());
        const query = { journeyId: journey.id, environmentId: environment.id, journey, range, breakdown, breakdownLimit };
        return conversionFromTallies({ journey, environment: environment.key, range, breakdown }, await tallies(query, pathConversionTallies, conversionTallies));
      },
    );

    app.get(
      '/projects/:project/usage/events',
      {
        schema: {
          tags: ['usage'],
          summary: 'The most used events',
          description: `Tracked event names by distinct units, most first, then by name, with their event counts. ${RANGE}`,
          params: z.object({ project: z.string() }),
          querystring: usageEventsQuery,
          response: { 200: usageEventsSchemaOut, ...errorResponses },
        },
      },
      async (request) => {
        const project = await requireProject(db, request.params.project);
        const environment = await requireEnvironment(db, project, request.query.environment);
        const range = rangeOf(request.query, now());
        const question = { environment: environment.key, range, limit: request.query.limit };
        return usageEventsFrom(question, await topEvents(db, { environmentId: environment.id, range, limit: request.query.limit }));
      },
    );

    app.get(
      '/projects/:project/usage',
      {
        schema: {
          tags: ['usage'],
          summary: 'Feature usage by day',
          description:
            'For each tracked event named (`event`, repeated for up to 10): distinct units and events over the range and on each UTC day (every day appears). ' +
            'Breakdowns: `flag:KEY` puts each event under the variant its unit was first exposed to at or before it, else "(none)"; `attribute:NAME` and ' +
            '`property:NAME` under each event\'s own value, the `breakdownLimit` values with the most units first, then "(other)" and "(none)". ' +
            RANGE,
          params: z.object({ project: z.string() }),
          querystring: usageQuery,
          response: { 200: usageSchemaOut, ...errorResponses },
        },
      },
      async (request) => {
        const { environment: environmentKey, event: eventNames, breakdown = null, breakdownLimit } = request.query;
        const project = await requireProject(db, request.params.project);
        const environment = await requireEnvironment(db, project, environmentKey);
        const range = rangeOf(request.query, now());
        const tallies = await usageTallies(db, { environmentId: environment.id, range, eventNames, breakdown, breakdownLimit });
        return usageFromTallies({ environment: environment.key, range, breakdown, eventNames }, tallies);
      },
    );
  };
}
