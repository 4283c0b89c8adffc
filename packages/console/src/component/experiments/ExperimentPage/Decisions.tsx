import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, data, ifMatch } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { Experiment, Results } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { Dialog } from '../../common/Dialog/Dialog';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { suggestedShip } from '../results-figures';
import { metricVerdicts, verdictFor } from '../verdict';

type Decision = { action: 'start' } | { action: 'stop' } | { action: 'ship'; variant: string } | { action: 'delete' };

/**
 * What can be decided about an experiment where it stands: start a draft,
 * stop a running one, ship a compared variant to everyone (after a
 * confirmation that says what happens to the flag), or delete it. A refusal
 * shows its reason, and a start refused because the flag does not split
 * traffic links to the flag.
 */
export function Decisions({ experiment, results }: { experiment: Experiment; results: Results | undefined }) {
  const scope = useScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'stop' | 'ship' | 'delete'>();
  const primary = results?.metrics.find((metric) => metric.role === 'primary');
  const [chosen, setChosen] = useState<string>();
  const shipping = chosen ?? (primary === undefined ? undefined : suggestedShip(primary.variants)) ?? '';
  const path = { project: scope.project, experiment: experiment.key };
  // What speaks against shipping the chosen variant: guardrails it breaks, and a broken split that voids every figure.
  const breaches =
    results === undefined
      ? []
      : results.metrics.flatMap((metric) => metricVerdicts(metric, { control: results.control, alpha: results.alpha }).filter((verdict) => verdict.breach && verdict.variant === shipping));
  const flagPage = scopedPath({ project: scope.project, environment: experiment.environment }, `flags/${encodeURIComponent(experiment.flag)}`);

  const decide = useMutation({
    mutationFn: (decision: Decision) => {
      const request = { params: { path }, headers: ifMatch(experiment.version) };
      switch (decision.action) {
        case 'start':
          return data(api.POST('/api/v1/projects/{project}/experiments/{experiment}/start', { ...request, body: {} }));
        case 'stop':
          return data(api.POST('/api/v1/projects/{project}/experiments/{experiment}/stop', { ...request, body: {} }));
        case 'ship':
          return data(api.POST('/api/v1/projects/{project}/experiments/{experiment}/ship', { ...request, body: { variant: decision.variant } }));
        case 'delete':
          return data(api.DELETE('/api/v1/projects/{project}/experiments/{experiment}', request)).then(() => undefined);
      }
    },
    onSuccess: async (saved, decision) => {
      setDialog(undefined);
      if (saved === undefined) {
        queryClient.removeQueries({ queryKey: keys.experiment(scope.project, experiment.key) });
        await queryClient.invalidateQueries({ queryKey: keys.experiments(scope.project) });
        await navigate(scopedPath(scope, 'experiments'));
        return;
      }
      queryClient.setQueryData(keys.experiment(scope.project, saved.key), saved);
      await queryClient.invalidateQueries({ queryKey: keys.experiments(scope.project) });
      // Shipping rewrites the flag's configuration.
      if (decision.action === 'ship') await queryClient.invalidateQueries({ queryKey: keys.flags(scope.project) });
    },
    onError: async (error) => {
      setDialog(undefined);
      // Someone decided meanwhile: show where it stands now.
      if (error instanceof ApiError && error.status === 409) await queryClient.invalidateQueries({ queryKey: keys.experiment(scope.project, experiment.key) });
    },
  });
  const refusedStart = decide.error instanceof ApiError && decide.variables?.action === 'start' && decide.error.status === 400;

  return (
    <div className="decisions">
      <div className="actions">
        <Link to={`${scopedPath(scope, 'audit')}?resource=${encodeURIComponent(experiment.key)}&resourceType=experiment`}>History</Link>
        {experiment.status === 'draft' && (
          <button type="button" className="primary" onClick={() => decide.mutate({ action: 'start' })} disabled={decide.isPending}>
            Start experiment
          </button>
        )}
        {(experiment.status === 'running' || experiment.status === 'stopped') && (
          <button type="button" className="primary" onClick={() => setDialog('ship')} disabled={decide.isPending}>
            Ship a variant…
          </button>
        )}
        {experiment.status === 'running' && (
          <button type="button" onClick={() => setDialog('stop')} disabled={decide.isPending}>
            Stop experiment
          </button>
        )}
        <button type="button" onClick={() => setDialog('delete')} disabled={decide.isPending}>
          Delete
        </button>
      </div>
      {decide.error && (
        <div className="decision-error">
          <ErrorNotice error={decide.error} />
          {refusedStart && (
            <p>
              Open <Link to={flagPage}>{experiment.flag}</Link> in {experiment.environment}, switch it on and give its default (or a rule) a percentage rollout between{' '}
              {experiment.control} and {experiment.treatments.join(', ')}; then start again.
            </p>
          )}
        </div>
      )}

      <Dialog title={`Ship a variant of ${experiment.flag} to everyone in ${experiment.environment}?`} open={dialog === 'ship'} onClose={() => setDialog(undefined)}>
        <p>
          Dial turns <code>{experiment.flag}</code> on in {experiment.environment}, removes its rules and serves the chosen variant to everyone; prerequisites and the
          off variant stay. {experiment.status === 'running' ? 'The experiment stops. ' : ''}Both changes are recorded in the audit log, and SDKs get the new
          configuration at once.
        </p>
        <fieldset className="choices">
          <legend>Variant to ship</legend>
          {[experiment.control, ...experiment.treatments].map((variant) => {
            const result = primary?.variants.find((one) => one.variant === variant);
            const verdict =
              primary === undefined || result === undefined || result.control || results === undefined
                ? undefined
                : verdictFor(primary, result, { control: results.control, alpha: results.alpha });
            return (
              <label key={variant} className="checkbox">
                <input type="radio" name="ship" checked={shipping === variant} onChange={() => setChosen(variant)} />
                <span>
                  <strong>{variant}</strong>
                  {variant === experiment.control && <span className="muted"> — the control</span>}
                  {verdict !== undefined && <span className={`muted verdict-hint ${verdict.tone}`}> — {verdict.text}</span>}
                </span>
              </label>
            );
          })}
        </fieldset>
        {(breaches.length > 0 || results?.srm.mismatch === true) && (
          <ul className="ship-warnings" aria-label="Before shipping">
            {results?.srm.mismatch === true && <li>The sample-ratio check failed: the split of units is broken, so none of these results can be trusted.</li>}
            {breaches.map((verdict) => (
              <li key={verdict.text}>{verdict.text}</li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="button" className="primary" onClick={() => decide.mutate({ action: 'ship', variant: shipping })} disabled={shipping === '' || decide.isPending}>
            {shipping === '' ? 'Ship' : `Ship ${shipping}`}
          </button>
          <button type="button" onClick={() => setDialog(undefined)} autoFocus>
            Cancel
          </button>
        </div>
      </Dialog>

      <Dialog title={`Stop “${experiment.name}”?`} open={dialog === 'stop'} onClose={() => setDialog(undefined)}>
        <p>
          Results keep counting the exposures and events until now and no later; the flag keeps serving what it serves. A stopped experiment cannot be started again,
          and can still be shipped.
        </p>
        <div className="actions">
          <button type="button" className="danger" onClick={() => decide.mutate({ action: 'stop' })} disabled={decide.isPending}>
            Stop experiment
          </button>
          <button type="button" onClick={() => setDialog(undefined)} autoFocus>
            Cancel
          </button>
        </div>
      </Dialog>

      <Dialog title={`Delete “${experiment.name}”?`} open={dialog === 'delete'} onClose={() => setDialog(undefined)}>
        <p>The experiment is deleted; the flag keeps serving what it serves, the events stay, and the audit log keeps its last version.</p>
        <div className="actions">
          <button type="button" className="danger" onClick={() => decide.mutate({ action: 'delete' })} disabled={decide.isPending}>
            Delete
          </button>
          <button type="button" onClick={() => setDialog(undefined)} autoFocus>
            Cancel
          </button>
        </div>
      </Dialog>
    </div>
  );
}
