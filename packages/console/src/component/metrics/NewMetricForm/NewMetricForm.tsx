import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, data } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { Metric, NewMetric } from '../../../api/types';
import { useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { IssuesContext } from '../../common/FieldError/FieldError';
import { MetricForm } from '../MetricForm/MetricForm';
import { metricBody, metricDraftOf } from '../metric-draft';

/**
 * Creates a metric and hands it to `onCreated`. `compact` makes it the small
 * form an experiment's wizard shows beside its metric pickers.
 */
export function NewMetricForm({
  onCreated,
  onCancel,
  events,
  compact = false,
}: {
  onCreated: (metric: Metric) => void;
  onCancel: () => void;
  events: readonly string[];
  compact?: boolean;
}) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => metricDraftOf());
  const create = useMutation({
    mutationFn: () => data(api.POST('/api/v1/projects/{project}/metrics', { params: { path: { project: scope.project } }, body: metricBody(draft, true) as NewMetric })),
    onSuccess: async (metric) => {
      await queryClient.invalidateQueries({ queryKey: keys.metrics(scope.project) });
      onCreated(metric);
    },
  });
  const issues = create.error instanceof ApiError ? create.error.issues : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <IssuesContext.Provider value={issues}>
      <form className={`card form-grid${compact ? ' compact-form' : ''}`} onSubmit={submit} aria-label="New metric">
        {compact && <h3 className="wide">New metric</h3>}
        <MetricForm draft={draft} onChange={setDraft} creating events={events} compact={compact} />
        {create.error && issues.length === 0 && (
          <div className="wide">
            <ErrorNotice error={create.error} />
          </div>
        )}
        <div className="actions wide">
          <button type="submit" className="primary" disabled={create.isPending}>
            Create metric
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </IssuesContext.Provider>
  );
}
