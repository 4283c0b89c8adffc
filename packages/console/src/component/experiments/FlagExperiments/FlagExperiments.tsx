import { Link } from 'react-router';
import { useExperiments } from '../../../api/queries';
import { scopedPath, useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { StatusBadge } from '../StatusBadge/StatusBadge';

/** The experiments on one flag, in every environment. */
export function FlagExperiments({ flag }: { flag: string }) {
  const scope = useScope();
  const experiments = useExperiments(scope.project, { flag });
  const rows = experiments.data ?? [];
  return (
    <section className="card" aria-labelledby="flag-experiments-title">
      <h2 id="flag-experiments-title">Experiments</h2>
      <ErrorNotice error={experiments.error} />
      {experiments.isPending ? (
        <p className="loading" role="status">
          Loading experiments…
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">No experiment compares this flag's variants yet. Give it a percentage rollout between them, then create one (<em>New experiment</em>, above) to measure the difference.</p>
      ) : (
        <ul className="flag-experiments">
          {rows.map((experiment) => (
            <li key={experiment.key}>
              <Link to={scopedPath(scope, `experiments/${encodeURIComponent(experiment.key)}`)}>{experiment.name}</Link> <StatusBadge status={experiment.status} />{' '}
              <span className="muted">
                in {experiment.environment}, {experiment.control} against {experiment.treatments.join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
