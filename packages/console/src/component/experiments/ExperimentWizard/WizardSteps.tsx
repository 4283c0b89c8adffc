import { useState } from 'react';
import { Link } from 'react-router';
import type { Environment, FlagDetail, FlagListItem, Metric } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { FieldError } from '../../common/FieldError/FieldError';
import { describeMetric } from '../../metrics/metric-draft';
import { NewMetricForm } from '../../metrics/NewMetricForm/NewMetricForm';
import { type ExperimentDraft, type MetricRole, roleOf, withControl, withFlag, withRole, withTreatment } from '../experiment-draft';
import { SplitHint } from '../SplitHint/SplitHint';

interface StepProps {
  draft: ExperimentDraft;
  onChange: (draft: ExperimentDraft) => void;
}

/** Which flag's variants are compared, and in which environment. */
export function FlagStep({ draft, onChange, flags, flag, environments }: StepProps & { flags?: readonly FlagListItem[]; flag?: FlagDetail; environments?: readonly Environment[] }) {
  return (
    <div className="form-grid">
      <label>
        <span>Flag</span>
        <select
          value={draft.flag}
          onChange={(event) => {
            const chosen = flags?.find((one) => one.key === event.target.value);
            if (chosen !== undefined) onChange(withFlag(draft, chosen));
          }}
        >
          {draft.flag === '' && <option value="">Choose a flag…</option>}
          {(flags ?? []).map((one) => (
            <option key={one.key} value={one.key}>
              {one.name} ({one.key})
            </option>
          ))}
        </select>
        <FieldError path="flag" />
      </label>
      <label>
        <span>Environment</span>
        <select value={draft.environment} onChange={(event) => onChange({ ...draft, environment: event.target.value })}>
          {(environments ?? []).map((environment) => (
            <option key={environment.key} value={environment.key}>
              {environment.name}
            </option>
          ))}
        </select>
        <FieldError path="environment" />
      </label>
      <div className="wide">
        <p className="muted">Units are assigned by the flag's rollout in this environment and counted from their first exposure after the experiment starts.</p>
        <SplitHint flag={flag} environment={draft.environment} control={draft.control} treatments={draft.treatments} />
      </div>
    </div>
  );
}

/** One control, and the treatments compared with it. */
export function VariantsStep({ draft, onChange, flag }: StepProps & { flag?: FlagDetail }) {
  if (flag === undefined) return <p className="muted">Choose a flag first.</p>;
  const order = flag.variants.map((variant) => variant.key);
  return (
    <div className="form-grid">
      <fieldset className="choices">
        <legend>Control — what the others are compared with</legend>
        {flag.variants.map((variant) => (
          <label key={variant.key} className="checkbox">
            <input type="radio" name="control" checked={draft.control === variant.key} onChange={() => onChange(withControl(draft, variant.key))} />
            <span>
              {variant.key}
              {variant.name && <span className="muted"> — {variant.name}</span>}
            </span>
          </label>
        ))}
        <FieldError path="control" />
      </fieldset>
      <fieldset className="choices">
        <legend>Treatments — compared with the control</legend>
        {flag.variants
          .filter((variant) => variant.key !== draft.control)
          .map((variant) => {
            const i = draft.treatments.indexOf(variant.key);
            return (
              <div key={variant.key}>
                <label className="checkbox">
                  <input type="checkbox" checked={i >= 0} onChange={(event) => onChange(withTreatment(draft, variant.key, event.target.checked, order))} />
                  <span>
                    {variant.key}
                    {variant.name && <span className="muted"> — {variant.name}</span>}
                  </span>
                </label>
                {i >= 0 && <FieldError path={`treatments[${i}]`} />}
              </div>
            );
          })}
        <FieldError path="treatments" />
      </fieldset>
      <div className="wide">
        <SplitHint flag={flag} environment={draft.environment} control={draft.control} treatments={draft.treatments} />
      </div>
    </div>
  );
}

/** The experiment's key and name, and what it is expected to show. */
export function HypothesisStep({ draft, onChange }: StepProps) {
  return (
    <div className="form-grid">
      <label>
        <span>Key</span>
        <input value={draft.key} onChange={(event) => onChange({ ...draft, key: event.target.value })} placeholder="new-checkout-q3" />
        <FieldError path="key" />
      </label>
      <label>
        <span>Name</span>
        <input value={draft.name} onChange={(event) => onChange({ ...draft, name: event.target.value })} placeholder="New checkout" />
        <FieldError path="name" />
      </label>
      <label className="wide">
        <span>Hypothesis</span>
        <textarea
          rows={3}
          value={draft.hypothesis}
          onChange={(event) => onChange({ ...draft, hypothesis: event.target.value })}
          placeholder="A one-page checkout sells more, because fewer people drop off between the cart and the payment."
        />
        <FieldError path="hypothesis" />
      </label>
    </div>
  );
}

const ROLE_NAMES: Record<MetricRole, string> = { primary: 'Primary', secondary: 'Secondary', guardrail: 'Guardrail' };

/** The path of the field that holds a metric in its role, for the API's issues. */
function rolePath(draft: ExperimentDraft, metric: string): string | undefined {
  const role = roleOf(draft, metric);
  if (role === 'primary') return 'primaryMetric';
  if (role === 'secondary') return `secondaryMetrics[${draft.secondaryMetrics.indexOf(metric)}]`;
  if (role === 'guardrail') return `guardrailMetrics[${draft.guardrailMetrics.indexOf(metric)}]`;
  return undefined;
}

/** The metrics read, each in one role: one primary to decide on, secondary ones to explain it, guardrails that must not get worse. */
export function MetricsStep({ draft, onChange, metrics, events }: StepProps & { metrics?: readonly Metric[]; events: readonly string[] }) {
  const scope = useScope();
  const none = metrics !== undefined && metrics.length === 0;
  const [adding, setAdding] = useState(false);
  return (
    <>
      <p className="muted">
        The <strong>primary</strong> metric is the one the decision is made on; <strong>secondary</strong> metrics explain it; <strong>guardrails</strong> must not
        get worse. Metrics are shared by the project's experiments and managed under <Link to={scopedPath(scope, 'metrics')}>Metrics</Link>.
      </p>
      {none ? (
        <p>The project has no metrics yet; create the first below.</p>
      ) : (
        <table className="list compact" aria-label="Metrics and their roles">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Measures</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {(metrics ?? []).map((metric) => {
              const path = rolePath(draft, metric.key);
              return (
                <tr key={metric.key}>
                  <td>
                    <strong>{metric.name}</strong> <code>{metric.key}</code>
                  </td>
                  <td className="muted">
                    {describeMetric(metric)}; {metric.higherIsBetter ? 'higher' : 'lower'} is better
                  </td>
                  <td>
                    <select
                      aria-label={`Role of ${metric.name}`}
                      value={roleOf(draft, metric.key) ?? ''}
                      onChange={(event) => onChange(withRole(draft, metric.key, (event.target.value || undefined) as MetricRole | undefined))}
                    >
                      <option value="">Not measured</option>
                      {Object.entries(ROLE_NAMES).map(([role, name]) => (
                        <option key={role} value={role}>
                          {name}
                        </option>
                      ))}
                    </select>
                    {path !== undefined && <FieldError path={path} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <FieldError path="primaryMetric" />
      <FieldError path="secondaryMetrics" />
      <FieldError path="guardrailMetrics" />
      {adding || none ? (
        <NewMetricForm
          compact
          events={events}
          onCancel={() => setAdding(false)}
          onCreated={(metric) => {
            onChange(withRole(draft, metric.key, draft.primaryMetric === '' ? 'primary' : 'secondary'));
            setAdding(false);
          }}
        />
      ) : (
        <p>
          <button type="button" onClick={() => setAdding(true)}>
            New metric
          </button>
        </p>
      )}
    </>
  );
}

/** Everything chosen, in one place, before the draft is created. */
export function ReviewStep({ draft, flag, metrics }: { draft: ExperimentDraft; flag?: FlagDetail; metrics?: readonly Metric[] }) {
  const name = (key: string) => metrics?.find((metric) => metric.key === key)?.name ?? key;
  const list = (keys: readonly string[]) => (keys.length === 0 ? <span className="muted">none</span> : keys.map(name).join(', '));
  return (
    <>
      <dl className="summary">
        <dt>Experiment</dt>
        <dd>
          {draft.name || draft.key} <code>{draft.key}</code>
        </dd>
        <dt>Hypothesis</dt>
        <dd>{draft.hypothesis || <span className="muted">none</span>}</dd>
        <dt>Flag</dt>
        <dd>
          {draft.flag || <span className="muted">none</span>} in {draft.environment}
        </dd>
        <dt>Control</dt>
        <dd>{draft.control || <span className="muted">none</span>}</dd>
        <dt>Treatments</dt>
        <dd>{draft.treatments.length === 0 ? <span className="muted">none</span> : draft.treatments.join(', ')}</dd>
        <dt>Primary metric</dt>
        <dd>{draft.primaryMetric === '' ? <span className="muted">none</span> : name(draft.primaryMetric)}</dd>
        <dt>Secondary metrics</dt>
        <dd>{list(draft.secondaryMetrics)}</dd>
        <dt>Guardrail metrics</dt>
        <dd>{list(draft.guardrailMetrics)}</dd>
      </dl>
      <SplitHint flag={flag} environment={draft.environment} control={draft.control} treatments={draft.treatments} />
      <p className="muted">The experiment is created as a draft; start it from its page.</p>
    </>
  );
}
