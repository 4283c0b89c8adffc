import type { Queryable } from '../platform/db.js';
import { isoDate } from '../platform/schemas.js';
import { containsPattern } from '../platform/sql-text.js';
import type { SegmentView, ValidCondition } from './flag-documents.js';

/** A segment with its database id. */
export interface SegmentRecord extends SegmentView {
  id: number;
}

/** What lists show of a segment: its lists of keys can hold thousands of entries. */
export interface SegmentSummary {
  key: string;
  name: string;
  description: string;
  included: number;
  excluded: number;
  ruleGroups: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The parts of a segment people edit; the key is fixed at creation. */
export type SegmentFields = Pick<SegmentView, 'name' | 'description' | 'include' | 'exclude' | 'rules'>;

interface SegmentRow {
  id: number;
  key: string;
  name: string;
  description: string;
  include: string[];
  exclude: string[];
  rules: ValidCondition[][];
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, key, name, description, include, exclude, rules, version, created_at, updated_at';

function toSegment(row: SegmentRow): SegmentRecord {
  return {
    id: Number(row.id),
    key: row.key,
    name: row.name,
    description: row.description,
    include: row.include,
    exclude: row.exclude,
    rules: row.rules,
    version: Number(row.version),
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
  };
}

/** A segment as the API shows it, without its id. */
export function shownSegment({ id: _id, ...segment }: SegmentRecord): SegmentView {
  return segment;
}

/** One page of a project's segments by key, optionally matching a text; `nextCursor` fetches the next. */
export async function listSegments(
  db: Queryable,
  projectId: number,
  filter: { q?: string; limit: number; after?: string },
): Promise<{ segments: SegmentSummary[]; nextCursor: string | null }> {
  const { rows } = await db.query<{
    key: string;
    name: string;
    description: string;
    included: number;
    excluded: number;
    rule_groups: number;
    version: number;
    created_at: Date;
    updated_at: Date;
  }>(
    `SELECT key, name, description, jsonb_array_length(include) AS included, jsonb_array_length(exclude) AS excluded,
            jsonb_array_length(rules) AS rule_groups, version, created_at, updated_at
       FROM segments
      WHERE project_id = $1
        AND ($2::text IS NULL OR key ILIKE $2 OR name ILIKE $2 OR description ILIKE $2)
        AND ($3::text IS NULL OR key > $3)
      ORDER BY key
      LIMIT $4`,
    [projectId, filter.q === undefined ? null : containsPattern(filter.q), filter.after ?? null, filter.limit + 1],
  );
  const page = rows.slice(0, filter.limit).map((row) => ({
    key: row.key,
    name: row.name,
    description: row.description,
    included: Number(row.included),
    excluded: Number(row.excluded),
    ruleGroups: Number(row.rule_groups),
    version: Number(row.version),
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
  }));
  return { segments: page, nextCursor: rows.length > filter.limit ? page.at(-1)!.key : null };
}

/** The segment with `key` in a project. */
export async function findSegment(db: Queryable, projectId: number, key: string): Promise<SegmentRecord | undefined> {
  const { rows } = await db.query<SegmentRow>(`SELECT ${COLUMNS} FROM segments WHERE project_id = $1 AND key = $2`, [projectId, key]);
  return rows[0] === undefined ? undefined : toSegment(rows[0]);
}

/** Stores a new segment; a duplicate key raises a unique violation. */
export async function insertSegment(db: Queryable, projectId: number, input: SegmentFields & { key: string }): Promise<SegmentRecord> {
  const { rows } = await db.query<SegmentRow>(
    `INSERT INTO segments (project_id, key, name, description, include, exclude, rules)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb)
     RETURNING ${COLUMNS}`,
    [projectId, input.key, input.name, input.description, JSON.stringify(input.include), JSON.stringify(input.exclude), JSON.stringify(input.rules)],
  );
  return toSegment(rows[0]!);
}

/** Replaces a segment's fields and raises its version. */
export async function updateSegment(db: Queryable, id: number, fields: SegmentFields): Promise<SegmentRecord> {
  const { rows } = await db.query<SegmentRow>(
    `UPDATE segments SET name = $2, description = $3, include = $4::jsonb, exclude = $5::jsonb, rules = $6::jsonb,
            version = version + 1, updated_at = now()
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [id, fields.name, fields.description, JSON.stringify(fields.include), JSON.stringify(fields.exclude), JSON.stringify(fields.rules)],
  );
  return toSegment(rows[0]!);
}

/** Deletes a segment; callers first make sure nothing refers to it. */
export async function deleteSegment(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM segments WHERE id = $1', [id]);
}
