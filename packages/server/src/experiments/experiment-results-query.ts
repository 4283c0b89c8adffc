import type { ProjectRef } from '../flags/projects.js';
import type { Queryable } from '../platform/db.js';
import type { ExperimentRecord } from './experiment-store.js';
import { resolveMetrics } from './metric-journeys.js';
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

/** What a started experiment's results count, but the end: units first exposed from its start, on its metrics. */
export type CountedQuery = Omit<ResultsQuery, 'end'>;

/**
 * What a started experiment's results count, but the end, with its journey
 * metrics' journeys as they are now.
 *
 * @example
 * const counted = await countedQueryOf(db, project, experiment, await experimentMetrics(db, experiment));
 * await queryMetricStatistics(db, { ...counted, end: new Date() });
 */
export async function countedQueryOf(db: Queryable, project: ProjectRef, experiment: ExperimentRecord, metrics: readonly { metric: MetricView }[]): Promise<CountedQuery> {
  return {
    environmentId: experiment.environmentId,
    flag: experiment.flag,
    variants: [experiment.control, ...experiment.treatments],
    start: new Date(experiment.startedAt!),
    metrics: await resolveMetrics(
      db,
      project,
      metrics.map(({ metric }) => definitionOf(metric)),
    ),
  };
}

/**
 * What an experiment's kept unit values follow: its results' query, open at
 * the end while it runs (every event is read, and results end where they
 * ask) and ending at the stop once stopped. Null for a draft, which has no
 * results, and a shipped experiment, whose results are final and read
 * rarely: neither has values kept.
 */
export function unitValuesQueryOf(experiment: ExperimentRecord, counted: CountedQuery): UnitValuesQuery | null {
  if (experiment.status === 'running') return { ...counted, end: null };
  if (experiment.status === 'stopped') return { ...counted, end: new Date(experiment.stoppedAt!) };
  return null;
}
