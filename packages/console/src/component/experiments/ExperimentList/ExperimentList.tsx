import { Link, useSearchParams } from 'react-router';
import { useExperiments, useMetrics } from '../../../api/queries';
import type { ExperimentStatus } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { ExperimentWizard } from '../ExperimentWizard/ExperimentWizard';
import { StatusBadge } from '../StatusBadge/StatusBadge';

const STATUSES: ExperimentStatus[] = ['draft', 'running', 'stopped', 'shipped'];

/**
 * A project's experiments: status, flag, environment, primary metric and
 * start, filtered by status. `?new` opens the creation wizard instead,
 * `?new&flag=<key>` on a flag (as the flag's page links to it).
 */
export function ExperimentList() {
  const scope = useScope();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as ExperimentStatus | '';
  const creating = params.has('new');
  const experiments = useExperiments(scope.project, status === '' ? {} : { status });
  const metrics = useMetrics(scope.project);
  const metricName = new Map((metrics.data ?? []).map((metric) => [metric.key, metric.name]));
  const rows = experiments.data ?? [];

  const set = (name: string, value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
      if (name === 'new' && value === undefined) next.delete('flag');
      return next;
    });

  if (creating) return <ExperimentWizard flag={params.get('flag') ?? undefined} onCancel={() => set('new', undefined)} />;

  return (
    <section aria-labelledby="experiments-title">
      <div className="page-head">
        <div>
          <h1 id="experiments-title">Experiments</h1>
          <p className="muted">
            Compare a flag's variants on <Link to={scopedPath(scope, 'metrics')}>metrics</Link>, then ship the winner.
          </p>
        </div>
        <button type="button" className="primary" onClick={() => set('new', '')}>
          New experiment
        </button>
      </div>
      <div className="filters" role="search">
        <label>
          <span>Status</span>
          <select value={status} onChange={(event) => set('status', event.target.value)}>
            <option value="">Any</option>
            {STATUSES.map((one) => (
              <option key={one} value={one}>
                {one}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={experiments.error} />
      {experiments.isPending ? (
        <p className="loading" role="status">
          Loading experiments…
        </p>
      ) : rows.length === 0 ? (
        status !== '' ? (
          <p className="empty">No {status} experiment.</p>
        ) : (
          <section className="empty-state" aria-label="No experiments yet">
            <h2>No experiments yet</h2>
            <p>
              An experiment compares a flag's variants — a control and one or more treatments — on metrics computed from the events users send after they first see
              the flag. Dial reports each effect with its interval, says whether it is significant, warns when the split of users is off, and ships the winner to
              everyone in one step.
            </p>
            <p>
              Start from a flag whose rollout splits users between its variants (its page has a <em>New experiment</em> button), or here:
            </p>
            <button type="button" className="primary" onClick={() => set('new', '')}>
              Create an experiment
            </button>
          </section>
        )
      ) : (
        <table className="list" aria-label="Experiments">
          <thead>
            <tr>
              <th scope="col">Experiment</th>
              <th scope="col">Status</th>
              <th scope="col">Flag</th>
              <th scope="col">Environment</th>
              <th scope="col">Primary metric</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((experiment) => (
              <tr key={experiment.key}>
                <td>
                  <Link to={scopedPath(scope, `experiments/${encodeURIComponent(experiment.key)}`)}>
                    <strong>{experiment.name}</strong> <code>{experiment.key}</code>
                  </Link>
                </td>
                <td>
                  <StatusBadge status={experiment.status} />
                  {experiment.shippedVariant !== null && <span className="muted"> {experiment.shippedVariant}</span>}
                </td>
                <td>
                  <Link to={scopedPath(scope, `flags/${encodeURIComponent(experiment.flag)}`)}>{experiment.flag}</Link>
                </td>
                <td>{experiment.environment}</td>
                <td>{metricName.get(experiment.primaryMetric) ?? experiment.primaryMetric}</td>
                <td>{experiment.startedAt === null ? <span className="muted">not yet</span> : new Date(experiment.startedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
