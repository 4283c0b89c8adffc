import type { JourneyDefinition } from '@dial/core';
import { MAX_JOURNEY_STEPS } from '@dial/core/validation';
import { type SqlParams, filtersSql, microsBetween } from './analysis-sql.js';

/** Which units' paths a statement computes: every unit's, or those of a text[] parameter (its placeholder). */
export type PathUnits = { all: true } | { keys: string };

/**
 * A SELECT of journey paths: for each tracked step-0 event of a unit (its
 * filters holding), the unit, the event's id and time, the time of the
 * unit's step-0 event before it, and the microseconds from it to each step
 * reached. Columns: unit_key, entry_event_id, entered_at,
 * previous_entered_at, reached, d1…d9 (microseconds from entry to each
 * later step reached) and exposures (each flag's variant the unit was first
 * exposed to at or before entry).
 *
 * The path from an entry follows the funnel's rule, which does not depend on
 * the range asked about: each later step is the unit's earliest matching
 * event at or after the previous step's, at most the conversion window after
 * entry, that no earlier step took; among events at one instant the
 * smallest id ("C" order) comes first. So a range's funnel is the paths of
 * the entries in it whose previous step-0 event is before it.
 */
export function journeyPathsSql(journey: JourneyDefinition, environmentId: number, units: PathUnits, params: SqlParams): string {
  const steps = journey.steps;
  const environment = params.add(environmentId);
  const window = `${params.add(`${journey.conversionWindowSeconds} seconds`)}::interval`;
  const ofUnits = (alias: string) => ('all' in units ? '' : ` AND ${alias}.unit_key = ANY(${units.keys}::text[])`);
  // Whose matched event a later step must not take again; an entry is told apart by its id in any case.
  const needsId = steps.map((step, i) => i === 0 || steps.slice(i + 1).some((later) => later.event === step.event));
  const carriedIds = (upTo: number) => steps.slice(0, upTo).flatMap((_step, j) => (needsId[j] ? [`id${j}`] : []));

  const first = steps[0]!;
  const ctes = [
    `s0 AS (
      SELECT e.unit_key, e.event_id AS id0, e.occurred_at AS t0, e.occurred_at AS t,
             lag(e.occurred_at) OVER (PARTITION BY e.unit_key ORDER BY e.occurred_at, e.event_id COLLATE "C") AS previous
        FROM events e
       WHERE e.environment_id = ${environment} AND e.type = 'track' AND e.name = ${params.add(first.event)}::text${ofUnits('e')}
         AND ${filtersSql('e.properties', first.filters, params)})`,
  ];
  steps.forEach((step, i) => {
    if (i === 0) return;
    const kept = ['unit_key', 't0', ...carriedIds(i)].map((column) => `p.${column}`);
    const notTaken = steps
      .slice(0, i)
      .flatMap((earlier, j) => (earlier.event === step.event ? [` AND e.event_id <> p.id${j}`] : []))
      .join('');
    const join = `FROM s${i - 1} p JOIN events e ON e.unit_key = p.unit_key
       WHERE e.environment_id = ${environment} AND e.type = 'track' AND e.name = ${params.add(step.event)}::text
         AND e.occurred_at >= p.t AND e.occurred_at <= p.t0 + ${window}${notTaken}
         AND ${filtersSql('e.properties', step.filters, params)}`;
    ctes.push(
      needsId[i]
        ? `s${i} AS (
            SELECT DISTINCT ON (p.unit_key, p.id0) ${kept.join(', ')}, e.occurred_at AS t, e.event_id AS id${i}
            ${join}
            ORDER BY p.unit_key, p.id0, e.occurred_at, e.event_id COLLATE "C")`
        : `s${i} AS (SELECT ${kept.join(', ')}, min(e.occurred_at) AS t ${join} GROUP BY ${kept.join(', ')})`,
    );
  });
  const joins = steps
    .slice(1)
    .map((_step, index) => `LEFT JOIN s${index + 1} ON s${index + 1}.unit_key = s0.unit_key AND s${index + 1}.id0 = s0.id0`)
    .join('\n      ');
  // A step reached implies every earlier one was, so the first step not reached ends the count.
  const reached = `${steps.length} - ${steps
    .slice(1)
    .map((_step, index) => `(s${index + 1}.t IS NULL)::integer`)
    .join(' - ')}`;
  const durations = Array.from({ length: MAX_JOURNEY_STEPS - 1 }, (_unused, index) =>
    index + 1 < steps.length ? microsBetween('s0.t0', `s${index + 1}.t`) : 'NULL::float8',
  );
  return `WITH ${ctes.join(',\n')}
    SELECT s0.unit_key, s0.id0 AS entry_event_id, s0.t0 AS entered_at, s0.previous AS previous_entered_at,
           (${reached})::smallint AS reached, ${durations.join(', ')},
           (SELECT jsonb_object_agg(f.flag_key, f.variant) FROM first_exposures f
             WHERE f.environment_id = ${environment} AND f.unit_key = s0.unit_key AND f.first_exposed_at <= s0.t0) AS exposures
      FROM s0
      ${joins}`;
}

/** The columns `journeyPathsSql` selects, in order, as `journey_paths` names them. */
export const PATH_COLUMNS = [
  'unit_key',
  'entry_event_id',
  'entered_at',
  'previous_entered_at',
  'reached',
  ...Array.from({ length: MAX_JOURNEY_STEPS - 1 }, (_unused, index) => `d${index + 1}`),
  'exposures',
].join(', ');
