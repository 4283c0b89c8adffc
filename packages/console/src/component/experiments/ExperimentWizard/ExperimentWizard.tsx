import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, data } from '../../../api/client';
import { keys, useAllFlags, useEnvironments, useFlag, useMetrics } from '../../../api/queries';
import type { NewExperiment } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { IssuesContext } from '../../common/FieldError/FieldError';
import { useKnownEvents } from '../../usage/use-known-events';
import { type ExperimentDraft, STEP_TITLES, WIZARD_STEPS, type WizardStep, experimentBody, newExperimentDraft, stepOfIssue } from '../experiment-draft';
import { FlagStep, HypothesisStep, MetricsStep, ReviewStep, VariantsStep } from './WizardSteps';

/**
 * Creates an experiment step by step — the flag and environment, the
 * variants (one control), the hypothesis, the metrics by role (an inline form
 * adds one), and a review — as a draft, then opens its page to start it. A
 * field the API refuses sends the wizard back to its step, where the message
 * stands beside it.
 */
export function ExperimentWizard({ flag: fromFlag, onCancel }: { flag?: string; onCancel: () => void }) {
  const scope = useScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flags = useAllFlags(scope.project);
  const environments = useEnvironments(scope.project);
  const metrics = useMetrics(scope.project);
  const events = useKnownEvents();
  const [edited, setDraft] = useState<ExperimentDraft>();
  const [step, setStep] = useState<WizardStep>('flag');
  // Until edited, the draft follows the flag the wizard was opened on, once the flags have loaded.
  const draft = edited ?? newExperimentDraft(flags.data?.find((flag) => flag.key === fromFlag), scope.environment);
  const flag = useFlag(scope.project, draft.flag, draft.flag !== '');

  const create = useMutation({
    mutationFn: () => data(api.POST('/api/v1/projects/{project}/experiments', { params: { path: { project: scope.project } }, body: experimentBody(draft) as NewExperiment })),
    onSuccess: async (experiment) => {
      await queryClient.invalidateQueries({ queryKey: keys.experiments(scope.project) });
      await navigate(scopedPath(scope, `experiments/${encodeURIComponent(experiment.key)}`));
    },
    onError: (error) => {
      const first = error instanceof ApiError ? error.issues[0] : undefined;
      if (first !== undefined) setStep(stepOfIssue(first.path));
    },
  });
  const issues = create.error instanceof ApiError ? create.error.issues : [];
  const index = WIZARD_STEPS.indexOf(step);
  const props = { draft, onChange: setDraft };

  return (
    <IssuesContext.Provider value={issues}>
      <article aria-labelledby="wizard-title" className="wizard">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={scopedPath(scope, 'experiments')} onClick={onCancel}>
            Experiments
          </Link>{' '}
          / <span>New</span>
        </nav>
        <div className="page-head">
          <h1 id="wizard-title">New experiment</h1>
        </div>
        <ol className="wizard-steps" aria-label="Steps">
          {WIZARD_STEPS.map((one, i) => (
            <li key={one}>
              <button type="button" aria-current={one === step ? 'step' : undefined} onClick={() => setStep(one)} className={issues.some((issue) => stepOfIssue(issue.path) === one) ? 'has-issues' : undefined}>
                {i + 1}. {STEP_TITLES[one]}
              </button>
            </li>
          ))}
        </ol>
        {issues.length > 0 && (
          <div className="error-notice" role="alert">
            <p>Dial refused the experiment:</p>
            <ul>
              {issues.map((issue) => (
                <li key={`${issue.path}-${issue.message}`}>
                  <button type="button" className="link" onClick={() => setStep(stepOfIssue(issue.path))}>
                    {STEP_TITLES[stepOfIssue(issue.path)]}
                  </button>{' '}
                  — <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {create.error && issues.length === 0 && <ErrorNotice error={create.error} />}
        <section className="card wizard-step" aria-labelledby="wizard-step-title">
          <h2 id="wizard-step-title">{STEP_TITLES[step]}</h2>
          {step === 'flag' && <FlagStep {...props} flags={flags.data} flag={flag.data} environments={environments.data?.environments} />}
          {step === 'variants' && <VariantsStep {...props} flag={flag.data} />}
          {step === 'hypothesis' && <HypothesisStep {...props} />}
          {step === 'metrics' && <MetricsStep {...props} metrics={metrics.data} events={events} />}
          {step === 'review' && <ReviewStep draft={draft} flag={flag.data} metrics={metrics.data} />}
        </section>
        <div className="actions">
          <button type="button" onClick={() => setStep(WIZARD_STEPS[index - 1]!)} disabled={index === 0}>
            Back
          </button>
          {step === 'review' ? (
            <button type="button" className="primary" onClick={() => create.mutate()} disabled={create.isPending}>
              Create draft
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => setStep(WIZARD_STEPS[index + 1]!)}>
              Next
            </button>
          )}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </article>
    </IssuesContext.Provider>
  );
}
