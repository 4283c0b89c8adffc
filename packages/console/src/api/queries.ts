import { useQuery } from '@tanstack/react-query';
import { api, data } from './client';

/** Query keys, one place: invalidating a prefix refreshes everything under it. */
export const keys = {
  projects: ['projects'] as const,
  environments: (project: string) => ['environments', project] as const,
  flags: (project: string) => ['flags', project] as const,
  flagList: (project: string, filter: object) => ['flags', project, 'list', filter] as const,
  flag: (project: string, flag: string) => ['flags', project, 'one', flag] as const,
  segments: (project: string) => ['segments', project] as const,
  segment: (project: string, segment: string) => ['segments', project, 'one', segment] as const,
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

export function useFlag(project: string, flag: string) {
  return useQuery({
    queryKey: keys.flag(project, flag),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/flags/{flag}', { params: { path: { project, flag } } })),
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
