import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from './client';
import type { ExperimentListQuery, FunnelQuery, ResultsTest, UsageQuery } from './types';

/** Query keys, one place: invalidating a prefix refreshes everything under it. */
export const keys = {
  projects: ['projects'] as const,
  environments: (project: string) => ['environments', project] as const,
  flags: (project: string) => ['flags', project] as const,
  flagList: (project: string, filter: object) => ['flags', project, 'list', filter] as const,
  flag: (project: string, flag: string) => ['flags', project, 'one', flag] as const,
  segments: (project: string) => ['segments', project] as const,
  segment: (project: string, segment: string) => ['segments', project, 'one', segment] as const,
  journeys: (project: string) => ['journeys', project] as const,
  journey: (project: string, journey: string) => ['journeys', project, 'one', journey] as const,
  // Under the journey, so an edit refreshes its figures too.
  funnel: (project: string, journey: string, query: object) => ['journeys', project, 'one', journey, 'funnel', query] as const,
  conversion: (project: string, journey: string, query: object) => ['journeys', project, 'one', journey, 'conversion', query] as const,
  usage: (project: string, query: object) => ['usage', project, query] as const,
  metrics: (project: string) => ['metrics', project] as const,
  metric: (project: string, metric: string) => ['metrics', project, 'one', metric] as const,
  experiments: (project: string) => ['experiments', project] as const,
  experimentList: (project: string, filter: object) => ['experiments', project, 'list', filter] as const,
  experiment: (project: string, experiment: string) => ['experiments', project, 'one', experiment] as const,
  // Under the experiment, so a decision refreshes its results too.
  results: (project: string, experiment: string, test: string) => ['experiments', project, 'one', experiment, 'results', test] as const,
  tokens: ['tokens'] as const,
  audit: (filter: object) => ['audit', filter] as const,
};

export function useProjects() {
  return useQuery({ queryKey: keys.projects, queryFn: () => data(api.GET('/api/v1/projects')) });
}

export function useEnvironments(project: string) {
  return useQuery({
    queryKey: keys.environments(project),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/environments', { params: { path: { project } } })),
  });
}

/** A flag with its configuration in every environment; nothing is asked while `enabled` is false (no flag chosen yet). */
export function useFlag(project: string, flag: string, enabled = true) {
  return useQuery({
    queryKey: keys.flag(project, flag),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/flags/{flag}', { params: { path: { project, flag } } })),
    enabled,
  });
}

/** Every flag of a project that is not archived, for pickers (the API pages by 500 at most). */
export function useAllFlags(project: string) {
  return useQuery({
    queryKey: [...keys.flags(project), 'all'],
    queryFn: async () => {
      const flags = [];
      let cursor: string | undefined;
      do {
        const page = await data(api.GET('/api/v1/projects/{project}/flags', { params: { path: { project }, query: { archived: 'false', limit: 500, cursor } } }));
        flags.push(...page.flags);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return flags;
    },
  });
}

/** Every segment of a project (the API pages by 500 at most). */
export function useSegments(project: string) {
  return useQuery({
    queryKey: keys.segments(project),
    queryFn: async () => {
      const segments = [];
      let cursor: string | undefined;
      do {
        const page = await data(api.GET('/api/v1/projects/{project}/segments', { params: { path: { project }, query: { limit: 500, cursor } } }));
        segments.push(...page.segments);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return segments;
    },
  });
}

export function useJourneys(project: string) {
  return useQuery({
    queryKey: keys.journeys(project),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/journeys', { params: { path: { project } } })),
  });
}

export function useJourney(project: string, journey: string) {
  return useQuery({
    queryKey: keys.journey(project, journey),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/journeys/{journey}', { params: { path: { project, journey } } })),
  });
}

/** A journey's funnel; the previous answer stays on screen while another range or breakdown loads. */
export function useFunnel(project: string, journey: string, query: FunnelQuery) {
  return useQuery({
    queryKey: keys.funnel(project, journey, query),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/journeys/{journey}/funnel', { params: { path: { project, journey }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function useConversion(project: string, journey: string, query: FunnelQuery) {
  return useQuery({
    queryKey: keys.conversion(project, journey, query),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/journeys/{journey}/conversion', { params: { path: { project, journey }, query } })),
    placeholderData: keepPreviousData,
  });
}

/** The most used tracked events of an environment in a range. */
export function useUsageEvents(project: string, query: { environment: string; from: string; to: string; limit?: number }) {
  return useQuery({
    queryKey: keys.usage(project, { ...query, list: true }),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/usage/events', { params: { path: { project }, query } })),
    placeholderData: keepPreviousData,
  });
}

/** Daily usage of some events; nothing is asked until at least one is chosen. */
export function useUsage(project: string, query: UsageQuery) {
  return useQuery({
    queryKey: keys.usage(project, query),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/usage', { params: { path: { project }, query } })),
    placeholderData: keepPreviousData,
    enabled: query.event.length > 0,
  });
}

/** Every metric of a project, by key (the API pages by 500 at most). */
export function useMetrics(project: string) {
  return useQuery({
    queryKey: keys.metrics(project),
    queryFn: async () => {
      const metrics = [];
      let cursor: string | undefined;
      do {
        const page = await data(api.GET('/api/v1/projects/{project}/metrics', { params: { path: { project }, query: { limit: 500, cursor } } }));
        metrics.push(...page.metrics);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return metrics;
    },
  });
}

export function useMetric(project: string, metric: string) {
  return useQuery({
    queryKey: keys.metric(project, metric),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/metrics/{metric}', { params: { path: { project, metric } } })),
  });
}

/** A project's experiments, filtered (the API pages by 500 at most). */
export function useExperiments(project: string, filter: Omit<ExperimentListQuery, 'limit' | 'cursor'> = {}) {
  return useQuery({
    queryKey: keys.experimentList(project, filter),
    queryFn: async () => {
      const experiments = [];
      let cursor: string | undefined;
      do {
        const page = await data(api.GET('/api/v1/projects/{project}/experiments', { params: { path: { project }, query: { ...filter, limit: 500, cursor } } }));
        experiments.push(...page.experiments);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return experiments;
    },
    placeholderData: keepPreviousData,
  });
}

export function useExperiment(project: string, experiment: string) {
  return useQuery({
    queryKey: keys.experiment(project, experiment),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/experiments/{experiment}', { params: { path: { project, experiment } } })),
  });
}

/** An experiment's results under a test; nothing is asked for a draft, which has none. */
export function useResults(project: string, experiment: string, test: ResultsTest, enabled: boolean) {
  return useQuery({
    queryKey: keys.results(project, experiment, test),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/experiments/{experiment}/results', { params: { path: { project, experiment }, query: { test } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
