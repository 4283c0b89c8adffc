import { Link, useParams, useSearchParams } from 'react-router';
import { useExperiment, useFlag, useMetrics, useResults } from '../../../api/queries';
import type { Experiment, ResultsTest } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import type { EffectKind } from '../format';
import { ResultsReport } from '../Results/ResultsReport';
import { SplitHint } from '../SplitHint/SplitHint';
import { StatusBadge } from '../StatusBadge/StatusBadge';
import { Decisions } from './Decisions';

const moment = (iso: string | null) => (iso === null ? '—' : new Date(iso).toLocaleString());

/**
 * One experiment: its setup and status with the decisions it allows, and
 * once started its results under the sequential or the fixed-horizon test,
 * as lifts or differences (both in the URL, so a view can be shared), with
 * the CSV of the same numbers.
 */
export function ExperimentPage() {
  const scope = useScope();
  const { experiment: key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const test: ResultsTest = params.get('test') === 'fixed' ? 'fixed' : 'sequential';
  const prefer: EffectKind = params.get('effect') === 'absolute' ? 'absolute' : 'relative';
  const experiment = useExperiment(scope.project, key);
  const started = experiment.data !== undefined && experiment.data.status !== 'draft';
  const results = useResults(scope.project, key, test, started);

  const set = (name: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === undefined) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  if (experiment.error) return <ErrorNotice error={experiment.error} />;
  if (experiment.isPending) return <p className="loading" role="status">Loading experiment…</p>;
  const detail = experiment.data;
  const csv = `/api/v1/projects/${encodeURIComponent(scope.project)}/experiments/${encodeURIComponent(detail.key)}/results.csv?test=${test}`;
  const updating = results.isPlaceholderData && results.isFetching;

  return (
    <article aria-labelledby="experiment-title" className="experiment-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={scopedPath(scope, 'experiments')}>Experiments</Link> / <span>{detail.key}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1 id="experiment-title">
            {detail.name} <StatusBadge status={detail.status} />
          </h1>
          <p className="muted">
            <code>{detail.key}</code> · flag{' '}
            <Link to={scopedPath({ project: scope.project, environment: detail.environment }, `flags/${encodeURIComponent(detail.flag)}`)}>{detail.flag}</Link> in{' '}
            {detail.environment} · {detail.control} (control) against {detail.treatments.join(', ')}
          </p>
          {detail.hypothesis && <p className="hypothesis">{detail.hypothesis}</p>}
        </div>
        <Decisions experiment={detail} results={results.data} />
      </div>
      <Timeline experiment={detail} />
      {detail.status === 'draft' ? (
        <DraftSetup experiment={detail} />
      ) : (
        <>
          <div className="analytics-controls results-controls">
            <fieldset className="toggle">
              <legend>Test</legend>
              <label className="checkbox">
                <input type="radio" name="test" checked={test === 'sequential'} onChange={() => set('test', undefined)} />
                <span>Sequential</span>
              </label>
              <label className="checkbox">
                <input type="radio" name="test" checked={test === 'fixed'} onChange={() => set('test', 'fixed')} />
                <span>Fixed horizon</span>
              </label>
            </fieldset>
            <fieldset className="toggle">
              <legend>Effect</legend>
              <label className="checkbox">
                <input type="radio" name="effect" checked={prefer === 'relative'} onChange={() => set('effect', undefined)} />
                <span>Relative lift</span>
              </label>
              <label className="checkbox">
                <input type="radio" name="effect" checked={prefer === 'absolute'} onChange={() => set('effect', 'absolute')} />
                <span>Absolute difference</span>
              </label>
            </fieldset>
            <a className="button" href={csv} download>
              Download CSV
            </a>
          </div>
          <p className="visually-hidden" role="status" aria-live="polite">
            {updating ? 'Updating…' : ''}
          </p>
          {results.error ? (
            <ErrorNotice error={results.error} />
          ) : results.data === undefined ? (
            <div role="status" aria-label="Loading the results">
              <div className="skeleton" />
            </div>
          ) : (
            <div aria-busy={updating}>
              <ResultsReport experiment={detail} results={results.data} prefer={prefer} />
            </div>
          )}
        </>
      )}
    </article>
  );
}

/** When the experiment started, stopped and shipped. */
function Timeline({ experiment }: { experiment: Experiment }) {
  if (experiment.status === 'draft') return null;
  return (
    <>
      {experiment.status === 'shipped' && (
        <p className="notice shipped" role="status">
          Shipped <strong>{experiment.shippedVariant}</strong>: <code>{experiment.flag}</code> serves it to everyone in {experiment.environment}.
        </p>
      )}
      <dl className="timeline">
        <dt>Started</dt>
        <dd>{moment(experiment.startedAt)}</dd>
        <dt>Stopped</dt>
        <dd>{experiment.stoppedAt === null ? 'running' : moment(experiment.stoppedAt)}</dd>
      </dl>
    </>
  );
}

/** A draft: what it will measure, and whether its flag is ready to start it. */
function DraftSetup({ experiment }: { experiment: Experiment }) {
  const scope = useScope();
  const flag = useFlag(scope.project, experiment.flag);
  const metrics = useMetrics(scope.project);
  const name = (key: string) => metrics.data?.find((metric) => metric.key === key)?.name ?? key;
  const link = (key: string) => (
    <Link key={key} to={scopedPath(scope, `metrics/${encodeURIComponent(key)}`)}>
      {name(key)}
    </Link>
  );
  const list = (keys: readonly string[]) => (keys.length === 0 ? <span className="muted">none</span> : keys.map((key, i) => [i > 0 ? ', ' : '', link(key)]));
  return (
    <section className="card" aria-labelledby="draft-title">
      <h2 id="draft-title">Draft</h2>
      <dl className="summary">
        <dt>Primary metric</dt>
        <dd>{link(experiment.primaryMetric)}</dd>
        <dt>Secondary metrics</dt>
        <dd>{list(experiment.secondaryMetrics)}</dd>
        <dt>Guardrail metrics</dt>
        <dd>{list(experiment.guardrailMetrics)}</dd>
      </dl>
      <SplitHint flag={flag.data} environment={experiment.environment} control={experiment.control} treatments={experiment.treatments} created />
      <p className="muted">Results appear once the experiment starts; units count from their first exposure after the start.</p>
    </section>
  );
}
