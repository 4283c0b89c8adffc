import type { MetricDefinition, ResolvedMetric } from '@dial/core/experiments';
import type { ProjectRef } from '../flags/projects.js';
import { findJourneys } from '../journeys/journey-store.js';
import type { Queryable } from '../platform/db.js';
import { conflict, validationFailed } from '../platform/errors.js';

/*
 * Journey metrics name a journey of their project by key: it must exist
 * when the metric is saved, cannot be deleted while a metric reads it, and
 * is read as it is now when results are computed.
 */

/**
 * Refuses a metric naming a journey its project does not have, with an
 * issue at `journey`; any other metric passes.
 *
 * @example
 * await checkMetricJourney(tx, project, { kind: 'journeyConversion', journey: 'checkout', windowDays: 7 });
 */
export async function checkMetricJourney(db: Queryable, project: ProjectRef, definition: MetricDefinition): Promise<void> {
  if (!('journey' in definition)) return;
  const found = await findJourneys(db, project.id, [definition.journey]);
  if (!found.has(definition.journey)) {
    throw validationFailed([{ path: 'journey', code: 'unknown_journey', message: `there is no journey "${definition.journey}" in project "${project.key}"` }]);
  }
}

/**
 * Metrics ready to compute, in the same order: each journey metric with its
 * journey's steps and conversion window as they are now.
 */
export async function resolveMetrics(db: Queryable, project: ProjectRef, definitions: readonly MetricDefinition[]): Promise<ResolvedMetric[]> {
  const keys = [...new Set(definitions.flatMap((definition) => ('journey' in definition ? [definition.journey] : [])))];
  const journeys = keys.length === 0 ? new Map() : await findJourneys(db, project.id, keys);
  return definitions.map((definition) => {
    if (!('journey' in definition)) return definition;
    const journey = journeys.get(definition.journey);
    // Deleting a journey that a metric reads is refused, so this takes a journey deleted by hand in the database.
    if (journey === undefined) throw conflict(`A metric reads journey "${definition.journey}", which no longer exists in project "${project.key}"`, { journey: definition.journey });
    return { kind: definition.kind, windowDays: definition.windowDays, journey: { key: journey.key, steps: journey.steps, conversionWindowSeconds: journey.conversionWindowSeconds } };
  });
}
