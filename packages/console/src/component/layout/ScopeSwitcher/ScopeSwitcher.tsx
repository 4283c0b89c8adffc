import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { api, data } from '../../../api/client';
import { keys, useEnvironments, useProjects } from '../../../api/queries';
import { scopedPath, useScope } from '../../../scope';

/**
 * The project and environment pickers. Switching the environment keeps the
 * page; switching the project opens the same list in the other project, in
 * an environment of the same name if it has one.
 */
export function ScopeSwitcher() {
  const scope = useScope();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const projects = useProjects();
  const environments = useEnvironments(scope.project);

  const page = location.pathname.split('/').slice(3);
  const switchProject = async (project: string) => {
    const { environments: theirs } = await queryClient.fetchQuery({
      queryKey: keys.environments(project),
      queryFn: () => data(api.GET('/api/v1/projects/{project}/environments', { params: { path: { project } } })),
    });
    const environment = theirs.find((e) => e.key === scope.environment) ?? theirs[0];
    if (environment !== undefined) await navigate(scopedPath({ project, environment: environment.key }, page[0] ?? 'flags'));
  };
  const switchEnvironment = (environment: string) => navigate(scopedPath({ ...scope, environment }, page.join('/')) + location.search);

  return (
    <div className="switcher">
      <label>
        <span>Project</span>
        <select value={scope.project} onChange={(event) => void switchProject(event.target.value)}>
          {(projects.data?.projects ?? [{ key: scope.project, name: scope.project }]).map((project) => (
            <option key={project.key} value={project.key}>
              {project.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Environment</span>
        <select value={scope.environment} onChange={(event) => void switchEnvironment(event.target.value)} data-testid="environment-switcher">
          {(environments.data?.environments ?? [{ key: scope.environment, name: scope.environment }]).map((environment) => (
            <option key={environment.key} value={environment.key}>
              {environment.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
