import type { Queryable } from '../platform/db.js';
import { isoDate } from '../platform/schemas.js';

export interface Project {
  key: string;
  name: string;
  description: string;
  /** Days its events and first exposures are kept, by when they occurred; older ones are deleted. */
  eventRetentionDays: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Environment {
  key: string;
  name: string;
  description: string;
  /** Web origins that may call the environment's client endpoints: `*`, or origins such as `https://app.example.com`. */
  corsOrigins: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number;
  key: string;
  name: string;
  description: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface ProjectRow extends Row {
  event_retention_days: number;
}

const fromRow = (row: ProjectRow): Project => ({
  key: row.key,
  name: row.name,
  description: row.description,
  eventRetentionDays: Number(row.event_retention_days),
  version: Number(row.version),
  createdAt: isoDate(row.created_at),
  updatedAt: isoDate(row.updated_at),
});

interface EnvironmentRow extends Row {
  project_id: number;
  cors_origins: string[];
}

const environmentFromRow = (row: EnvironmentRow): EnvironmentRef => ({
  id: Number(row.id),
  projectId: Number(row.project_id),
  key: row.key,
  name: row.name,
  description: row.description,
  corsOrigins: row.cors_origins,
  version: Number(row.version),
  createdAt: isoDate(row.created_at),
  updatedAt: isoDate(row.updated_at),
});

/** A project with its database id, for the queries of other tables. */
export interface ProjectRef extends Project {
  id: number;
}

export interface EnvironmentRef extends Environment {
  id: number;
  projectId: number;
}

export async function listProjects(db: Queryable): Promise<Project[]> {
  const { rows } = await db.query<ProjectRow>('SELECT * FROM projects ORDER BY key');
  return rows.map(fromRow);
}

/** The project with `key`; `lock` holds it until the transaction ends. */
export async function findProject(db: Queryable, key: string, lock = false): Promise<ProjectRef | undefined> {
  const { rows } = await db.query<ProjectRow>(`SELECT * FROM projects WHERE key = $1${lock ? ' FOR UPDATE' : ''}`, [key]);
  const row = rows[0];
  return row === undefined ? undefined : { id: Number(row.id), ...fromRow(row) };
}

export async function insertProject(
  db: Queryable,
  input: { key: string; name: string; description: string; eventRetentionDays?: number | undefined },
): Promise<ProjectRef> {
  const { rows } = await db.query<ProjectRow>(
    'INSERT INTO projects (key, name, description, event_retention_days) VALUES ($1, $2, $3, coalesce($4, 90)) RETURNING *',
    [input.key, input.name, input.description, input.eventRetentionDays ?? null],
  );
  const row = rows[0]!;
  return { id: Number(row.id), ...fromRow(row) };
}

export async function updateProject(db: Queryable, id: number, input: { name: string; description: string; eventRetentionDays: number }): Promise<Project> {
  const { rows } = await db.query<ProjectRow>(
    'UPDATE projects SET name = $2, description = $3, event_retention_days = $4, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *',
    [id, input.name, input.description, input.eventRetentionDays],
  );
  return fromRow(rows[0]!);
}

/** How long one project keeps its events, and the environments they are in. */
export interface EventRetention {
  projectKey: string;
  days: number;
  environmentIds: number[];
}

/** Every project's event retention, for the job that enforces it. */
export async function listEventRetention(db: Queryable): Promise<EventRetention[]> {
  const { rows } = await db.query<{ key: string; event_retention_days: number; environment_ids: number[] }>(
    `SELECT p.key, p.event_retention_days, array_agg(e.id ORDER BY e.id) AS environment_ids
     FROM projects p JOIN environments e ON e.project_id = p.id
     GROUP BY p.id ORDER BY p.key`,
  );
  return rows.map((row) => ({ projectKey: row.key, days: Number(row.event_retention_days), environmentIds: row.environment_ids.map(Number) }));
}

export async function deleteProject(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM projects WHERE id = $1', [id]);
}

export async function countProjectContents(db: Queryable, projectId: number): Promise<{ flags: number; segments: number }> {
  const { rows } = await db.query<{ flags: number; segments: number }>(
    `SELECT (SELECT count(*)::int FROM flags WHERE project_id = $1) AS flags,
            (SELECT count(*)::int FROM segments WHERE project_id = $1) AS segments`,
    [projectId],
  );
  return { flags: Number(rows[0]!.flags), segments: Number(rows[0]!.segments) };
}

export async function listEnvironments(db: Queryable, projectId: number): Promise<EnvironmentRef[]> {
  const { rows } = await db.query<EnvironmentRow>('SELECT * FROM environments WHERE project_id = $1 ORDER BY id', [projectId]);
  return rows.map(environmentFromRow);
}

export async function findEnvironment(db: Queryable, projectId: number, key: string, lock = false): Promise<EnvironmentRef | undefined> {
  const { rows } = await db.query<EnvironmentRow>(`SELECT * FROM environments WHERE project_id = $1 AND key = $2${lock ? ' FOR UPDATE' : ''}`, [
    projectId,
    key,
  ]);
  return rows[0] === undefined ? undefined : environmentFromRow(rows[0]);
}

export async function findEnvironmentById(db: Queryable, id: number): Promise<(EnvironmentRef & { projectKey: string }) | undefined> {
  const { rows } = await db.query<EnvironmentRow & { project_key: string }>(
    'SELECT e.*, p.key AS project_key FROM environments e JOIN projects p ON p.id = e.project_id WHERE e.id = $1',
    [id],
  );
  const row = rows[0];
  return row === undefined ? undefined : { ...environmentFromRow(row), projectKey: row.project_key };
}

export async function insertEnvironment(
  db: Queryable,
  projectId: number,
  input: { key: string; name: string; description: string },
): Promise<EnvironmentRef> {
  const { rows } = await db.query<EnvironmentRow>('INSERT INTO environments (project_id, key, name, description) VALUES ($1, $2, $3, $4) RETURNING *', [
    projectId,
    input.key,
    input.name,
    input.description,
  ]);
  return environmentFromRow(rows[0]!);
}

/** Replaces an environment's editable settings and raises its version. */
export async function updateEnvironment(
  db: Queryable,
  id: number,
  input: { name: string; description: string; corsOrigins: readonly string[] },
): Promise<EnvironmentRef> {
  const { rows } = await db.query<EnvironmentRow>(
    `UPDATE environments SET name = $2, description = $3, cors_origins = $4::text[], version = version + 1, updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, input.name, input.description, input.corsOrigins],
  );
  return environmentFromRow(rows[0]!);
}

export async function deleteEnvironment(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM environments WHERE id = $1', [id]);
}

/**
 * Gives every flag of the project a configuration in a new environment:
 * copied from `source` when given, otherwise off and serving its off variant.
 */
export async function seedFlagConfigs(db: Queryable, projectId: number, environmentId: number, sourceEnvironmentId?: number): Promise<void> {
  if (sourceEnvironmentId !== undefined) {
    await db.query(
      `INSERT INTO flag_configs (flag_id, environment_id, enabled, off_variant, prerequisites, rules, fallthrough)
       SELECT c.flag_id, $2, c.enabled, c.off_variant, c.prerequisites, c.rules, c.fallthrough
         FROM flag_configs c JOIN flags f ON f.id = c.flag_id
        WHERE f.project_id = $1 AND c.environment_id = $3`,
      [projectId, environmentId, sourceEnvironmentId],
    );
    return;
  }
  await db.query(
    `INSERT INTO flag_configs (flag_id, environment_id, enabled, off_variant, fallthrough)
     SELECT id, $2, false, off_variant, jsonb_build_object('variant', on_variant) FROM flags WHERE project_id = $1`,
    [projectId, environmentId],
  );
}
