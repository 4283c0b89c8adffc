import type { MetricDefinition } from '@dial/core/experiments';
import type { Queryable } from '../platform/db.js';
import { isoDate } from '../platform/schemas.js';
import { containsPattern } from '../platform/sql-text.js';

/** What people say about a metric besides how it is computed. */
export interface MetricInfo {
  name: string;
  description: string;
  higherIsBetter: boolean;
}

/** A metric as the API shows it: its key, what it is, and how it is computed (the fields of its kind). */
export type MetricView = { key: string } & MetricInfo & MetricDefinition & { version: number; createdAt: string; updatedAt: string };

/** A metric with its database id. */
export type MetricRecord = MetricView & { id: number };

/** The parts of a metric people edit; the key is fixed at creation. */
export type MetricFields = MetricInfo & { definition: MetricDefinition };

interface MetricRow {
  id: number;
  key: string;
  name: string;
  description: string;
  higher_is_better: boolean;
  kind: MetricDefinition['kind'];
  definition: Omit<MetricDefinition, 'kind'>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, key, name, description, higher_is_better, kind, definition, version, created_at, updated_at';

function toMetric(row: MetricRow): MetricRecord {
  return {
    id: Number(row.id),
    key: row.key,
    name: row.name,
    description: row.description,
    higherIsBetter: row.higher_is_better,
    ...({ ...row.definition, kind: row.kind } as MetricDefinition),
    version: Number(row.version),
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
  };
}

/** A metric as the API shows it, without its id. */
export function shownMetric({ id: _id, ...metric }: MetricRecord): MetricView {
  return metric;
}

/** How a stored metric is computed: the fields of its kind. */
export function definitionOf(metric: MetricView): MetricDefinition {
  const { key: _key, name: _name, description: _description, higherIsBetter: _direction, version: _version, createdAt: _c, updatedAt: _u, ...definition } = metric;
  return definition as MetricDefinition;
}

function definitionColumns(definition: MetricDefinition): [string, string] {
  const { kind, ...fields } = definition;
  return [kind, JSON.stringify(fields)];
}

/** One page of a project's metrics by key; `nextCursor` fetches the next. */
export async function listMetrics(
  db: Queryable,
  projectId: number,
  filter: { q?: string; kind?: string; limit: number; after?: string },
): Promise<{ metrics: MetricView[]; nextCursor: string | null }> {
  const { rows } = await db.query<MetricRow>(
    `SELECT ${COLUMNS} FROM metrics
      WHERE project_id = $1
        AND ($2::text IS NULL OR key ILIKE $2 OR name ILIKE $2 OR description ILIKE $2 OR definition->>'event' ILIKE $2 OR definition->>'journey' ILIKE $2)
        AND ($3::text IS NULL OR kind = $3)
        AND ($4::text IS NULL OR key > $4)
      ORDER BY key
      LIMIT $5`,
    [projectId, filter.q === undefined ? null : containsPattern(filter.q), filter.kind ?? null, filter.after ?? null, filter.limit + 1],
  );
  const page = rows.slice(0, filter.limit).map((row) => shownMetric(toMetric(row)));
  return { metrics: page, nextCursor: rows.length > filter.limit ? page.at(-1)!.key : null };
}

/** The metric with `key` in a project. */
export async function findMetric(db: Queryable, projectId: number, key: string): Promise<MetricRecord | undefined> {
  const { rows } = await db.query<MetricRow>(`SELECT ${COLUMNS} FROM metrics WHERE project_id = $1 AND key = $2`, [projectId, key]);
  return rows[0] === undefined ? undefined : toMetric(rows[0]);
}

/** The metrics of a project with these keys, by key; keys that do not exist are absent. */
export async function findMetrics(db: Queryable, projectId: number, keys: readonly string[]): Promise<Map<string, MetricRecord>> {
  const { rows } = await db.query<MetricRow>(`SELECT ${COLUMNS} FROM metrics WHERE project_id = $1 AND key = ANY($2::text[])`, [projectId, keys]);
  return new Map(rows.map((row) => [row.key, toMetric(row)]));
}

/** The metrics with these ids, by id. */
export async function metricsById(db: Queryable, ids: readonly number[]): Promise<Map<number, MetricRecord>> {
  const { rows } = await db.query<MetricRow>(`SELECT ${COLUMNS} FROM metrics WHERE id = ANY($1::int[])`, [ids]);
  return new Map(rows.map((row) => [Number(row.id), toMetric(row)]));
}

/** Stores a new metric; a duplicate key raises a unique violation. */
export async function insertMetric(db: Queryable, projectId: number, key: string, fields: MetricFields): Promise<MetricRecord> {
  const [kind, definition] = definitionColumns(fields.definition);
  const { rows } = await db.query<MetricRow>(
    `INSERT INTO metrics (project_id, key, name, description, higher_is_better, kind, definition)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
     RETURNING ${COLUMNS}`,
    [projectId, key, fields.name, fields.description, fields.higherIsBetter, kind, definition],
  );
  return toMetric(rows[0]!);
}

/** Replaces a metric's fields and raises its version. */
export async function updateMetric(db: Queryable, id: number, fields: MetricFields): Promise<MetricRecord> {
  const [kind, definition] = definitionColumns(fields.definition);
  const { rows } = await db.query<MetricRow>(
    `UPDATE metrics SET name = $2, description = $3, higher_is_better = $4, kind = $5, definition = $6::jsonb,
            version = version + 1, updated_at = now()
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [id, fields.name, fields.description, fields.higherIsBetter, kind, definition],
  );
  return toMetric(rows[0]!);
}

/** Deletes a metric; callers first make sure no experiment reads it. */
export async function deleteMetric(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM metrics WHERE id = $1', [id]);
}

/** The keys of a project's metrics that read a journey, sorted. */
export async function metricsReadingJourney(db: Queryable, projectId: number, journey: string): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>(
    `SELECT key FROM metrics WHERE project_id = $1 AND kind IN ('journeyConversion', 'journeyDuration') AND definition->>'journey' = $2 ORDER BY key`,
    [projectId, journey],
  );
  return rows.map((row) => row.key);
}

/** The keys of the experiments that read a metric, sorted. */
export async function metricUses(db: Queryable, metricId: number): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>(
    `SELECT e.key FROM experiment_metrics m JOIN experiments e ON e.id = m.experiment_id WHERE m.metric_id = $1 ORDER BY e.key`,
    [metricId],
  );
  return rows.map((row) => row.key);
}
