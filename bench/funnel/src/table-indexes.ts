import type pg from 'pg';

/** An index as it was, to make again: a constraint's (unique, primary key) or a plain one. */
export interface IndexDefinition {
  readonly table: string;
  readonly name: string;
  /** `ALTER TABLE … ADD CONSTRAINT …` or `CREATE INDEX …`. */
  readonly create: string;
  /** `ALTER TABLE … DROP CONSTRAINT …` or `DROP INDEX …`. */
  readonly drop: string;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The indexes of `tables` in the current schema, with the statements that drop and remake them. */
export async function indexDefinitions(client: pg.Client, tables: readonly string[]): Promise<IndexDefinition[]> {
  const { rows } = await client.query<{ table: string; name: string; indexdef: string; constraint: string | null; condef: string | null }>(
    `SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS indexdef, c.conname AS constraint, pg_get_constraintdef(c.oid) AS condef
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.contype IN ('p', 'u')
      WHERE t.relname = ANY($1::text[]) AND t.relnamespace = current_schema()::regnamespace
      ORDER BY t.relname, i.relname`,
    [tables],
  );
  return rows.map((row) =>
    row.constraint === null || row.condef === null
      ? { table: row.table, name: row.name, create: row.indexdef, drop: `DROP INDEX ${quoted(row.name)}` }
      : {
          table: row.table,
          name: row.name,
          create: `ALTER TABLE ${quoted(row.table)} ADD CONSTRAINT ${quoted(row.constraint)} ${row.condef}`,
          drop: `ALTER TABLE ${quoted(row.table)} DROP CONSTRAINT ${quoted(row.constraint)}`,
        },
  );
}

/** Drops the indexes, so that a bulk load writes the tables alone. */
export async function dropIndexes(client: pg.Client, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const index of indexes) await client.query(index.drop);
}

/**
 * Builds the indexes again, one at a time with room to sort in memory,
 * reporting how long each took.
 */
export async function rebuildIndexes(
  client: pg.Client,
  indexes: readonly IndexDefinition[],
  onBuilt: (index: IndexDefinition, elapsedMs: number) => void,
  now: () => number,
): Promise<void> {
  await client.query(`SET maintenance_work_mem = '1GB'`);
  for (const index of indexes) {
    const started = now();
    await client.query(index.create);
    onBuilt(index, now() - started);
  }
  await client.query('RESET maintenance_work_mem');
}
