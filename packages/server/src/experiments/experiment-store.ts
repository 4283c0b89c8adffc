import type { Queryable } from '../platform/db.js';
import { isoDate } from '../platform/schemas.js';
import { containsPattern } from '../platform/sql-text.js';
import type { ExperimentStatus } from './experiment-schemas.js';

/** The parts of an experiment people edit, by key; the experiment's own key is fixed at creation. */
export interface ExperimentFields {
  name: string;
  hypothesis: string;
  flag: string;
  environment: string;
  control: string;
  treatments: string[];
  primaryMetric: string;
  secondaryMetrics: string[];
  guardrailMetrics: string[];
}

/** Where an experiment stands: its status and the times and split it started, stopped or shipped with. */
export interface ExperimentState {
  status: ExperimentStatus;
  weights: Record<string, number> | null;
  startedAt: string | null;
  stoppedAt: string | null;
  shippedVariant: string | null;
}

/** An experiment as the API shows it. */
export interface ExperimentView extends ExperimentFields, ExperimentState {
  key: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An experiment with its database ids. */
export interface ExperimentRecord extends ExperimentView {
  id: number;
  projectId: number;
  environmentId: number;
}

/** The metrics of an experiment as stored: by id, with their role, in order. */
export interface ExperimentMetricRef {
  id: number;
  role: 'primary' | 'secondary' | 'guardrail';
}

interface ExperimentRow {
  id: number;
  project_id: number;
  key: string;
  name: string;
  hypothesis: string;
  flag_key: string;
  environment_id: number;
  environment_key: string;
  control_variant: string;
  treatment_variants: string[];
  status: ExperimentStatus;
  start_weights: Record<string, number> | null;
  started_at: Date | null;
  stopped_at: Date | null;
  shipped_variant: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  metrics: { key: string; role: ExperimentMetricRef['role'] }[];
}

const SELECT = `
  SELECT x.id, x.project_id, x.key, x.name, x.hypothesis, x.flag_key, x.environment_id, e.key AS environment_key,
         x.control_variant, x.treatment_variants, x.status, x.start_weights, x.started_at, x.stopped_at, x.shipped_variant,
         x.version, x.created_at, x.updated_at,
         (SELECT coalesce(json_agg(json_build_object('key', m.key, 'role', em.role) ORDER BY em.position), '[]'::json)
            FROM experiment_metrics em JOIN metrics m ON m.id = em.metric_id
           WHERE em.experiment_id = x.id) AS metrics
    FROM experiments x JOIN environments e ON e.id = x.environment_id`;

const time = (value: Date | null) => (value === null ? null : isoDate(value));

function toExperiment(row: ExperimentRow): ExperimentRecord {
  const withRole = (role: ExperimentMetricRef['role']) => row.metrics.filter((metric) => metric.role === role).map((metric) => metric.key);
  return {
    id: Number(row.id),
    projectId: Number(row.project_id),
    environmentId: Number(row.environment_id),
    key: row.key,
    name: row.name,
    hypothesis: row.hypothesis,
    flag: row.flag_key,
    environment: row.environment_key,
    control: row.control_variant,
    treatments: row.treatment_variants,
    primaryMetric: withRole('primary')[0]!,
    secondaryMetrics: withRole('secondary'),
    guardrailMetrics: withRole('guardrail'),
    status: row.status,
    weights: row.start_weights,
    startedAt: time(row.started_at),
    stoppedAt: time(row.stopped_at),
    shippedVariant: row.shipped_variant,
    version: Number(row.version),
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
  };
}

/** An experiment as the API shows it, without its ids. */
export function shownExperiment({ id: _id, projectId: _project, environmentId: _environment, ...experiment }: ExperimentRecord): ExperimentView {
  return experiment;
}

export interface ExperimentFilter {
  q?: string;
  status?: ExperimentStatus;
  flag?: string;
  environment?: string;
  limit: number;
  after?: string;
}

/** One page of a project's experiments by key; `nextCursor` fetches the next. */
export async function listExperiments(db: Queryable, projectId: number, filter: ExperimentFilter): Promise<{ experiments: ExperimentView[]; nextCursor: string | null }> {
  const { rows } = await db.query<ExperimentRow>(
    `${SELECT}
      WHERE x.project_id = $1
        AND ($2::text IS NULL OR x.key ILIKE $2 OR x.name ILIKE $2 OR x.hypothesis ILIKE $2)
        AND ($3::text IS NULL OR x.status = $3)
        AND ($4::text IS NULL OR x.flag_key = $4)
        AND ($5::text IS NULL OR e.key = $5)
        AND ($6::text IS NULL OR x.key > $6)
      ORDER BY x.key
      LIMIT $7`,
    [
      projectId,
      filter.q === undefined ? null : containsPattern(filter.q),
      filter.status ?? null,
      filter.flag ?? null,
      filter.environment ?? null,
      filter.after ?? null,
      filter.limit + 1,
    ],
  );
  const page = rows.slice(0, filter.limit).map((row) => shownExperiment(toExperiment(row)));
  return { experiments: page, nextCursor: rows.length > filter.limit ? page.at(-1)!.key : null };
}

/** The experiment with `key` in a project. */
export async function findExperiment(db: Queryable, projectId: number, key: string): Promise<ExperimentRecord | undefined> {
  const { rows } = await db.query<ExperimentRow>(`${SELECT} WHERE x.project_id = $1 AND x.key = $2`, [projectId, key]);
  return rows[0] === undefined ? undefined : toExperiment(rows[0]);
}

async function storeMetrics(db: Queryable, experimentId: number, metrics: readonly ExperimentMetricRef[]): Promise<void> {
  await db.query('DELETE FROM experiment_metrics WHERE experiment_id = $1', [experimentId]);
  await db.query(
    `INSERT INTO experiment_metrics (experiment_id, metric_id, role, position)
     SELECT $1, metric_id, role, position FROM unnest($2::int[], $3::text[]) WITH ORDINALITY AS m(metric_id, role, position)`,
    [experimentId, metrics.map((metric) => metric.id), metrics.map((metric) => metric.role)],
  );
}

/** Stores a new draft experiment and its metrics; a duplicate key raises a unique violation. */
export async function insertExperiment(
  db: Queryable,
  projectId: number,
  key: string,
  fields: ExperimentFields & { environmentId: number; metrics: readonly ExperimentMetricRef[] },
): Promise<ExperimentRecord> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO experiments (project_id, key, name, hypothesis, flag_key, environment_id, control_variant, treatment_variants)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[])
     RETURNING id`,
    [projectId, key, fields.name, fields.hypothesis, fields.flag, fields.environmentId, fields.control, fields.treatments],
  );
  await storeMetrics(db, Number(rows[0]!.id), fields.metrics);
  return (await findExperiment(db, projectId, key))!;
}

/** Replaces an experiment's editable fields and metrics and raises its version. */
export async function updateExperiment(
  db: Queryable,
  experiment: ExperimentRecord,
  fields: ExperimentFields & { environmentId: number; metrics: readonly ExperimentMetricRef[] },
): Promise<ExperimentRecord> {
  await db.query(
    `UPDATE experiments SET name = $2, hypothesis = $3, flag_key = $4, environment_id = $5, control_variant = $6, treatment_variants = $7::text[],
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [experiment.id, fields.name, fields.hypothesis, fields.flag, fields.environmentId, fields.control, fields.treatments],
  );
  await storeMetrics(db, experiment.id, fields.metrics);
  return (await findExperiment(db, experiment.projectId, experiment.key))!;
}

/** Moves an experiment to a new state and raises its version. */
export async function updateExperimentState(db: Queryable, experiment: ExperimentRecord, state: ExperimentState): Promise<ExperimentRecord> {
  await db.query(
    `UPDATE experiments SET status = $2, start_weights = $3::jsonb, started_at = $4, stopped_at = $5, shipped_variant = $6,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [experiment.id, state.status, state.weights === null ? null : JSON.stringify(state.weights), state.startedAt, state.stoppedAt, state.shippedVariant],
  );
  return (await findExperiment(db, experiment.projectId, experiment.key))!;
}

export async function deleteExperiment(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM experiments WHERE id = $1', [id]);
}
