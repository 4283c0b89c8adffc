import type { Breakdown } from '@dial/core';
import type { SqlParams } from '../events/property-filter-sql.js';
import type { Database } from '../platform/db.js';
import { refreshPlannerStatistics } from '../platform/planner-statistics.js';

// The events' filter conditions are shared with experiments' metrics; the analyses' statements take them from here too.
export { SqlParams, filterSql, filtersSql } from '../events/property-filter-sql.js';

/*
 * Pieces of the analyses' SQL. Everything a user wrote (event names,
 * property names, filter values) goes in as a parameter, never as text.
 */

/**
 * A timestamptz literal of epoch microseconds, exact to the microsecond.
 *
 * @example timestampOfMicros(1_767_225_600_000_001); // '2026-01-01T00:00:00.000001Z'
 */
export function timestampOfMicros(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const rest = micros - millis * 1000;
  return new Date(millis).toISOString().replace('Z', `${String(rest).padStart(3, '0')}Z`);
}

/** The number of microseconds from `from` to `to`, two timestamptz expressions, exactly, as a double. */
export function microsBetween(from: string, to: string): string {
  return `((extract(epoch FROM ${to}) - extract(epoch FROM ${from})) * 1000000)::float8`;
}

/** The UTC day of a timestamptz expression, as a date: cheaper to group by than its text. */
export function utcDay(timestamp: string): string {
  return `(${timestamp} AT TIME ZONE 'UTC')::date`;
}

/** A date as YYYY-MM-DD. */
export function dayText(date: string): string {
  return `to_char(${date}, 'YYYY-MM-DD')`;
}

/**
 * The text an event's attribute or property groups by, as core's
 * `breakdownText`: strings, numbers and booleans as `->>` prints them; null
 * for anything else or nothing.
 */
export function eventValueSql(event: string, breakdown: Breakdown, params: SqlParams): string {
  const source = `${event}.${breakdown.kind === 'attribute' ? 'attributes' : 'properties'}`;
  const name = `${params.add(breakdown.key)}::text`;
  return `CASE WHEN jsonb_typeof(${source} -> ${name}) IN ('string', 'number', 'boolean') THEN ${source} ->> ${name} END`;
}

/** The tables analyses read, whose planner statistics the embedded database needs brought up to date. */
export const ANALYZED_TABLES = ['events', 'first_exposures', 'journey_paths'];

/**
 * Runs an analysis in a transaction of its own, with room to hash and sort
 * a million units in memory and without JIT compilation, whose start-up
 * costs more than it saves on queries of this size.
 */
export async function analysisQuery<R>(db: Pick<Database, 'transaction' | 'query'>, sql: string, params: unknown[]): Promise<R[]> {
  await refreshPlannerStatistics(db, ANALYZED_TABLES);
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '256MB'`);
    await tx.query('SET LOCAL jit = off');
    return (await tx.query<R>(sql, params)).rows;
  });
}
