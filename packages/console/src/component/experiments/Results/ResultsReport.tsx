import type { Experiment, Results } from '../../../api/types';
import { formatCount } from '../../charts/format';
import { EmptyState } from '../../common/EmptyState/EmptyState';
import type { EffectKind } from '../format';
import { MetricResults } from './MetricResults';
import { SrmBanner } from './SrmBanner';

const moment = (iso: string) => new Date(iso).toLocaleString();

/**
 * An experiment's results: the sample-ratio warning first when the split is
 * broken, what was counted, then each metric (primary, secondary,
 * guardrails).
 */
export function ResultsReport({ experiment, results, prefer }: { experiment: Experiment; results: Results; prefer: EffectKind }) {
  if (results.units === 0) {
    return (
      <EmptyState title="No units yet" flag={experiment.flag}>
        <p>
          Units count from their first exposure to <code>{experiment.flag}</code> in {experiment.environment} after {moment(results.from)}, in one of the compared
          variants ({results.variants.join(', ')}). SDKs record an exposure each time they evaluate the flag for a user; the metrics then read the events they
          track.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <SrmBanner srm={results.srm} />
      <p className="muted results-scope">
        {formatCount(results.units)} units first exposed from {moment(results.from)} to {moment(results.to)}
        {experiment.status === 'running' ? ' (now)' : ''}:{' '}
        {results.srm.variants.map((variant) => `${variant.variant} ${formatCount(variant.units)}`).join(', ')}.{' '}
        {results.test === 'sequential'
          ? 'Sequential test: valid however often you look.'
          : 'Fixed-horizon test: valid for one look at a sample size fixed in advance.'}
      </p>
      {results.metrics.map((metric) => (
        <MetricResults key={metric.metric} metric={metric} results={results} prefer={prefer} />
      ))}
    </>
  );
}
