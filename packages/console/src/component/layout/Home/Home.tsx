import { Navigate } from 'react-router';
import { api, data } from '../../../api/client';
import { useQuery } from '@tanstack/react-query';
import { rememberedScope, scopedPath } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';

/** `/`: opens the flags of the project and environment used last, or the first ones. */
export function Home() {
  const remembered = rememberedScope();
  const scope = useQuery({
    queryKey: ['home', remembered],
    queryFn: async () => {
      const { projects } = await data(api.GET('/api/v1/projects'));
      const project = projects.find((p) => p.key === remembered.project) ?? projects[0];
      if (project === undefined) return undefined;
      const { environments } = await data(api.GET('/api/v1/projects/{project}/environments', { params: { path: { project: project.key } } }));
      const environment = environments.find((e) => e.key === remembered.environment) ?? environments[0];
      return environment === undefined ? undefined : { project: project.key, environment: environment.key };
    },
  });
  if (scope.error) return <ErrorNotice error={scope.error} />;
  if (scope.isPending) return <p className="loading" role="status">Loading…</p>;
  if (scope.data === undefined) return <p className="empty">There is no project yet: create one with the API (POST /api/v1/projects).</p>;
  return <Navigate to={scopedPath(scope.data, 'flags')} replace />;
}
