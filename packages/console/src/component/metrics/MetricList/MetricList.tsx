import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMetrics } from '../../../api/queries';
import { scopedPath, useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { useKnownEvents } from '../../usage/use-known-events';
import { describeMetric } from '../metric-draft';
import { NewMetricForm } from '../NewMetricForm/NewMetricForm';

/** A project's metrics: what experiments measure of each exposed unit. */
export function MetricList() {
  const scope = useScope();
  const navigate = useNavigate();
  const metrics = useMetrics(scope.project);
  const events = useKnownEvents();
  const [creating, setCreating] = useState(false);
  const rows = metrics.data ?? [];

  return (
    <section aria-labelledby="metrics-title">
      <div className="page-head">
        <div>
          <h1 id="metrics-title">Metrics</h1>
          <p className="muted">
            What <Link to={scopedPath(scope, 'experiments')}>experiments</Link> measure of each unit from its first exposure on, computed from tracked events.
          </p>
        </div>
        <button type="button" className="primary" onClick={() => setCreating(true)} aria-expanded={creating}>
          New metric
        </button>
      </div>
      {creating && (
        <NewMetricForm
          events={events}
          onCancel={() => setCreating(false)}
          onCreated={(metric) => void navigate(scopedPath(scope, `metrics/${encodeURIComponent(metric.key)}`))}
        />
      )}
      <ErrorNotice error={metrics.error} />
      {metrics.isPending ? (
        <p className="loading" role="status">
          Loading metrics…
        </p>
      ) : rows.length === 0 ? (
        !creating && (
          <section className="empty-state" aria-label="No metrics yet">
            <h2>No metrics yet</h2>
            <p>
              A metric turns the events a unit sends after its first exposure to a flag into one number: whether it converted (did <code>purchase</code> within 7
              days), or a sum or count per unit (revenue, errors). Experiments compare their variants on metrics; say for each whether higher or lower is good.
            </p>
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              Create a metric
            </button>
          </section>
        )
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Measures</th>
              <th scope="col">A good change is</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((metric) => (
              <tr key={metric.key}>
                <td>
                  <Link to={scopedPath(scope, `metrics/${encodeURIComponent(metric.key)}`)}>
                    <strong>{metric.name}</strong> <code>{metric.key}</code>
                  </Link>
                  {metric.description && <div className="muted">{metric.description}</div>}
                </td>
                <td>{describeMetric(metric)}</td>
                <td>{metric.higherIsBetter ? 'Higher' : 'Lower'}</td>
                <td>{new Date(metric.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
