import type { Queryable } from '../platform/db.js';
import type { ExperimentRecord } from './experiment-store.js';
import { type MetricView, definitionOf, findMetrics, shownMetric } from './metric-store.js';
import type { ResultsQuery, UnitValuesQuery } from './results-query.js';
import type { MetricRole } from './results.js';

/*
 * What an experiment's results count, from the experiment: its metrics in
 * order, the compared variants and the window. The results and the kept
 * unit values ask it alike, so that both count the same.
 */

/** An experiment's metrics in the order results show them: primary, then secondary, then guardrail. */
export async function experimentMetrics(db: Queryable, experiment: ExperimentRecord): Promise<{ role: MetricRole; metric: MetricView }[]> {
  const roles: { role: MetricRole; key: string }[] = [
    { role: 'primary', key: experiment.primaryMetric },
    ...experiment.secondaryMetrics.map((key) => ({ role: 'secondary' as const, key })),
    ...experiment.guardrailMetrics.map((key) => ({ role: 'guardrail' as const, key })),
  ];
  const found = await findMetrics(
    db,
    experiment.projectId,
    roles.map(({ key }) => key),
  );
  return roles.map(({ role, key }) => ({ role, metric: shownMetric(found.get(key)!) }));
}

/**
 * The results' query of a started experiment: units first exposed from its
 * start until `end` (its stop, or now while it runs), on its metrics.
 *
 * @example
 * resultsQueryOf(experiment, metrics, new Date(experiment.stoppedAt ?? Date.now()));
 */
export function resultsQueryOf(experiment: ExperimentRecord, metrics: readonly { metric: MetricView }[], end: Date): ResultsQuery {
  return { ...countedOf(experiment, metrics), end };
}

function countedOf(experiment: ExperimentRecord, metrics: readonly { metric: MetricView }[]): Omit<ResultsQuery, 'end'> {
  return {
    environmentId: experiment.environmentId,
    flag: experiment.flag,
    variants: [experiment.control, ...experiment.treatments],
    start: new Date(experiment.startedAt!),
    metrics: metrics.map(({ metric }) => definitionOf(metric)),
  };
}

/**
 * What an experiment's kept unit values follow: its results' query, open at
 * the end while it runs (every event is read, and results end where they
 * ask) and ending at the stop once stopped. Null for a draft, which has no
 * results, and a shipped experiment, whose results are final and read
 * rarely: neither has values kept.
 */
export function unitValuesQueryOf(experiment: ExperimentRecord, metrics: readonly { metric: MetricView }[]): UnitValuesQuery | null {
  if (experiment.status === 'running') return { ...countedOf(experiment, metrics), end: null };
  if (experiment.status === 'stopped') return resultsQueryOf(experiment, metrics, new Date(experiment.stoppedAt!));
  return null;
}
