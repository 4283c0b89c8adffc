import type { Database } from './db.js';

/** A table counts as grown once its pages exceed those of its last ANALYZE by this share, plus a few pages: autovacuum's own default share. */
const GROWTH = 0.1;
const SLACK_PAGES = 8;

/**
 * Brings the planner's statistics of `tables` up to date: a table is
 * analyzed once it has grown by a tenth since it last was. The embedded
 * database has no autovacuum, and a real server's runs on its own schedule,
 * a minute or more behind a bulk load. Without statistics the planner takes
 * a table of events for a handful of rows and joins it by nested loops,
 * which turns an analysis or a build of a few thousand units from a tenth of
 * a second into minutes. Growth is read from the tables' sizes on disk, which costs next
 * to nothing; ANALYZE itself reads a fixed-size sample.
 *
 * @example
 * await refreshPlannerStatistics(db, ['events', 'first_exposures']);
 */
export async function refreshPlannerStatistics(db: Pick<Database, 'query'>, tables: readonly string[]): Promise<void> {
  const { rows } = await db.query<{ name: string; analyzed: number; pages: string }>(
    `SELECT t.name, c.relpages AS analyzed, pg_relation_size(c.oid) / current_setting('block_size')::bigint AS pages
       FROM unnest($1::text[]) AS t(name) JOIN pg_class c ON c.oid = to_regclass(t.name)`,
    [tables],
  );
  const grown = rows.filter((row) => Number(row.pages) > Number(row.analyzed) * (1 + GROWTH) + SLACK_PAGES);
  // The names are the caller's own table names, checked against pg_class above; quoted all the same.
  if (grown.length > 0) await db.query(`ANALYZE ${grown.map((row) => `"${row.name.replaceAll('"', '""')}"`).join(', ')}`);
}
