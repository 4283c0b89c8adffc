import type pg from 'pg';

/**
 * What a bulk load is faster without: a table's indexes (plain, unique,
 * primary key) and its foreign keys, whose checks cost a trigger call per
 * row. Each with the statements that drop it and make it again.
 */
export interface LoadConstraint {
  readonly table: string;
  readonly name: string;
  readonly kind: 'index' | 'unique' | 'primary key' | 'foreign key';
  /** `ALTER TABLE … ADD CONSTRAINT …` or `CREATE INDEX …`. */
  readonly create: string;
  /** `ALTER TABLE … DROP CONSTRAINT …` or `DROP INDEX …`. */
  readonly drop: string;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const KINDS = { p: 'primary key', u: 'unique', f: 'foreign key' } as const;

/**
 * The indexes and foreign keys of `tables` in the current schema: indexes
 * first, so that making them again in this order gives each foreign key the
 * indexes it may use.
 */
export async function loadConstraints(client: pg.Client, tables: readonly string[]): Promise<LoadConstraint[]> {
  const { rows } = await client.query<{ table: string; name: string; kind: 'i' | 'p' | 'u' | 'f'; definition: string }>(
    `SELECT t.relname AS table, i.relname AS name, coalesce(c.contype::text, 'i') AS kind,
            coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.oid)) AS definition, 0 AS position
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u')
      WHERE t.relname = ANY($1::text[]) AND t.relnamespace = current_schema()::regnamespace
     UNION ALL
     SELECT t.relname, c.conname, 'f', pg_get_constraintdef(c.oid), 1
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relname = ANY($1::text[]) AND t.relnamespace = current_schema()::regnamespace
      ORDER BY position, 1, 2`,
    [tables],
  );
  return rows.map((row) =>
    row.kind === 'i'
      ? { table: row.table, name: row.name, kind: 'index', create: row.definition, drop: `DROP INDEX ${quoted(row.name)}` }
      : {
          table: row.table,
          name: row.name,
          kind: KINDS[row.kind],
          create: `ALTER TABLE ${quoted(row.table)} ADD CONSTRAINT ${quoted(row.name)} ${row.definition}`,
          drop: `ALTER TABLE ${quoted(row.table)} DROP CONSTRAINT ${quoted(row.name)}`,
        },
  );
}

/** Drops them, foreign keys first, so that a bulk load writes the tables alone. */
export async function dropForLoad(client: pg.Client, constraints: readonly LoadConstraint[]): Promise<void> {
  for (const constraint of [...constraints].reverse()) await client.query(constraint.drop);
}

/**
 * Makes them again, one at a time with room to sort in memory, reporting
 * how long each took: a foreign key is checked once over the whole table.
 */
export async function restoreAfterLoad(
  client: pg.Client,
  constraints: readonly LoadConstraint[],
  onMade: (constraint: LoadConstraint, elapsedMs: number) => void,
  now: () => number,
): Promise<void> {
  await client.query(`SET maintenance_work_mem = '1GB'`);
  for (const constraint of constraints) {
    const started = now();
    await client.query(constraint.create);
    onMade(constraint, now() - started);
  }
  await client.query('RESET maintenance_work_mem');
}
