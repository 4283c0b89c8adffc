import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, data, ifMatch } from '../../../api/client';
import { keys, useExperiments, useMetric } from '../../../api/queries';
import type { Metric, MetricInput } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { ConflictDialog } from '../../common/ConflictDialog/ConflictDialog';
import { Dialog } from '../../common/Dialog/Dialog';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { IssuesContext } from '../../common/FieldError/FieldError';
import { lastChange } from '../../flags/conflict';
import { useKnownEvents } from '../../usage/use-known-events';
import { MetricForm } from '../MetricForm/MetricForm';
import { describeMetric, metricBody, metricDraftOf, sameMetric } from '../metric-draft';

/** One metric: what it measures, editable, the experiments that read it, and deletion. */
export function MetricPage() {
  const scope = useScope();
  const { metric: key = '' } = useParams();
  const metric = useMetric(scope.project, key);
  // Bumped to start the editor afresh from the newest version.
  const [generation, setGeneration] = useState(0);
  if (metric.error) return <ErrorNotice error={metric.error} />;
  if (metric.isPending) return <p className="loading" role="status">Loading metric…</p>;
  return (
    <EditMetric
      key={generation}
      metric={metric.data}
      reload={async () => {
        await metric.refetch();
        setGeneration((n) => n + 1);
      }}
    />
  );
}

function EditMetric({ metric: loaded, reload }: { metric: Metric; reload: () => Promise<void> }) {
  const scope = useScope();
  // The version this edit is based on: a refetch in the background must not move it, or a save would overwrite unseen changes.
  const [metric, setMetric] = useState(loaded);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const events = useKnownEvents();
  const experiments = useExperiments(scope.project);
  const [draft, setDraft] = useState(() => metricDraftOf(metric));
  const [conflict, setConflict] = useState<{ message: string; newer: Metric }>();
  const [deleting, setDeleting] = useState(false);
  const dirty = !sameMetric(draft, metricDraftOf(metric));
  const path = { project: scope.project, metric: metric.key };
  const readers = (experiments.data ?? []).filter((experiment) =>
    [experiment.primaryMetric, ...experiment.secondaryMetrics, ...experiment.guardrailMetrics].includes(metric.key),
  );

  const onConflict = async (error: unknown) => {
    if (!(error instanceof ApiError && error.isVersionConflict)) return;
    setDeleting(false);
    const newer = await data(api.GET('/api/v1/projects/{project}/metrics/{metric}', { params: { path } }));
    const by = await lastChange('metric', metric.key, scope.project);
    setConflict({ message: `${error.message}${by ? ` Last change by ${by}.` : ''}`, newer });
  };

  const save = useMutation({
    mutationFn: () =>
      data(api.PUT('/api/v1/projects/{project}/metrics/{metric}', { params: { path }, headers: ifMatch(metric.version), body: metricBody(draft, false) as MetricInput })),
    onSuccess: (saved) => {
      setMetric(saved);
      queryClient.setQueryData(keys.metric(scope.project, saved.key), saved);
      // Results read the metric as it is now.
      return Promise.all([queryClient.invalidateQueries({ queryKey: keys.metrics(scope.project) }), queryClient.invalidateQueries({ queryKey: keys.experiments(scope.project) })]);
    },
    onError: onConflict,
  });
  const remove = useMutation({
    mutationFn: () => data(api.DELETE('/api/v1/projects/{project}/metrics/{metric}', { params: { path }, headers: ifMatch(metric.version) })),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: keys.metric(scope.project, metric.key) });
      await queryClient.invalidateQueries({ queryKey: keys.metrics(scope.project) });
      await navigate(scopedPath(scope, 'metrics'));
    },
    onError: onConflict,
  });
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const failure = save.error && !(save.error instanceof ApiError && (save.error.isVersionConflict || save.error.issues.length > 0)) ? save.error : undefined;

  return (
    <IssuesContext.Provider value={issues}>
      <article aria-labelledby="metric-title">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={scopedPath(scope, 'metrics')}>Metrics</Link> / <span>{metric.key}</span>
        </nav>
        <div className="page-head">
          <div>
            <h1 id="metric-title">{metric.name}</h1>
            <p className="muted">
              <code>{metric.key}</code> · {describeMetric(metric)} · {metric.higherIsBetter ? 'higher' : 'lower'} is better
            </p>
          </div>
          <div className="actions">
            <Link to={`${scopedPath(scope, 'audit')}?resource=${encodeURIComponent(metric.key)}&resourceType=metric`}>History</Link>
            <button type="button" onClick={() => setDeleting(true)}>
              Delete metric
            </button>
          </div>
        </div>
        <section aria-labelledby="metric-readers" className="card">
          <h2 id="metric-readers">Read by</h2>
          {readers.length === 0 ? (
            <p className="muted">No experiment reads this metric.</p>
          ) : (
            <>
              <p className="muted">Their results follow any change saved here.</p>
              <ul>
                {readers.map((experiment) => (
                  <li key={experiment.key}>
                    <Link to={scopedPath(scope, `experiments/${encodeURIComponent(experiment.key)}`)}>{experiment.name}</Link> ({experiment.status})
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <form
          className="card form-grid"
          aria-label="Metric"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <MetricForm draft={draft} onChange={setDraft} creating={false} events={events} />
          {failure && (
            <div className="wide">
              <ErrorNotice error={failure} />
            </div>
          )}
          {save.isSuccess && !dirty && (
            <p className="saved wide" role="status">
              Saved.
            </p>
          )}
          <div className="actions wide">
            <button type="submit" className="primary" disabled={!dirty || save.isPending}>
              Save metric
            </button>
            <button type="button" disabled={!dirty} onClick={() => setDraft(metricDraftOf(metric))}>
              Discard
            </button>
          </div>
        </form>
        <Dialog title={`Delete “${metric.name}”?`} open={deleting} onClose={() => setDeleting(false)}>
          <p>The metric is deleted; the events it counted stay, and the audit log keeps its last version. Dial refuses while an experiment reads it.</p>
          <ErrorNotice error={remove.error instanceof ApiError && remove.error.isVersionConflict ? null : remove.error} />
          <div className="actions">
            <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
              Delete
            </button>
            <button type="button" onClick={() => setDeleting(false)} autoFocus>
              Cancel
            </button>
          </div>
        </Dialog>
        {conflict && (
          <ConflictDialog
            what={`Metric “${metric.key}”`}
            message={conflict.message}
            newer={<pre className="code newer">{JSON.stringify(conflict.newer, null, 2)}</pre>}
            onReload={() => {
              setConflict(undefined);
              void reload();
            }}
            onClose={() => setConflict(undefined)}
          />
        )}
      </article>
    </IssuesContext.Provider>
  );
}
