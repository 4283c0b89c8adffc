import type { JourneyStep } from '@dial/core';
import type { Queryable } from '../platform/db.js';
import { isoDate } from '../platform/schemas.js';

/** A journey as the API shows it. */
export interface JourneyView {
  key: string;
  name: string;
  description: string;
  steps: JourneyStep[];
  conversionWindowSeconds: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A journey with its database id. */
export interface JourneyRecord extends JourneyView {
  id: number;
}

/** The parts of a journey people edit; the key is fixed at creation. */
export type JourneyFields = Pick<JourneyView, 'name' | 'description' | 'steps' | 'conversionWindowSeconds'>;

interface JourneyRow {
  id: number;
  key: string;
  name: string;
  description: string;
  steps: JourneyStep[];
  conversion_window_seconds: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, key, name, description, steps, conversion_window_seconds, version, created_at, updated_at';

function toJourney(row: JourneyRow): JourneyRecord {
  return {
    id: Number(row.id),
    key: row.key,
    name: row.name,
    description: row.description,
    steps: row.steps,
    conversionWindowSeconds: Number(row.conversion_window_seconds),
    version: Number(row.version),
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
  };
}

/** A journey as the API shows it, without its id. */
export function shownJourney({ id: _id, ...journey }: JourneyRecord): JourneyView {
  return journey;
}

/** A project's journeys by key. */
export async function listJourneys(db: Queryable, projectId: number): Promise<JourneyView[]> {
  const { rows } = await db.query<JourneyRow>(`SELECT ${COLUMNS} FROM journeys WHERE project_id = $1 ORDER BY key`, [projectId]);
  return rows.map((row) => shownJourney(toJourney(row)));
}

/** The journey with `key` in a project. */
export async function findJourney(db: Queryable, projectId: number, key: string): Promise<JourneyRecord | undefined> {
  const { rows } = await db.query<JourneyRow>(`SELECT ${COLUMNS} FROM journeys WHERE project_id = $1 AND key = $2`, [projectId, key]);
  return rows[0] === undefined ? undefined : toJourney(rows[0]);
}

/** The journeys of a project with these keys, by key; keys that do not exist are absent. */
export async function findJourneys(db: Queryable, projectId: number, keys: readonly string[]): Promise<Map<string, JourneyRecord>> {
  const { rows } = await db.query<JourneyRow>(`SELECT ${COLUMNS} FROM journeys WHERE project_id = $1 AND key = ANY($2::text[])`, [projectId, keys]);
  return new Map(rows.map((row) => [row.key, toJourney(row)]));
}

/** Stores a new journey; a duplicate key raises a unique violation. */
export async function insertJourney(db: Queryable, projectId: number, input: JourneyFields & { key: string }): Promise<JourneyRecord> {
  const { rows } = await db.query<JourneyRow>(
    `INSERT INTO journeys (project_id, key, name, description, steps, conversion_window_seconds)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)
     RETURNING ${COLUMNS}`,
    [projectId, input.key, input.name, input.description, JSON.stringify(input.steps), input.conversionWindowSeconds],
  );
  return toJourney(rows[0]!);
}

/** Replaces a journey's fields and raises its version. */
export async function updateJourney(db: Queryable, id: number, fields: JourneyFields): Promise<JourneyRecord> {
  const { rows } = await db.query<JourneyRow>(
    `UPDATE journeys SET name = $2, description = $3, steps = $4::jsonb, conversion_window_seconds = $5,
            version = version + 1, updated_at = now()
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [id, fields.name, fields.description, JSON.stringify(fields.steps), fields.conversionWindowSeconds],
  );
  return toJourney(rows[0]!);
}

export async function deleteJourney(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM journeys WHERE id = $1', [id]);
}
