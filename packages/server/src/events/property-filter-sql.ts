import type { PropertyFilter } from '@dial/core';

/*
 * Conditions on tracked events' properties in SQL, with the meaning core's
 * `matchesFilter` gives them: journeys' steps and experiments' metrics
 * select events with these. Everything a user wrote (property names, filter
 * values) goes in as a parameter, never as text.
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

/**
 * Every filter, joined with AND; `true` for none.
 *
 * @example
 * const params = new SqlParams();
 * filtersSql('e.properties', [{ property: 'plan', operator: 'in', value: ['pro', 'team'] }], params);
 * // "coalesce((e.properties -> $1::text) = ANY($2::jsonb[]), false)", params.values: ['plan', ['"pro"', '"team"']]
 */
export function filtersSql(properties: string, filters: readonly PropertyFilter[], params: SqlParams): string {
  return filters.length === 0 ? 'true' : filters.map((filter) => filterSql(properties, filter, params)).join(' AND ');
}
