import type { Breakdown, PropertyFilter } from '@dial/core';
import type { Database } from '../platform/db.js';

/*
 * Pieces of the analyses' SQL. Everything a user wrote (event names,
 * property names, filter values) goes in as a parameter, never as text.
 */

/** The parameters of one statement, numbered as they are added. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** The placeholder of a new parameter: `$3`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

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
 * A condition that an event's properties (a jsonb expression) satisfy a
 * filter, as core's `matchesFilter`: type-exact, JSON null as absent, numbers
 * compared as numbers. It is never null.
 */
export function filterSql(properties: string, filter: PropertyFilter, params: SqlParams): string {
  const name = `${params.add(filter.property)}::text`;
  const value = `(${properties} -> ${name})`;
  const present = `jsonb_typeof(${value}) <> 'null'`;
  const condition = (() => {
    switch (filter.operator) {
      case 'exists':
        return present;
      case 'eq':
        return `${value} = ${params.add(JSON.stringify(filter.value))}::jsonb`;
      case 'neq':
        return `${present} AND ${value} <> ${params.add(JSON.stringify(filter.value))}::jsonb`;
      case 'in':
        return `${value} = ANY(${params.add(jsonList(filter.value))}::jsonb[])`;
      case 'notIn':
        return `${present} AND NOT ${value} = ANY(${params.add(jsonList(filter.value))}::jsonb[])`;
      case 'contains':
        return `jsonb_typeof(${value}) = 'string' AND strpos(${properties} ->> ${name}, ${params.add(filter.value)}::text) > 0`;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const operator = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[filter.operator];
        // CASE, not AND: only a number may be cast to numeric, and AND does not promise an order.
        return `CASE WHEN jsonb_typeof(${value}) = 'number' THEN ${value}::numeric ${operator} ${params.add(JSON.stringify(filter.value))}::numeric ELSE false END`;
      }
    }
  })();
  return `coalesce(${condition}, false)`;
}

function jsonList(value: PropertyFilter['value']): string[] {
  return (Array.isArray(value) ? value : []).map((item) => JSON.stringify(item));
}

/** Every filter of a step, joined with AND; `true` for none. */
export function filtersSql(properties: string, filters: readonly PropertyFilter[], params: SqlParams): string {
  return filters.length === 0 ? 'true' : filters.map((filter) => filterSql(properties, filter, params)).join(' AND ');
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

/**
 * Runs an analysis in a transaction of its own, with room to hash and sort
 * a million units in memory and without JIT compilation, whose start-up
 * costs more than it saves on queries of this size.
 */
export async function analysisQuery<R>(db: Pick<Database, 'transaction'>, sql: string, params: unknown[]): Promise<R[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '256MB'`);
    await tx.query('SET LOCAL jit = off');
    return (await tx.query<R>(sql, params)).rows;
  });
}
