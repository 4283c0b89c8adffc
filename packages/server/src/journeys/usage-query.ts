import { type Breakdown, type EventUsage, NONE, OTHER, type TimeRange, type UsageTally } from '@dial/core';
import type { Database } from '../platform/db.js';
import { SqlParams, analysisQuery, dayText, eventValueSql, timestampOfMicros, utcDay } from './analysis-sql.js';

export interface UsageQuery {
  environmentId: number;
  range: TimeRange;
  /** Tracked event names, at most 10. */
  eventNames: readonly string[];
  breakdown: Breakdown | null;
  breakdownLimit: number;
}

/**
 * Daily usage's tallies, computed in PostgreSQL: distinct units and events
 * per event name, for the whole range and each UTC day, overall and per
 * group. One range scan of the (environment, name, time) index per name.
 */
export async function usageTallies(db: Database, query: UsageQuery): Promise<UsageTally[]> {
  const params = new SqlParams();
  const environment = params.add(query.environmentId);
  const { breakdown } = query;
  let value = 'NULL::text';
  let exposures = '';
  if (breakdown?.kind === 'flag') {
    value = `coalesce(f.variant, '${NONE}') COLLATE "C"`;
    exposures = `LEFT JOIN first_exposures f ON f.environment_id = ${environment} AND f.flag_key = ${params.add(breakdown.key)}::text
                  AND f.unit_key = e.unit_key AND f.first_exposed_at <= e.occurred_at`;
  } else if (breakdown !== null) {
    value = eventValueSql('e', breakdown, params);
  }
  const ctes = [
    `ev AS (
      SELECT e.name COLLATE "C" AS name, e.unit_key, ${utcDay('e.occurred_at')} AS day, ${value} AS raw
        FROM events e ${exposures}
       WHERE e.environment_id = ${environment} AND e.type = 'track' AND e.name = ANY(${params.add(query.eventNames)}::text[])
         AND e.occurred_at >= ${params.add(timestampOfMicros(query.range.fromMicros))}::timestamptz
         AND e.occurred_at < ${params.add(timestampOfMicros(query.range.toMicros))}::timestamptz)`,
  ];
  if (breakdown !== null && breakdown.kind !== 'flag') {
    ctes.push(`ranked AS (
      SELECT name, raw, row_number() OVER (PARTITION BY name ORDER BY count(DISTINCT unit_key COLLATE "C") DESC, raw COLLATE "C") AS rank
        FROM ev WHERE raw IS NOT NULL GROUP BY name, raw)`);
    ctes.push(`labeled AS (
      SELECT ev.name, ev.unit_key, ev.day,
             CASE WHEN ev.raw IS NULL THEN '${NONE}' WHEN r.rank <= ${params.add(query.breakdownLimit)}::integer THEN ev.raw ELSE '${OTHER}' END COLLATE "C" AS grp
        FROM ev LEFT JOIN ranked r ON r.name = ev.name AND r.raw = ev.raw)`);
  } else {
    ctes.push('labeled AS (SELECT name, unit_key, day, raw AS grp FROM ev)');
  }
  const sets = breakdown === null ? '(name), (name, day)' : '(name), (name, day), (name, grp), (name, grp, day)';
  const sql = `WITH ${ctes.join(',\n')}
    SELECT name, ${breakdown === null ? 'NULL::text AS grp, 1' : 'grp, GROUPING(grp)'} AS all_groups, ${dayText('day')} AS date, GROUPING(day) AS all_days,
           count(DISTINCT unit_key COLLATE "C")::integer AS units, count(*)::integer AS events
      FROM labeled GROUP BY GROUPING SETS (${sets})`;
  const rows = await analysisQuery<{ name: string; grp: string | null; date: string | null; all_groups: number; all_days: number; units: number; events: number }>(
    db,
    sql,
    params.values,
  );
  return rows.map((row) => ({
    event: row.name,
    value: Number(row.all_groups) === 1 ? null : row.grp,
    date: Number(row.all_days) === 1 ? null : row.date,
    units: Number(row.units),
    events: Number(row.events),
  }));
}

/** Tracked event names in the range by distinct units, most first, then by name; the first `limit`. */
export async function topEvents(db: Database, query: { environmentId: number; range: TimeRange; limit: number }): Promise<EventUsage[]> {
  const params = new SqlParams();
  const sql = `SELECT name, count(DISTINCT unit_key COLLATE "C")::integer AS units, count(*)::integer AS events
                 FROM events
                WHERE environment_id = ${params.add(query.environmentId)} AND type = 'track'
                  AND occurred_at >= ${params.add(timestampOfMicros(query.range.fromMicros))}::timestamptz
                  AND occurred_at < ${params.add(timestampOfMicros(query.range.toMicros))}::timestamptz
                GROUP BY name
                ORDER BY units DESC, name COLLATE "C"
                LIMIT ${params.add(query.limit)}::integer`;
  const rows = await analysisQuery<EventUsage>(db, sql, params.values);
  return rows.map((row) => ({ name: row.name, units: Number(row.units), events: Number(row.events) }));
}
